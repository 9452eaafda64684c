// Parsing the schema members of CreateTable and UpdateTable (key schemas, attribute
// definitions, projections, throughput) with DynamoDB Local's checks and words.
import { validationError } from './errors';
import type { KeySchema, KeyType } from './KeySchema';
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

function typeOfAttribute(definitions: AttributeDefinition[], name: string): KeyType | undefined {
  return definitions.find((definition) => definition.AttributeName === name)?.AttributeType;
}

/** A table's key schema; table and index schemas share the hash/range rules. */
export function parseKeySchema(raw: unknown, definitions: AttributeDefinition[], forIndex: boolean): KeySchema {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw validationError('No defined key schema.  A key schema containing at least a hash key must be defined for all tables');
  }
  const elements = raw as KeySchemaElementInput[];
  const hashes = elements.filter((element) => element?.KeyType === 'HASH');
  const ranges = elements.filter((element) => element?.KeyType === 'RANGE');
  if (hashes.length === 0) throw validationError('No Hash Key specified in schema.  All Dynamo DB tables must have exactly one hash key');
  if (hashes.length > 1) throw validationError('Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key');
  if (ranges.length > 1) throw validationError('Too many range keys specified.  All Dynamo DB tables must have exactly one range key');
  if (elements[0]?.KeyType !== 'HASH') throw validationError('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  const hashName = String(hashes[0]?.AttributeName ?? '');
  const rangeName = ranges[0] ? String(ranges[0].AttributeName ?? '') : undefined;
  if (hashName === rangeName) throw validationError('Two keys can not have the same name');
  const hashType = typeOfAttribute(definitions, hashName);
  if (!hashType) {
    throw validationError(forIndex ? `Attribute ${hashName} is not defined in AttributeDefinitions` : 'Hash Key not specified in Attribute Definitions.  Type unknown.');
  }
  let range: KeySchema['range'];
  if (rangeName !== undefined) {
    const rangeType = typeOfAttribute(definitions, rangeName);
    if (!rangeType) {
      throw validationError(forIndex ? `Attribute ${rangeName} is not defined in AttributeDefinitions` : 'Range Key not specified in Attribute Definitions.  Type unknown.');
    }
    range = { name: rangeName, type: rangeType };
  }
  return { hash: { name: hashName, type: hashType }, range };
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
