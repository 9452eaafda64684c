// Differential testing: the same SDK command goes to DynamoDB Local (the oracle) and to the
// engine through `engineHandler`; the normalized answers must be equal. The only differences
// excused are the ones listed in LocalDifferences, and each excuse is recorded.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect, inject } from 'vitest';
import { createEngine, engineHandler, type Engine } from '../index';
import { LOCAL_DIFFERENCES } from '../LocalDifferences';

export interface Oracle {
  readonly local: DynamoDBClient;
  readonly engine: DynamoDBClient;
  readonly core: Engine;
  /** A table name unique to this run, the same on both sides. */
  table(label: string): string;
  /** Ids of LocalDifferences that had to be reconciled so far. */
  readonly reconciled: Set<string>;
}

const credentials = { accessKeyId: 'differential', secretAccessKey: 'differential' };
let runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/**
 * With TABLESMITH_DIFF_OVER_HTTP=1 the setup provides `engineHttpEndpoint` (the engine behind
 * src/server) and the same suite runs over loopback HTTP; `core` is then a bystander engine.
 */
function engineHttpEndpoint(): string | undefined {
  const endpoint: unknown = (inject as (key: string) => unknown)('engineHttpEndpoint');
  return typeof endpoint === 'string' && endpoint !== '' ? endpoint : undefined;
}

export function createOracle(endpoint: string): Oracle {
  runId = `${runId}x`;
  const prefix = runId;
  let counter = 0;
  const core = createEngine();
  const http = engineHttpEndpoint();
  return {
    local: new DynamoDBClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
    engine: http
      ? new DynamoDBClient({ endpoint: http, region: 'us-east-1', credentials, maxAttempts: 1 })
      : new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: engineHandler(core), maxAttempts: 1 }),
    core,
    table: (label) => `d${prefix}-${label}-${++counter}`,
    reconciled: new Set(),
  };
}

export type Outcome = { output: unknown } | { error: { name: string; message: string; Item?: unknown; CancellationReasons?: unknown } };

// Any SDK command class; its send() type is not needed to compare JSON answers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CommandClass<I> = new (input: I) => any;

/** A client's answer to a command: its output, or the error DynamoDB returned. */
export async function outcome(client: DynamoDBClient, command: unknown): Promise<Outcome> {
  try {
    const output = (await client.send(command as never)) as unknown as Record<string, unknown>;
    const { $metadata: _metadata, ...rest } = output;
    return { output: rest };
  } catch (error) {
    const e = error as { name: string; message: string; Item?: unknown; CancellationReasons?: unknown };
    if (!('$metadata' in (error as object))) throw error;
    return {
      error: {
        name: e.name,
        message: e.message,
        ...(e.Item === undefined ? {} : { Item: e.Item }),
        ...(e.CancellationReasons === undefined ? {} : { CancellationReasons: e.CancellationReasons }),
      },
    };
  }
}

const SET_TYPES = new Set(['SS', 'NS', 'BS']);

/**
 * Timestamps differ by when each side ran (epoch zero, "never", must still match), and sets
 * have no order in DynamoDB, so their members are compared sorted.
 */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() === 0 ? 0 : '<time>';
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, normalizeMember(key, element)]));
}

function normalizeMember(key: string, element: unknown): unknown {
  if (SET_TYPES.has(key) && Array.isArray(element)) return [...element].map(normalize).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  // A stream's label is the time it was enabled.
  if (key === 'LatestStreamLabel' && typeof element === 'string') return '<time>';
  if (key === 'LatestStreamArn' && typeof element === 'string') return element.replace(/\/stream\/[^/]+$/, '/stream/<time>');
  return normalize(element);
}

/** JSON with object keys sorted, so equal answers compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, element) => {
    if (element instanceof Uint8Array) return Array.from(element);
    if (element === null || typeof element !== 'object' || Array.isArray(element)) return element;
    return Object.fromEntries(Object.keys(element).sort().map((key) => [key, (element as Record<string, unknown>)[key]]));
  });
}

const sortKey = canonical;

/** Order-insensitive views of Items (Scan) and BatchGetItem's Responses. */
function unorder(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const record = { ...(value as Record<string, unknown>) };
  if (Array.isArray(record.Items)) record.Items = [...record.Items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  if (record.Responses && typeof record.Responses === 'object') {
    record.Responses = Object.fromEntries(
      Object.entries(record.Responses as Record<string, unknown[]>).map(([table, items]) => [table, [...items].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))]),
    );
  }
  return record;
}

function reconcile(oracle: Oracle, engine: Outcome, local: Outcome): Outcome {
  let result: unknown = engine;
  for (const difference of LOCAL_DIFFERENCES) {
    if (!difference.reconcile) continue;
    const next = difference.reconcile(result, local);
    if (sortKey(next) !== sortKey(result)) oracle.reconciled.add(difference.id);
    result = next;
  }
  return result as Outcome;
}

export interface CompareOptions {
  /** Compare Items / Responses as sets (Scan and BatchGetItem have no defined order). */
  unordered?: boolean;
}

/**
 * DynamoDB Local, busy on a loaded machine, now and then fails a request with its generic
 * InternalFailure ("The request processing has failed because of an unknown error…"). That is
 * not an answer to compare with, so the request is sent again, a few times at most.
 */
export async function localOutcome(client: DynamoDBClient, command: () => unknown): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const result = await outcome(client, command());
    if (!('error' in result) || result.error.name !== 'InternalFailure' || attempt === 3) return result;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

/** Sends one command to both sides and expects the same normalized answer; returns the engine's. */
export async function same<I>(oracle: Oracle, Command: CommandClass<I>, input: I, options: CompareOptions = {}): Promise<Outcome> {
  const [local, engine] = await Promise.all([localOutcome(oracle.local, () => new Command(input)), outcome(oracle.engine, new Command(input))]);
  const view = (o: Outcome) => {
    const timed = normalize(o) as Outcome;
    return options.unordered && 'output' in timed ? { output: unorder(timed.output) } : timed;
  };
  expect(view(reconcile(oracle, engine, local)), `${Command.name} ${JSON.stringify(input, (_k, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 20)}…(${v.length})` : v)).slice(0, 300)}`).toEqual(view(local));
  return engine;
}

/** Output of a successful outcome (fails the test on an error). */
export function output<T = Record<string, unknown>>(result: Outcome): T {
  if ('error' in result) throw new Error(`expected success, got ${result.error.name}: ${result.error.message}`);
  return result.output as T;
}
