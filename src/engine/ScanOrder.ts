// The order a Scan reads a table or index in, as DynamoDB Local's SQLite queries do
// (SQLiteDBAccess.queryRecords with isScan):
//   table: ORDER BY hashValue, rangeKey            segments: hashValue in range
//   LSI:   ORDER BY hashValue, index sort key, rangeKey
//   GSI:   ORDER BY index keys, tie hash          segments: the table item's hashValue
// where hashValue is the partition key's hash, rangeKey the table sort key itself and the tie
// hash the index's TieOrder. An ExclusiveStartKey resumes just after its place in that order.
import type { AttributeValue, Item } from './AttributeValue';
import { validationError } from './errors';
import type { EntryKey, ItemCollection, StoredEntry } from './ItemCollection';
import { partitionTokenOf } from './MultiAttributeKey';
import { inSegment, keyHash, segmentBounds, type SegmentBounds } from './PartitionHash';
import type { ReadTarget } from './ReadPage';
import { startEntryKey } from './StartKey';
import { slotIndex, type Partitions } from './Table';

export interface ParallelScan {
  readonly segment: number;
  readonly total: number;
}

/** The segment's hash range; an ExclusiveStartKey must hash into it. */
export function scanSegment(target: ReadTarget, parallel: ParallelScan | undefined, startKey: Item | undefined): SegmentBounds | undefined {
  if (!parallel) return undefined;
  const bounds = segmentBounds(parallel.segment, parallel.total);
  const hash = target.table.keySchema.hash;
  if (startKey && !inSegment(keyHash(startKey[hash.name] as AttributeValue, hash.type), bounds)) {
    throw validationError('Exclusive start key must lie within the segment');
  }
  return bounds;
}

/** The start key's partition and its place in it. */
interface ScanStart {
  readonly token: string;
  readonly scanKey: string;
  readonly key: EntryKey;
}

function scanStart(target: ReadTarget, partitions: Partitions, startKey: Item): ScanStart {
  return { token: partitionTokenOf(target.keySchema, startKey), scanKey: partitions.scanKeyOfItem(startKey), key: startEntryKey(target, startKey) };
}

/** The entries of one partition in scan order, from just after `start` when it lies there. */
type PartitionWalk = (collection: ItemCollection, start: EntryKey | undefined) => Iterable<StoredEntry>;

function* byIndexOrder(collection: ItemCollection, start: EntryKey | undefined): Generator<StoredEntry> {
  yield* collection.walk(start ? collection.seekKey(start, true) : collection.first(), true);
}

/**
 * An LSI partition is kept in Query order (ties by the sort key's hash), but a Scan orders
 * entries sharing an index sort key by the table sort key itself.
 */
function* byTableSortKey(collection: ItemCollection, start: EntryKey | undefined): Generator<StoredEntry> {
  const cursor = start ? collection.seek((entry) => entry.sort < start.sort) : collection.first();
  const after = (entry: StoredEntry) => !start || entry.sort !== start.sort || entry.tieRange > start.tieRange;
  let run: StoredEntry[] = [];
  const flush = function* () {
    run.sort((a, b) => (a.tieRange < b.tieRange ? -1 : a.tieRange > b.tieRange ? 1 : 0));
    for (const entry of run) if (after(entry)) yield entry;
    run = [];
  };
  for (const entry of collection.walk(cursor, true)) {
    if (run.length > 0 && (run[0] as StoredEntry).sort !== entry.sort) yield* flush();
    run.push(entry);
  }
  yield* flush();
}

function* walkPartitions(target: ReadTarget, partitions: Partitions, walk: PartitionWalk, bounds: SegmentBounds | undefined, startKey: Item | undefined): Generator<StoredEntry> {
  const slots = partitions.ordered();
  const start = startKey ? scanStart(target, partitions, startKey) : undefined;
  let first = bounds ? slotIndex(slots, bounds.first, '') : 0;
  if (start) first = Math.max(first, slotIndex(slots, start.scanKey, start.token));
  for (let i = first; i < slots.length; i++) {
    const slot = slots[i];
    if (!slot || (bounds && slot.scanKey > bounds.last)) return;
    yield* walk(slot.collection, start && slot.token === start.token ? start.key : undefined);
  }
}

/** Entries of the table or index in DynamoDB Local's scan order, within a segment's bounds. */
export function* scanEntries(target: ReadTarget, bounds: SegmentBounds | undefined, startKey: Item | undefined): Generator<StoredEntry> {
  const index = target.index;
  if (!index) return yield* walkPartitions(target, target.table.partitions, byIndexOrder, bounds, startKey);
  if (index.kind === 'LSI') return yield* walkPartitions(target, index.partitions, byTableSortKey, bounds, startKey);
  // A GSI is read in its key order; each entry belongs to its table item's segment.
  const table = target.table.partitions;
  for (const entry of walkPartitions(target, index.partitions, byIndexOrder, undefined, startKey)) {
    if (!bounds || inSegment(table.scanKeyOf(table.get(entry.tieHash) as ItemCollection), bounds)) yield entry;
  }
}
