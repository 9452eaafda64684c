// Text forms of DynamoDB values for the preview: short cell text, and plain JSON (the
// document a DocumentClient would hand the application).
import type { AttributeValue, Item } from '../../engine/AttributeValue';

/** Short display text of a value: strings bare, numbers as DynamoDB holds them, others compact. */
export function valueText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return String(value.BOOL);
  if ('NULL' in value) return 'null';
  if ('SS' in value) return `{${value.SS.join(', ')}}`;
  if ('NS' in value) return `{${value.NS.join(', ')}}`;
  if ('BS' in value) return `{${value.BS.join(', ')}}`;
  return JSON.stringify(toPlain(value));
}

/**
 * Plain JSON of a value. Numbers stay numbers when a JS number holds them exactly and
 * become strings otherwise, so a 38-digit value is never silently rounded.
 */
export function toPlain(value: AttributeValue): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return plainNumber(value.N);
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('SS' in value) return value.SS;
  if ('NS' in value) return value.NS.map(plainNumber);
  if ('BS' in value) return value.BS;
  if ('L' in value) return value.L.map(toPlain);
  return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, toPlain(v)]));
}

function plainNumber(text: string): number | string {
  const number = Number(text);
  return Number.isFinite(number) && String(number) === text ? number : text;
}

export function itemToPlain(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toPlain(v)]));
}

/** "1.2 KB" style sizes; DynamoDB's KB is 1,024 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
