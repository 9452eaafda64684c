// The Streams tab's session: an engine of its own loaded with the design's sample items, whose
// stream records (from the write patterns run here and from the TTL sweep) are kept with the
// pattern or sweep that made them. Loading the samples produces none: the subscription starts
// after. The session's stream always carries both images, so switching the table's view type
// re-shapes the records already captured instead of losing them. Its clock starts at the real
// time and moves only when the user advances it, so expiry is something to watch, not wait for.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { create } from 'zustand';
import { createEngine, engineHandler, subscribeToStreams, sweepExpiredItems, type Engine } from '../engine';
import { exampleParameters } from '../model/accessPatterns';
import { loadDesignEngine } from '../model/loadDesignEngine';
import { entityOfKeys, expiringItems, type StreamRecord } from '../model/production/streamRecords';
import type { SampleItem } from '../model/sampleData';
import type { AccessPattern, DesignModel, TableDesign } from '../model/types';
import { runPatternWith } from './patternsRun';

export interface CapturedRecord {
  record: StreamRecord;
  entityId: string | undefined;
  /** The pattern whose run wrote it; absent for the TTL sweep. */
  patternName?: string;
}

interface Session {
  model: DesignModel;
  samples: readonly SampleItem[];
  engine: Engine;
  client: DynamoDBClient;
  clockMs: number;
  unsubscribe: () => void;
}

let session: Session | undefined;

/** Whether two designs differ in nothing but the table's stream view type (which only re-shapes records). */
function sameButStream(a: DesignModel, b: DesignModel): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof DesignModel>;
  for (const key of keys) if (key !== 'table' && a[key] !== b[key]) return false;
  const tableKeys = new Set([...Object.keys(a.table), ...Object.keys(b.table)]) as Set<keyof TableDesign>;
  for (const key of tableKeys) if (key !== 'streamViewType' && a.table[key] !== b.table[key]) return false;
  return true;
}

/** An item with a TTL value and whether the session table still holds it. */
export interface WatchedItem {
  entityId: string;
  keys: Record<string, unknown>;
  expiresAt: number;
  present: boolean;
}

/** How many of the soonest-expiring items the TTL view follows. */
export const WATCHED_ITEMS = 8;

export interface StreamsState {
  records: CapturedRecord[];
  /** The session engine's clock, in milliseconds since the epoch; undefined before a session starts. */
  clockMs: number | undefined;
  running: boolean;
  /** The last run's failure, in DynamoDB's words. */
  error: string | undefined;
  /** Items the TTL sweep has deleted in this session. */
  expired: number;
  /** The soonest-expiring sample items, read back from the session table after each advance. */
  watched: WatchedItem[];
  /** Runs a write pattern on the session engine with its example parameters. */
  runWrite(model: DesignModel, samples: readonly SampleItem[], pattern: AccessPattern): Promise<void>;
  /** Moves the session clock on and runs the TTL sweep, as DynamoDB's background process would. */
  advanceClock(model: DesignModel, samples: readonly SampleItem[], seconds: number): void;
  /** Starts the session again from the sample items. */
  reset(): void;
}

export const useStreamsStore = create<StreamsState>()((set, get) => {
  let attribution: string | undefined;

  const sessionFor = (model: DesignModel, samples: readonly SampleItem[]): Session => {
    if (session && session.samples === samples && sameButStream(session.model, model)) {
      session.model = model;
      return session;
    }
    session?.unsubscribe();
    const clock = { ms: Date.now() };
    const engine = createEngine({ clock: () => clock.ms });
    const withBothImages: DesignModel = { ...model, table: { ...model.table, streamViewType: 'NEW_AND_OLD_IMAGES' } };
    loadDesignEngine(withBothImages, samples, engine);
    if (model.table.ttlAttribute !== undefined) {
      engine.UpdateTimeToLive({ TableName: model.table.name, TimeToLiveSpecification: { Enabled: true, AttributeName: model.table.ttlAttribute } });
    }
    const unsubscribe = subscribeToStreams(engine.context, ({ record }) => {
      const current = session?.model ?? model;
      set({ records: [...get().records, { record, entityId: entityOfKeys(current, record.dynamodb.Keys), ...(attribution !== undefined ? { patternName: attribution } : {}) }] });
    });
    const client = new DynamoDBClient({
      region: 'local',
      endpoint: 'http://tablesmith.local',
      credentials: { accessKeyId: 'tablesmith', secretAccessKey: 'tablesmith' },
      requestHandler: engineHandler(engine),
      maxAttempts: 1,
    });
    const created: Session = {
      model,
      samples,
      engine,
      client,
      get clockMs() {
        return clock.ms;
      },
      set clockMs(ms: number) {
        clock.ms = ms;
      },
      unsubscribe,
    };
    session = created;
    set({ records: [], clockMs: clock.ms, expired: 0, watched: [], error: undefined });
    return created;
  };

  return {
    records: [],
    clockMs: undefined,
    running: false,
    error: undefined,
    expired: 0,
    watched: [],
    async runWrite(model, samples, pattern) {
      const current = sessionFor(model, samples);
      set({ running: true, error: undefined });
      attribution = pattern.name;
      try {
        const outcome = await runPatternWith(() => current.client, model, pattern, exampleParameters(model, pattern, samples));
        set({ error: outcome.ok ? undefined : `${outcome.errorName}: ${outcome.message}` });
      } finally {
        attribution = undefined;
        set({ running: false });
      }
    },
    advanceClock(model, samples, seconds) {
      const current = sessionFor(model, samples);
      current.clockMs += seconds * 1000;
      const swept = sweepExpiredItems(current.engine.context);
      const deleted = Object.values(swept.deleted).reduce((a, b) => a + b, 0);
      const keyNames = [model.table.partitionKey.name, ...(model.table.sortKey ? [model.table.sortKey.name] : [])];
      const watched = expiringItems(model, samples, WATCHED_ITEMS).map(({ sample, expiresAt }) => {
        const keys = Object.fromEntries(keyNames.flatMap((name) => (sample.item[name] === undefined ? [] : [[name, sample.item[name]]])));
        const present = current.engine.GetItem({ TableName: model.table.name, Key: keys, ConsistentRead: true }).Item !== undefined;
        return { entityId: sample.entityId, keys, expiresAt, present };
      });
      set({ clockMs: current.clockMs, expired: get().expired + deleted, watched });
    },
    reset() {
      session?.unsubscribe();
      session = undefined;
      set({ records: [], clockMs: undefined, expired: 0, watched: [], error: undefined });
    },
  };
});
