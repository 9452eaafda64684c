// The one way the app shows code: a Monaco editor bundled from node_modules (no CDN). Monaco
// is several megabytes, so it is fetched the first time an editor is shown, never on the
// first screen.
import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './monaco/CodeEditor';

export type { CodeEditorProps, EditorCompletion, EditorMarker } from './monaco/CodeEditor';

const LazyCodeEditor = lazy(() => import('./monaco/CodeEditor').then((module) => ({ default: module.CodeEditor })));

export function CodeEditor(props: CodeEditorProps) {
  const height = props.height ?? '18rem';
  return (
    <Suspense
      fallback={
        <p role="status" className="code-editor-loading" style={{ height }}>
          Loading editor…
        </p>
      }
    >
      <LazyCodeEditor {...props} />
    </Suspense>
  );
}
