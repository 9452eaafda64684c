// A table's storage: partitions of sorted items plus its secondary indexes, kept in step
// by `writeItem`, the one place items change.
import { itemSize, type AttributeValue, type Item } from './AttributeValue';
import { ItemCollection, type EntryKey, type StoredEntry, type TieOrder } from './ItemCollection';
import { keyAttributeNames, keyToken, partitionToken, type KeyAttribute, type KeySchema, type MultiAttributeKey } from './KeySchema';
import { partsToken } from './MultiAttributeKey';
import { combinedHash, keyHash } from './PartitionHash';
import { projectItem, projectedNames, type Projection } from './Projection';

export type BillingMode = 'PROVISIONED' | 'PAY_PER_REQUEST';

export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: 'S' | 'N' | 'B';
}

export interface Throughput {
  read: number;
  write: number;
  lastIncrease: number;
  lastDecrease: number;
  decreasesToday: number;
}

/**
 * How DynamoDB Local orders a table's or index's partitions for a Scan: a table and its LSIs
 * by the hash of the partition key, a GSI by the partition key itself (its SQLite query
 * sorts by the index columns).
 */
export interface PartitionOrder {
  readonly key: KeyAttribute;
  /** Every attribute of a multi-attribute partition key, whose token is then its scan order. */
  readonly parts: readonly KeyAttribute[] | undefined;
  readonly hashed: boolean;
  /** Order of index entries sharing an index key; undefined when keys are unique. */
  readonly ties: TieOrder | undefined;
}

/** Partitions plus the order a Scan walks them in. */
export class Partitions {
  readonly byToken = new Map<string, ItemCollection>();
  private scanOrder: ScanSlot[] | undefined;
  count = 0;
  bytes = 0;

  constructor(readonly order: PartitionOrder) {}

  get(token: string): ItemCollection | undefined {
    return this.byToken.get(token);
  }

  put(partition: string, entry: StoredEntry): StoredEntry | undefined {
    let collection = this.byToken.get(partition);
    if (!collection) {
      collection = new ItemCollection(this.order.ties);
      this.byToken.set(partition, collection);
      this.scanOrder = undefined;
    }
    const old = collection.put(entry);
    this.bytes += entry.size - (old?.size ?? 0);
    if (!old) this.count++;
    return old;
  }

  remove(partition: string, key: EntryKey): StoredEntry | undefined {
    const collection = this.byToken.get(partition);
    if (!collection) return undefined;
    const old = collection.remove(key);
    if (!old) return undefined;
    this.count--;
    this.bytes -= old.size;
    if (collection.count === 0) {
      this.byToken.delete(partition);
      this.scanOrder = undefined;
    }
    return old;
  }

  /** Where the partition of this item or key sits in scan order. */
  scanKeyOfItem(item: Item): string {
    const { key, parts, hashed } = this.order;
    if (parts) return partsToken(item, parts) ?? '';
    const value = item[key.name] as AttributeValue;
    return hashed ? keyHash(value, key.type) : keyToken(value, key.type);
  }

  /**
   * A partition's place in scan order, computed once per partition when first needed so
   * that writes and queries never pay for hashing.
   */
  scanKeyOf(collection: ItemCollection): string {
    collection.scanKey ??= this.scanKeyOfItem(collection.at(collection.first())?.item as Item);
    return collection.scanKey;
  }

  /** Partitions in scan order. */
  ordered(): readonly ScanSlot[] {
    if (!this.scanOrder) {
      const slots: ScanSlot[] = [];
      for (const [token, collection] of this.byToken) slots.push({ scanKey: this.scanKeyOf(collection), token, collection });
      slots.sort(compareSlots);
      this.scanOrder = slots;
    }
    return this.scanOrder;
  }
}

export interface ScanSlot {
  readonly scanKey: string;
  readonly token: string;
  readonly collection: ItemCollection;
}

function compareSlots(a: { scanKey: string; token: string }, b: { scanKey: string; token: string }): number {
  if (a.scanKey !== b.scanKey) return a.scanKey < b.scanKey ? -1 : 1;
  return a.token < b.token ? -1 : a.token > b.token ? 1 : 0;
}

/** Index of the first slot at or after (scanKey, token). */
export function slotIndex(slots: readonly ScanSlot[], scanKey: string, token: string): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSlots(slots[mid] as ScanSlot, { scanKey, token }) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * DynamoDB Local orders entries sharing an index key by the hash of whichever base table
 * keys the index lacks (SQLiteDBAccess.getTrailingHashColumnName): the sort key's hash when
 * the index holds the partition key, else the partition key's hash when the index holds the
 * sort key or the table has none, else the hash of both.
 */
function indexTieOrder(table: KeySchema, index: KeySchema): TieOrder | undefined {
  const names = keyAttributeNames(index);
  const { hash, range } = table;
  const hashOf = (item: Item, key: KeyAttribute) => keyHash(item[key.name] as AttributeValue, key.type);
  if (names.includes(hash.name)) return range && !names.includes(range.name) ? (item) => hashOf(item, range) : undefined;
  if (range && !names.includes(range.name)) return (item) => combinedHash(hashOf(item, hash), hashOf(item, range));
  return (item) => hashOf(item, hash);
}

export interface SecondaryIndex {
  readonly name: string;
  readonly kind: 'GSI' | 'LSI';
  readonly keySchema: KeySchema;
  readonly projection: Projection;
  /** Names an entry holds, or undefined for ALL. */
  readonly projected: Set<string> | undefined;
  readonly partitions: Partitions;
  throughput: Throughput | undefined;
  /** DynamoDB reports unlimited OnDemandThroughput for GSIs added to on-demand tables. */
  onDemandThroughput: boolean;
  /** When UpdateTable added it (engine seconds); undefined for indexes made with the table. */
  createdAt: number | undefined;
}

/** A GSI that UpdateTable dropped: gone from reads and writes, still listed for a while. */
export interface DeletingIndex {
  readonly index: SecondaryIndex;
  readonly deletedAt: number;
}

export interface TableOptions {
  name: string;
  keySchema: KeySchema;
  attributeDefinitions: AttributeDefinition[];
  billingMode: BillingMode;
  throughput: Throughput;
  creationDateTime: number;
}

export class Table {
  readonly name: string;
  readonly keySchema: KeySchema;
  attributeDefinitions: AttributeDefinition[];
  billingMode: BillingMode;
  throughput: Throughput;
  readonly creationDateTime: number;
  lastUpdateToPayPerRequest: number | undefined;
  deletionProtection = false;
  readonly partitions: Partitions;
  readonly indexes: SecondaryIndex[] = [];
  readonly deleting: DeletingIndex[] = [];

  constructor(options: TableOptions) {
    this.name = options.name;
    this.keySchema = options.keySchema;
    this.partitions = new Partitions({ key: options.keySchema.hash, parts: undefined, hashed: true, ties: undefined });
    this.attributeDefinitions = options.attributeDefinitions;
    this.billingMode = options.billingMode;
    this.throughput = options.throughput;
    this.creationDateTime = options.creationDateTime;
    if (options.billingMode === 'PAY_PER_REQUEST') this.lastUpdateToPayPerRequest = options.creationDateTime;
  }

  private keyNamesMemo: { key: string[]; indexKey: string[] } | undefined;

  /** The table's key attributes, and the other attributes its indexes key on (every request checks them). */
  keyNames(): { key: string[]; indexKey: string[] } {
    if (!this.keyNamesMemo) {
      const key = keyAttributeNames(this.keySchema);
      const indexKey = [...new Set(this.indexes.flatMap((index) => keyAttributeNames(index.keySchema)))].filter((name) => !key.includes(name));
      this.keyNamesMemo = { key, indexKey };
    }
    return this.keyNamesMemo;
  }

  index(name: string): SecondaryIndex | undefined {
    return this.indexes.find((index) => index.name === name);
  }

  addIndex(kind: 'GSI' | 'LSI', name: string, keySchema: KeySchema, projection: Projection, throughput: Throughput | undefined): SecondaryIndex {
    const keyNames = [...keyAttributeNames(this.keySchema), ...keyAttributeNames(keySchema)];
    const index: SecondaryIndex = {
      name,
      kind,
      keySchema,
      projection,
      projected: projectedNames(projection, keyNames),
      // An LSI shares the table's partitions, so its scan order hashes the same key.
      partitions: new Partitions({ key: keySchema.hash, parts: keySchema.multi?.hash, hashed: kind === 'LSI', ties: indexTieOrder(this.keySchema, keySchema) }),
      throughput,
      onDemandThroughput: false,
      createdAt: undefined,
    };
    this.indexes.push(index);
    this.keyNamesMemo = undefined;
    for (const [token, collection] of this.partitions.byToken) {
      for (const entry of collection.walk(collection.first(), true)) indexPut(index, entry.item, entry.size, token, entry.sort);
    }
    return index;
  }

  removeIndex(name: string): void {
    const at = this.indexes.findIndex((index) => index.name === name);
    if (at >= 0) this.indexes.splice(at, 1);
    this.keyNamesMemo = undefined;
  }

  /** The stored entry for a primary key (values already validated against the schema). */
  get(key: Item): StoredEntry | undefined {
    const { hash, range } = this.keySchema;
    const hashValue = key[hash.name];
    if (!hashValue) return undefined;
    const collection = this.partitions.get(partitionToken(hashValue, hash.type));
    if (!collection) return undefined;
    const rangeValue = range ? key[range.name] : undefined;
    return collection.find(range && rangeValue ? keyToken(rangeValue, range.type) : '', '', '');
  }
}

export interface ItemTokens {
  partition: string;
  sort: string;
}

export function itemTokens(schema: KeySchema, item: Item): ItemTokens | undefined {
  if (schema.multi) return multiAttributeTokens(schema.multi, item);
  const hashValue = item[schema.hash.name];
  if (!hashValue || !(schema.hash.type in hashValue)) return undefined;
  let sort = '';
  if (schema.range) {
    const rangeValue = item[schema.range.name];
    if (!rangeValue || !(schema.range.type in rangeValue)) return undefined;
    sort = keyToken(rangeValue, schema.range.type);
  }
  return { partition: partitionToken(hashValue, schema.hash.type), sort };
}

// An item lacking any attribute of a multi-attribute key is not in the index.
function multiAttributeTokens(key: MultiAttributeKey, item: Item): ItemTokens | undefined {
  const partition = partsToken(item, key.hash);
  const sort = partition === undefined ? undefined : partsToken(item, key.range);
  return partition === undefined || sort === undefined ? undefined : { partition, sort };
}

function indexPut(index: SecondaryIndex, item: Item, bytes: number, tableHash: string, tableRange: string): void {
  const tokens = itemTokens(index.keySchema, item);
  if (!tokens) return;
  const projected = projectItem(item, index.projected);
  index.partitions.put(tokens.partition, {
    sort: tokens.sort,
    tieHash: tableHash,
    tieRange: tableRange,
    item: projected,
    size: bytes,
    readSize: index.projected ? itemSize(projected) : bytes,
    wire: undefined,
  });
}

function indexRemove(index: SecondaryIndex, item: Item, tableHash: string, tableRange: string): void {
  const tokens = itemTokens(index.keySchema, item);
  if (tokens) index.partitions.remove(tokens.partition, { sort: tokens.sort, tieHash: tableHash, tieRange: tableRange, item });
}

/**
 * Replaces (or with `next` undefined, deletes) the item at a primary key and maintains every
 * index. `next` must already carry the key; returns the previous item.
 */
export function storeItem(table: Table, key: ItemTokens, next: Item | undefined, nextSize: number): Item | undefined {
  let old: StoredEntry | undefined;
  if (next) old = table.partitions.put(key.partition, { sort: key.sort, tieHash: '', tieRange: '', item: next, size: nextSize, readSize: nextSize, wire: undefined });
  else old = table.partitions.remove(key.partition, { sort: key.sort, tieHash: '', tieRange: '', item: {} });
  for (const index of table.indexes) {
    if (old) indexRemove(index, old.item, key.partition, key.sort);
    if (next) indexPut(index, next, nextSize, key.partition, key.sort);
  }
  return old?.item;
}
