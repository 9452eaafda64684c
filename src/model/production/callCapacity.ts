// Capacity one call of an access pattern consumes, worked out from the expected item counts
// and the stored sizes of the entries it touches (never from how many samples happen to share
// a partition), by the engine's capacity rules. The cost planner and the partition heat map
// both price calls here, so they never disagree.
import { pageReadUnits, readUnits, writeUnits } from '../../engine/ConsumedCapacity';
import { indexKeysFedBy } from '../accessPatterns/entityWrites';
import { attributesIn } from '../accessPatterns/expressions';
import { checkPattern, type CapacityEstimate } from '../accessPatterns/checkPattern';
import { computePreview, type IndexPreview, type ModelPreview } from '../preview';
import type { SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel, Entity } from '../types';
import { templateCardinality, type ExpectedCounts } from './keyCardinality';

export interface EntrySizes {
  /** Entries per table item of the entity (below 1 for a sparse index). */
  presence: number;
  averageBytes: number;
}

/** Per index and entity: how often the entity's items appear there, and their average stored size. */
function entrySizes(index: IndexPreview, tableCounts: ReadonlyMap<string, number>): Map<string, EntrySizes> {
  const totals = new Map<string, { count: number; bytes: number }>();
  for (const collection of index.collections) {
    for (const entry of collection.items) {
      const total = totals.get(entry.entityId) ?? { count: 0, bytes: 0 };
      total.count += 1;
      total.bytes += entry.size;
      totals.set(entry.entityId, total);
    }
  }
  const sizes = new Map<string, EntrySizes>();
  for (const [entityId, { count, bytes }] of totals) {
    const stored = tableCounts.get(entityId) ?? count;
    sizes.set(entityId, { presence: count / stored, averageBytes: bytes / count });
  }
  return sizes;
}

/** The table and every index of a preview, each with its entries' presence and size per entity. */
export function indexEntrySizes(preview: ModelPreview): { index: IndexPreview; sizes: Map<string, EntrySizes> }[] {
  const tableCounts = new Map<string, number>();
  for (const collection of preview.table.collections) {
    for (const entry of collection.items) tableCounts.set(entry.entityId, (tableCounts.get(entry.entityId) ?? 0) + 1);
  }
  return [preview.table, ...preview.indexes].map((index) => ({ index, sizes: entrySizes(index, tableCounts) }));
}

/** Index id → entity id → presence and stored entry size, from the preview of the samples. */
export function previewSizes(model: DesignModel, samples: readonly SampleItem[]): IndexSizes {
  return new Map(indexEntrySizes(computePreview(model, samples)).map(({ index, sizes }) => [index.id, sizes]));
}

/** What the pattern's verdicts say it writes: the entities and how many items per call. */
function estimateOf(model: DesignModel, pattern: AccessPattern, samples: readonly SampleItem[]): CapacityEstimate | undefined {
  return checkPattern(model, pattern, samples).find((v) => v.estimate)?.estimate;
}

/** Per index id ('table' for the table), per entity id: presence and average stored entry size. */
export type IndexSizes = ReadonlyMap<string, ReadonlyMap<string, EntrySizes>>;

export type CallKind = 'read' | 'scan' | 'write';

export function callKind(pattern: AccessPattern): CallKind | undefined {
  switch (pattern.operation) {
    case 'GetItem':
    case 'Query':
    case 'BatchGetItem':
    case 'TransactGetItems':
      return 'read';
    case 'Scan':
      return 'scan';
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'BatchWriteItem':
    case 'TransactWriteItems':
      return 'write';
    default:
      return undefined;
  }
}

/** Reads on an LSI use its table's partitions and capacity; a GSI has its own. */
export function partitionOwner(model: DesignModel, indexId: string | undefined): string {
  return indexId !== undefined && model.globalSecondaryIndexes.some((g) => g.id === indexId) ? indexId : 'table';
}

export function partitionTemplate(entity: Entity, owner: string): string | undefined {
  const template = owner === 'table' ? entity.keys.partitionKey : entity.keys.indexes[owner]?.partitionKey;
  return template === undefined || template === '' ? undefined : template;
}

/** Keys a batch or transaction names (one for a single-item call). */
export function keysPerCall(pattern: AccessPattern): number {
  const request = pattern.request as Record<string, unknown>;
  if (Array.isArray(request.TransactItems)) return Math.max(1, request.TransactItems.length);
  if (typeof request.RequestItems === 'object' && request.RequestItems !== null) {
    let count = 0;
    for (const entry of Object.values(request.RequestItems as Record<string, unknown>)) {
      if (Array.isArray(entry)) count += entry.length;
      else if (typeof entry === 'object' && entry !== null && Array.isArray((entry as { Keys?: unknown }).Keys)) count += (entry as { Keys: unknown[] }).Keys.length;
    }
    return Math.max(1, count);
  }
  return 1;
}

const limitOf = (pattern: AccessPattern) =>
  typeof pattern.request.Limit === 'number' && pattern.request.Limit > 0 ? pattern.request.Limit : Infinity;

/** Partitions the pattern's entity spreads over in what the pattern reads; 1 when unknown. */
export function readPartitions(model: DesignModel, pattern: AccessPattern, expected: ExpectedCounts): number {
  const entity = model.entities.find((e) => e.id === pattern.entity);
  const template = entity && partitionTemplate(entity, partitionOwner(model, pattern.index));
  return entity && template !== undefined ? Math.max(1, templateCardinality(model, entity, template, expected)) : 1;
}

/**
 * Items one call returns or writes when the user says nothing: a Query returns its entity's
 * items in one partition (expected items over distinct key values, up to Limit), a Scan every
 * entry of what it reads (up to Limit), the others one item per key they name.
 */
export function defaultItemsPerCall(model: DesignModel, pattern: AccessPattern, expected: ExpectedCounts, sizes: IndexSizes): number {
  if (pattern.operation === 'Query') {
    const items = pattern.entity === undefined ? 0 : expected(pattern.entity) / readPartitions(model, pattern, expected);
    return Math.min(limitOf(pattern), items);
  }
  if (pattern.operation === 'Scan') {
    let entries = 0;
    for (const [entityId, { presence }] of sizes.get(pattern.index ?? 'table') ?? []) entries += expected(entityId) * presence;
    return Math.min(limitOf(pattern), entries);
  }
  return keysPerCall(pattern);
}

function averageEntryBytes(sizes: IndexSizes, indexId: string, entityIds: readonly string[] | undefined): number {
  const entries = [...(sizes.get(indexId) ?? [])].filter(([id]) => entityIds === undefined || entityIds.includes(id));
  return entries.length === 0 ? 0 : entries.reduce((sum, [, s]) => sum + s.averageBytes, 0) / entries.length;
}

/** Read units one call consumes when it returns `items` items. */
export function readUnitsPerCall(pattern: AccessPattern, items: number, sizes: IndexSizes): number {
  const consistent = pattern.request.ConsistentRead === true;
  const indexId = pattern.index ?? 'table';
  const entities = pattern.operation === 'Scan' || pattern.entity === undefined ? undefined : [pattern.entity];
  const bytes = averageEntryBytes(sizes, indexId, entities);
  if (pattern.operation === 'Query' || pattern.operation === 'Scan') return pageReadUnits(items * bytes, consistent);
  // A transactional read costs two strongly consistent reads, as TransactGetItems meters it.
  if (pattern.operation === 'TransactGetItems') return items * 2 * readUnits(bytes, true);
  return items * readUnits(bytes, consistent);
}

/** Attribute names any UpdateExpression of a request sets, removes or adds. */
function updatedAttributes(request: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(request)) {
    for (const entry of request) updatedAttributes(entry, found);
  } else if (typeof request === 'object' && request !== null) {
    const record = request as Record<string, unknown>;
    if (typeof record.UpdateExpression === 'string') {
      const names = (record.ExpressionAttributeNames ?? {}) as Record<string, string>;
      for (const name of attributesIn(record.UpdateExpression, names)) found.add(name);
    }
    for (const value of Object.values(record)) updatedAttributes(value, found);
  }
  return found;
}

/** Write units one call puts on one table or GSI for one written entity; LSI entries count as the table's. */
export interface WriteShare {
  /** 'table' or a GSI id. */
  owner: string;
  entityId: string;
  units: number;
}

/**
 * Where one call's writes land: every written item on the table, and on every index its entity
 * has an entry in, sized as projected there. An update that changes an index key writes that
 * index twice (the old entry deleted, the new one put). Undefined when the pattern names no
 * entity the design knows.
 */
export function writeShares(model: DesignModel, pattern: AccessPattern, samples: readonly SampleItem[], sizes: IndexSizes, items?: number): WriteShare[] | undefined {
  const estimate = estimateOf(model, pattern, samples);
  const written = (estimate?.entities ?? (pattern.entity ? [pattern.entity] : []))
    .map((id) => model.entities.find((e) => e.id === id))
    .filter((e): e is Entity => e !== undefined);
  if (written.length === 0) return undefined;
  const perEntity = (items ?? estimate?.items ?? keysPerCall(pattern)) / written.length;
  const updated = updatedAttributes(pattern.request);
  const shares: WriteShare[] = [];
  for (const entity of written) {
    const rekeyed = new Set(indexKeysFedBy(model, entity, updated).map((d) => d.index?.id));
    const tableBytes = sizes.get('table')?.get(entity.id)?.averageBytes ?? 0;
    let tableUnits = perEntity * writeUnits(tableBytes);
    for (const lsi of model.localSecondaryIndexes) {
      const size = sizes.get(lsi.id)?.get(entity.id);
      if (size) tableUnits += perEntity * (rekeyed.has(lsi.id) ? 2 : 1) * writeUnits(size.averageBytes) * size.presence;
    }
    shares.push({ owner: 'table', entityId: entity.id, units: tableUnits });
    for (const gsi of model.globalSecondaryIndexes) {
      const size = sizes.get(gsi.id)?.get(entity.id);
      if (!size) continue;
      shares.push({ owner: gsi.id, entityId: entity.id, units: perEntity * (rekeyed.has(gsi.id) ? 2 : 1) * writeUnits(size.averageBytes) * size.presence });
    }
  }
  return shares;
}
