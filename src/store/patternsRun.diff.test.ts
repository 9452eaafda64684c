// The runner claims to answer every preloaded pattern as DynamoDB would. Proof: load each
// example's sample items into DynamoDB Local and into the engine, send each pattern's request
// to both with the same SDK client code, and compare the whole responses: items and their
// order, Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity per table and index, errors.
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_DIFFERENCES } from '../engine/LocalDifferences';
import { buildRequest, exampleParameters, WRITE_OPERATIONS } from '../model/accessPatterns';
import { toCreateTableInput } from '../model/createTableInput';
import { examples } from '../model/examples';
import { generateSampleItems, type SampleItem } from '../model/sampleData';
import type { AccessPattern, DesignModel } from '../model/types';
import { runPattern, sendRequest, type RunOutcome } from './patternsRun';

const local = new DynamoDBClient({
  endpoint: inject('dynamodbLocalEndpoint'),
  region: 'us-east-1',
  credentials: { accessKeyId: 'patterns', secretAccessKey: 'patterns' },
  maxAttempts: 1,
});


/** Sets are unordered: DynamoDB returns their members in an order of its own. */
function withSortedSets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedSets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[key] = (key === 'SS' || key === 'NS' || key === 'BS') && Array.isArray(member) ? [...member].sort() : withSortedSets(member);
  }
  return out;
}

function reconciled(engine: unknown, fromLocal: unknown): unknown {
  return LOCAL_DIFFERENCES.reduce((answer, d) => (d.reconcile ? d.reconcile(answer, fromLocal) : answer), engine);
}

async function loadLocal(model: DesignModel, samples: readonly SampleItem[]): Promise<void> {
  await local.send(new CreateTableCommand(toCreateTableInput(model) as never));
  for (let i = 0; i < samples.length; i += 25) {
    let pending: Record<string, unknown> | undefined = {
      [model.table.name]: samples.slice(i, i + 25).map((s) => ({ PutRequest: { Item: s.item } })),
    };
    while (pending && Object.keys(pending).length > 0) {
      const out = await local.send(new BatchWriteItemCommand({ RequestItems: pending } as never));
      pending = out.UnprocessedItems as Record<string, unknown> | undefined;
    }
  }
}

async function localOutcome(model: DesignModel, pattern: AccessPattern, params: Record<string, string>, start?: Record<string, unknown>) {
  const input = buildRequest(model, pattern, params).input;
  input.ReturnConsumedCapacity ??= 'INDEXES';
  if (start) input.ExclusiveStartKey = start;
  try {
    return { ok: true as const, response: await sendRequest(local, pattern.operation, input) };
  } catch (error) {
    const e = error as Error;
    return { ok: false as const, errorName: e.name, message: e.message };
  }
}

type LocalOutcome = Awaited<ReturnType<typeof localOutcome>>;

/** DynamoDB promises no order for Scan results; everything else is compared in order. */
function canonicalScanOrder(operation: AccessPattern['operation'], response: unknown): unknown {
  if (operation !== 'Scan' || typeof response !== 'object' || response === null) return response;
  const items = (response as { Items?: unknown[] }).Items;
  if (!items) return response;
  return { ...response, Items: [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
}

// Local's TransactWriteItems capacity is a listed difference (LocalDifferences 'transaction-capacity'):
// the engine charges the documented 2× per write, so only that member is left out of the comparison.
const TRANSACTION_CAPACITY = LOCAL_DIFFERENCES.find((d) => d.id === 'transaction-capacity');

function withoutExcusedMembers(operation: AccessPattern['operation'], response: unknown): unknown {
  if (operation !== 'TransactWriteItems' || typeof response !== 'object' || response === null) return response;
  if (!TRANSACTION_CAPACITY) throw new Error("LocalDifferences lists no 'transaction-capacity'; nothing may be excused silently");
  const { ConsumedCapacity: _excused, ...rest } = response as Record<string, unknown>;
  return rest;
}

function normalized(operation: AccessPattern['operation'], response: unknown): unknown {
  return withSortedSets(canonicalScanOrder(operation, withoutExcusedMembers(operation, response)));
}

function comparable(operation: AccessPattern['operation'], outcome: RunOutcome, fromLocal: LocalOutcome) {
  if (!outcome.ok) return { ok: false, errorName: outcome.errorName, message: outcome.message };
  return { ok: true, response: normalized(operation, reconciled(outcome.response, fromLocal.ok ? fromLocal.response : undefined)) };
}

function expected(operation: AccessPattern['operation'], fromLocal: LocalOutcome) {
  return fromLocal.ok ? { ok: true, response: normalized(operation, fromLocal.response) } : fromLocal;
}

describe.each(examples.map((e) => [e.id, e.model] as const))('%s patterns against DynamoDB Local', (id, original) => {
  const model: DesignModel = { ...original, table: { ...original.table, name: `patterns-${id}-${Date.now()}` } };
  const samples = generateSampleItems(model);
  const loaded = loadLocal(model, samples);
  const reads = model.accessPatterns.filter((p) => !WRITE_OPERATIONS.has(p.operation));
  const writes = model.accessPatterns.filter((p) => WRITE_OPERATIONS.has(p.operation));

  it.each(reads.map((p) => [p.name, p] as const))('read "%s" answers the same', async (_name, pattern) => {
    await loaded;
    const params = exampleParameters(model, pattern, samples);
    const fromLocal = await localOutcome(model, pattern, params);
    const fromEngine = await runPattern(model, samples, pattern, params);
    expect(comparable(pattern.operation, fromEngine, fromLocal)).toEqual(expected(pattern.operation, fromLocal));
  });

  it('pages through a Query the same way', async () => {
    await loaded;
    const query = reads.find((p) => p.operation === 'Query' && !p.request.Limit);
    if (!query) throw new Error(`${id} has no Query without Limit to page through`);
    const paged: AccessPattern = { ...query, request: { ...query.request, Limit: 2 } };
    const params = exampleParameters(model, paged, samples);
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < 3; page++) {
      const fromLocal = await localOutcome(model, paged, params, start);
      const fromEngine = await runPattern(model, samples, paged, params, start);
      expect(comparable(paged.operation, fromEngine, fromLocal)).toEqual(expected(paged.operation, fromLocal));
      if (!fromEngine.ok || !fromEngine.next) break;
      start = fromEngine.next;
    }
  });

  it('reports a broken key condition in the same words', async () => {
    await loaded;
    const query = reads.find((p) => p.operation === 'Query');
    if (!query) throw new Error(`${id} has no Query`);
    const broken: AccessPattern = { ...query, request: { ...query.request, KeyConditionExpression: `${String(query.request.KeyConditionExpression)} AND` } };
    const params = exampleParameters(model, broken, samples);
    const fromLocal = await localOutcome(model, broken, params);
    expect(fromLocal.ok).toBe(false);
    expect(comparable(broken.operation, await runPattern(model, samples, broken, params), fromLocal)).toEqual(fromLocal);
  });

  // Writes last: DynamoDB Local keeps their effects, the runner starts each from the samples.
  // No two preloaded writes of an example name the same item, so what the runner reads back
  // after a write is what DynamoDB Local holds at those keys after it.
  it.each(writes.map((p) => [p.name, p] as const))('write "%s" answers the same and reads back what DynamoDB holds', async (_name, pattern) => {
    await loaded;
    const params = exampleParameters(model, pattern, samples);
    const fromLocal = await localOutcome(model, pattern, params);
    const fromEngine = await runPattern(model, samples, pattern, params);
    expect(comparable(pattern.operation, fromEngine, fromLocal)).toEqual(expected(pattern.operation, fromLocal));
    if (!fromEngine.ok) return;
    expect(fromEngine.written?.length).toBeGreaterThan(0);
    for (const { key, after } of fromEngine.written ?? []) {
      const held = await sendRequest(local, 'GetItem', { TableName: model.table.name, Key: key, ConsistentRead: true });
      expect(withSortedSets(after)).toEqual(withSortedSets(held.Item));
    }
  });
});
