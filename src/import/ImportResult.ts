// What every import returns: a model, or located errors and the current model left alone.
import type { DesignModel } from '../model/types';

/** A located problem: `path` is a JSON pointer into the imported file. */
export interface ImportIssue {
  path: string;
  message: string;
}

export type ImportResult = { model: DesignModel; warnings: ImportIssue[] } | { errors: ImportIssue[] };

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
