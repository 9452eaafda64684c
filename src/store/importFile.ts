// The one Import entry point of the app: any file the importers read, told apart by content,
// and a notice that says what the file was, what came in, and what could not be kept.
import { detectFormat, FORMAT_NAMES, importDesign, jsonLines } from '../import/index';
import { describeJsonError, readModelJson } from './modelFile';
import { tablesOf } from '../model/tables';
import type { DesignModel } from '../model/types';

export type ImportedFile = { model: DesignModel; summary: string; warnings: string[] } | { error: string };

export function importFile(text: string, fileName: string): ImportedFile {
  const source = JSON.stringify(fileName);
  const stem = fileName.replace(/\.(tablesmith\.)?jsonl?$/i, '');
  const clean = text.replace(/^\uFEFF/, '');
  let document: unknown = clean;
  try {
    document = JSON.parse(clean);
  } catch (error) {
    // An S3 export is JSON Lines; anything else that does not parse is broken JSON, located.
    if (jsonLines(clean) === undefined) return { error: `${source} is not valid JSON: ${describeJsonError(clean, error)}` };
  }
  if (detectFormat(document) === 'tablesmith') {
    const read = readModelJson(document, source);
    if ('error' in read) return read;
    const upgraded = read.migratedFrom !== undefined ? ` (upgraded from format version ${read.migratedFrom})` : '';
    return { model: read.model, summary: `Imported ${source}, read as a ${FORMAT_NAMES.tablesmith}${upgraded}.`, warnings: [] };
  }
  const result = importDesign(document, { name: stem });
  if ('errors' in result) {
    const shown = result.errors.slice(0, 5).map((issue) => `${issue.path || '/'}: ${issue.message}`);
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
    return { error: `${source} could not be imported: ${shown.join('; ')}${more}` };
  }
  const tables = tablesOf(result.model);
  const items = tables.reduce((sum, table) => sum + (table.items?.length ?? 0), 0);
  const tableText = tables.length === 1 ? `table ${tables[0]?.table.name ?? ''}` : `${tables.length} tables (${tables.map((table) => table.table.name).join(', ')})`;
  const entities = tables.reduce((sum, table) => sum + table.entities.length, 0);
  return {
    model: result.model,
    summary: `Imported ${source}, read as a ${FORMAT_NAMES[result.format]}: ${tableText}, ${entities} ${entities === 1 ? 'entity' : 'entities'}, ${items} ${items === 1 ? 'item' : 'items'} of the file kept as they are.`,
    warnings: result.warnings.map((issue) => `${issue.path || '/'}: ${issue.message}`),
  };
}
