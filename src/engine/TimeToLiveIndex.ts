// The items of a TTL-enabled table ordered by expiry time, so a sweep visits only the items
// that are due instead of every item of every table: a min-heap of (expiry, item) entries,
// kept up to date from the engine's change feed. A rewritten or deleted item leaves its old
// heap entry behind; each item's current expiry is kept beside the heap, so a stale entry is
// recognised (and dropped) when it reaches the top, and the heap is rebuilt when stale
// entries outnumber live ones.
import type { Item } from './AttributeValue';
import type { EngineContext, ItemChange } from './EngineContext';
import { extractKey } from './KeySchema';
import { itemTokens, type Table } from './Table';

/** DynamoDB ignores TTL values more than five years in the past (treated as not-a-timestamp). */
export const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;

interface Due {
  readonly expiresAt: number;
  readonly id: string;
  readonly keys: Item;
}

function expiryOf(item: Item, attribute: string): number | undefined {
  const value = item[attribute];
  if (!value || !('N' in value)) return undefined;
  const expiresAt = Number(value.N);
  return Number.isFinite(expiresAt) ? expiresAt : undefined;
}

export class ExpiryIndex {
  private heap: Due[] = [];
  /** Each indexed item's current expiry, by item id. */
  private readonly current = new Map<string, Due>();

  constructor(
    readonly table: Table,
    readonly attribute: string,
  ) {
    for (const slot of table.partitions.ordered()) {
      for (const entry of slot.collection.walk(slot.collection.first(), true)) this.track(extractKey(entry.item, table.keySchema), entry.item);
    }
  }

  get size(): number {
    return this.current.size;
  }

  /** Records an item's new state (undefined when deleted). */
  track(keys: Item, item: Item | undefined): void {
    const tokens = itemTokens(this.table.keySchema, keys);
    if (!tokens) return;
    // Length-prefixed, so no partition/sort pair can spell another.
    const id = `${tokens.partition.length}:${tokens.partition}${tokens.sort}`;
    const expiresAt = item === undefined ? undefined : expiryOf(item, this.attribute);
    if (expiresAt === undefined) {
      this.current.delete(id);
      return;
    }
    if (this.current.get(id)?.expiresAt === expiresAt) return;
    const due = { expiresAt, id, keys };
    this.current.set(id, due);
    this.push(due);
    if (this.heap.length > 2 * this.current.size + 1024) this.rebuild();
  }

  /** Keys of the items whose expiry is before `now` (and not over five years before it). */
  takeDue(now: number): Item[] {
    const found: Item[] = [];
    for (let top = this.heap[0]; top !== undefined && top.expiresAt < now; top = this.heap[0]) {
      this.pop();
      if (this.current.get(top.id) !== top) continue;
      this.current.delete(top.id);
      if (top.expiresAt >= now - FIVE_YEARS_SECONDS) found.push(top.keys);
    }
    return found;
  }

  private rebuild(): void {
    this.heap = [...this.current.values()].sort((a, b) => a.expiresAt - b.expiresAt);
  }

  private push(due: Due): void {
    const heap = this.heap;
    let at = heap.push(due) - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if ((heap[parent] as Due).expiresAt <= due.expiresAt) break;
      heap[at] = heap[parent] as Due;
      at = parent;
    }
    heap[at] = due;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop() as Due;
    if (heap.length === 0) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as Due).expiresAt < (heap[left] as Due).expiresAt ? right : left;
      if ((heap[child] as Due).expiresAt >= last.expiresAt) break;
      heap[at] = heap[child] as Due;
      at = child;
    }
    heap[at] = last;
  }
}

const indexesByContext = new WeakMap<EngineContext, WeakMap<Table, ExpiryIndex>>();

/**
 * The expiry index of a table whose TTL attribute is `attribute`, built by one walk of the
 * table the first time it is asked for; from then on the change feed keeps it current.
 */
export function expiryIndex(context: EngineContext, table: Table, attribute: string): ExpiryIndex {
  let indexes = indexesByContext.get(context);
  if (!indexes) {
    const created = new WeakMap<Table, ExpiryIndex>();
    context.listeners.add((change: ItemChange) => {
      const changed = context.tables.get(change.tableName);
      if (changed) created.get(changed)?.track(change.keys, change.newImage);
    });
    indexesByContext.set(context, created);
    indexes = created;
  }
  let index = indexes.get(table);
  if (!index || index.attribute !== attribute) {
    index = new ExpiryIndex(table, attribute);
    indexes.set(table, index);
  }
  return index;
}
