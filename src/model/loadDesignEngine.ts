// Puts a design and its sample items into a fresh in-browser engine, so access patterns
// run against exactly what the preview shows, with DynamoDB's answers.
import { member } from '../engine/AttributeMap';
import { DynamoDBError } from '../engine/errors';
import { createEngine, type Engine } from '../engine/index';
import type { AttributeValue, Item } from '../engine/AttributeValue';
import { toCreateTableInput } from './createTableInput';
import type { SampleItem } from './sampleData';
import type { DesignModel } from './types';

export interface LoadFailure {
  entityId: string;
  item: Item;
  /** DynamoDB's error, as `__type`-less name and message. */
  error: string;
}

export interface LoadedDesign {
  engine: Engine;
  tableName: string;
  loaded: number;
  failures: LoadFailure[];
}

const BATCH_SIZE = 25;
/** DynamoDB may leave items unprocessed; retry a bounded number of times. */
const MAX_RETRIES = 10;

/**
 * Creates the design's table in `engine` (a new one by default) and writes the items with
 * BatchWriteItem, 25 at a time. A batch DynamoDB refuses is retried item by item with
 * PutItem, so one bad item is reported with DynamoDB's own message and the rest still load.
 * Throws only if the table itself cannot be created (the design has errors).
 */
export function loadDesignEngine(model: DesignModel, items: readonly SampleItem[], engine: Engine = createEngine()): LoadedDesign {
  const input = toCreateTableInput(model);
  engine.CreateTable(input);
  const tableName = model.table.name;
  const keyNames = [model.table.partitionKey.name, ...(model.table.sortKey === undefined ? [] : [model.table.sortKey.name])];
  const failures: LoadFailure[] = [];
  let loaded = 0;

  let batch: SampleItem[] = [];
  let batchKeys = new Set<string>();
  const flush = () => {
    if (batch.length === 0) return;
    const written = writeBatch(engine, tableName, batch, failures);
    loaded += written;
    batch = [];
    batchKeys = new Set();
  };
  for (const sample of items) {
    // A batch may not name one key twice; the later write starts a new batch, so it wins.
    const key = JSON.stringify(keyNames.map((name) => sample.item[name] ?? null));
    if (batchKeys.has(key)) flush();
    batch.push(sample);
    batchKeys.add(key);
    if (batch.length === BATCH_SIZE) flush();
  }
  flush();
  return { engine, tableName, loaded, failures };
}

function writeBatch(engine: Engine, tableName: string, batch: readonly SampleItem[], failures: LoadFailure[]): number {
  try {
    let requests = batch.map((sample) => ({ PutRequest: { Item: sample.item } }));
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt > MAX_RETRIES) throw new Error(`${requests.length} items stayed unprocessed`);
      const output = engine.BatchWriteItem({ RequestItems: { [tableName]: requests } });
      const unprocessed = (output.UnprocessedItems && member(output.UnprocessedItems, tableName)) ?? [];
      requests = unprocessed.flatMap((request) =>
        request.PutRequest?.Item === undefined ? [] : [{ PutRequest: { Item: request.PutRequest.Item as Record<string, AttributeValue> } }],
      );
    }
    return batch.length;
  } catch (error) {
    if (!(error instanceof DynamoDBError)) throw error;
    let written = 0;
    for (const sample of batch) {
      try {
        engine.PutItem({ TableName: tableName, Item: sample.item });
        written += 1;
      } catch (putError) {
        if (!(putError instanceof DynamoDBError)) throw putError;
        failures.push({ entityId: sample.entityId, item: sample.item, error: `${putError.errorName}: ${putError.message}` });
      }
    }
    return written;
  }
}
