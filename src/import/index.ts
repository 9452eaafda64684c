// One entry point for every file a user may bring: a Tablesmith model, a NoSQL Workbench model
// (1.0–3.x), a OneTable schema, or DynamoDB JSON items (a Scan dump, an S3 export's lines). The
// format is told apart by shape unless the caller says which, and the result says what it found.
// Never throws; a failure is a list of located errors.
import { parseModel } from '../model/parse';
import { dynamoDbJsonItems, importDynamoDbJson, jsonLines, type DynamoDbJsonImportOptions } from './dynamodbJson';
import { FORMAT_NAMES, isRecord, type ImportFormat, type ImportResult } from './ImportResult';
import { importOneTable, isOneTableDocument, type OneTableImportOptions } from './oneTable';
import { importWorkbench, isWorkbenchDocument, type WorkbenchImportOptions } from './workbench';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['tablesmith', 'workbench', 'onetable', 'dynamodb-json'];

export { FORMAT_NAMES } from './ImportResult';
export { jsonLines } from './dynamodbJson';
export type { ImportFormat, ImportIssue, ImportResult } from './ImportResult';

export interface ImportOptions extends WorkbenchImportOptions, OneTableImportOptions, DynamoDbJsonImportOptions {
  from?: ImportFormat;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function isTablesmithDocument(value: unknown): boolean {
  return isRecord(value) && isRecord(value.table) && Array.isArray(value.entities);
}

/** The format a parsed document is in, told apart by its shape. */
export function detectFormat(document: unknown): ImportFormat | undefined {
  if (isTablesmithDocument(document)) return 'tablesmith';
  if (isWorkbenchDocument(document)) return 'workbench';
  if (isOneTableDocument(document)) return 'onetable';
  if (dynamoDbJsonItems(document) !== undefined) return 'dynamodb-json';
  return undefined;
}

function importTablesmith(document: unknown): ImportResult {
  const parsed = parseModel(document);
  if ('issues' in parsed) return { errors: parsed.issues.filter((issue) => issue.severity === 'error').map(({ path, message }) => ({ path, message })) };
  const warnings = parsed.migratedFrom !== undefined ? [{ path: '/version', message: `upgraded from format version ${parsed.migratedFrom}` }] : [];
  return { model: parsed.model, warnings, format: 'tablesmith' };
}

/** Imports text (JSON, or JSON Lines for an S3 export) or an already parsed document. */
export function importDesign(input: unknown, options: ImportOptions = {}): ImportResult {
  let document = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    const parsed = parseJson(text);
    if ('error' in parsed) {
      const lines = jsonLines(text);
      if (lines === undefined) return { errors: [{ path: '', message: `the file is not valid JSON: ${parsed.error}` }] };
      document = lines;
    } else {
      document = parsed.value;
    }
  }
  const format = options.from ?? detectFormat(document);
  switch (format) {
    case 'tablesmith':
      return importTablesmith(document);
    case 'workbench':
      return importWorkbench(document, options);
    case 'onetable':
      return importOneTable(document, options);
    case 'dynamodb-json': {
      const items = dynamoDbJsonItems(document);
      if (items === undefined) return { errors: [{ path: '', message: 'not DynamoDB JSON items: expected {"Items": [...]}, lines of {"Item": {...}}, or an array of items' }] };
      return importDynamoDbJson(items, options);
    }
    case undefined: {
      const keys = isRecord(document) ? Object.keys(document).slice(0, 5).join(', ') : typeof document;
      return {
        errors: [
          {
            path: '',
            message: `not a file Tablesmith reads (${Object.values(FORMAT_NAMES).join(', ')}); found ${keys === '' ? 'an empty object' : keys}`,
          },
        ],
      };
    }
  }
}
