// What DynamoDB would store for a design and its sample items: the table and every index
// as item collections, each in DynamoDB's sort order, with only the projected attributes
// and each item's size. Items DynamoDB would refuse to write are listed with the reason
// instead of silently vanishing; items an index leaves out (sparse) are counted.
import {
  compareValues,
  itemSize,
  numberKey,
  utf8Length,
  validateItemValues,
  type AttributeValue,
  type Item,
} from '../engine/AttributeValue';
import { projectedNames, projectItem } from '../engine/Projection';
import type { SampleItem } from './sampleData';
import type { DesignModel, KeyAttribute, Projection } from './types';

export { loadDesignEngine, type LoadedDesign, type LoadFailure } from './loadDesignEngine';

/** Shared between previews of an unchanged item, so read-only. */
export interface PreviewItem {
  /** The entity the item was generated for, for colouring. */
  entityId: string;
  /** The item as this table or index holds it: projected attributes only. */
  item: Item;
  size: number;
}

export interface ItemCollectionPreview {
  partitionKey: AttributeValue;
  items: PreviewItem[];
  size: number;
}

export interface RejectedItem {
  entityId: string;
  item: Item;
  reason: string;
}

export interface IndexPreview {
  /** 'table', or the index's id. */
  id: string;
  kind: 'TABLE' | 'GSI' | 'LSI';
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  projection: Projection;
  /** Ordered by partition key value (DynamoDB keeps partitions in hash order, which means nothing to a reader). */
  collections: ItemCollectionPreview[];
  itemCount: number;
  size: number;
  /** Table items this index leaves out because they lack one of its keys. */
  absentCount: number;
}

export interface ModelPreview {
  table: IndexPreview;
  indexes: IndexPreview[];
  /** Items DynamoDB would refuse to write, with DynamoDB's reason. */
  rejected: RejectedItem[];
  /** Items replaced by a later item with the same primary key (DynamoDB keeps the last write). */
  overwritten: number;
}

const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
const MAX_ITEM_BYTES = 400 * 1024;

interface IndexDefinition {
  id: string;
  kind: IndexPreview['kind'];
  name: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute | undefined;
  projection: Projection;
}

interface Stored {
  entityId: string;
  item: Item;
  size: number;
}

export function computePreview(model: DesignModel, samples: readonly SampleItem[]): ModelPreview {
  const table = model.table;
  const definitions: IndexDefinition[] = [
    ...model.globalSecondaryIndexes.map((gsi) => ({
      id: gsi.id,
      kind: 'GSI' as const,
      name: gsi.name,
      partitionKey: gsi.partitionKey,
      sortKey: gsi.sortKey,
      projection: gsi.projection,
    })),
    ...model.localSecondaryIndexes.map((lsi) => ({
      id: lsi.id,
      kind: 'LSI' as const,
      name: lsi.name,
      partitionKey: table.partitionKey,
      sortKey: lsi.sortKey,
      projection: lsi.projection,
    })),
  ];

  const rejected: RejectedItem[] = [];
  const stored = new Map<string, Stored>();
  let overwritten = 0;
  const schema = JSON.stringify([table.partitionKey, table.sortKey, definitions.map((d) => [d.name, d.partitionKey, d.sortKey])]);
  for (const sample of samples) {
    const { size, reason, primaryKey: key } = inspect(sample.item, schema, () => {
      const measured = measure(sample.item);
      if (typeof measured === 'string') return { size: 0, reason: measured, primaryKey: '' };
      const problem = rejection(model, definitions, sample.item, measured);
      return {
        size: measured,
        reason: problem,
        primaryKey: problem === undefined ? primaryKeyText(sample.item, table.partitionKey, table.sortKey) : '',
      };
    });
    if (reason !== undefined) {
      rejected.push({ entityId: sample.entityId, item: sample.item, reason });
      continue;
    }
    if (stored.has(key)) {
      overwritten += 1;
      // A Map keeps first-insertion order; the replacement should sit where a fresh write would.
      stored.delete(key);
    }
    stored.set(key, { entityId: sample.entityId, item: storedForm(sample.item), size });
  }
  const items = [...stored.values()];

  const tablePreview = buildIndex(
    { id: 'table', kind: 'TABLE', name: table.name, partitionKey: table.partitionKey, sortKey: table.sortKey, projection: { type: 'ALL' } },
    items,
    model,
  );
  return {
    table: tablePreview,
    indexes: definitions.map((definition) => buildIndex(definition, items, model)),
    rejected,
    overwritten,
  };
}

function buildIndex(definition: IndexDefinition, items: readonly Stored[], model: DesignModel): IndexPreview {
  const table = model.table;
  const keyNames = [table.partitionKey.name, ...(table.sortKey === undefined ? [] : [table.sortKey.name])];
  keyNames.push(definition.partitionKey.name);
  if (definition.sortKey !== undefined) keyNames.push(definition.sortKey.name);
  const names = projectedNames({ type: definition.projection.type, nonKeyAttributes: definition.projection.nonKeyAttributes ?? [] }, keyNames);
  const projectionKey = `${definition.partitionKey.name}\u0001${names === undefined ? '*' : [...names].join('\u0000')}`;

  const groups = new Map<string, { partitionKey: AttributeValue; items: PreviewItem[] }>();
  let absentCount = 0;
  for (const stored of items) {
    const partitionKey = stored.item[definition.partitionKey.name];
    const sortKey = definition.sortKey === undefined ? undefined : stored.item[definition.sortKey.name];
    if (partitionKey === undefined || (definition.sortKey !== undefined && sortKey === undefined)) {
      absentCount += 1;
      continue;
    }
    const { preview, groupKey } = projected(stored, names, projectionKey, partitionKey);
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { partitionKey, items: [] };
      groups.set(groupKey, group);
    }
    group.items.push(preview);
  }

  // Every projection keeps the table's and the index's keys, so projected items sort alike.
  const sortName = definition.sortKey?.name;
  const tablePk = table.partitionKey.name;
  const tableSk = table.sortKey?.name;
  const order = (a: PreviewItem, b: PreviewItem): number => {
    if (sortName !== undefined) {
      const bySortKey = compareValues(a.item[sortName] as AttributeValue, b.item[sortName] as AttributeValue);
      if (bySortKey !== 0) return bySortKey;
    }
    // Index items with equal index keys: order them by the table key, as the engine does.
    const byPartition = compareValues(a.item[tablePk] as AttributeValue, b.item[tablePk] as AttributeValue);
    if (byPartition !== 0 || tableSk === undefined) return byPartition;
    return compareValues(a.item[tableSk] as AttributeValue, b.item[tableSk] as AttributeValue);
  };
  const collections: ItemCollectionPreview[] = [];
  let total = 0;
  let itemCount = 0;
  for (const group of groups.values()) {
    const previewItems = group.items.sort(order);
    let size = 0;
    for (const previewItem of previewItems) size += previewItem.size;
    collections.push({ partitionKey: group.partitionKey, items: previewItems, size });
    total += size;
    itemCount += previewItems.length;
  }
  collections.sort((a, b) => compareValues(a.partitionKey, b.partitionKey));

  return {
    id: definition.id,
    kind: definition.kind,
    name: definition.name,
    partitionKey: definition.partitionKey,
    ...(definition.sortKey === undefined ? {} : { sortKey: definition.sortKey }),
    projection: definition.projection,
    collections,
    itemCount,
    size: total,
    absentCount,
  };
}

// Sample items keep their identity while their entity is unchanged (see sampleData), so
// sizes and projections are remembered per item and a keystroke recomputes only the
// edited entity's.
const sizes = new WeakMap<Item, number | string>();
const storedForms = new WeakMap<Item, Item>();

function holdsSet(value: AttributeValue): boolean {
  if ('SS' in value || 'NS' in value || 'BS' in value) return true;
  if ('M' in value) return Object.values(value.M).some(holdsSet);
  if ('L' in value) return value.L.some(holdsSet);
  return false;
}

/**
 * The item as the table stores it: the engine's own reading of a written item, which puts set
 * members in DynamoDB Local's order. Only items holding a set can differ, so only they are read.
 */
function storedForm(item: Item): Item {
  if (!Object.values(item).some(holdsSet)) return item;
  let form = storedForms.get(item);
  if (form === undefined) {
    form = validateItemValues(item);
    storedForms.set(item, form);
  }
  return form;
}
const inspections = new WeakMap<Item, Inspection & { schema: string }>();
const projections = new WeakMap<Item, Map<string, Projected>>();

interface Inspection {
  size: number;
  reason: string | undefined;
  primaryKey: string;
}

interface Projected {
  preview: PreviewItem;
  /** The partition key value as grouping text. */
  groupKey: string;
}

function inspect(item: Item, schema: string, compute: () => Inspection): Inspection {
  const cached = inspections.get(item);
  if (cached !== undefined && cached.schema === schema) return cached;
  const inspection = { ...compute(), schema };
  inspections.set(item, inspection);
  return inspection;
}

/** The item's size, or DynamoDB's complaint about one of its values (e.g. a bad number). */
function measure(item: Item): number | string {
  let size = sizes.get(item);
  if (size === undefined) {
    try {
      size = itemSize(item);
    } catch {
      size = valueProblem(item);
    }
    sizes.set(item, size);
  }
  return size;
}

/** DynamoDB's own words for an item value it cannot take. */
function valueProblem(item: Item): string {
  try {
    validateItemValues(item);
    return 'the item has a value DynamoDB cannot store';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The item as an index holds it; `key` names the index's partition key and projection. */
function projected(stored: Stored, names: Set<string> | undefined, key: string, partitionKey: AttributeValue): Projected {
  let byIndex = projections.get(stored.item);
  if (byIndex === undefined) {
    byIndex = new Map();
    projections.set(stored.item, byIndex);
  }
  let entry = byIndex.get(key);
  if (entry === undefined) {
    const item = projectItem(stored.item, names);
    const size = item === stored.item ? stored.size : itemSize(item);
    entry = { preview: { entityId: stored.entityId, item, size }, groupKey: valueKey(partitionKey) };
    byIndex.set(key, entry);
  }
  return entry;
}

/** Why DynamoDB would refuse to write the item, in the words of its ValidationException. */
function rejection(model: DesignModel, indexes: readonly IndexDefinition[], item: Item, size: number): string | undefined {
  const table = model.table;
  for (const [key, limit] of [
    [table.partitionKey, MAX_PARTITION_KEY_BYTES],
    [table.sortKey, MAX_SORT_KEY_BYTES],
  ] as const) {
    if (key === undefined) continue;
    const value = item[key.name];
    if (value === undefined) return `the item has no ${key.name}, part of the table's primary key`;
    const problem = keyProblem(key, value, limit);
    if (problem !== undefined) return `${key.name}: ${problem}`;
  }
  for (const index of indexes) {
    for (const [key, limit] of [
      [index.partitionKey, MAX_PARTITION_KEY_BYTES],
      [index.sortKey, MAX_SORT_KEY_BYTES],
    ] as const) {
      if (key === undefined) continue;
      const value = item[key.name];
      if (value === undefined) continue;
      const problem = keyProblem(key, value, limit);
      if (problem !== undefined) return `${key.name} (key of ${index.name}): ${problem}`;
    }
  }
  if (size > MAX_ITEM_BYTES) return `the item is ${size} bytes; DynamoDB's limit is 400 KB`;
  return undefined;
}

function keyProblem(key: KeyAttribute, value: AttributeValue, limit: number): string | undefined {
  if (!(key.type in value)) return `the key is ${key.type} but the item's value is ${Object.keys(value)[0] ?? 'empty'}`;
  if ('S' in value) {
    if (value.S === '') return 'a key attribute cannot contain an empty string value';
    if (utf8Length(value.S) > limit) return `the key value is longer than ${limit} bytes`;
  }
  if ('B' in value && value.B === '') return 'a key attribute cannot contain an empty binary value';
  return undefined;
}

function primaryKeyText(item: Item, partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): string {
  const pk = valueKey(item[partitionKey.name] as AttributeValue);
  return sortKey === undefined ? pk : `${pk}\u0000${valueKey(item[sortKey.name] as AttributeValue)}`;
}

/** A string equal for equal key values: numbers compare by value, not by spelling. */
function valueKey(value: AttributeValue): string {
  if ('S' in value) return `S${value.S}`;
  if ('N' in value) return `N${numberKey(value.N)}`;
  if ('B' in value) return `B${value.B}`;
  return JSON.stringify(value);
}
