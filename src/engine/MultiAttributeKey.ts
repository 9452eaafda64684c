// Multi-attribute keys (DynamoDB, November 2025): a GSI's partition key and its sort key may
// each consist of up to four attributes, ordered as listed in the key schema. Storage keeps
// one token per key, made from the parts' tokens so that plain string order is DynamoDB's
// order: by the first part, then by the next, and so on.
import type { AttributeValue, Item } from './AttributeValue';
import { keyToken, partitionToken, type KeyAttribute, type KeySchema } from './KeySchema';

/** Attributes a GSI's partition key, and its sort key, may each consist of. */
export const MAX_KEY_ATTRIBUTES = 4;

export function hashAttributes(schema: KeySchema): readonly KeyAttribute[] {
  return schema.multi ? schema.multi.hash : [schema.hash];
}

export function rangeAttributes(schema: KeySchema): readonly KeyAttribute[] {
  if (schema.multi) return schema.multi.range;
  return schema.range ? [schema.range] : [];
}

// A part's token with NUL escaped as NUL SOH and ended by NUL NUL: no part's encoding is a
// prefix of another's and the end sorts below any character, so concatenations compare part
// by part, a shorter part first.
const TERMINATOR = '\u0000\u0000';

function escapeNul(token: string): string {
  return token.includes('\u0000') ? token.replaceAll('\u0000', '\u0000\u0001') : token;
}

/** One part of a multi-attribute key, as it appears inside the key's token. */
export function partToken(value: AttributeValue, type: KeyAttribute['type']): string {
  return escapeNul(keyToken(value, type)) + TERMINATOR;
}

/**
 * What every token of a part beginning with `value` starts with (S and B tokens keep their
 * prefixes: one code unit per character or byte).
 */
export function partPrefixToken(value: AttributeValue, type: KeyAttribute['type']): string {
  return escapeNul(keyToken(value, type));
}

/** The token of the key made of these attributes, or undefined when the item lacks one or has it in another type. */
export function partsToken(item: Item, attributes: readonly KeyAttribute[]): string | undefined {
  let token = '';
  for (const attribute of attributes) {
    const value = item[attribute.name];
    if (!value || !(attribute.type in value)) return undefined;
    token += partToken(value, attribute.type);
  }
  return token;
}

/** The token of leading key parts given as values, in the attributes' order. */
export function valuesToken(values: readonly AttributeValue[], attributes: readonly KeyAttribute[]): string {
  let token = '';
  for (let i = 0; i < values.length; i++) token += partToken(values[i] as AttributeValue, (attributes[i] as KeyAttribute).type);
  return token;
}

/** The token of the partition a (checked) key or item belongs to. */
export function partitionTokenOf(schema: KeySchema, key: Item): string {
  if (schema.multi) return partsToken(key, schema.multi.hash) ?? '';
  return partitionToken(key[schema.hash.name] as AttributeValue, schema.hash.type);
}
