// The streams of one engine: each table has at most one ENABLED stream; disabling closes its
// shard and leaves it readable (DISABLED), records expiring after the 24-hour retention as in
// DynamoDB. Records come from the engine's change feed, so every write path (single items,
// batches, transactions, PartiQL, the TTL sweep) produces them, and a write that changes
// nothing produces none.
import { valuesEqual, type Item } from '../AttributeValue';
import { DynamoDBError, validationError } from '../errors';
import type { EngineContext, ItemChange } from '../EngineContext';
import { tableArn } from '../EngineContext';
import type { KeySchema } from '../KeySchema';
import { buildStreamRecord, eventNameOf, formatSequenceNumber, type StreamRecord, type UserIdentity } from './StreamRecord';
import type { StreamSpecification, StreamViewType } from './StreamSpecification';

/** DynamoDB Streams keeps records for 24 hours. */
export const RETENTION_SECONDS = 24 * 60 * 60;

export interface Shard {
  readonly shardId: string;
  readonly startingSequenceNumber: number;
  /** Set when the shard is closed (its stream disabled or its table deleted). */
  endingSequenceNumber: number | undefined;
  readonly records: StreamRecord[];
  /** Sequence numbers of `records`, for binary search. */
  readonly sequence: number[];
}

export interface Stream {
  readonly arn: string;
  readonly label: string;
  readonly tableName: string;
  readonly keySchema: KeySchema;
  readonly viewType: StreamViewType;
  readonly createdAt: number;
  status: 'ENABLED' | 'DISABLED';
  readonly shard: Shard;
}

export interface TableStreamRecord {
  tableName: string;
  streamArn: string;
  record: StreamRecord;
}

export type StreamListener = (event: TableStreamRecord) => void;

export class StreamStore {
  /** Every stream, oldest first. */
  readonly streams: Stream[] = [];
  private nextSequence = 1;
  private readonly listeners = new Set<StreamListener>();
  /** Set while the TTL sweep deletes, so its REMOVE records carry the service identity. */
  private identity: UserIdentity | undefined;

  constructor(private readonly context: EngineContext) {
    context.listeners.add((change) => this.record(change));
  }

  enabledStream(tableName: string): Stream | undefined {
    for (let i = this.streams.length - 1; i >= 0; i--) {
      const stream = this.streams[i] as Stream;
      if (stream.tableName === tableName) return stream.status === 'ENABLED' ? stream : undefined;
    }
    return undefined;
  }

  latestStream(tableName: string): Stream | undefined {
    for (let i = this.streams.length - 1; i >= 0; i--) {
      const stream = this.streams[i] as Stream;
      if (stream.tableName === tableName) return stream;
    }
    return undefined;
  }

  find(arn: string): Stream | undefined {
    return this.streams.find((stream) => stream.arn === arn);
  }

  /** Applies a StreamSpecification from CreateTable (`creating`) or UpdateTable. */
  configure(tableName: string, keySchema: KeySchema, spec: StreamSpecification, creating: boolean): void {
    const current = this.enabledStream(tableName);
    if (spec.StreamEnabled) {
      if (current) throw validationError('Table already has an enabled stream');
      this.open(tableName, keySchema, spec.StreamViewType);
    } else if (current) {
      this.close(current);
    } else if (!creating) {
      throw validationError('Table has no stream to disable');
    }
  }

  /** DeleteTable: the table's stream stays readable but takes no more records. */
  tableDeleted(tableName: string): void {
    const current = this.enabledStream(tableName);
    if (current) this.close(current);
  }

  /** The DescribeTable members a table's stream contributes. */
  describe(tableName: string): Record<string, unknown> {
    const latest = this.latestStream(tableName);
    if (!latest) return {};
    const enabled = latest.status === 'ENABLED';
    return {
      ...(enabled ? { StreamSpecification: { StreamEnabled: true, StreamViewType: latest.viewType } } : {}),
      LatestStreamLabel: latest.label,
      LatestStreamArn: latest.arn,
    };
  }

  subscribe(listener: StreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `work` with REMOVE records attributed to DynamoDB itself (the TTL sweep). */
  asService<T>(identity: UserIdentity, work: () => T): T {
    this.identity = identity;
    try {
      return work();
    } finally {
      this.identity = undefined;
    }
  }

  private open(tableName: string, keySchema: KeySchema, viewType: StreamViewType): void {
    const now = this.context.now();
    const label = streamLabel(now, this.streams.map((stream) => stream.label));
    const createdMs = Math.floor(now * 1000);
    this.streams.push({
      arn: `${tableArn(this.context, tableName)}/stream/${label}`,
      label,
      tableName,
      keySchema,
      viewType,
      createdAt: createdMs / 1000,
      status: 'ENABLED',
      shard: {
        shardId: `shardId-${String(createdMs).padStart(20, '0')}-${hex(this.context, 4)}`,
        startingSequenceNumber: this.nextSequence,
        endingSequenceNumber: undefined,
        records: [],
        sequence: [],
      },
    });
  }

  private close(stream: Stream): void {
    stream.status = 'DISABLED';
    const last = stream.shard.sequence.at(-1);
    stream.shard.endingSequenceNumber = last ?? stream.shard.startingSequenceNumber;
  }

  private record(change: ItemChange): void {
    const stream = this.enabledStream(change.tableName);
    if (!stream) return;
    const eventName = eventNameOf(change.oldImage, change.newImage);
    if (eventName === undefined) return;
    if (eventName === 'MODIFY' && sameItem(change.oldImage as Item, change.newImage as Item)) return;
    const now = this.context.now();
    const sequence = this.nextSequence++;
    const record = buildStreamRecord({
      eventName,
      keys: change.keys,
      oldImage: change.oldImage,
      newImage: change.newImage,
      viewType: stream.viewType,
      sequenceNumber: formatSequenceNumber(sequence),
      now,
      region: this.context.region,
      eventID: uuid(this.context),
      ...(eventName === 'REMOVE' && this.identity ? { userIdentity: this.identity } : {}),
    });
    trim(stream.shard, now);
    stream.shard.records.push(record);
    stream.shard.sequence.push(sequence);
    for (const listener of this.listeners) listener({ tableName: stream.tableName, streamArn: stream.arn, record });
  }

  /**
   * Drops the records past retention from every shard, closed ones included. Writing a record
   * trims its own shard, but a shard nobody writes to any more (a disabled stream, a deleted
   * table) is trimmed only here, so a host calls this periodically.
   */
  trimAll(): void {
    const now = this.context.now();
    for (const stream of this.streams) trim(stream.shard, now);
  }

  /** The stream with this ARN, or DynamoDB's ResourceNotFoundException. */
  requireStream(arn: string): Stream {
    const stream = this.find(arn);
    if (!stream) throw new DynamoDBError('ResourceNotFoundException', `Requested resource not found: Stream: ${arn} not found`);
    return stream;
  }
}

function sameItem(a: Item, b: Item): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) {
    const other = b[name];
    if (other === undefined || !valuesEqual(a[name] as Item[string], other)) return false;
  }
  return true;
}

function trim(shard: Shard, now: number): void {
  const oldest = shard.records[0];
  if (oldest === undefined || oldest.dynamodb.ApproximateCreationDateTime >= now - RETENTION_SECONDS - 60) return;
  let drop = 0;
  while (drop < shard.records.length && (shard.records[drop] as StreamRecord).dynamodb.ApproximateCreationDateTime < now - RETENTION_SECONDS - 60) drop++;
  if (drop > 0) {
    shard.records.splice(0, drop);
    shard.sequence.splice(0, drop);
  }
}

// Labels are the creation time in ISO form without the zone; two streams created in the same
// millisecond (enable, disable, enable under a frozen test clock) still get distinct labels.
function streamLabel(now: number, taken: string[]): string {
  let ms = Math.floor(now * 1000);
  for (;;) {
    const label = new Date(ms).toISOString().slice(0, -1);
    if (!taken.includes(label)) return label;
    ms++;
  }
}

function hex(context: EngineContext, bytes: number): string {
  const random = new Uint8Array(bytes);
  context.randomBytes(random);
  return Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A version 4 UUID from the engine's random source. */
function uuid(context: EngineContext): string {
  const random = new Uint8Array(16);
  context.randomBytes(random);
  random[6] = ((random[6] as number) & 0x0f) | 0x40;
  random[8] = ((random[8] as number) & 0x3f) | 0x80;
  const text = Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

const stores = new WeakMap<EngineContext, StreamStore>();

/** The stream store of an engine, created on first use (it then hears every change). */
export function streamStore(context: EngineContext): StreamStore {
  let store = stores.get(context);
  if (!store) {
    store = new StreamStore(context);
    stores.set(context, store);
  }
  return store;
}
