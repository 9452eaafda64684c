import type { BatchGetItemInput as SdkBatchGetItemInput, BatchGetItemOutput as SdkBatchGetItemOutput } from '@aws-sdk/client-dynamodb';
import { attributeMap } from './AttributeMap';
import { base64Decode, compareNumbers, javaNumberString, validateItemValues, type Item } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity, readUnits, type ConsumedCapacity } from './ConsumedCapacity';
import { inJavaHashOrder } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { javaHashMapOrder, javaStringHash, javaTableSizeFor } from './JavaHashOrder';
import { checkKey } from './PrimaryKey';
import { checkExpressionParameters, compileRequest } from './RequestExpressions';
import type { Wire } from './wire';

export type BatchGetItemInput = Wire<SdkBatchGetItemInput>;
export type BatchGetItemOutput = Wire<SdkBatchGetItemOutput>;

export const MAX_BATCH_GET_KEYS = 100;

/** A key as sent, whatever the order of its attributes. */
function keyIdentity(raw: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(raw).sort().map((name) => [name, raw[name]]));
}

// DynamoDB Local checks a table's keys in the order of the java.util.HashSet it gathers them
// in: `new HashSet<>(keys.size())` of HashMaps of its own AttributeValue, whose hashCode chains
// S, N, B, SS, NS, BS, M, L, NULL and BOOL as 31 * h + field hash (0 when absent). It keeps N as
// sent, but sorts sets: strings by UTF-16 units, numbers by value (as BigDecimal prints them),
// binaries by signed bytes (ByteBuffer.compareTo). Fitted to about 3,000 random probes.

function javaListHash<T>(elements: readonly T[], hash: (element: T) => number): number {
  let h = 1;
  for (const element of elements) h = (Math.imul(h, 31) + hash(element)) | 0;
  return h;
}

/** java.nio.ByteBuffer.hashCode: signed bytes from the last to the first. */
function javaByteBufferHash(base64: string): number {
  const bytes = base64Decode(base64);
  let h = 1;
  for (let i = bytes.length - 1; i >= 0; i--) h = (Math.imul(h, 31) + (((bytes[i] as number) << 24) >> 24)) | 0;
  return h;
}

function signedBytesOrder(a: string, b: string): number {
  const x = base64Decode(a);
  const y = base64Decode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (((x[i] as number) << 24) >> 24) - (((y[i] as number) << 24) >> 24);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const JAVA_TRUE_HASH = 1231;
const JAVA_FALSE_HASH = 1237;

type WireValue = Record<string, unknown>;

const FIELD_HASHES: readonly [string, (payload: unknown) => number][] = [
  ['S', (payload) => javaStringHash(String(payload))],
  ['N', (payload) => javaStringHash(String(payload))],
  ['B', (payload) => javaByteBufferHash(String(payload))],
  ['SS', (payload) => javaListHash((payload as unknown[]).map(String).sort(), javaStringHash)],
  ['NS', (payload) => javaListHash((payload as unknown[]).map((m) => javaNumberString(String(m))).sort(compareNumbers), javaStringHash)],
  ['BS', (payload) => javaListHash((payload as unknown[]).map(String).sort(signedBytesOrder), javaByteBufferHash)],
  ['M', (payload) => javaMapHash(payload as Record<string, WireValue>)],
  ['L', (payload) => javaListHash(payload as WireValue[], javaValueHash)],
  ['NULL', () => JAVA_TRUE_HASH],
  ['BOOL', (payload) => (payload === true || payload === 'true' ? JAVA_TRUE_HASH : JAVA_FALSE_HASH)],
];

function javaValueHash(value: WireValue): number {
  let h = 1;
  for (const [type, hash] of FIELD_HASHES) {
    const payload = value[type];
    h = (Math.imul(h, 31) + (payload === undefined || payload === null ? 0 : hash(payload))) | 0;
  }
  return h;
}

/** java.util.AbstractMap.hashCode: the sum of each name's hash XOR its value's. */
function javaMapHash(map: Record<string, WireValue>): number {
  let h = 0;
  for (const [name, value] of Object.entries(map)) h = (h + (javaStringHash(name) ^ javaValueHash(value))) | 0;
  return h;
}

/** Indexes of a table's keys (as sent, duplicates already refused) in DynamoDB Local's check order. */
function keyCheckOrder(rawKeys: readonly Record<string, unknown>[]): number[] {
  const indexes = rawKeys.map((_, index) => index);
  return javaHashMapOrder(indexes, (index) => javaMapHash(rawKeys[index] as Record<string, WireValue>), javaTableSizeFor(rawKeys.length));
}

interface TableRequest {
  name: string;
  request: NonNullable<BatchGetItemInput['RequestItems']>[string];
  rawKeys: Record<string, unknown>[];
  keys: Item[];
}

/**
 * DynamoDB Local's conversion of the request, table by table as sent: an empty key list or key,
 * each key's values, a repeated key (whole key as sent: 1e2 next to 100 is no repeat), and the
 * 101st key, in that order per key.
 */
function convertRequests(input: BatchGetItemInput): TableRequest[] {
  let count = 0;
  return Object.entries(input.RequestItems ?? {}).map(([name, request]) => {
    const rawKeys = (request.Keys ?? []) as Record<string, unknown>[];
    if (rawKeys.length === 0) throw validationError(`The list of keys in RequestItems for BatchGetItem is required: ${name} has empty list`);
    const seen = new Set<string>();
    const keys = rawKeys.map((raw) => {
      if (Object.keys(raw).length === 0) {
        throw validationError(`The list of keys in RequestItems for BatchGetItem may not contain null or empty values: ${name} has one or more empty keys`);
      }
      const key = validateItemValues(raw);
      const identity = keyIdentity(raw);
      if (seen.has(identity)) throw validationError('Provided list of item keys contains duplicates');
      seen.add(identity);
      if (count === MAX_BATCH_GET_KEYS) throw validationError('Too many items requested for the BatchGetItem call');
      count++;
      return key;
    });
    return { name, request, rawKeys, keys };
  });
}

export function BatchGetItem(context: EngineContext, input: BatchGetItemInput): BatchGetItemOutput {
  if (Object.keys(input.RequestItems ?? {}).length === 0) throw validationError('BatchGetItem must have some requests set');
  // DynamoDB Local refuses ExpressionAttributeNames without an expression before it reads keys.
  for (const request of Object.values(input.RequestItems ?? {})) checkExpressionParameters('BatchGetItem', request);
  const converted = convertRequests(input);
  // Local then checks the tables in the order of a java.util.HashMap of their names, and compiles
  // any projection only once every table's keys are checked.
  const ordered = javaHashMapOrder(converted, ({ name }) => javaStringHash(name), javaTableSizeFor(converted.length));
  const checked = ordered.map(({ name, request, rawKeys, keys }) => {
    const table = findTable(context, checkTableName(name));
    for (const index of keyCheckOrder(rawKeys)) checkKey(table, keys[index] as Item);
    return { table, keys, request };
  });
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'NONE';
  const prepared = checked.map(({ table, keys, request }) => ({ table, keys, request, expressions: compileRequest('BatchGetItem', request, table.keySchema, table) }));
  const responses = attributeMap<Item[]>();
  const consumed: ConsumedCapacity[] = [];
  for (const { table, keys, request, expressions } of prepared) {
    const meter = new CapacityMeter(table.name);
    const items: Item[] = [];
    for (const key of keys) {
      const entry = table.get(key);
      if (!entry) continue;
      meter.addTable(readUnits(entry.size, request.ConsistentRead === true));
      items.push(expressions.projection ? expressions.projection.apply(entry.item) : entry.item);
    }
    responses[table.name] = items;
    const report = meter.report(capacityMode);
    if (report) consumed.push(report);
  }
  const output: BatchGetItemOutput = { Responses: responses, UnprocessedKeys: attributeMap() };
  // DynamoDB Local lists tables in Java HashMap order.
  if (capacityMode !== 'NONE') output.ConsumedCapacity = inJavaHashOrder(consumed);
  return output;
}
