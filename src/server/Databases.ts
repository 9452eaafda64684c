// One engine per access key + region, as DynamoDB Local keeps one database file per pair by
// default: tables made with one credential are invisible to another. Each engine answers
// both services of the endpoint: DynamoDB through `engine.dispatch`, DynamoDB Streams
// through the streams actions on the same engine context.
//
// What lets the server run for a day: one timer for every database (the TTL sweep, through
// each table's expiry index, and the 24-hour stream retention), the memory budget that refuses
// writes before the heap runs out, and under `--db-path` the journal (Journal.ts): each
// accepted change is recorded before it is answered, and replayed at start-up. A replay
// must make exactly the same state, so every request runs with the engine clock pinned to
// one instant and stream ids drawn from a seeded generator, and both are journaled with it.
// The engine itself, not its index: that also brings the SDK handler and its packages, which the server never uses.
import { createEngine, errorResult, type Engine } from '../engine/Engine';
import type { Item } from '../engine/AttributeValue';
import { DynamoDBError } from '../engine/errors';
import { streamsActions, trimStreamRecords } from '../engine/streams';
import { deleteExpiredItems, sweepExpiredItems } from '../engine/TimeToLiveSweep';
import type { CredentialScope } from './Credentials';
import type { DispatchResult, EndpointEngine, Service } from './HttpServer';
import { replayJournal, type Journal, type ReplayResult } from './Journal';
import type { MemoryBudget } from './MemoryBudget';

/** The DynamoDB actions that can change a database: the ones journaled and held to the memory budget. */
const WRITE_ACTIONS = new Set([
  'CreateTable',
  'UpdateTable',
  'DeleteTable',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'UpdateTimeToLive',
  'TagResource',
  'UntagResource',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);

/** A journal record: a database opened, an accepted write, or the TTL sweep's deletions. */
type JournalRecord = { t: number; q: number; k: string; r: string } & (
  | { x: 'open' }
  | { x: 'call'; o: string; b: Record<string, unknown> }
  | { x: 'ttl'; d: [table: string, keys: Item[]][] }
);

function dispatchStreams(engine: Engine, operation: string, body: Record<string, unknown>): DispatchResult {
  if (!Object.hasOwn(streamsActions, operation)) {
    return errorResult(new DynamoDBError('UnknownOperationException', 'An unknown operation was requested.'));
  }
  try {
    const run = streamsActions[operation as keyof typeof streamsActions] as (context: Engine['context'], input: unknown) => object;
    return { status: 200, body: run(engine.context, body) as Record<string, unknown> };
  } catch (error) {
    return errorResult(error);
  }
}

/** mulberry32: a small seeded generator, enough for ids that only need to differ. */
function seededBytes(state: { seed: number }): (bytes: Uint8Array) => void {
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state.seed = (state.seed + 0x6d2b79f5) | 0;
      let value = Math.imul(state.seed ^ (state.seed >>> 15), 1 | state.seed);
      value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
      bytes[i] = (value ^ (value >>> 14)) & 0xff;
    }
  };
}

function failure(status: number, type: string, message: string): DispatchResult {
  return { status, body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message } };
}

export type DatabaseEntry = EndpointEngine & { engine: Engine };

/** Unambiguous for any key and region, whatever characters they hold. */
function databaseId(scope: CredentialScope): string {
  return JSON.stringify([scope.accessKeyId, scope.region]);
}

export interface Databases {
  engineFor(scope: CredentialScope): DatabaseEntry;
  /** Replays the journal into fresh databases; call once, before serving. */
  replay(path: string): ReplayResult & { diverged: number };
  /** Stops the maintenance timer and waits for the journal. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Runs once for each new database, e.g. to create a model's table and seed its items. */
  seed?: (engine: Engine) => void;
  /** How often the TTL sweep and the stream retention run, in milliseconds of wall time (default 1000). */
  maintenanceIntervalMs?: number;
  /** Writes that would take the heap past it are refused. */
  memoryBudget?: MemoryBudget;
  /** Where accepted changes are recorded before they are answered (`--db-path`). */
  journal?: Journal;
}

export function createDatabases(options: DatabaseOptions = {}): Databases {
  const { journal, memoryBudget } = options;
  const databases = new Map<string, { scope: CredentialScope; entry: DatabaseEntry }>();
  // Outside a request the clock runs (never backwards past a replayed instant); inside one it is pinned.
  let pinned: number | undefined;
  let latest = 0;
  const clock = () => pinned ?? Math.max(latest, Date.now());
  const random = { seed: 0 };
  const randomBytes = journal === undefined ? undefined : seededBytes(random);

  // Only a journal needs the seed of each change; without one the engine draws from crypto.
  const newSeed = () => (journal === undefined ? 0 : (Math.random() * 2 ** 32) | 0);

  /** Runs `work` at engine time `t` with the random source seeded by `q`. */
  function at<T>(t: number, q: number, work: () => T): T {
    pinned = t;
    random.seed = q;
    try {
      return work();
    } finally {
      pinned = undefined;
      latest = Math.max(latest, t);
    }
  }

  function record(entry: JournalRecord): Promise<void> | undefined {
    return journal?.append(JSON.stringify(entry));
  }

  function create(scope: CredentialScope): DatabaseEntry {
    const engine = createEngine({ region: scope.region, clock, ...(randomBytes ? { randomBytes } : {}) });
    const entry: DatabaseEntry = {
      engine,
      dispatch: (service: Service, operation, body, raw) => {
        if (service === 'DynamoDBStreams') return dispatchStreams(engine, operation, body);
        if (!WRITE_ACTIONS.has(operation)) return engine.dispatch(operation, body);
        if (memoryBudget && !memoryBudget.admits(raw?.length ?? 0)) return failure(400, 'MemoryBudgetExceededException', memoryBudget.refusal());
        // A change that could not be kept must not be made: the journal would miss it.
        if (journal?.failed) return failure(500, 'InternalServerError', `Writes are refused: ${journal.failed.message}`);
        const t = clock();
        const q = newSeed();
        const result = at(t, q, () => engine.dispatch(operation, body));
        if (!journal || result.status !== 200) return result;
        // The body is journaled as the client sent it (already checked to be UTF-8 JSON), not re-serialised.
        const head = JSON.stringify({ t, q, k: scope.accessKeyId, r: scope.region, x: 'call', o: operation });
        const b = raw === undefined ? JSON.stringify(body) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
        return journal.append(`${head.slice(0, -1)},"b":${b}}`).then(
          () => result,
          (error: Error) => failure(500, 'InternalServerError', `The change was made but could not be kept on disk: ${error.message}`),
        );
      },
    };
    databases.set(databaseId(scope), { scope, entry });
    return entry;
  }

  function open(scope: CredentialScope, t: number, q: number): DatabaseEntry {
    const entry = create(scope);
    at(t, q, () => options.seed?.(entry.engine));
    return entry;
  }

  function sweep(): void {
    for (const { scope, entry } of databases.values()) {
      const { engine } = entry;
      const t = clock();
      const q = newSeed();
      const { keys } = at(t, q, () => sweepExpiredItems(engine.context));
      const d = Object.entries(keys);
      if (d.length > 0) {
        void record({ t, q, k: scope.accessKeyId, r: scope.region, x: 'ttl', d })?.catch(() => {
          // The failure is kept by the journal and reported to the next write.
        });
      }
      trimStreamRecords(engine.context);
    }
  }

  const timer = setInterval(sweep, options.maintenanceIntervalMs ?? 1000);
  timer.unref();

  return {
    engineFor(scope) {
      const existing = databases.get(databaseId(scope));
      if (existing) return existing.entry;
      const t = clock();
      const q = newSeed();
      const entry = open(scope, t, q);
      void record({ t, q, k: scope.accessKeyId, r: scope.region, x: 'open' })?.catch(() => {
        // As for the sweep: the next write reports the journal's failure.
      });
      return entry;
    },
    replay(path) {
      let diverged = 0;
      const result = replayJournal(path, (payload) => {
        const entry = JSON.parse(payload) as JournalRecord;
        const scope = { accessKeyId: entry.k, region: entry.r };
        if (entry.x === 'open') {
          open(scope, entry.t, entry.q);
          return;
        }
        const database = databases.get(databaseId(scope))?.entry ?? open(scope, entry.t, entry.q);
        if (entry.x === 'call') {
          if (at(entry.t, entry.q, () => database.engine.dispatch(entry.o, entry.b)).status !== 200) diverged++;
          return;
        }
        at(entry.t, entry.q, () => {
          for (const [name, keys] of entry.d) {
            const table = database.engine.context.tables.get(name);
            if (table) deleteExpiredItems(database.engine.context, table, keys);
            else diverged++;
          }
        });
      });
      for (const { entry } of databases.values()) trimStreamRecords(entry.engine.context);
      return { ...result, diverged };
    },
    async close() {
      clearInterval(timer);
      await journal?.close();
    },
  };
}
