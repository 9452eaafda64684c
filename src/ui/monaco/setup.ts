// Monaco from the local monaco-editor package with its workers bundled by Vite: the
// @monaco-editor/react loader would otherwise fetch Monaco from a CDN, and the app must work
// offline with no request leaving the machine.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

// Each editor that validates JSON registers its schema under its model's URI; Monaco keeps
// one diagnostics configuration for all of them.
const jsonSchemas = new Map<string, unknown>();

function applyJsonSchemas(): void {
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...jsonSchemas].map(([uri, schema]) => ({ uri: `tablesmith://schema/${encodeURIComponent(uri)}`, fileMatch: [uri], schema })),
  });
}

export function registerJsonSchema(modelUri: string, schema: unknown): () => void {
  jsonSchemas.set(modelUri, schema);
  applyJsonSchemas();
  return () => {
    jsonSchemas.delete(modelUri);
    applyJsonSchemas();
  };
}

export { monaco };
