// Items in DynamoDB's JSON (a Scan dump `{"Items": [...]}`, an S3 export's lines
// `{"Item": {...}}`, or a plain array of items) as a design: the file carries no key schema,
// so the key attributes are chosen from what every item holds, and said so; entities and key
// templates are inferred from the items, which are all kept as the table's fixed items.
import { ATTRIBUTE_TYPES, type AttributeType, type Item } from '../engine/AttributeValue';
import type { FixedItem, KeyAttribute } from '../model/types';
import { designFromParts } from './designFromParts';
import { groupItems, inferEntity, inferredKeysNote, type KeySlot } from './inferEntities';
import { idFor, isRecord, type ImportResult } from './ImportResult';
import { Reader } from './Reader';

export interface DynamoDbJsonImportOptions {
  /** Design and table name; item dumps carry none. */
  name?: string;
  tableName?: string;
  /** Key attribute names; chosen from the items when absent. */
  partitionKey?: string;
  sortKey?: string;
}

function isAttributeValue(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && ATTRIBUTE_TYPES.includes(keys[0] as AttributeType);
}

function isItem(value: unknown): value is Item {
  return isRecord(value) && Object.keys(value).length > 0 && Object.values(value).every(isAttributeValue);
}

/** The items a document holds, or undefined when it is not DynamoDB JSON items. */
export function dynamoDbJsonItems(document: unknown): unknown[] | undefined {
  if (Array.isArray(document)) {
    const lines = document.map((entry) => (isRecord(entry) && isItem(entry.Item) ? entry.Item : entry));
    return lines.length > 0 && lines.every(isItem) ? lines : undefined;
  }
  if (!isRecord(document)) return undefined;
  if (Array.isArray(document.Items) && document.Items.every(isRecord)) return document.Items;
  if (isItem(document.Item)) return [document.Item];
  return undefined;
}

/** JSON Lines (one `{"Item": …}` per line, as an S3 export writes them) as one array. */
export function jsonLines(text: string): unknown[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  try {
    return lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

const PARTITION_NAMES = /^(pk|pk1|partitionkey|partition_key|hashkey|hash_key|id)$/i;
const SORT_NAMES = /^(sk|sk1|sortkey|sort_key|rangekey|range_key)$/i;

/** Attributes every item holds as the same scalar key type, in the first item's order. */
function keyCandidates(items: readonly Item[]): KeyAttribute[] {
  const first = items[0] ?? {};
  const candidates: KeyAttribute[] = [];
  for (const [name, value] of Object.entries(first)) {
    const type = Object.keys(value)[0];
    if (type !== 'S' && type !== 'N' && type !== 'B') continue;
    if (items.every((item) => item[name] !== undefined && Object.keys(item[name] ?? {})[0] === type)) candidates.push({ name, type });
  }
  return candidates;
}

function unique(items: readonly Item[], names: readonly string[]): boolean {
  const seen = new Set(items.map((item) => JSON.stringify(names.map((name) => item[name]))));
  return seen.size === items.length;
}

export function importDynamoDbJson(entries: readonly unknown[], options: DynamoDbJsonImportOptions = {}): ImportResult {
  const reader = new Reader();
  const items: Item[] = [];
  entries.forEach((entry, index) => {
    if (isItem(entry)) items.push(entry);
    else reader.error([index], 'an item must map attribute names to DynamoDB attribute values like {"S": "text"}');
  });
  if (reader.errors.length > 0) return { errors: reader.errors };
  if (items.length === 0) return { errors: [{ path: '', message: 'the file holds no items' }] };

  const candidates = keyCandidates(items);
  const named = (name: string | undefined, what: string): KeyAttribute | undefined => {
    if (name === undefined) return undefined;
    const found = candidates.find((candidate) => candidate.name === name);
    if (found === undefined) reader.error([], `${what} ${JSON.stringify(name)} is not held by every item as a string, number or binary`);
    return found;
  };
  const partitionKey = named(options.partitionKey, 'the partition key') ?? candidates.find((c) => PARTITION_NAMES.test(c.name)) ?? candidates[0];
  const sortKeyChoice =
    named(options.sortKey, 'the sort key') ??
    (options.partitionKey !== undefined && options.sortKey === undefined
      ? undefined
      : (candidates.find((c) => SORT_NAMES.test(c.name) && c.name !== partitionKey?.name) ??
        (partitionKey !== undefined && !unique(items, [partitionKey.name]) ? candidates.find((c) => c.name !== partitionKey.name && unique(items, [partitionKey.name, c.name])) : undefined)));
  if (reader.errors.length > 0) return { errors: reader.errors };
  if (partitionKey === undefined) return { errors: [{ path: '', message: 'no attribute is held by every item as a string, number or binary, so none can be the partition key' }] };
  const sortKey = sortKeyChoice;
  const keyNames = [partitionKey.name, ...(sortKey !== undefined ? [sortKey.name] : [])];
  if (!unique(items, keyNames)) reader.warn([], `two or more items share the key ${keyNames.join(' + ')}; DynamoDB keeps only the last of them`);
  if (options.partitionKey === undefined) {
    reader.warn([], `the file has no key schema: chose ${partitionKey.name} (${partitionKey.type}) as the partition key${sortKey !== undefined ? ` and ${sortKey.name} (${sortKey.type}) as the sort key` : ' and no sort key'}; edit the table's keys if it is otherwise`);
  }

  const slots: KeySlot[] = [{ attribute: partitionKey, owner: 'table', role: 'partitionKey' }];
  if (sortKey !== undefined) slots.push({ attribute: sortKey, owner: 'table', role: 'sortKey' });
  const entities = [];
  const fixed: FixedItem[] = [];
  for (const group of groupItems(items, slots)) {
    const inferred = inferEntity(group.name, group.items, slots, group.typeAttribute !== undefined ? { typeAttribute: group.typeAttribute } : {});
    entities.push(inferred);
    const note = inferredKeysNote(inferred, slots);
    if (note !== undefined) reader.warn([], note);
    for (const item of group.items) fixed.push({ entity: idFor('entity', group.name), item });
  }
  const tableName = options.tableName ?? options.name ?? 'Imported';
  return {
    model: designFromParts({
      name: options.name ?? tableName,
      tableName,
      partitionKey,
      ...(sortKey !== undefined ? { sortKey } : {}),
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      entities,
      items: fixed,
    }),
    warnings: reader.warnings,
    format: 'dynamodb-json',
  };
}
