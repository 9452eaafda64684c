// What every import returns: a model, or located errors and the current model left alone.
import type { DesignModel } from '../model/types';

/** A located problem: `path` is a JSON pointer into the imported file. */
export interface ImportIssue {
  path: string;
  message: string;
}

export type ImportFormat = 'tablesmith' | 'workbench' | 'onetable' | 'dynamodb-json';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  tablesmith: 'Tablesmith model',
  workbench: 'NoSQL Workbench model',
  onetable: 'OneTable schema',
  'dynamodb-json': 'DynamoDB JSON items',
};

/** A design, or located errors (the current design is then left alone); `format` says what the file was. */
export type ImportResult = { model: DesignModel; warnings: ImportIssue[]; format: ImportFormat } | { errors: ImportIssue[] };

export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Stable ids derived from names, so importing the same file twice gives the same model. */
export function idFor(kind: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${kind}-${slug === '' ? 'x' : slug}`;
}
