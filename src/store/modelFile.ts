// Reading and writing the model as a file or a share link. Reading never throws: it returns
// the model or a message that says what is wrong and where, so the current work is untouched.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { DesignModel, ModelIssue } from '../model/types';
import { loadModelJson } from './derive';
import { jsonErrorOffset, lineColumn } from './jsonErrorOffset';

export type ReadResult = { model: DesignModel; migratedFrom?: number } | { error: string };

export const SHARE_HASH_KEY = 'model';

export function serializeModel(model: DesignModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** A file name for downloading the model, from its name. */
export function modelFileName(model: DesignModel): string {
  const base = model.name.trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'model'}.tablesmith.json`;
}

export function readModelText(text: string, source: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `${source} is not valid JSON: ${describeJsonError(text, error)}` };
  }
  return readModelJson(json, source);
}

export function readModelJson(json: unknown, source: string): ReadResult {
  const result = loadModelJson(json);
  if ('model' in result) return result;
  return { error: `${source} is not a valid Tablesmith model: ${formatIssues(result.issues)}` };
}

export function formatIssues(issues: readonly ModelIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const shown = (errors.length ? errors : issues).slice(0, 5).map((issue) => `at ${issue.path || '/'}: ${issue.message}`);
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** JSON.parse's message plus where the problem is, as "line L, column C". */
export function describeJsonError(text: string, error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return message;
  const { line, column } = lineColumn(text, offset);
  return `${message} at line ${line}, column ${column}`;
}

export function shareHash(model: DesignModel): string {
  return `#${SHARE_HASH_KEY}=${compressToEncodedURIComponent(JSON.stringify(model))}`;
}

/** The model carried by a location hash; undefined when the hash carries none. */
export function readShareHash(hash: string): ReadResult | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(SHARE_HASH_KEY);
  if (packed === null) return undefined;
  // URLSearchParams turns '+' into ' '; lz-string's URI alphabet uses '+'.
  const text = decompressFromEncodedURIComponent(packed.replace(/ /g, '+'));
  if (!text) return { error: 'The shared link is damaged (its model could not be decompressed); was it cut short?' };
  return readModelText(text, 'The shared link');
}
