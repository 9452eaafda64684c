// Parsing the schema members of CreateTable and UpdateTable (key schemas, attribute
// definitions, projections, throughput) with DynamoDB Local's checks and words. A model layer
// reuses parseKeySchema to hold designs to the same rules.
import { validationError } from './errors';
import type { KeyAttribute, KeySchema, KeyType } from './KeySchema';
import { MAX_KEY_ATTRIBUTES } from './MultiAttributeKey';
import type { Projection } from './Projection';
import type { AttributeDefinition, Throughput } from './Table';

interface KeySchemaElementInput {
  AttributeName?: unknown;
  KeyType?: unknown;
}

export function parseAttributeDefinitions(raw: unknown): AttributeDefinition[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('No Attribute Schema Defined');
  const seen = new Set<string>();
  return raw.map((element: { AttributeName?: unknown; AttributeType?: unknown }) => {
    const type = element?.AttributeType;
    if (type !== 'S' && type !== 'N' && type !== 'B') throw validationError('Member must satisfy enum value set: [B, N, S]');
    const name = String(element.AttributeName ?? '');
    if (seen.has(name)) throw validationError('Cannot have two attributes with the same name');
    seen.add(name);
    return { AttributeName: name, AttributeType: type };
  });
}

function typeOfAttribute(definitions: readonly AttributeDefinition[], name: string): KeyType | undefined {
  return definitions.find((definition) => definition.AttributeName === name)?.AttributeType;
}

/** Whose key schema is parsed: only a GSI's key may have several attributes per key. */
export type KeySchemaOwner = 'table' | 'LSI' | 'GSI';

const INVALID_KEY_ORDER = 'Invalid key order. Hash Key must be specified first in key schema, Range Key must be specifed second';

function hashElementsFirst(elements: readonly KeySchemaElementInput[]): boolean {
  if (elements[0]?.KeyType !== 'HASH') return false;
  let sortKeySeen = false;
  for (const element of elements) {
    if (element?.KeyType === 'RANGE') sortKeySeen = true;
    else if (element?.KeyType === 'HASH' && sortKeySeen) return false;
  }
  return true;
}

/**
 * A key schema from CreateTable or UpdateTable, with DynamoDB Local's checks in its order: the
 * schema's size, a partition key, unique names, partition-key elements before sort-key ones,
 * the number of each, and then the attribute definitions.
 */
export function parseKeySchema(raw: unknown, definitions: readonly AttributeDefinition[], owner: KeySchemaOwner): KeySchema {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw validationError('No defined key schema.  A key schema containing at least a hash key must be defined for all tables');
  }
  const elements = raw as KeySchemaElementInput[];
  const maxHashes = owner === 'GSI' ? MAX_KEY_ATTRIBUTES : 1;
  if (elements.length > (owner === 'GSI' ? 2 * MAX_KEY_ATTRIBUTES : 2)) {
    throw validationError('Key Schema too big.  Key Schema must at most consist of the hash and range key of a table');
  }
  const hashes = elements.filter((element) => element?.KeyType === 'HASH').map((element) => String(element.AttributeName ?? ''));
  const ranges = elements.filter((element) => element?.KeyType === 'RANGE').map((element) => String(element.AttributeName ?? ''));
  if (hashes.length === 0) throw validationError('No Hash Key specified in schema.  All Dynamo DB tables must have exactly one hash key');
  if (new Set([...hashes, ...ranges]).size < hashes.length + ranges.length) throw validationError('Two keys can not have the same name');
  if (!hashElementsFirst(elements)) throw validationError(INVALID_KEY_ORDER);
  if (hashes.length > maxHashes) {
    throw validationError(
      owner === 'GSI'
        ? `Too many partition keys. GSI can have at most ${MAX_KEY_ATTRIBUTES} partition keys`
        : 'Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key',
    );
  }
  if (ranges.length > MAX_KEY_ATTRIBUTES) throw validationError(`Too many sort keys. GSI can have at most ${MAX_KEY_ATTRIBUTES} sort keys`);
  const attribute = (name: string, role: 'Hash' | 'Range'): KeyAttribute => {
    const type = typeOfAttribute(definitions, name);
    if (type) return { name, type };
    throw validationError(owner === 'table' ? `${role} Key not specified in Attribute Definitions.  Type unknown.` : `Attribute ${name} is not defined in AttributeDefinitions`);
  };
  const hash = hashes.map((name) => attribute(name, 'Hash'));
  const range = ranges.map((name) => attribute(name, 'Range'));
  const schema = { hash: hash[0] as KeyAttribute, range: range[0] };
  return hash.length > 1 || range.length > 1 ? { ...schema, multi: { hash, range } } : schema;
}

export function parseProjection(raw: unknown): Projection {
  const projection = raw as { ProjectionType?: unknown; NonKeyAttributes?: unknown } | undefined;
  if (!projection || typeof projection !== 'object') throw validationError('Indexes must have a projection specified');
  const type = projection.ProjectionType ?? 'INCLUDE';
  const nonKey = Array.isArray(projection.NonKeyAttributes) ? projection.NonKeyAttributes.map(String) : undefined;
  if (type !== 'INCLUDE') {
    if (nonKey !== undefined) throw validationError('No attributes should be specified to be projected unless projection type is INCLUDE');
    if (type !== 'ALL' && type !== 'KEYS_ONLY') throw validationError('Unknown ProjectionType: ' + String(type));
    return { type, nonKeyAttributes: [] };
  }
  if (!nonKey || nonKey.length === 0) {
    throw validationError('If Projection type INCLUDE is specified, some non-key attributes to include in the projection must be specified as well');
  }
  return { type: 'INCLUDE', nonKeyAttributes: nonKey };
}

export function parseThroughput(raw: unknown, what: 'table' | 'index'): Throughput {
  const throughput = raw as { ReadCapacityUnits?: unknown; WriteCapacityUnits?: unknown };
  const read = Number(throughput.ReadCapacityUnits);
  const write = Number(throughput.WriteCapacityUnits);
  if (!(read >= 1) || !(write >= 1)) {
    throw validationError(
      what === 'table'
        ? 'Table read and write throughput must be at least 1, and cannot be null'
        : 'Index read and write throughput must be at least 1, and cannot be null',
    );
  }
  return { read, write, lastIncrease: 0, lastDecrease: 0, decreasesToday: 0 };
}

export function zeroThroughput(): Throughput {
  return { read: 0, write: 0, lastIncrease: 0, lastDecrease: 0, decreasesToday: 0 };
}
