// A parameter's value as the designer holds it (text) and as the request carries it. Scalars
// are their own text; a document type (M, L, SS, NS, BS) is the DynamoDB JSON of its member,
// e.g. `["a","b"]` for SS or `{"city":{"S":"Lisbon"}}` for M, so a sample item's value can be
// shown, edited and substituted without losing its type.
import type { ParameterType } from '../types';

export const DOCUMENT_TYPES: ReadonlySet<ParameterType> = new Set<ParameterType>(['M', 'L', 'SS', 'NS', 'BS']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

/** The wire member for a document-typed parameter, or why its text is not one. */
export function documentValue(type: ParameterType, text: string): ParsedValue {
  if (!DOCUMENT_TYPES.has(type)) return { ok: true, value: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: `must be ${describe(type)} written as JSON` };
  }
  switch (type) {
    case 'SS':
    case 'BS':
      return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? { ok: true, value: parsed } : { ok: false, message: `must be ${describe(type)}` };
    case 'NS': {
      const numbers = Array.isArray(parsed) ? parsed.map((v) => (typeof v === 'number' ? String(v) : v)) : undefined;
      return numbers?.every((v) => typeof v === 'string' && NUMBER.test(v)) ? { ok: true, value: numbers } : { ok: false, message: `must be ${describe(type)}` };
    }
    case 'L':
      return Array.isArray(parsed) && parsed.every(isObject) ? { ok: true, value: parsed } : { ok: false, message: `must be ${describe(type)}` };
    case 'M':
      return isObject(parsed) && Object.values(parsed).every(isObject) ? { ok: true, value: parsed } : { ok: false, message: `must be ${describe(type)}` };
    default:
      return { ok: true, value: parsed };
  }
}

function describe(type: ParameterType): string {
  switch (type) {
    case 'SS':
      return 'a list of strings, e.g. ["a","b"]';
    case 'NS':
      return 'a list of numbers, e.g. [1,2]';
    case 'BS':
      return 'a list of base64 strings';
    case 'L':
      return 'a list of DynamoDB JSON values, e.g. [{"S":"a"}]';
    case 'M':
      return 'a map of DynamoDB JSON values, e.g. {"city":{"S":"Lisbon"}}';
    default:
      return type;
  }
}

/** A stored attribute value as a parameter's text; undefined for NULL or anything else. */
export function parameterText(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.S === 'string') return value.S;
  if (typeof value.N === 'string') return value.N;
  if (typeof value.B === 'string') return value.B;
  if (typeof value.BOOL === 'boolean') return String(value.BOOL);
  for (const type of DOCUMENT_TYPES) if (type in value) return JSON.stringify(value[type]);
  return undefined;
}
