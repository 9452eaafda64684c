// One partition of a table or index: its entries kept sorted by key tokens in chunks, so
// inserts stay cheap even when a single partition holds most of a table.
import type { Item } from './AttributeValue';

export interface StoredEntry {
  /** Sort-key token of the table or index ('' when it has no sort key). */
  readonly sort: string;
  /** For index entries: the base table's key tokens, which order ties and keep entries unique. */
  readonly tieHash: string;
  readonly tieRange: string;
  /** The table item, or for an index the item as projected into it. */
  readonly item: Item;
  /**
   * DynamoDB size in bytes of the table item, also for index entries: DynamoDB Local sizes
   * indexes (IndexSizeBytes, pages, read capacity) by whole items.
   */
  readonly size: number;
  /** Size of `item` itself: what reads of an index entry are charged for. */
  readonly readSize: number;
}

export function compareEntryKeys(a: StoredEntry, sort: string, tieHash: string, tieRange: string): number {
  if (a.sort !== sort) return a.sort < sort ? -1 : 1;
  if (a.tieHash !== tieHash) return a.tieHash < tieHash ? -1 : 1;
  if (a.tieRange !== tieRange) return a.tieRange < tieRange ? -1 : 1;
  return 0;
}

/** A position between entries: chunk number and offset within it. */
export interface Cursor {
  chunk: number;
  offset: number;
}

const MAX_CHUNK = 512;

export class ItemCollection {
  private chunks: StoredEntry[][] = [];
  count = 0;
  bytes = 0;

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

  /** `seek` for an exact key, without a closure: it runs for every stored item. */
  seekKey(sort: string, tieHash: string, tieRange: string): Cursor {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as StoredEntry[];
      if (compareEntryKeys(chunk[chunk.length - 1] as StoredEntry, sort, tieHash, tieRange) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return { chunk: lo, offset: 0 };
    const chunk = chunks[lo] as StoredEntry[];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (compareEntryKeys(chunk[mid] as StoredEntry, sort, tieHash, tieRange) < 0) a = mid + 1;
      else b = mid;
    }
    return { chunk: lo, offset: a };
  }

  at(cursor: Cursor): StoredEntry | undefined {
    return this.chunks[cursor.chunk]?.[cursor.offset];
  }

  find(sort: string, tieHash: string, tieRange: string): StoredEntry | undefined {
    const entry = this.at(this.seekKey(sort, tieHash, tieRange));
    return entry && compareEntryKeys(entry, sort, tieHash, tieRange) === 0 ? entry : undefined;
  }

  /** Entries from `cursor` onwards (forward) or from just before it backwards. */
  *walk(cursor: Cursor, forward: boolean): Generator<StoredEntry> {
    const chunks = this.chunks;
    if (forward) {
      let offset = cursor.offset;
      for (let c = cursor.chunk; c < chunks.length; c++) {
        const chunk = chunks[c] as StoredEntry[];
        for (let i = offset; i < chunk.length; i++) yield chunk[i] as StoredEntry;
        offset = 0;
      }
      return;
    }
    let c = cursor.chunk;
    let i = cursor.offset - 1;
    while (c >= 0) {
      const chunk = chunks[c];
      if (chunk) for (; i >= 0; i--) yield chunk[i] as StoredEntry;
      c--;
      i = (chunks[c]?.length ?? 0) - 1;
    }
  }

  first(): Cursor {
    return { chunk: 0, offset: 0 };
  }

  end(): Cursor {
    return { chunk: this.chunks.length, offset: 0 };
  }

  /** Inserts or replaces the entry with the same keys; returns the one replaced. */
  put(entry: StoredEntry): StoredEntry | undefined {
    const cursor = this.seekKey(entry.sort, entry.tieHash, entry.tieRange);
    const existing = this.at(cursor);
    if (existing && compareEntryKeys(existing, entry.sort, entry.tieHash, entry.tieRange) === 0) {
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

  remove(sort: string, tieHash: string, tieRange: string): StoredEntry | undefined {
    const cursor = this.seekKey(sort, tieHash, tieRange);
    const existing = this.at(cursor);
    if (!existing || compareEntryKeys(existing, sort, tieHash, tieRange) !== 0) return undefined;
    const chunk = this.chunks[cursor.chunk] as StoredEntry[];
    chunk.splice(cursor.offset, 1);
    if (chunk.length === 0) this.chunks.splice(cursor.chunk, 1);
    this.count--;
    this.bytes -= existing.size;
    return existing;
  }
}
