// The single-item write path every write action shares: key checks, the size limit, the
// capacity a write consumes (table and each index), then storing it and telling listeners.
// TransactWriteItems prepares several writes, checks them all, then applies them all.
import { itemSize, valuesEqual, type Item } from './AttributeValue';
import { CapacityMeter, writeUnits } from './ConsumedCapacity';
import { emitChange, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import type { StoredEntry } from './ItemCollection';
import { extractKey, keyAttributeNames } from './KeySchema';
import { projectItem } from './Projection';
import { itemTokens, storeItem, type ItemTokens, type SecondaryIndex, type Table } from './Table';

export const MAX_ITEM_BYTES = 400 * 1024;

/** Extra bytes DynamoDB charges per LSI entry write (measured: 924 bytes → 1 unit, 925 → 2). */
const LSI_ENTRY_OVERHEAD = 100;

export interface PreparedWrite {
  readonly table: Table;
  readonly key: Item;
  readonly tokens: ItemTokens;
  readonly old: StoredEntry | undefined;
  /** The item after the write, or undefined for a delete. */
  readonly next: Item | undefined;
  readonly nextSize: number;
}

/** Locates the current item for a validated primary key. */
export function locate(table: Table, key: Item): { tokens: ItemTokens; old: StoredEntry | undefined } {
  const tokens = itemTokens(table.keySchema, key);
  if (!tokens) throw validationError('One of the required keys was not given a value');
  const old = table.partitions.get(tokens.partition)?.find(tokens.sort, '', '');
  return { tokens, old };
}

/** Builds the write of `next` (or a delete) over the current item, enforcing the size limit. */
export function prepareWrite(
  table: Table,
  key: Item,
  next: Item | undefined,
  located = locate(table, key),
  sizeMessage = 'Item size has exceeded the maximum allowed size',
): PreparedWrite {
  let nextSize = 0;
  if (next) {
    nextSize = itemSize(next);
    if (nextSize > MAX_ITEM_BYTES) throw validationError(sizeMessage);
  }
  return { table, key, tokens: located.tokens, old: located.old, next, nextSize };
}

/** Charges a write to `meter` the way DynamoDB does, including each affected index. */
export function meterWrite(write: PreparedWrite, meter: CapacityMeter): void {
  meter.addTable(writeUnits(Math.max(write.old?.size ?? 0, write.nextSize)));
  const old = write.old && { item: write.old.item, size: write.old.size };
  const next = write.next && { item: write.next, size: write.nextSize };
  for (const index of write.table.indexes) {
    const units = indexWriteUnits(write.table, index, old, next);
    if (units > 0) meter.addIndex(index.kind, index.name, units);
  }
}

interface SizedItem {
  readonly item: Item;
  readonly size: number;
}

function indexEntryUnits(index: SecondaryIndex, ...items: SizedItem[]): number {
  let bytes = 0;
  // An ALL projection stores the whole item, whose size the write already knows.
  for (const { item, size } of items) bytes = Math.max(bytes, index.projected ? itemSize(projectItem(item, index.projected)) : size);
  return writeUnits(bytes + (index.kind === 'LSI' ? LSI_ENTRY_OVERHEAD : 0));
}

function inIndex(sized: SizedItem | undefined, index: SecondaryIndex): sized is SizedItem {
  return sized !== undefined && itemTokens(index.keySchema, sized.item) !== undefined;
}

function indexWriteUnits(table: Table, index: SecondaryIndex, old: SizedItem | undefined, next: SizedItem | undefined): number {
  const wasIn = inIndex(old, index);
  const isIn = inIndex(next, index);
  if (wasIn && isIn) {
    const keyNames = keyAttributeNames(index.keySchema);
    const keyChanged = keyNames.some((name) => !valuesEqual(old.item[name] as never, next.item[name] as never));
    if (keyChanged) return indexEntryUnits(index, old) + indexEntryUnits(index, next);
    if (sameProjection(old.item, next.item, index, table)) return 0;
    return indexEntryUnits(index, old, next);
  }
  if (wasIn) return indexEntryUnits(index, old);
  if (isIn) return indexEntryUnits(index, next);
  return 0;
}

function sameProjection(old: Item, next: Item, index: SecondaryIndex, table: Table): boolean {
  const names = index.projected ?? new Set([...Object.keys(old), ...Object.keys(next), ...keyAttributeNames(table.keySchema)]);
  for (const name of names) {
    const a = old[name];
    const b = next[name];
    if (a === b) continue;
    if (a === undefined || b === undefined || !valuesEqual(a, b)) return false;
  }
  return true;
}

/** Stores the write, maintains indexes and notifies change listeners. */
export function applyWrite(context: EngineContext, write: PreparedWrite): void {
  storeItem(write.table, write.tokens, write.next, write.nextSize);
  if (context.listeners.size > 0) {
    emitChange(context, {
      tableName: write.table.name,
      keys: extractKey(write.next ?? write.old?.item ?? write.key, write.table.keySchema),
      oldImage: write.old?.item,
      newImage: write.next,
    });
  }
}
