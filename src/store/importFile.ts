// The one Import entry point of the app: any file the importers read, told apart by content,
// and a notice that says what the file was, what came in, and what could not be kept.
import { FORMAT_NAMES, importDesign } from '../import/index';
import { tablesOf } from '../model/tables';
import type { DesignModel } from '../model/types';

export type ImportedFile = { model: DesignModel; summary: string; warnings: string[] } | { error: string };

export function importFile(text: string, fileName: string): ImportedFile {
  const stem = fileName.replace(/\.(tablesmith\.)?jsonl?$/i, '');
  const result = importDesign(text, { name: stem });
  if ('errors' in result) {
    const shown = result.errors.slice(0, 5).map((issue) => `${issue.path || '/'}: ${issue.message}`);
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
    return { error: `${JSON.stringify(fileName)} could not be imported: ${shown.join('; ')}${more}` };
  }
  const tables = tablesOf(result.model);
  const items = tables.reduce((sum, table) => sum + (table.items?.length ?? 0), 0);
  const tableText = tables.length === 1 ? `table ${tables[0]?.table.name ?? ''}` : `${tables.length} tables (${tables.map((table) => table.table.name).join(', ')})`;
  const entities = tables.reduce((sum, table) => sum + table.entities.length, 0);
  return {
    model: result.model,
    summary: `Imported ${JSON.stringify(fileName)}, read as a ${FORMAT_NAMES[result.format]}: ${tableText}, ${entities} ${entities === 1 ? 'entity' : 'entities'}, ${items} ${items === 1 ? 'item' : 'items'} of the file kept as they are.`,
    warnings: result.warnings.map((issue) => `${issue.path || '/'}: ${issue.message}`),
  };
}
