// The JSON 1.0 bytes of a response payload, made for the in-process SDK handler.
//
// Two costs dominate a small response there, and neither is DynamoDB's work: serialising the
// returned items, and allocating typed arrays (each one is a separate off-heap buffer, slow to
// make and a burden on every garbage collection). So the JSON text of an item a Query or Scan
// returns as stored is kept on its stored entry (read just before, so at hand), and bodies are
// written into shared slabs, bump-allocated and never reused, so a body stays valid for as long
// as the SDK holds it, however many requests are in flight.
import { isAttributeMap } from './AttributeMap';
import { storedEntriesOf } from './ReadPage';

const encoder = new TextEncoder();

// JSON.stringify is generic; items have one shape, and writing it directly takes about half
// the time, which matters the first time each item is returned. Anything not in that shape
// goes to JSON.stringify, so the text is always JSON.stringify's.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringJson(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function listJson<T>(list: readonly T[], json: (element: T) => string): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '' : ',') + json(list[i] as T);
  return `${out}]`;
}

/** A plain object (not an array, a Date or other class instance), the only shape written here. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || isAttributeMap(value);
}

/** An attribute value's JSON; in a list, what JSON.stringify writes for an element (null for undefined). */
function valueJson(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value) ?? 'null';
  let out: string | undefined;
  for (const type in value) {
    if (out !== undefined) return JSON.stringify(value);
    const member = (value as Record<string, unknown>)[type];
    if ((type === 'S' || type === 'N' || type === 'B') && typeof member === 'string') out = `{"${type}":${stringJson(member)}}`;
    else if ((type === 'SS' || type === 'NS' || type === 'BS') && Array.isArray(member) && member.every((element) => typeof element === 'string')) {
      out = `{"${type}":${listJson(member as string[], stringJson)}}`;
    } else if (type === 'L' && Array.isArray(member)) out = `{"L":${listJson(member, valueJson)}}`;
    else if (type === 'M') out = `{"M":${itemJson(member)}}`;
    else if ((type === 'BOOL' || type === 'NULL') && typeof member === 'boolean') out = `{"${type}":${member}}`;
    else return JSON.stringify(value);
  }
  return out ?? '{}';
}

/** `JSON.stringify(item)` for an item or key (a map of attribute values). */
export function itemJson(item: unknown): string {
  if (!isRecord(item)) return JSON.stringify(item);
  let out = '{';
  for (const name in item) {
    const value = item[name];
    // JSON.stringify leaves such members out.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return JSON.stringify(item);
    out += `${out.length === 1 ? '' : ','}${stringJson(name)}:${valueJson(value)}`;
  }
  return `${out}}`;
}

const SLAB_BYTES = 256 * 1024;

let slab = new Uint8Array(SLAB_BYTES);
let used = 0;

/** Writes the texts one after another from `start`; returns where they end, or undefined if they do not fit. */
function writeTexts(target: Uint8Array, start: number, texts: readonly string[]): number | undefined {
  let at = start;
  for (const text of texts) {
    // The separators between items: one ASCII character, not worth a call into the encoder.
    if (text.length === 1 && text.charCodeAt(0) < 0x80) {
      if (at >= target.length) return undefined;
      target[at++] = text.charCodeAt(0);
      continue;
    }
    const { read, written } = encoder.encodeInto(text, target.subarray(at));
    if (read < text.length) return undefined;
    at += written;
  }
  return at;
}

/** The texts' UTF-8 bytes, concatenated, as a view into a slab. */
function encodeTexts(texts: readonly string[]): Uint8Array {
  let length = 0;
  for (const text of texts) length += text.length;
  // UTF-8 needs at most 3 bytes per UTF-16 code unit; a body that might not fit in a quarter
  // of a slab gets a buffer of its own rather than wasting the rest of the current slab.
  if (length * 3 > SLAB_BYTES / 4) {
    const own = new Uint8Array(length * 3);
    return own.subarray(0, writeTexts(own, 0, texts));
  }
  let end = writeTexts(slab, used, texts);
  if (end === undefined) {
    slab = new Uint8Array(SLAB_BYTES);
    used = 0;
    end = writeTexts(slab, used, texts) as number;
  }
  const body = slab.subarray(used, end);
  used = end;
  return body;
}

/** `JSON.stringify(payload)` as UTF-8 bytes. */
export function responseBody(payload: Record<string, unknown>): Uint8Array {
  const items = payload.Items;
  if (!Array.isArray(items)) return encodeTexts([JSON.stringify(payload)]);
  const texts: string[] = ['{"Items":['];
  const entries = storedEntriesOf(items);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) texts.push(',');
    const entry = entries?.[i];
    texts.push(entry !== undefined && entry.item === items[i] ? (entry.wire ??= itemJson(entry.item)) : itemJson(items[i]));
  }
  let tail = ']';
  for (const key in payload) {
    const value = payload[key];
    if (key === 'Items' || value === undefined) continue;
    tail += `,${stringJson(key)}:${typeof value === 'number' && Number.isFinite(value) ? String(value) : key === 'LastEvaluatedKey' ? itemJson(value) : JSON.stringify(value)}`;
  }
  texts.push(`${tail}}`);
  return encodeTexts(texts);
}
