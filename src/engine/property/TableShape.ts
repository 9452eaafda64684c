// Random table shapes: key schema (S/N/B hash, optional range) plus GSIs and LSIs with
// ALL, KEYS_ONLY or INCLUDE projections. Every key attribute name has one type per table,
// as AttributeDefinitions require; GSIs may invert the table key (hash on `sk`).
import fc from 'fast-check';
import type { CreateTableCommandInput, KeySchemaElement, Projection } from '@aws-sdk/client-dynamodb';
import type { KeyType } from '../KeySchema';

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexShape {
  readonly name: string;
  readonly hash: KeyAttribute;
  readonly range: KeyAttribute | undefined;
  readonly projection: { readonly type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; readonly nonKey: readonly string[] };
}

export interface TableShape {
  readonly hash: KeyAttribute;
  readonly range: KeyAttribute | undefined;
  readonly gsis: readonly IndexShape[];
  readonly lsis: readonly IndexShape[];
}

export const INCLUDABLE = ['a', 'b', 'm', 'status'] as const;

// Key attribute and index names include words JavaScript gives a meaning: DynamoDB takes them
// as any other name, and an engine keeping names in plain objects would not.
const GSI_NAMES = ['__proto__', 'gsi1'] as const;
const LSI_NAMES = ['valueOf', 'lsi1'] as const;

const keyType = fc.constantFrom<KeyType>('S', 'N', 'B');

const projection = fc.oneof(
  fc.constant({ type: 'ALL' as const, nonKey: [] }),
  fc.constant({ type: 'KEYS_ONLY' as const, nonKey: [] }),
  fc.subarray([...INCLUDABLE], { minLength: 1 }).map((nonKey) => ({ type: 'INCLUDE' as const, nonKey })),
);

export const tableShape: fc.Arbitrary<TableShape> = fc
  .record({
    types: fc.record({ pk: keyType, sk: keyType, gpk: keyType, constructor: keyType, toString: keyType }),
    hasRange: fc.boolean(),
    gsis: fc.array(
      fc.record({ hash: fc.constantFrom('gpk', 'gpk', 'sk'), range: fc.constantFrom(undefined, 'constructor', 'pk'), projection }),
      { maxLength: 2 },
    ),
    lsis: fc.array(fc.record({ range: fc.constantFrom('toString', 'constructor'), projection }), { maxLength: 2 }),
  })
  .map(({ types, hasRange, gsis, lsis }) => {
    const attribute = (name: keyof typeof types): KeyAttribute => ({ name, type: types[name] });
    const table = { hash: attribute('pk'), range: hasRange ? attribute('sk') : undefined };
    const usable = (name: string | undefined): name is keyof typeof types =>
      name !== undefined && (hasRange || name !== 'sk');
    return {
      ...table,
      gsis: gsis
        .filter((gsi) => usable(gsi.hash))
        .map((gsi, i) => ({
          name: GSI_NAMES[i] as string,
          hash: attribute(gsi.hash as keyof typeof types),
          range: usable(gsi.range) ? attribute(gsi.range) : undefined,
          projection: gsi.projection,
        })),
      lsis: hasRange
        ? lsis.map((lsi, i) => ({ name: LSI_NAMES[i] as string, hash: table.hash, range: attribute(lsi.range), projection: lsi.projection }))
        : [],
    };
  });

export function indexes(shape: TableShape): IndexShape[] {
  return [...shape.gsis, ...shape.lsis];
}

/** Every key attribute of the table and its indexes, each once. */
export function keyAttributes(shape: TableShape): KeyAttribute[] {
  const all = new Map<string, KeyAttribute>();
  for (const key of [shape.hash, shape.range, ...indexes(shape).flatMap((index) => [index.hash, index.range])]) {
    if (key) all.set(key.name, key);
  }
  return [...all.values()];
}

function keySchema(hash: KeyAttribute, range: KeyAttribute | undefined): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: hash.name, KeyType: 'HASH' }];
  if (range) schema.push({ AttributeName: range.name, KeyType: 'RANGE' });
  return schema;
}

function indexProjection(index: IndexShape): Projection {
  if (index.projection.type !== 'INCLUDE') return { ProjectionType: index.projection.type };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.nonKey] };
}

export function createTableInput(tableName: string, shape: TableShape): CreateTableCommandInput {
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes(shape).map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
    KeySchema: keySchema(shape.hash, shape.range),
  };
  if (shape.gsis.length > 0) {
    input.GlobalSecondaryIndexes = shape.gsis.map((gsi) => ({
      IndexName: gsi.name,
      KeySchema: keySchema(gsi.hash, gsi.range),
      Projection: indexProjection(gsi),
    }));
  }
  if (shape.lsis.length > 0) {
    input.LocalSecondaryIndexes = shape.lsis.map((lsi) => ({
      IndexName: lsi.name,
      KeySchema: keySchema(lsi.hash, lsi.range),
      Projection: indexProjection(lsi),
    }));
  }
  return input;
}
