import type { BatchGetItemInput as SdkBatchGetItemInput, BatchGetItemOutput as SdkBatchGetItemOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues, type Item } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity, readUnits, type ConsumedCapacity } from './ConsumedCapacity';
import { inJavaHashOrder } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
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

export function BatchGetItem(context: EngineContext, input: BatchGetItemInput): BatchGetItemOutput {
  const requests = Object.entries(input.RequestItems ?? {});
  if (requests.length === 0) throw validationError('BatchGetItem must have some requests set');
  // DynamoDB Local refuses ExpressionAttributeNames without an expression first, then checks
  // every attribute value while reading the request, before anything else.
  for (const [, request] of requests) checkExpressionParameters('BatchGetItem', request);
  const values = new Map(requests.map(([name, request]) => [name, (request.Keys ?? []).map((raw) => validateItemValues(raw))]));
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity);
  let total = 0;
  for (const [name, request] of requests) {
    checkTableName(name);
    const keys = request.Keys ?? [];
    if (keys.length === 0) throw validationError(`The list of keys in RequestItems for BatchGetItem is required: ${name} has empty list`);
    total += keys.length;
  }
  if (total > MAX_BATCH_GET_KEYS) throw validationError('Too many items requested for the BatchGetItem call');
  const prepared = requests.map(([name, request]) => {
    const table = findTable(context, name);
    // DynamoDB Local looks for duplicates before it checks any key against the schema,
    // comparing whole keys as sent: it accepts 1e2 next to 100.
    const seen = new Set<string>();
    for (const raw of request.Keys ?? []) {
      const identity = keyIdentity(raw as Record<string, unknown>);
      if (seen.has(identity)) throw validationError('Provided list of item keys contains duplicates');
      seen.add(identity);
    }
    const keys = (values.get(name) ?? []).map((validated) => checkKey(table, validated));
    return { table, keys, request, expressions: compileRequest('BatchGetItem', request, table.keySchema, table) };
  });
  const responses: Record<string, Item[]> = {};
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
  const output: BatchGetItemOutput = { Responses: responses, UnprocessedKeys: {} };
  // DynamoDB Local lists tables in Java HashMap order.
  if (capacityMode !== 'NONE') output.ConsumedCapacity = inJavaHashOrder(consumed);
  return output;
}
