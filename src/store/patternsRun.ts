// Runs a pattern the way an application would: through @aws-sdk/client-dynamodb, whose
// request handler is the in-browser engine. Each run gets an engine loaded with the current
// sample items, so a write pattern never changes the preview.
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
import { engineHandler } from '../engine';
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

const WRITES: ReadonlySet<PatternOperation> = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

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
      return isRecord(output.Responses) ? list(output.Responses[table]) : [];
    case 'TransactGetItems':
      return list(output.Responses).flatMap((r) => (isRecord(r.Item) ? [r.Item] : []));
    default:
      return isRecord(output.Attributes) ? [output.Attributes] : [];
  }
}

/** Runs one page of `pattern`; `start` is the previous page's LastEvaluatedKey (or NextToken). */
export async function runPattern(
  model: DesignModel,
  samples: readonly SampleItem[],
  pattern: AccessPattern,
  params: ParameterValues,
  start?: Json,
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
    const client = clientFor(model, samples, WRITES.has(pattern.operation));
    const sent = performance.now();
    const response = await sendRequest(client, pattern.operation, request);
    const elapsedMs = performance.now() - sent;
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
    };
  } catch (error) {
    const elapsedMs = performance.now() - begin;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errorName: name, message, elapsedMs, request };
  }
}
