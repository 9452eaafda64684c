// The one way the app shows code: a Monaco editor bundled from node_modules (no CDN).
export { CodeEditor } from './monaco/CodeEditor';
export type { CodeEditorProps, EditorCompletion, EditorMarker } from './monaco/CodeEditor';
