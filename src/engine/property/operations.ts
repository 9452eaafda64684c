// Random item operations against one table shape, as SDK inputs without the table name
// (bound at run time, when the table's unique name is known). Most requests are valid;
// a steady few are not, so DynamoDB's validation errors are compared as well.
import fc from 'fast-check';
import type {
  AttributeValue,
  BatchGetItemCommandInput,
  BatchWriteItemCommandInput,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  QueryCommandInput,
  ReturnConsumedCapacity,
  ScanCommandInput,
  UpdateItemCommandInput,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import {
  Placeholders,
  condition,
  keyCondition,
  projection,
  renderCondition,
  renderKeyCondition,
  renderProjection,
  renderUpdate,
  update,
  type Condition,
  type DocumentPath,
  type KeyCondition,
  type Update,
  type Vocabulary,
} from './expressions';
import { normalizeNumber } from '../AttributeValue';
import { printable } from './runSequence';
import { indexes, keyAttributes, type IndexShape, type KeyAttribute, type TableShape } from './TableShape';
import { MAP_KEYS, attributeValue, deepValue, invalidAttributeValue, invalidKeyValue, keyValue } from './values';

type Item = Record<string, AttributeValue>;
type Unbound<T> = Omit<T, 'TableName'>;

export type Operation =
  | { readonly action: 'PutItem'; readonly input: Unbound<PutItemCommandInput> }
  | { readonly action: 'UpdateItem'; readonly input: Unbound<UpdateItemCommandInput> }
  | { readonly action: 'DeleteItem'; readonly input: Unbound<DeleteItemCommandInput> }
  | { readonly action: 'GetItem'; readonly input: Unbound<GetItemCommandInput> }
  /** `pages`: how many pages to read by following LastEvaluatedKey. */
  | { readonly action: 'Query'; readonly input: Unbound<QueryCommandInput>; readonly pages: number }
  | { readonly action: 'Scan'; readonly input: Unbound<ScanCommandInput>; readonly pages: number }
  | { readonly action: 'BatchWriteItem'; readonly requests: readonly WriteRequest[]; readonly input: Omit<BatchWriteItemCommandInput, 'RequestItems'> }
  | {
      readonly action: 'BatchGetItem';
      readonly keys: readonly Item[];
      readonly read: { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ConsistentRead?: boolean };
      readonly input: Omit<BatchGetItemCommandInput, 'RequestItems'>;
    };

/** Non-key attributes items carry; some must be aliased (reserved words, odd characters). */
export const ITEM_NAMES = ['a', 'b', 'c', 'm', 'l', 'ss', 'ns', 'Size', 'status', 'x.y', 'é', '__proto__', 'isPrototypeOf'] as const;

const mapValue = fc.dictionary(fc.constantFrom(...MAP_KEYS), attributeValue, { maxKeys: 3 }).map((M): AttributeValue => ({ M }));
const listValue = fc.array(attributeValue, { maxLength: 3 }).map((L): AttributeValue => ({ L }));
const typical = (arb: fc.Arbitrary<AttributeValue>): fc.Arbitrary<AttributeValue> =>
  fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: attributeValue, weight: 1 });

const nonKeyAttributes: fc.Arbitrary<Item> = fc.record(
  {
    a: attributeValue,
    b: attributeValue,
    c: attributeValue,
    m: typical(mapValue),
    l: typical(fc.oneof({ arbitrary: listValue, weight: 6 }, { arbitrary: deepValue, weight: 1 })),
    ss: typical(fc.uniqueArray(fc.constantFrom('a', 'b', 'é', '😀'), { minLength: 1 }).map((SS) => ({ SS }))),
    ns: typical(fc.uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1 }).map((ns) => ({ NS: ns.map(String) }))),
    Size: attributeValue,
    status: attributeValue,
    'x.y': attributeValue,
    é: attributeValue,
    ['__proto__']: attributeValue,
    isPrototypeOf: attributeValue,
  },
  { requiredKeys: [] },
);

/** A rare mistake, else `valid`. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>, odds = 40): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: odds }, { arbitrary: invalid, weight: 1 });
}

/** The table-key attributes of an item (whatever they hold). */
function extractKey(shape: TableShape, item: Item): Item {
  const key: Item = {};
  for (const name of [shape.hash.name, shape.range?.name]) {
    const value = name === undefined ? undefined : item[name];
    if (name !== undefined && value !== undefined) key[name] = value;
  }
  return key;
}

function keyOf(hash: KeyAttribute, range: KeyAttribute | undefined): fc.Arbitrary<Item> {
  return fc.tuple(keyValue(hash.type), range ? keyValue(range.type) : fc.constant(undefined)).map(([h, r]) => {
    const key: Item = { [hash.name]: h };
    if (range && r) key[range.name] = r;
    return key;
  });
}

function primaryKey(shape: TableShape): fc.Arbitrary<Item> {
  return mostly(keyOf(shape.hash, shape.range), invalidPrimaryKey(shape));
}

function invalidPrimaryKey(shape: TableShape): fc.Arbitrary<Item> {
  return fc.oneof(
    misshapenKey(shape),
    fc.tuple(keyOf(shape.hash, shape.range), invalidKeyValue(shape.hash.type)).map(([key, bad]) => ({ ...key, [shape.hash.name]: bad })),
  );
}

/** A key with an attribute too few or too many. */
function misshapenKey(shape: TableShape): fc.Arbitrary<Item> {
  return fc.oneof(
    keyOf(shape.hash, undefined),
    fc.tuple(keyOf(shape.hash, shape.range), fc.constantFrom(...ITEM_NAMES), attributeValue).map(([key, name, value]) => ({ ...key, [name]: value })),
  );
}

function item(shape: TableShape): fc.Arbitrary<Item> {
  const { valid, invalid } = itemParts(shape);
  return mostly(valid, invalid, 25);
}

function itemParts(shape: TableShape): { valid: fc.Arbitrary<Item>; invalid: fc.Arbitrary<Item> } {
  const tableKeys = new Set([shape.hash.name, shape.range?.name]);
  const indexKeys = keyAttributes(shape).filter((key) => !tableKeys.has(key.name));
  // Index keys are often missing (sparse indexes); wrong types are among the invalid items.
  // Narrowed: an item holds all of its index key attributes or none. DynamoDB Local charges
  // an index write when an item in neither image of a GSI swaps which part of its key it holds;
  // the engine charges as AWS bills (LocalDifferences 'partial-index-key-write-capacity').
  const present = fc
    .tuple(...indexKeys.map((key) => keyValue(key.type)))
    .map((values) => Object.fromEntries(indexKeys.map((key, i) => [key.name, values[i] as AttributeValue])) as Item);
  const indexAttributes = fc.oneof({ arbitrary: present, weight: 2 }, { arbitrary: fc.constant<Item>({}), weight: 1 });
  const valid = fc
    .tuple(keyOf(shape.hash, shape.range), nonKeyAttributes, indexAttributes)
    .map(([key, attributes, extra]) => ({ ...attributes, ...extra, ...key }));
  const invalid = fc.oneof(
    fc.tuple(valid, invalidAttributeValue, fc.constantFrom(...ITEM_NAMES)).map(([i, bad, name]) => ({ ...i, [name]: bad })),
    fc.tuple(valid, invalidKeyValue(shape.hash.type)).map(([i, bad]) => ({ ...i, [shape.hash.name]: bad })),
    ...indexKeys.map((key) => fc.tuple(valid, invalidKeyValue(key.type)).map(([i, bad]) => ({ ...i, [key.name]: bad }))),
    valid.map((i) => {
      const { [shape.range?.name ?? '']: _dropped, ...rest } = i;
      return rest;
    }),
    valid.map((i) => {
      const { [shape.hash.name]: _dropped, ...rest } = i;
      return rest;
    }),
    fc.constant<Item>({}),
  );
  return { valid, invalid };
}

/** Every name expressions may mention: keys of the table and indexes, then the others. */
function vocabulary(shape: TableShape, without: readonly string[] = []): Vocabulary {
  const names = [...keyAttributes(shape).map((key) => key.name), ...ITEM_NAMES].filter((name) => !without.includes(name));
  return { names, nestable: ITEM_NAMES };
}

/** The names a read of `index` can return (all of them for the table or an ALL index). */
function projectedVocabulary(shape: TableShape, index: IndexShape | undefined, without: readonly string[] = []): Vocabulary {
  const all = vocabulary(shape, without);
  if (!index || index.projection.type === 'ALL') return all;
  const keys = new Set([shape.hash.name, shape.range?.name, index.hash.name, index.range?.name]);
  const projected = (name: string): boolean => keys.has(name) || index.projection.nonKey.includes(name);
  return { names: all.names.filter(projected), nestable: all.nestable.filter(projected) };
}

/**
 * Mostly `without` those names and only names `index` projects, now and then with all:
 * updating a key attribute, filtering a Query on one or reading an attribute the index does
 * not project is an error DynamoDB reports, not worth most requests.
 */
function mostlyWithout(shape: TableShape, without: readonly (string | undefined)[], index?: IndexShape): fc.Arbitrary<Vocabulary> {
  const all = vocabulary(shape);
  const some = projectedVocabulary(shape, index, without.filter((name) => name !== undefined));
  return some.names.length === 0 ? fc.constant(all) : mostly(fc.constant(some), fc.constant(all), 15);
}

// ---------------------------------------------------------------------------------------
// Rendering expressions into a request, with the odd deliberate mistake

type Mistake =
  | { kind: 'none' }
  | { kind: 'unusedValue' }
  | { kind: 'unusedName' }
  | { kind: 'undefinedValue' }
  | { kind: 'emptyValues' }
  | { kind: 'emptyNames' }
  | { kind: 'truncate'; percent: number };

const mistake: fc.Arbitrary<Mistake> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 60 },
  {
    arbitrary: fc.constantFrom<Mistake>(
      { kind: 'unusedValue' },
      { kind: 'unusedName' },
      { kind: 'undefinedValue' },
      { kind: 'emptyValues' },
      { kind: 'emptyNames' },
    ),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: 0, max: 99 }).map((percent) => ({ kind: 'truncate' as const, percent })), weight: 2 },
);

/** A request's key or item, rarely invalid, with its expression mistake (so both can be faulty at once). */
function faulted(valid: fc.Arbitrary<Item>, invalid: fc.Arbitrary<Item>, odds: number): fc.Arbitrary<{ value: Item; error: Mistake }> {
  return fc.record({ value: mostly(valid, invalid, odds), error: mistake });
}

type ExpressionMember = 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression' | 'ProjectionExpression' | 'UpdateExpression';

interface Expressions {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  ConditionExpression?: string;
  FilterExpression?: string;
  KeyConditionExpression?: string;
  ProjectionExpression?: string;
  UpdateExpression?: string;
}

interface ExpressionParts {
  readonly condition?: { member: 'ConditionExpression' | 'FilterExpression'; tree: Condition } | undefined;
  readonly keyCondition?: KeyCondition | undefined;
  readonly projection?: readonly DocumentPath[] | undefined;
  readonly update?: Update | undefined;
}

function renderExpressions(parts: ExpressionParts, error: Mistake): Expressions {
  const ph = new Placeholders();
  const out: Expressions = {};
  if (parts.keyCondition) out.KeyConditionExpression = renderKeyCondition(parts.keyCondition, ph);
  if (parts.update) out.UpdateExpression = renderUpdate(parts.update, ph);
  if (parts.condition) out[parts.condition.member] = renderCondition(parts.condition.tree, ph);
  if (parts.projection) out.ProjectionExpression = renderProjection(parts.projection, ph);
  const names = { ...ph.names };
  const values = { ...ph.values };
  const members = Object.keys(out) as ExpressionMember[];
  const first = members[0];
  switch (error.kind) {
    case 'unusedValue':
      values[':unused'] = { S: 'unused' };
      break;
    case 'unusedName':
      names['#unused'] = 'unused';
      break;
    case 'undefinedValue':
      if (first) out[first] = `${out[first]}`.replace(/:v\d+|$/, ':undefined');
      break;

    case 'truncate':
      if (first) {
        const textValue = `${out[first]}`;
        out[first] = textValue.slice(0, Math.floor((textValue.length * error.percent) / 100));
      }
      break;
    case 'emptyValues':
    case 'emptyNames':
    case 'none':
      break;
  }
  // An empty map is sent only on purpose: DynamoDB tells it apart from a missing one.
  if (Object.keys(names).length > 0 || error.kind === 'emptyNames') out.ExpressionAttributeNames = names;
  if (Object.keys(values).length > 0 || error.kind === 'emptyValues') out.ExpressionAttributeValues = values;
  return out;
}

// ---------------------------------------------------------------------------------------
// Operations

const namedCapacity = fc.constantFrom<ReturnConsumedCapacity>('TOTAL', 'INDEXES');
// Now and then a value outside the enum: AWS refuses it, DynamoDB Local reads it its own way
// per action (ConsumedCapacity.ts parseReturnConsumedCapacity).
const capacity = mostly(namedCapacity, fc.constantFrom<string>('X', 'total', 'Indexes', 'none', '') as fc.Arbitrary<ReturnConsumedCapacity>, 10);
// DynamoDB Local never returns ItemCollectionMetrics (LocalDifferences 'item-collection-metrics').
const collectionMetrics = optional(fc.constantFrom('SIZE' as const, 'NONE' as const), 20);

/** `arb` in `percent` % of cases, else undefined (the member is left out). */
function optional<T>(arb: fc.Arbitrary<T>, percent = 50): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
}

/** Drops members that are undefined, so printed requests show only what was sent. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function putItem(shape: TableShape): fc.Arbitrary<Operation> {
  const names = vocabulary(shape);
  const { valid, invalid } = itemParts(shape);
  return fc
    .record({
      faulted: faulted(valid, invalid, 25),
      condition: optional(condition(names), 40),
      ReturnValues: optional(mostly(fc.constantFrom('NONE' as const, 'ALL_OLD' as const), fc.constantFrom('ALL_NEW' as const, 'UPDATED_OLD' as const), 20)),
      ReturnValuesOnConditionCheckFailure: optional(fc.constantFrom('ALL_OLD' as const, 'NONE' as const), 30),
      ReturnConsumedCapacity: capacity,
      ReturnItemCollectionMetrics: collectionMetrics,
    })
    .map(({ condition: tree, faulted: { value: Item, error }, ...input }) => ({
      action: 'PutItem' as const,
      input: defined({ Item, ...input, ...renderExpressions({ condition: tree && { member: 'ConditionExpression', tree } }, error) }),
    }));
}

function updateItem(shape: TableShape): fc.Arbitrary<Operation> {
  const names = vocabulary(shape);
  const tableKeys = [shape.hash.name, shape.range?.name];
  const indexOnlyKeys = keyAttributes(shape)
    .map((key) => key.name)
    .filter((name) => !tableKeys.includes(name));
  // Narrowed: targets never name an index-only key attribute. DynamoDB Local accepts a value
  // of the wrong type there; the engine rejects it as AWS does (LocalDifferences
  // 'update-index-key-type'). A table key is a target now and then: Local refuses that update
  // after checking the condition, as the engine does.
  const targets = mostly(fc.constant(vocabulary(shape, [...indexOnlyKeys, ...tableKeys.filter((name) => name !== undefined)])), fc.constant(vocabulary(shape, indexOnlyKeys)), 15);
  return fc
    .record({
      faulted: faulted(keyOf(shape.hash, shape.range), invalidPrimaryKey(shape), 40),
      update: optional(targets.chain((vocabularyOfTargets) => update(names, vocabularyOfTargets)), 95),
      condition: optional(condition(names), 40),
      ReturnValues: optional(fc.constantFrom('NONE' as const, 'ALL_OLD' as const, 'UPDATED_OLD' as const, 'ALL_NEW' as const, 'UPDATED_NEW' as const), 75),
      ReturnValuesOnConditionCheckFailure: optional(fc.constantFrom('ALL_OLD' as const, 'NONE' as const), 30),
      ReturnConsumedCapacity: capacity,
      ReturnItemCollectionMetrics: collectionMetrics,
    })
    .map(({ update: actions, condition: tree, faulted: { value: Key, error }, ...input }) => ({
      action: 'UpdateItem' as const,
      input: defined({ Key, ...input, ...renderExpressions({ update: actions, condition: tree && { member: 'ConditionExpression', tree } }, error) }),
    }));
}

function deleteItem(shape: TableShape): fc.Arbitrary<Operation> {
  const names = vocabulary(shape);
  return fc
    .record({
      faulted: faulted(keyOf(shape.hash, shape.range), invalidPrimaryKey(shape), 40),
      condition: optional(condition(names), 40),
      ReturnValues: optional(fc.constantFrom('NONE' as const, 'ALL_OLD' as const)),
      ReturnValuesOnConditionCheckFailure: optional(fc.constantFrom('ALL_OLD' as const, 'NONE' as const), 30),
      // Narrowed: only named values. DynamoDB Local reports the capacity of deleting a missing
      // item even unasked, the engine only when asked, as AWS documents
      // (LocalDifferences 'delete-missing-item-capacity').
      ReturnConsumedCapacity: namedCapacity,
      ReturnItemCollectionMetrics: collectionMetrics,
    })
    .map(({ condition: tree, faulted: { value: Key, error }, ...input }) => ({
      action: 'DeleteItem' as const,
      input: defined({ Key, ...input, ...renderExpressions({ condition: tree && { member: 'ConditionExpression', tree } }, error) }),
    }));
}

function getItem(shape: TableShape): fc.Arbitrary<Operation> {
  const names = vocabulary(shape);
  return fc
    .record({
      faulted: faulted(keyOf(shape.hash, shape.range), invalidPrimaryKey(shape), 40),
      projection: optional(projection(names)),
      ConsistentRead: optional(fc.boolean()),
      ReturnConsumedCapacity: capacity,
    })
    .map(({ projection: paths, faulted: { value: Key, error }, ...input }) => ({
      action: 'GetItem' as const,
      input: defined({ Key, ...input, ...renderExpressions({ projection: paths }, error) }),
    }));
}

type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'COUNT' | 'SPECIFIC_ATTRIBUTES';

interface Selection {
  readonly projection: readonly DocumentPath[] | undefined;
  readonly Select: Select | undefined;
}

/** Select and ProjectionExpression, mostly in a combination DynamoDB accepts. */
function selection(names: Vocabulary, index: IndexShape | undefined): fc.Arbitrary<Selection> {
  const paths = projection(names);
  const whole: Select[] = index ? ['ALL_ATTRIBUTES', 'COUNT', 'ALL_PROJECTED_ATTRIBUTES'] : ['ALL_ATTRIBUTES', 'COUNT'];
  const valid: fc.Arbitrary<Selection> = fc.oneof(
    { arbitrary: fc.constant({ projection: undefined, Select: undefined }), weight: 4 },
    { arbitrary: fc.record({ projection: paths, Select: fc.constantFrom(undefined, 'SPECIFIC_ATTRIBUTES' as const) }), weight: 3 },
    { arbitrary: fc.record({ projection: fc.constant(undefined), Select: fc.constantFrom(...whole) }), weight: 2 },
  );
  const any: fc.Arbitrary<Selection> = fc.record({
    projection: optional(paths),
    Select: fc.constantFrom<Select>('ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'COUNT', 'SPECIFIC_ATTRIBUTES'),
  });
  return mostly(valid, any, 20);
}

function indexChoice(shape: TableShape): fc.Arbitrary<IndexShape | undefined> {
  const all = indexes(shape);
  return all.length === 0 ? fc.constant(undefined) : fc.oneof(fc.constant(undefined), fc.constantFrom(...all));
}

/**
 * Narrowed: reads of a KEYS_ONLY/INCLUDE index never ask for consumed capacity. DynamoDB Local
 * charges the whole table item behind each entry, the engine the projected entry as AWS bills
 * it (LocalDifferences 'index-read-capacity').
 */
function readCapacity(index: IndexShape | undefined): fc.Arbitrary<ReturnConsumedCapacity | undefined> {
  return !index || index.projection.type === 'ALL' ? capacity : fc.constantFrom('NONE' as const, undefined);
}

/** ConsistentRead, now and then true on a GSI (an error). */
function consistentRead(shape: TableShape, index: IndexShape | undefined): fc.Arbitrary<boolean | undefined> {
  return index && shape.gsis.includes(index) ? optional(mostly(fc.constant(false), fc.constant(true), 10), 30) : optional(fc.boolean(), 30);
}

const limit = mostly(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, -1), 20);

/**
 * A start key of the read's shape (table key plus index key), rarely sent: it is mostly
 * outside the key range or segment, an error. Paging through LastEvaluatedKey covers valid ones.
 * Now and then it has an attribute too few or too many, or one or two wrong or empty values.
 */
function startKey(shape: TableShape, index: IndexShape | undefined): fc.Arbitrary<Item | undefined> {
  const indexKey = index ? keyOf(index.hash, index.range) : fc.constant<Item>({});
  const key = fc.tuple(keyOf(shape.hash, shape.range), indexKey).map(([table, entry]) => ({ ...entry, ...table }));
  const attributes = [shape.hash, shape.range, index?.hash, index?.range].filter((attribute) => attribute !== undefined);
  const badValue = fc.constantFrom(...attributes).chain((attribute) => invalidKeyValue(attribute.type).map((bad): Item => ({ [attribute.name]: bad })));
  const badValues = fc.tuple(key, fc.array(badValue, { minLength: 1, maxLength: 2 })).map(([valid, bad]) => Object.assign({ ...valid }, ...bad) as Item);
  return optional(mostly(key, fc.oneof(misshapenKey(shape), badValues), 3), 4);
}

function query(shape: TableShape): fc.Arbitrary<Operation> {
  return indexChoice(shape).chain((index) => {
    const hash = index?.hash ?? shape.hash;
    const range = index ? index.range : shape.range;
    return fc
      .record({
        key: keyCondition(hash, range, ITEM_NAMES),
        filter: optional(mostlyWithout(shape, [hash.name, range?.name], index).chain(condition), 35),
        selection: mostlyWithout(shape, [], index).chain((names) => selection(names, index)),
        ScanIndexForward: optional(fc.boolean()),
        Limit: optional(limit, 30),
        ConsistentRead: consistentRead(shape, index),
        ExclusiveStartKey: startKey(shape, index),
        ReturnConsumedCapacity: readCapacity(index),
        pages: fc.integer({ min: 1, max: 4 }),
        error: mistake,
      })
      .map(({ key, filter, selection: { projection: paths, Select }, pages, error, ...input }) => ({
        action: 'Query' as const,
        pages,
        input: defined({
          IndexName: index?.name,
          Select,
          ...input,
          ...renderExpressions({ keyCondition: key, condition: filter && { member: 'FilterExpression', tree: filter }, projection: paths }, error),
        }),
      }));
  });
}

function scan(shape: TableShape): fc.Arbitrary<Operation> {
  const segments = mostly<{ Segment?: number; TotalSegments?: number }>(
    fc.integer({ min: 1, max: 4 }).chain((TotalSegments) => fc.integer({ min: 0, max: TotalSegments - 1 }).map((Segment) => ({ Segment, TotalSegments }))),
    fc.constantFrom({ Segment: 1, TotalSegments: 1 }, { Segment: 0, TotalSegments: undefined }, { Segment: undefined, TotalSegments: 2 }),
    20,
  );
  return indexChoice(shape).chain((index) => {
    const names = mostlyWithout(shape, [], index);
    // Narrowed: a Scan of an index filters only on attributes the index projects. For others
    // DynamoDB Local evaluates the filter on the whole table item; the engine filters a GSI's
    // entry as AWS can only do (LocalDifferences 'index-scan-filter-unprojected').
    const filterNames = index ? fc.constant(projectedVocabulary(shape, index)) : names;
    return fc
      .record({
        filter: optional(filterNames.chain(condition), 40),
        selection: names.chain((vocabularyOfIndex) => selection(vocabularyOfIndex, index)),
        ConsistentRead: consistentRead(shape, index),
        segments: optional(segments, 30),
        Limit: optional(limit, 40),
        ExclusiveStartKey: startKey(shape, index),
        ReturnConsumedCapacity: readCapacity(index),
        pages: fc.integer({ min: 1, max: 4 }),
        error: mistake,
      })
      .map(({ filter, selection: { projection: paths, Select }, segments: parallel, error, pages, ...input }) => ({
        action: 'Scan' as const,
        pages,
        input: defined({
          IndexName: index?.name,
          Select,
          ...input,
          ...parallel,
          ...renderExpressions({ condition: filter && { member: 'FilterExpression', tree: filter }, projection: paths }, error),
        }),
      }));
  });
}

/** Identity of a key for de-duplicating batches, numbers compared by value ('1e2' = '100'). */
function numberIdentity(text: string): string {
  try {
    return normalizeNumber(text);
  } catch {
    return text;
  }
}

function keyIdentity(key: Item): string {
  return Object.keys(key)
    .sort()
    .map((name) => {
      const value = key[name] as AttributeValue;
      return `${name}=${value.N !== undefined ? numberIdentity(value.N) : printable(value)}`;
    })
    .join('|');
}

function batchWriteItem(shape: TableShape): fc.Arbitrary<Operation> {
  const request = fc.oneof(
    { arbitrary: item(shape).map((Item): WriteRequest => ({ PutRequest: { Item } })), weight: 3 },
    { arbitrary: primaryKey(shape).map((Key): WriteRequest => ({ DeleteRequest: { Key } })), weight: 1 },
  );
  return fc
    .record({
      // Mostly distinct keys; duplicates and more than 25 requests are errors DynamoDB reports.
      requests: fc.oneof(
        { arbitrary: fc.uniqueArray(request, { minLength: 1, maxLength: 6, selector: (r) => keyIdentity(extractKey(shape, r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {})) }), weight: 40 },
        { arbitrary: fc.array(request, { minLength: 2, maxLength: 6 }), weight: 2 },
        { arbitrary: fc.array(request, { minLength: 26, maxLength: 26 }), weight: 1 },
      ),
      ReturnConsumedCapacity: capacity,
      ReturnItemCollectionMetrics: collectionMetrics,
    })
    .map(({ requests, ...input }) => ({ action: 'BatchWriteItem' as const, requests, input: defined(input) }));
}

function batchGetItem(shape: TableShape): fc.Arbitrary<Operation> {
  const names = vocabulary(shape);
  return fc
    .record({
      // Now and then several invalid keys: DynamoDB Local reports the first in its hash order.
      keys: fc
        .tuple(
          mostly(
            fc.uniqueArray(keyOf(shape.hash, shape.range), { minLength: 1, maxLength: 6, selector: keyIdentity }),
            fc.array(keyOf(shape.hash, shape.range), { minLength: 2, maxLength: 6 }),
            20,
          ),
          optional(fc.array(fc.tuple(invalidPrimaryKey(shape), fc.nat()), { minLength: 1, maxLength: 3 }), 8),
        )
        .map(([valid, invalid = []]) => invalid.reduce((keys, [key, at]) => keys.toSpliced(at % (keys.length + 1), 0, key), valid)),
      projection: optional(projection(names), 30),
      ConsistentRead: optional(fc.boolean()),
      ReturnConsumedCapacity: capacity,
      error: mistake.filter((m) => m.kind !== 'unusedValue' && m.kind !== 'undefinedValue' && m.kind !== 'emptyValues'),
    })
    .map(({ keys, projection: paths, ConsistentRead, error, ...input }) => {
      const { ExpressionAttributeNames, ProjectionExpression } = renderExpressions({ projection: paths }, error);
      return { action: 'BatchGetItem' as const, keys, read: defined({ ProjectionExpression, ExpressionAttributeNames, ConsistentRead }), input };
    });
}

export function operation(shape: TableShape): fc.Arbitrary<Operation> {
  return fc.oneof(
    { arbitrary: putItem(shape), weight: 8 },
    { arbitrary: updateItem(shape), weight: 5 },
    { arbitrary: deleteItem(shape), weight: 2 },
    { arbitrary: getItem(shape), weight: 3 },
    { arbitrary: query(shape), weight: 5 },
    { arbitrary: scan(shape), weight: 3 },
    { arbitrary: batchWriteItem(shape), weight: 2 },
    { arbitrary: batchGetItem(shape), weight: 2 },
  );
}
