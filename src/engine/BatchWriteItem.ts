import type { BatchWriteItemInput as SdkBatchWriteItemInput, BatchWriteItemOutput as SdkBatchWriteItemOutput } from '@aws-sdk/client-dynamodb';
import { attributeMap } from './AttributeMap';
import { validateItemValues, type Item } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity, writeUnits, type ConsumedCapacity } from './ConsumedCapacity';
import { inJavaHashOrder } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { extractKey } from './KeySchema';
import { checkItemKeys, checkKey } from './PrimaryKey';
import { itemCollectionMetrics, type ItemCollectionMetrics } from './ReturnValues';
import { applyWrite, meterWrite, prepareWrite, type PreparedWrite } from './WriteItem';
import type { Wire } from './wire';

export type BatchWriteItemInput = Wire<SdkBatchWriteItemInput>;
export type BatchWriteItemOutput = Wire<SdkBatchWriteItemOutput>;

export const MAX_BATCH_WRITES = 25;

const ONE_TYPE = 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes';

export function BatchWriteItem(context: EngineContext, input: BatchWriteItemInput): BatchWriteItemOutput {
  const requests = Object.entries(input.RequestItems ?? {});
  if (requests.length === 0) throw validationError('BatchWriteItem cannot have a null or no requests set');
  // DynamoDB Local reads the request table by table, as sent, stopping at the first empty list,
  // request that is not exactly one write, 26th request or bad value; table names come after.
  const values = new Map<string, Item[]>();
  let total = 0;
  for (const [name, list] of requests) {
    if (!Array.isArray(list) || list.length === 0) throw validationError(`The batch write request list for a table cannot be null or empty: ${name}`);
    const read = list.map((request) => {
      const put = request.PutRequest;
      const del = request.DeleteRequest;
      if ((put === undefined) === (del === undefined)) throw validationError(ONE_TYPE);
      if (++total > MAX_BATCH_WRITES) throw validationError('Too many items requested for the BatchWriteItem call');
      return validateItemValues((put ? put.Item : del?.Key) ?? {});
    });
    values.set(name, read);
  }
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'NONE';
  for (const [name] of requests) checkTableName(name);
  // Everything is validated before anything is written: a bad request writes nothing.
  const prepared = requests.map(([name, list]) => {
    const table = findTable(context, name);
    const seen = new Set<string>();
    const validated = values.get(name) ?? [];
    const writes = list.map((request, i): PreparedWrite => {
      let write: PreparedWrite;
      if (request.PutRequest) {
        const item = validated[i] ?? {};
        if (Object.keys(item).length === 0) throw validationError('Item to put in PutItem cannot be null');
        checkItemKeys(table, item);
        write = prepareWrite(table, extractKey(item, table.keySchema), item);
      } else {
        const key = checkKey(table, validated[i] ?? {});
        write = prepareWrite(table, key, undefined);
      }
      const identity = `${write.tokens.partition}\u0000${write.tokens.sort}`;
      if (seen.has(identity)) throw validationError('Provided list of item keys contains duplicates');
      seen.add(identity);
      return write;
    });
    return { table, writes };
  });
  const consumed: ConsumedCapacity[] = [];
  const metrics = attributeMap<ItemCollectionMetrics[]>();
  for (const { table, writes } of prepared) {
    const meter = new CapacityMeter(table.name);
    // Keys are unique within a batch, so each prepared old image is still current.
    for (const write of writes) {
      // Measured on DynamoDB Local: a batched delete of a missing item costs two units.
      if (capacityMode === 'NONE') {
        // Metering walks every index; skip it when nobody asked.
      } else if (!write.old && !write.next) meter.addTable(2 * writeUnits(0));
      else meterWrite(write, meter);
      if (write.next || write.old) applyWrite(context, write);
      const metric = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, write.key, write.tokens.partition);
      if (metric) (metrics[table.name] ??= []).push(metric);
    }
    const report = meter.report(capacityMode);
    if (report) consumed.push(report);
  }
  const output: BatchWriteItemOutput = { UnprocessedItems: attributeMap() };
  // DynamoDB Local lists tables in Java HashMap order.
  if (capacityMode !== 'NONE') output.ConsumedCapacity = inJavaHashOrder(consumed);
  if (Object.keys(metrics).length > 0) output.ItemCollectionMetrics = metrics;
  return output;
}
