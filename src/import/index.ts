// Imports by file content: NoSQL Workbench models and OneTable schemas, told apart by shape
// unless the caller says which. Never throws; a failure is a list of located errors.
import { isRecord, type ImportResult } from './ImportResult';
import { importOneTable, isOneTableDocument, type OneTableImportOptions } from './oneTable';
import { importWorkbench, isWorkbenchDocument, type WorkbenchImportOptions } from './workbench';

export type ImportFormat = 'workbench' | 'onetable';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['workbench', 'onetable'];

export type { ImportIssue, ImportResult } from './ImportResult';

export interface ImportOptions extends WorkbenchImportOptions, OneTableImportOptions {
  from?: ImportFormat;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Imports JSON text (or an already parsed document). */
export function importDesign(input: unknown, options: ImportOptions = {}): ImportResult {
  let document = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input.replace(/^\uFEFF/, ''));
    if ('error' in parsed) return { errors: [{ path: '', message: `the file is not valid JSON: ${parsed.error}` }] };
    document = parsed.value;
  }
  const format = options.from ?? (isWorkbenchDocument(document) ? 'workbench' : isOneTableDocument(document) ? 'onetable' : undefined);
  if (format === 'workbench') return importWorkbench(document, options);
  if (format === 'onetable') return importOneTable(document, options);
  const keys = isRecord(document) ? Object.keys(document).slice(0, 5).join(', ') : typeof document;
  return {
    errors: [
      {
        path: '',
        message: `not a NoSQL Workbench model (needs "DataModel") or a OneTable schema (needs "indexes" and "models"); found ${keys === '' ? 'an empty object' : keys}`,
      },
    ],
  };
}
