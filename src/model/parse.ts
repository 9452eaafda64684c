// Reading a design from outside (a file, the clipboard, a URL, local storage): never
// throws, whatever arrives. Text is parsed as JSON, old versions are migrated, and the
// shape is checked against the JSON Schema, each problem located.
import { migrateModel } from './migrate';
import { validateModelShape } from './schema';
import { MODEL_VERSION, type DesignModel, type ModelIssue } from './types';

export type ParseResult =
  | { model: DesignModel; migratedFrom?: number; notes: ModelIssue[] }
  | { issues: ModelIssue[] };

/** Accepts JSON text or an already-parsed value. */
export function parseModel(input: unknown): ParseResult {
  let json: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if ('issue' in parsed) return { issues: [parsed.issue] };
    json = parsed.value;
  }
  const migrated = migrateModel(json);
  if ('issues' in migrated) return migrated;
  const shaped = validateModelShape(migrated.document);
  if ('issues' in shaped) return shaped;
  return migrated.fromVersion === MODEL_VERSION
    ? { model: shaped.model, notes: migrated.notes }
    : { model: shaped.model, migratedFrom: migrated.fromVersion, notes: migrated.notes };
}

function parseJson(text: string): { value: unknown } | { issue: ModelIssue } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { issue: { severity: 'error', path: '', code: 'json.syntax', message: `not valid JSON: ${locate(text, reason)}` } };
  }
}

/** Turns the engine's "at position N" into a line and column a person can find. */
function locate(text: string, reason: string): string {
  const match = /position (\d+)/.exec(reason);
  const position = match?.[1] === undefined ? undefined : Number(match[1]);
  if (position === undefined) {
    return text.trim() === '' ? 'the text is empty' : reason;
  }
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  const detail = reason.replace(/\s*(in JSON )?at position \d+.*$/s, '');
  return `${detail} at line ${line}, column ${column}`;
}
