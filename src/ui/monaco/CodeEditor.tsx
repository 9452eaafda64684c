// A locally bundled Monaco editor: read-only code views (exports) and editable documents
// (a pattern's request JSON) with schema validation, completions and in-place markers.
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef, useState } from 'react';
import { monaco, registerJsonSchema } from './setup';

export interface EditorMarker {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Character offsets into the value, end exclusive. */
  start: number;
  end: number;
}

export interface EditorCompletion {
  label: string;
  /** What the completion inserts; defaults to the label. */
  insertText?: string;
  detail?: string;
  kind?: 'attribute' | 'placeholder' | 'keyword';
}

export interface CodeEditorProps {
  value: string;
  language: string;
  /** Accessible name of the editor's text box. */
  label: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** Identifies the document (and its undo stack) across re-renders, e.g. `pattern-ap-1.json`. */
  path?: string;
  /** JSON Schema the document is validated against (JSON only). */
  jsonSchema?: unknown;
  markers?: readonly EditorMarker[];
  completions?: readonly EditorCompletion[];
  height?: string | number;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

const COMPLETION_KIND = {
  attribute: monaco.languages.CompletionItemKind.Field,
  placeholder: monaco.languages.CompletionItemKind.Variable,
  keyword: monaco.languages.CompletionItemKind.Keyword,
} as const;

export function CodeEditor({
  value,
  language,
  label,
  readOnly = false,
  onChange,
  path,
  jsonSchema,
  markers,
  completions,
  height = '18rem',
}: CodeEditorProps) {
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | undefined>();
  const completionsRef = useRef(completions);
  completionsRef.current = completions;

  const onMount: OnMount = (mounted) => setEditor(mounted);

  const model = editor?.getModel() ?? undefined;
  const uri = model?.uri.toString();

  useEffect(() => {
    if (!uri || jsonSchema === undefined) return undefined;
    return registerJsonSchema(uri, jsonSchema);
  }, [uri, jsonSchema]);

  useEffect(() => {
    if (!editor) return;
    const current = editor.getModel();
    if (!current) return;
    monaco.editor.setModelMarkers(
      current,
      'tablesmith',
      (markers ?? []).map((m) => {
        const start = current.getPositionAt(m.start);
        const end = current.getPositionAt(Math.max(m.end, m.start + 1));
        return {
          severity: SEVERITY[m.severity],
          message: m.message,
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
    );
  }, [editor, markers, value]);

  useEffect(() => {
    if (!editor || readOnly) return undefined;
    const registration = monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: ['"', '{', '#', ':'],
      provideCompletionItems(target, position) {
        if (target !== editor.getModel()) return { suggestions: [] };
        const word = target.getWordUntilPosition(position);
        // A placeholder being typed (`{{us`) is replaced whole, braces included.
        const before = target.getLineContent(position.lineNumber).slice(0, position.column - 1);
        const opened = /\{\{\w*$/.exec(before)?.[0];
        const start = opened ? position.column - opened.length : word.startColumn;
        const range = new monaco.Range(position.lineNumber, start, position.lineNumber, word.endColumn);
        return {
          suggestions: (completionsRef.current ?? []).map((c) => ({
            label: c.label,
            insertText: c.insertText ?? c.label,
            detail: c.detail,
            kind: COMPLETION_KIND[c.kind ?? 'keyword'],
            range,
          })),
        };
      },
    });
    return () => registration.dispose();
  }, [editor, language, readOnly]);

  return (
    <div className="code-editor" style={{ height, border: '1px solid #ccc' }}>
      <Editor
        value={value}
        language={language}
        {...(path ? { path } : {})}
        onMount={onMount}
        onChange={(next) => onChange?.(next ?? '')}
        loading={<p role="status">Loading editor…</p>}
        options={{
          readOnly,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          tabSize: 2,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
