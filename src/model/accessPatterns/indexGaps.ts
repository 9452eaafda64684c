// A write that stores an item without an index's key attributes leaves that item out of the
// index: DynamoDB accepts the write, and every read pattern querying the index silently stops
// seeing it (a new order never shows up in "orders by status"). Put replaces the whole item, so
// whatever the Item omits is gone, hand-written or generated alike; an update that REMOVEs an
// index key takes the item out as well.
import type { AccessPattern, DesignModel, Entity } from '../types';
import { namesMap } from './attributeNames';
import { attributesIn, tokenize } from './expressions';
import { templatesOverlap } from './keyTemplateMatch';
import { entityKeysIn, resolveTarget, type PatternTarget } from './target';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface IndexGap {
  /** Where the item is in the request, e.g. `Item`, `TransactItems/1/Put/Item` or an UpdateExpression. */
  field: string;
  /** Whether a put leaves the keys out, or an update removes them. */
  how: 'missing' | 'removed';
  entity: Entity;
  index: string;
  /** The index's key attributes the item lacks. */
  missing: string[];
  /** Read patterns that query the index for this entity's items. */
  readers: AccessPattern[];
}

/** Attribute names an UpdateExpression's REMOVE clause removes, `#refs` resolved. */
function removedNames(expression: string, names: Record<string, string>): string[] {
  const tokens = tokenize(expression);
  const clause = (t: (typeof tokens)[number]) => t.kind === 'name' && ['SET', 'REMOVE', 'ADD', 'DELETE'].includes(t.text.toUpperCase());
  const start = tokens.findIndex((t) => clause(t) && t.text.toUpperCase() === 'REMOVE');
  if (start < 0) return [];
  const end = tokens.findIndex((t, i) => i > start && clause(t));
  return attributesIn(expression.slice((tokens[start]?.at ?? 0) + 'REMOVE'.length, end < 0 ? undefined : tokens[end]?.at), names);
}

/** The updates a write pattern makes: UpdateItem's, and each transaction Update, with their Key. */
function updates(pattern: AccessPattern): { field: string; key: Json; removed: string[] }[] {
  const request = pattern.request;
  const bodies: { field: string; body: Json }[] = [];
  if (pattern.operation === 'UpdateItem') bodies.push({ field: 'UpdateExpression', body: request });
  if (pattern.operation === 'TransactWriteItems' && Array.isArray(request.TransactItems)) {
    request.TransactItems.forEach((entry, i) => {
      if (isRecord(entry) && isRecord(entry.Update)) bodies.push({ field: `TransactItems/${i}/Update/UpdateExpression`, body: entry.Update });
    });
  }
  return bodies.flatMap(({ field, body }) => {
    if (typeof body.UpdateExpression !== 'string' || !isRecord(body.Key)) return [];
    return [{ field, key: body.Key, removed: removedNames(body.UpdateExpression, namesMap(body)) }];
  });
}

/** The items a write pattern stores whole: PutItem's Item, batch PutRequests and transaction Puts. */
function putItems(pattern: AccessPattern, table: string): { field: string; item: Json }[] {
  const request = pattern.request;
  const items: { field: string; item: Json }[] = [];
  if (pattern.operation === 'PutItem' && isRecord(request.Item)) items.push({ field: 'Item', item: request.Item });
  if (pattern.operation === 'BatchWriteItem' && isRecord(request.RequestItems)) {
    for (const [name, requests] of Object.entries(request.RequestItems)) {
      if ((name !== table && name !== '{{table}}') || !Array.isArray(requests)) continue;
      requests.forEach((entry, i) => {
        if (isRecord(entry) && isRecord(entry.PutRequest) && isRecord(entry.PutRequest.Item)) {
          items.push({ field: `RequestItems/${name}/${i}/PutRequest/Item`, item: entry.PutRequest.Item });
        }
      });
    }
  }
  if (pattern.operation === 'TransactWriteItems' && Array.isArray(request.TransactItems)) {
    request.TransactItems.forEach((entry, i) => {
      if (isRecord(entry) && isRecord(entry.Put) && isRecord(entry.Put.Item)) items.push({ field: `TransactItems/${i}/Put/Item`, item: entry.Put.Item });
    });
  }
  return items;
}

function stringKey(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  for (const type of ['S', 'N', 'B'] as const) if (typeof value[type] === 'string') return value[type];
  return undefined;
}

/** The entity an item's table key belongs to: the pattern's own entity when it fits, else the only one that does. */
function entityOf(model: DesignModel, pattern: AccessPattern, item: Json): Entity | undefined {
  const pk = stringKey(item[model.table.partitionKey.name]);
  const sk = model.table.sortKey ? stringKey(item[model.table.sortKey.name]) : undefined;
  if (pk === undefined || (model.table.sortKey !== undefined && sk === undefined)) return undefined;
  const fitting = model.entities.filter(
    (entity) =>
      templatesOverlap(entity.keys.partitionKey, pk) && (sk === undefined || (entity.keys.sortKey !== undefined && templatesOverlap(entity.keys.sortKey, sk))),
  );
  return fitting.find((entity) => entity.id === pattern.entity) ?? (fitting.length === 1 ? fitting[0] : undefined);
}

/** Read patterns by the id of the index they query. */
function indexReaders(model: DesignModel): Map<string, { target: PatternTarget; readers: AccessPattern[] }> {
  const byIndex = new Map<string, { target: PatternTarget; readers: AccessPattern[] }>();
  for (const pattern of model.accessPatterns) {
    if (pattern.operation !== 'Query' && pattern.operation !== 'Scan') continue;
    const resolved = resolveTarget(model, pattern);
    if (!resolved.ok || resolved.target.id === undefined) continue;
    const entry = byIndex.get(resolved.target.id) ?? { target: resolved.target, readers: [] };
    entry.readers.push(pattern);
    byIndex.set(resolved.target.id, entry);
  }
  return byIndex;
}

/**
 * Items the pattern writes without the keys of an index their entity belongs in and a read
 * pattern queries: puts that leave the keys out, updates that remove them.
 */
export function indexGaps(model: DesignModel, pattern: AccessPattern): IndexGap[] {
  const written = [
    ...putItems(pattern, model.table.name).map(({ field, item }) => ({ field, key: item, how: 'missing' as const, lacks: (name: string) => !Object.hasOwn(item, name) })),
    ...updates(pattern).map(({ field, key, removed }) => ({ field, key, how: 'removed' as const, lacks: (name: string) => removed.includes(name) })),
  ];
  if (written.length === 0) return [];
  const readersByIndex = indexReaders(model);
  const gaps: IndexGap[] = [];
  for (const { field, key, how, lacks } of written) {
    const entity = entityOf(model, pattern, key);
    if (entity === undefined) continue;
    for (const { target, readers } of readersByIndex.values()) {
      if (entityKeysIn(entity, target) === undefined) continue;
      const affected = readers.filter((reader) => reader.entity === undefined || reader.entity === entity.id);
      const keyNames = target.kind === 'lsi' ? [target.sortKey?.name] : [target.partitionKey.name, target.sortKey?.name];
      const missing = keyNames.filter((name): name is string => name !== undefined && lacks(name));
      if (affected.length > 0 && missing.length > 0) gaps.push({ field, how, entity, index: target.name, missing, readers: affected });
    }
  }
  return gaps;
}
