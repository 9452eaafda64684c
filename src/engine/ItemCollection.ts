// One partition of a table or index: its entries kept sorted (by key tokens, and in an index
// by DynamoDB Local's order of equal index keys) in chunks, so inserts stay cheap even when
// a single partition holds most of a table.
import type { Item } from './AttributeValue';

/**
 * Where an entry sits in its partition: by sort key, then (in an index) by DynamoDB Local's
 * order of entries sharing that sort key, then by the base table's key tokens.
 */
export interface EntryKey {
  /** Sort-key token of the table or index ('' when it has no sort key). */
  readonly sort: string;
  /** For index entries: the base table's key tokens, which keep entries unique. */
  readonly tieHash: string;
  readonly tieRange: string;
  /**
   * The table item, or for an index the item as projected into it; in a probe, a key with
   * the base table's key attributes. An index's tie order derives from it.
   */
  readonly item: Item;
  /** The tie order, computed from `item` the first time two equal sort keys meet. */
  tie?: string;
}

export interface StoredEntry extends EntryKey {
  /**
   * DynamoDB size in bytes of the table item, also for index entries: DynamoDB Local sizes
   * indexes (IndexSizeBytes, pages, read capacity) by whole items.
   */
  readonly size: number;
  /** Size of `item` itself: what reads of an index entry are charged for. */
  readonly readSize: number;
  /**
   * `item` as JSON text, made the first time a response returns the entry (see ResponseBody.ts);
   * an entry is replaced, never changed, when its item is written.
   */
  wire?: string | undefined;
}

/** An index's order of entries with equal index keys, from the base table's key attributes. */
export type TieOrder = (item: Item) => string;

/** A position between entries: chunk number and offset within it. */
export interface Cursor {
  chunk: number;
  offset: number;
}

/** Orders two positions in one partition (as the collection's seeks and ends return them). */
export function compareCursors(a: Cursor, b: Cursor): number {
  return a.chunk - b.chunk || a.offset - b.offset;
}

const MAX_CHUNK = 512;

export class ItemCollection {
  private chunks: StoredEntry[][] = [];
  count = 0;
  bytes = 0;
  /** Where scans put this partition among the others; set by its Partitions. */
  scanKey: string | undefined;

  /** `ties` orders an index's entries that share a sort key; tables have none. */
  constructor(private readonly ties?: TieOrder) {}

  compare(entry: EntryKey, key: EntryKey): number {
    if (entry.sort !== key.sort) return entry.sort < key.sort ? -1 : 1;
    const ties = this.ties;
    if (ties) {
      const a = (entry.tie ??= ties(entry.item));
      const b = (key.tie ??= ties(key.item));
      if (a !== b) return a < b ? -1 : 1;
    }
    if (entry.tieHash !== key.tieHash) return entry.tieHash < key.tieHash ? -1 : 1;
    if (entry.tieRange !== key.tieRange) return entry.tieRange < key.tieRange ? -1 : 1;
    return 0;
  }

  /** First position whose entry is not `before` the probe (`before` must be monotonic). */
  seek(before: (entry: StoredEntry) => boolean): Cursor {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as StoredEntry[];
      if (before(chunk[chunk.length - 1] as StoredEntry)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return { chunk: lo, offset: 0 };
    const chunk = chunks[lo] as StoredEntry[];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (before(chunk[mid] as StoredEntry)) a = mid + 1;
      else b = mid;
    }
    return { chunk: lo, offset: a };
  }

  /**
   * First position whose entry is at or (with `after`) past `key`; `seek` without a closure,
   * as it runs for every stored item.
   */
  seekKey(key: EntryKey, after = false): Cursor {
    const chunks = this.chunks;
    const limit = after ? 0 : -1;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as StoredEntry[];
      if (this.compare(chunk[chunk.length - 1] as StoredEntry, key) <= limit) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return { chunk: lo, offset: 0 };
    const chunk = chunks[lo] as StoredEntry[];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.compare(chunk[mid] as StoredEntry, key) <= limit) a = mid + 1;
      else b = mid;
    }
    return { chunk: lo, offset: a };
  }

  /**
   * Where a walk from `from` must stop to end before the first entry that is `beyond` (a
   * monotonic test in the direction of travel), when it reads at most `count` entries anyway:
   * only those are searched, the last of them first, as the range usually covers them all.
   */
  seekWithin(from: Cursor, count: number, forward: boolean, beyond: (entry: StoredEntry) => boolean): Cursor {
    const step = forward ? 1 : -1;
    // The walk's k-th entry sits at from + k going forward and at from - 1 - k going backwards.
    const inside = (k: number): boolean => {
      const position = this.move(from, forward ? k : -1 - k);
      const entry = position && this.at(position);
      return entry !== undefined && !beyond(entry);
    };
    let lo = 0;
    let hi = count - 1;
    if (count > 0 && inside(hi)) lo = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (inside(mid)) lo = mid + 1;
      else hi = mid;
    }
    return this.move(from, step * lo) as Cursor;
  }

  /** The position `delta` entries away, the end if past it, undefined if before the first. */
  private move(cursor: Cursor, delta: number): Cursor | undefined {
    const chunks = this.chunks;
    let chunk = cursor.chunk;
    let offset = cursor.offset + delta;
    while (offset < 0) {
      if (chunk === 0) return undefined;
      chunk--;
      offset += (chunks[chunk] as StoredEntry[]).length;
    }
    while (chunk < chunks.length && offset >= (chunks[chunk] as StoredEntry[]).length) {
      offset -= (chunks[chunk] as StoredEntry[]).length;
      chunk++;
    }
    return chunk < chunks.length ? { chunk, offset } : this.end();
  }

  at(cursor: Cursor): StoredEntry | undefined {
    return this.chunks[cursor.chunk]?.[cursor.offset];
  }

  /** The entry at these key tokens, in a partition without ties (a table's). */
  find(sort: string, tieHash: string, tieRange: string): StoredEntry | undefined {
    return this.findKey({ sort, tieHash, tieRange, item: {} });
  }

  findKey(key: EntryKey): StoredEntry | undefined {
    const entry = this.at(this.seekKey(key));
    return entry && this.compare(entry, key) === 0 ? entry : undefined;
  }

  /**
   * Entries from `cursor` onwards (forward) or from just before it backwards, stopping at
   * `stop` (forward: before the entry there; backwards: after it).
   */
  walk(cursor: Cursor, forward: boolean, stop: Cursor = forward ? this.end() : this.first()): IterableIterator<StoredEntry> {
    return new EntryWalk(this.chunks, cursor, forward, stop);
  }


  first(): Cursor {
    return { chunk: 0, offset: 0 };
  }

  end(): Cursor {
    return { chunk: this.chunks.length, offset: 0 };
  }

  /** Inserts or replaces the entry with the same keys; returns the one replaced. */
  put(entry: StoredEntry): StoredEntry | undefined {
    const cursor = this.seekKey(entry);
    const existing = this.at(cursor);
    if (existing && this.compare(existing, entry) === 0) {
      (this.chunks[cursor.chunk] as StoredEntry[])[cursor.offset] = entry;
      this.bytes += entry.size - existing.size;
      return existing;
    }
    this.count++;
    this.bytes += entry.size;
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      return undefined;
    }
    // Past the end means appending to the last chunk: sequential loads stay O(1).
    const chunkIndex = cursor.chunk === this.chunks.length ? cursor.chunk - 1 : cursor.chunk;
    const chunk = this.chunks[chunkIndex] as StoredEntry[];
    const offset = cursor.chunk === this.chunks.length ? chunk.length : cursor.offset;
    chunk.splice(offset, 0, entry);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(chunkIndex + 1, 0, chunk.splice(MAX_CHUNK >>> 1));
    return undefined;
  }

  remove(key: EntryKey): StoredEntry | undefined {
    const cursor = this.seekKey(key);
    const existing = this.at(cursor);
    if (!existing || this.compare(existing, key) !== 0) return undefined;
    const chunk = this.chunks[cursor.chunk] as StoredEntry[];
    chunk.splice(cursor.offset, 1);
    if (chunk.length === 0) this.chunks.splice(cursor.chunk, 1);
    this.count--;
    this.bytes -= existing.size;
    return existing;
  }
}

/**
 * Entries from a cursor onwards, or backwards from just before it. A plain iterator rather than
 * a generator: every Query and Scan page walks entries through it, and resuming a generator per
 * entry costs more than the rest of reading it.
 */
class EntryWalk implements IterableIterator<StoredEntry> {
  private chunk: number;
  private offset: number;

  constructor(
    private readonly chunks: readonly StoredEntry[][],
    cursor: Cursor,
    private readonly forward: boolean,
    private readonly stop: Cursor,
  ) {
    this.chunk = cursor.chunk;
    this.offset = forward ? cursor.offset : cursor.offset - 1;
  }

  next(): IteratorResult<StoredEntry> {
    const chunks = this.chunks;
    const stop = this.stop;
    if (this.forward) {
      while (this.chunk < chunks.length) {
        const chunk = chunks[this.chunk] as StoredEntry[];
        if (this.offset < chunk.length) {
          if (this.chunk > stop.chunk || (this.chunk === stop.chunk && this.offset >= stop.offset)) break;
          return { value: chunk[this.offset++] as StoredEntry, done: false };
        }
        this.chunk++;
        this.offset = 0;
      }
    } else {
      while (this.chunk >= 0) {
        const chunk = chunks[this.chunk];
        if (chunk && this.offset >= 0) {
          if (this.chunk < stop.chunk || (this.chunk === stop.chunk && this.offset < stop.offset)) break;
          return { value: chunk[this.offset--] as StoredEntry, done: false };
        }
        this.chunk--;
        this.offset = (chunks[this.chunk]?.length ?? 0) - 1;
      }
    }
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): IterableIterator<StoredEntry> {
    return this;
  }
}
