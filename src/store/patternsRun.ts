// Runs a pattern the way an application would: through @aws-sdk/client-dynamodb, whose
// request handler is the in-browser engine. Each write gets an engine loaded with the current
// sample items, so a write pattern never changes the preview, and reads back on it the items
// it named: what they were before and what the write made of them.
import { member } from '../engine/AttributeMap';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { engineHandler, partiqlWrittenKey } from '../engine';
import type { KeySchema } from '../engine';
import { loadDesignEngine } from '../model/loadDesignEngine';
import { AccessPatternError, buildRequest, type ParameterValues } from '../model/accessPatterns';
import type { SampleItem } from '../model/sampleData';
import type { AccessPattern, DesignModel, PatternOperation } from '../model/types';

type Json = Record<string, unknown>;

export interface ConsumedCapacityLine {
  /** Table or index name. */
  name: string;
  kind: 'table' | 'GSI' | 'LSI';
  read?: number;
  write?: number;
  total?: number;
}

/** One item a write named, read with consistent reads on the run's own engine. */
export interface WrittenItem {
  /** The item's primary key. */
  key: Json;
  /** The item as the sample data had it; absent when it did not exist. */
  before?: Json;
  /** The item after the write; absent when the write deleted it or never created it. */
  after?: Json;
  /** Where the item is after the write in each secondary index: its entry there, or none (sparse). */
  indexEntries?: IndexEntry[];
}

export interface IndexEntry {
  index: string;
  kind: 'GSI' | 'LSI';
  /** The item as the index stores it (projected); absent when the item is not in the index. */
  entry?: Json;
}

export type RunOutcome =
  | {
      ok: true;
      operation: PatternOperation;
      items: Json[];
      count?: number;
      scannedCount?: number;
      /** Total capacity units per call, and per table/index. */
      capacity: { total: number; lines: ConsumedCapacityLine[] };
      /** Start of the next page, when there is one. */
      next?: Json;
      elapsedMs: number;
      /** The response as the SDK returned it, without $metadata. */
      response: Json;
      request: Json;
      /** Only for writes: every item the request named, in request order. */
      written?: WrittenItem[];
    }
  | { ok: false; errorName: string; message: string; elapsedMs: number; request?: Json };

// The constructors take different input types; every input here is already DynamoDB's wire shape.
type AnyCommand = new (input: never) => Parameters<DynamoDBClient['send']>[0];

const COMMANDS: Record<PatternOperation, AnyCommand> = {
  GetItem: GetItemCommand as unknown as AnyCommand,
  Query: QueryCommand as unknown as AnyCommand,
  Scan: ScanCommand as unknown as AnyCommand,
  BatchGetItem: BatchGetItemCommand as unknown as AnyCommand,
  TransactGetItems: TransactGetItemsCommand as unknown as AnyCommand,
  PutItem: PutItemCommand as unknown as AnyCommand,
  UpdateItem: UpdateItemCommand as unknown as AnyCommand,
  DeleteItem: DeleteItemCommand as unknown as AnyCommand,
  TransactWriteItems: TransactWriteItemsCommand as unknown as AnyCommand,
  BatchWriteItem: BatchWriteItemCommand as unknown as AnyCommand,
  ExecuteStatement: ExecuteStatementCommand as unknown as AnyCommand,
};

/** Sends one wire-shape request with the command for `operation`; the output without $metadata. */
export async function sendRequest(client: DynamoDBClient, operation: PatternOperation, input: Json): Promise<Json> {
  const Command = COMMANDS[operation];
  const { $metadata: _metadata, ...output } = (await client.send(new Command(input as never))) as unknown as Json;
  return output;
}

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function keySchemaOf(model: DesignModel): KeySchema {
  return { hash: model.table.partitionKey, range: model.table.sortKey };
}

/** The primary key of `item`, or undefined when it lacks a key attribute. */
function keyOf(item: unknown, schema: KeySchema): Json | undefined {
  if (!isRecord(item)) return undefined;
  const key: Json = {};
  for (const attribute of [schema.hash, schema.range]) {
    if (attribute === undefined) continue;
    if (item[attribute.name] === undefined) return undefined;
    key[attribute.name] = item[attribute.name];
  }
  return key;
}

function keyId(key: Json, schema: KeySchema): string {
  return JSON.stringify([key[schema.hash.name], schema.range ? key[schema.range.name] : null]);
}

/** The keys a PartiQL INSERT, UPDATE or DELETE names; undefined for a read. */
function statementKeys(request: Json, schema: KeySchema): Json[] | undefined {
  if (typeof request.Statement !== 'string') return undefined;
  const written = partiqlWrittenKey(request.Statement, request.Parameters, schema);
  if (written === undefined) return undefined;
  return written.key ? [written.key] : [];
}

/**
 * The keys of the items a write request names (Put items, Update/Delete/ConditionCheck keys,
 * batch requests, a PartiQL write's key), each once; undefined when the request is a read.
 */
function writtenKeys(operation: PatternOperation, request: Json, schema: KeySchema): Json[] | undefined {
  const named: unknown[] = [];
  switch (operation) {
    case 'PutItem':
      named.push(keyOf(request.Item, schema));
      break;
    case 'UpdateItem':
    case 'DeleteItem':
      named.push(request.Key);
      break;
    case 'BatchWriteItem':
      for (const requests of Object.values(isRecord(request.RequestItems) ? request.RequestItems : {})) {
        for (const r of Array.isArray(requests) ? requests : []) {
          if (!isRecord(r)) continue;
          if (isRecord(r.PutRequest)) named.push(keyOf(r.PutRequest.Item, schema));
          if (isRecord(r.DeleteRequest)) named.push(r.DeleteRequest.Key);
        }
      }
      break;
    case 'TransactWriteItems':
      for (const action of Array.isArray(request.TransactItems) ? request.TransactItems : []) {
        if (!isRecord(action)) continue;
        if (isRecord(action.Put)) named.push(keyOf(action.Put.Item, schema));
        for (const member of [action.Update, action.Delete, action.ConditionCheck]) if (isRecord(member)) named.push(member.Key);
      }
      break;
    case 'ExecuteStatement':
      return statementKeys(request, schema);
    default:
      return undefined;
  }
  const keys = new Map<string, Json>();
  for (const key of named) if (isRecord(key)) keys.set(keyId(key, schema), key);
  return [...keys.values()];
}

/**
 * The items at `keys` now, by consistent GetItem; asks for no capacity, so none is counted.
 * A key DynamoDB refuses reads as no item: the write then fails too, with DynamoDB's own error
 * for the write, and nothing is shown as written.
 */
async function readBack(client: DynamoDBClient, table: string, keys: readonly Json[]): Promise<(Json | undefined)[]> {
  return Promise.all(
    keys.map(async (key) => {
      try {
        const output = await sendRequest(client, 'GetItem', { TableName: table, Key: key, ConsistentRead: true });
        return isRecord(output.Item) ? output.Item : undefined;
      } catch {
        return undefined;
      }
    }),
  );
}

/**
 * Each secondary index's entry for the item at `key`, read as a client reads an index: a Scan
 * of the index filtered on the table key. Only for the in-browser engine, whose samples are
 * small; on a real endpoint these Scans would cost the user reads.
 */
async function readIndexEntries(client: DynamoDBClient, model: DesignModel, key: Json): Promise<IndexEntry[]> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions = Object.entries(key).map(([name, value], i) => {
    names[`#k${i}`] = name;
    values[`:k${i}`] = value;
    return `#k${i} = :k${i}`;
  });
  const indexes = [
    ...model.globalSecondaryIndexes.map((index) => ({ index: index.name, kind: 'GSI' as const })),
    ...model.localSecondaryIndexes.map((index) => ({ index: index.name, kind: 'LSI' as const })),
  ];
  return Promise.all(
    indexes.map(async ({ index, kind }) => {
      let start: unknown;
      do {
        const output = await sendRequest(client, 'Scan', {
          TableName: model.table.name,
          IndexName: index,
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ...(start !== undefined ? { ExclusiveStartKey: start } : {}),
        });
        const found = Array.isArray(output.Items) ? output.Items.find(isRecord) : undefined;
        if (found !== undefined) return { index, kind, entry: found };
        start = output.LastEvaluatedKey;
      } while (start !== undefined);
      return { index, kind };
    }),
  );
}

// Reads page through the same data many times; they share one loaded engine per sample set.
let readEngine: { model: DesignModel; samples: readonly SampleItem[]; client: DynamoDBClient } | undefined;

function clientFor(model: DesignModel, samples: readonly SampleItem[], fresh: boolean): DynamoDBClient {
  if (!fresh && readEngine && readEngine.model === model && readEngine.samples === samples) return readEngine.client;
  const { engine } = loadDesignEngine(model, samples);
  const client = new DynamoDBClient({
    region: 'local',
    endpoint: 'http://tablesmith.local',
    credentials: { accessKeyId: 'tablesmith', secretAccessKey: 'tablesmith' },
    requestHandler: engineHandler(engine),
    maxAttempts: 1,
  });
  if (!fresh) readEngine = { model, samples, client };
  return client;
}

function capacityLines(consumed: unknown): { total: number; lines: ConsumedCapacityLine[] } {
  const list = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  let total = 0;
  const lines: ConsumedCapacityLine[] = [];
  for (const entry of list) {
    if (!isRecord(entry)) continue;
    total += typeof entry.CapacityUnits === 'number' ? entry.CapacityUnits : 0;
    const units = (c: unknown) => ({
      ...(isRecord(c) && typeof c.ReadCapacityUnits === 'number' ? { read: c.ReadCapacityUnits } : {}),
      ...(isRecord(c) && typeof c.WriteCapacityUnits === 'number' ? { write: c.WriteCapacityUnits } : {}),
      ...(isRecord(c) && typeof c.CapacityUnits === 'number' ? { total: c.CapacityUnits } : {}),
    });
    if (isRecord(entry.Table)) lines.push({ name: String(entry.TableName ?? 'table'), kind: 'table', ...units(entry.Table) });
    for (const [key, kind] of [['GlobalSecondaryIndexes', 'GSI'], ['LocalSecondaryIndexes', 'LSI']] as const) {
      const indexes = entry[key];
      if (isRecord(indexes)) for (const [name, c] of Object.entries(indexes)) lines.push({ name, kind, ...units(c) });
    }
    if (!isRecord(entry.Table) && typeof entry.CapacityUnits === 'number') {
      lines.push({ name: String(entry.TableName ?? 'table'), kind: 'table', total: entry.CapacityUnits });
    }
  }
  return { total, lines };
}

function itemsOf(operation: PatternOperation, output: Json, table: string): Json[] {
  const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);
  switch (operation) {
    case 'Query':
    case 'Scan':
    case 'ExecuteStatement':
      return list(output.Items);
    case 'GetItem':
      return isRecord(output.Item) ? [output.Item] : [];
    case 'BatchGetItem':
      return isRecord(output.Responses) ? list(member(output.Responses, table)) : [];
    case 'TransactGetItems':
      return list(output.Responses).flatMap((r) => (isRecord(r.Item) ? [r.Item] : []));
    default:
      return isRecord(output.Attributes) ? [output.Attributes] : [];
  }
}

/** Runs one page of `pattern`; `start` is the previous page's LastEvaluatedKey (or NextToken). */
export function runPattern(
  model: DesignModel,
  samples: readonly SampleItem[],
  pattern: AccessPattern,
  params: ParameterValues,
  start?: Json,
): Promise<RunOutcome> {
  return runPatternWith((writes) => clientFor(model, samples, writes), model, pattern, params, start, { indexEntries: true });
}

/**
 * Runs one page of `pattern` on the client `clientForRun` picks, told whether the request
 * writes; the Connect tab passes a real endpoint's client, so both sides normalise alike.
 * `indexEntries`: also read where each written item now is in every secondary index.
 */
export async function runPatternWith(
  clientForRun: (writes: boolean) => DynamoDBClient,
  model: DesignModel,
  pattern: AccessPattern,
  params: ParameterValues,
  start?: Json,
  options: { indexEntries?: boolean } = {},
): Promise<RunOutcome> {
  let request: Json;
  try {
    request = buildRequest(model, pattern, params).input;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errorName: error instanceof AccessPatternError ? 'Pattern error' : 'Error', message, elapsedMs: 0 };
  }
  if (request.ReturnConsumedCapacity === undefined) request.ReturnConsumedCapacity = 'INDEXES';
  if (start && pattern.operation === 'ExecuteStatement') request.NextToken = start.NextToken;
  else if (start) request.ExclusiveStartKey = start;

  const begin = performance.now();
  try {
    const keys = writtenKeys(pattern.operation, request, keySchemaOf(model));
    const client = clientForRun(keys !== undefined);
    const before = keys && (await readBack(client, model.table.name, keys));
    const sent = performance.now();
    const response = await sendRequest(client, pattern.operation, request);
    const elapsedMs = performance.now() - sent;
    const after = keys && (await readBack(client, model.table.name, keys));
    const written =
      keys === undefined
        ? undefined
        : await Promise.all(
            keys.map(async (key, i): Promise<WrittenItem> => {
              const indexEntries = options.indexEntries === true && after?.[i] !== undefined ? await readIndexEntries(client, model, key) : undefined;
              return { key, ...(before?.[i] ? { before: before[i] } : {}), ...(after?.[i] ? { after: after[i] } : {}), ...(indexEntries !== undefined ? { indexEntries } : {}) };
            }),
          );
    const next = isRecord(response.LastEvaluatedKey)
      ? response.LastEvaluatedKey
      : typeof response.NextToken === 'string'
        ? { NextToken: response.NextToken }
        : undefined;
    return {
      ok: true,
      operation: pattern.operation,
      items: itemsOf(pattern.operation, response, model.table.name),
      ...(typeof response.Count === 'number' ? { count: response.Count } : {}),
      ...(typeof response.ScannedCount === 'number' ? { scannedCount: response.ScannedCount } : {}),
      capacity: capacityLines(response.ConsumedCapacity),
      ...(next ? { next } : {}),
      elapsedMs,
      response,
      request,
      ...(written ? { written } : {}),
    };
  } catch (error) {
    const elapsedMs = performance.now() - begin;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errorName: name, message, elapsedMs, request };
  }
}
