// Key schemas of tables and indexes, and the order-preserving tokens storage sorts by.
// A token is a plain JS string whose code-unit order equals DynamoDB's order for the key
// type, so every comparison on the hot path is a native string comparison.
import { attributeMap } from './AttributeMap';
import { base64ByteLength, utf8Length, type AttributeValue, type Item } from './AttributeValue';

export type KeyType = 'S' | 'N' | 'B';

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

export interface MultiAttributeKey {
  /** The partition-key attributes, in key schema order. */
  readonly hash: readonly KeyAttribute[];
  /** The sort-key attributes, in key schema order; empty when the index has no sort key. */
  readonly range: readonly KeyAttribute[];
}

export interface KeySchema {
  /** The partition key; of a multi-attribute key, its first attribute. */
  readonly hash: KeyAttribute;
  /** The sort key; of a multi-attribute key, its first attribute. */
  readonly range: KeyAttribute | undefined;
  /** Every key attribute of a GSI whose key has several (see MultiAttributeKey.ts). */
  readonly multi?: MultiAttributeKey;
}

/** Key attribute names in key schema order: partition-key attributes, then sort-key attributes. */
export function keyAttributeNames(schema: KeySchema): string[] {
  if (schema.multi) return [...schema.multi.hash, ...schema.multi.range].map((attribute) => attribute.name);
  return schema.range ? [schema.hash.name, schema.range.name] : [schema.hash.name];
}

export function keyTypeOf(value: AttributeValue): string {
  for (const type in value) return type;
  return '';
}

/** The value of a key attribute as DynamoDB stores it (S text, N text, B base64). */
export function keyScalar(value: AttributeValue, type: KeyType): string | undefined {
  const scalar = (value as Record<string, unknown>)[type];
  return typeof scalar === 'string' ? scalar : undefined;
}

// UTF-16 code-unit order differs from UTF-8 byte order only for code units from U+D800 up:
// surrogate pairs (code points ≥ U+10000) must sort after U+E000–U+FFFF. Shifting the two
// ranges past each other makes code-unit order equal code-point (= UTF-8 byte) order.
function stringToken(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0xd800) return remapHighCodeUnits(text);
  }
  return text;
}

function remapHighCodeUnits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800) out += text[i];
    else if (unit < 0xe000) out += String.fromCharCode(unit + 0x2000);
    else out += String.fromCharCode(unit - 0x800);
  }
  return out;
}

const EXPONENT_BIAS = 500;

// Numbers become sign + biased exponent + mantissa digits, with negatives complemented and
// terminated by '~' so that a shorter negative mantissa (smaller magnitude) sorts higher.
function numberToken(text: string): string {
  let body = text.trim();
  let negative = false;
  if (body.startsWith('-')) {
    negative = true;
    body = body.slice(1);
  } else if (body.startsWith('+')) {
    body = body.slice(1);
  }
  let exponent = 0;
  const e = body.search(/[eE]/);
  if (e >= 0) {
    exponent = Number(body.slice(e + 1));
    body = body.slice(0, e);
  }
  const dot = body.indexOf('.');
  let digits = dot >= 0 ? body.slice(0, dot) + body.slice(dot + 1) : body;
  let pointPosition = (dot >= 0 ? dot : body.length) + exponent;
  const leading = digits.search(/[1-9]/);
  if (leading < 0) return 'O';
  digits = digits.slice(leading).replace(/0+$/, '');
  pointPosition -= leading;
  const biased = pointPosition + EXPONENT_BIAS;
  if (!negative) return 'P' + String(biased).padStart(4, '0') + digits;
  let complement = '';
  for (let i = 0; i < digits.length; i++) complement += String(9 - (digits.charCodeAt(i) - 48));
  return 'N' + String(9999 - biased).padStart(4, '0') + complement + '~';
}

// atob yields one char per byte, so code-unit order is unsigned byte order.
function binaryToken(base64: string): string {
  return atob(base64);
}

export function keyToken(value: AttributeValue, type: KeyType): string {
  const scalar = keyScalar(value, type) ?? '';
  if (type === 'S') return stringToken(scalar);
  if (type === 'N') return numberToken(scalar);
  return binaryToken(scalar);
}

/** Identity of a partition: the canonical value, so equal keys always meet in one Map slot. */
export function partitionToken(value: AttributeValue, type: KeyType): string {
  return type === 'N' ? numberToken(keyScalar(value, type) ?? '') : (keyScalar(value, type) ?? '');
}

export function extractKey(item: Item, schema: KeySchema): Item {
  const key: Item = attributeMap();
  const hash = item[schema.hash.name];
  if (hash) key[schema.hash.name] = hash;
  if (schema.range) {
    const range = item[schema.range.name];
    if (range) key[schema.range.name] = range;
  }
  return key;
}

/** UTF-8 byte length of a key value, the measure of DynamoDB's 2048/1024-byte key limits. */
export function keyValueBytes(value: AttributeValue, type: KeyType): number {
  const scalar = keyScalar(value, type) ?? '';
  if (type === 'B') return base64ByteLength(scalar);
  if (type === 'S') return utf8Length(scalar);
  return scalar.length;
}
