// The load each access pattern puts on the partitions of the table and of every GSI, from the
// requests per second the user expects and the cardinality of each partition key template:
// the figures a heat map shows against DynamoDB's per-partition limits. Capacity per request
// comes from the engine's rules (ConsumedCapacity), sizes from the preview's stored entries.
import { pageReadUnits, readUnits, writeUnits } from '../../engine/ConsumedCapacity';
import { PARTITION_READ_UNITS_PER_SECOND, PARTITION_WRITE_UNITS_PER_SECOND } from '../../engine/PartitionThroughput';
import { attributesIn } from '../accessPatterns/expressions';
import { indexKeysFedBy } from '../accessPatterns/entityWrites';
import { patternWrites } from '../accessPatterns/patternWrites';
import { estimateOf, indexEntrySizes, type EntrySizes } from '../cost';
import { computePreview } from '../preview';
import type { SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel, Entity } from '../types';
import { shardCount, templateCardinality, type ExpectedCounts } from './keyCardinality';

export { PARTITION_READ_UNITS_PER_SECOND, PARTITION_WRITE_UNITS_PER_SECOND };

/** Fewer distinct partition key values than this, holding more items than values, is flagged. */
export const LOW_CARDINALITY_VALUES = 10;

export interface TrafficInputs {
  /** Expected items per entity id; an entity left out counts as its sample count. */
  itemCounts: Readonly<Record<string, number>>;
  /** Requests per second per pattern id; a pattern left out is not called. */
  rates: Readonly<Record<string, number>>;
}

/** What one pattern puts on the hottest partition of a group, per second. */
export interface PatternLoad {
  patternId: string;
  name: string;
  readUnits: number;
  writeUnits: number;
  /** Queries per call when the pattern reads a sharded key: one per shard. */
  fanOut: number;
}

/** The partitions one partition key template makes in one table or GSI. */
export interface PartitionGroup {
  /** `indexId` and template, unique within a design. */
  id: string;
  indexId: string;
  indexKind: 'TABLE' | 'GSI';
  indexName: string;
  keyAttribute: string;
  template: string;
  entityIds: string[];
  /** Distinct partition key values, so partitions sharing the load. */
  partitions: number;
  items: number;
  itemsPerPartition: number;
  /** Units per second on the hottest partition. */
  readUnitsPerSecond: number;
  writeUnitsPerSecond: number;
  /** The larger share of the per-partition read or write limit the hottest partition uses (1 = at the limit). */
  heat: number;
  patterns: PatternLoad[];
  lowCardinality: boolean;
  throttled: boolean;
  /** The shard count when the key is write-sharded. */
  shards?: number;
}

export interface IndexLoad {
  id: string;
  kind: 'TABLE' | 'GSI';
  name: string;
  /** Hottest first. */
  groups: PartitionGroup[];
}

export interface PartitionLoad {
  indexes: IndexLoad[];
  /** Every group of every table and GSI, hottest first. */
  groups: PartitionGroup[];
  /** Groups of low cardinality or over a per-partition limit, hottest first. */
  flagged: PartitionGroup[];
  /** Patterns with traffic the heat map cannot place (a Scan spreads over every partition; PartiQL and unknown entities give no key). */
  unplaced: { patternId: string; name: string; reason: string }[];
}

export function expectedCounts(model: DesignModel, inputs: Pick<TrafficInputs, 'itemCounts'>): ExpectedCounts {
  return (entityId) => inputs.itemCounts[entityId] ?? model.entities.find((e) => e.id === entityId)?.sampleCount ?? 0;
}

/** Reads on an LSI use its table's partitions; every other index keeps its own. */
function partitionOwner(model: DesignModel, indexId: string | undefined): string {
  return indexId !== undefined && model.globalSecondaryIndexes.some((g) => g.id === indexId) ? indexId : 'table';
}

function partitionTemplate(entity: Entity, owner: string): string | undefined {
  const template = owner === 'table' ? entity.keys.partitionKey : entity.keys.indexes[owner]?.partitionKey;
  return template === undefined || template === '' ? undefined : template;
}

const groupId = (owner: string, template: string) => `${owner}\u0000${template}`;

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

const isReadOperation = (operation: AccessPattern['operation']) =>
  operation === 'GetItem' || operation === 'Query' || operation === 'BatchGetItem' || operation === 'TransactGetItems';

/** Keys a batch or transaction names (one for a single-item call). */
function keysPerCall(pattern: AccessPattern): number {
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

export function computePartitionLoad(model: DesignModel, samples: readonly SampleItem[], inputs: TrafficInputs): PartitionLoad {
  const expected = expectedCounts(model, inputs);
  const sizes = new Map(indexEntrySizes(computePreview(model, samples)).map(({ index, sizes: s }) => [index.id, s]));
  const owners: { id: string; kind: 'TABLE' | 'GSI'; name: string; keyAttribute: string }[] = [
    { id: 'table', kind: 'TABLE', name: model.table.name, keyAttribute: model.table.partitionKey.name },
    ...model.globalSecondaryIndexes.map((g) => ({ id: g.id, kind: 'GSI' as const, name: g.name, keyAttribute: g.partitionKey.name })),
  ];

  const groups = new Map<string, PartitionGroup>();
  for (const owner of owners) {
    for (const entity of model.entities) {
      const template = partitionTemplate(entity, owner.id);
      if (template === undefined) continue;
      const presence = owner.id === 'table' ? 1 : (sizes.get(owner.id)?.get(entity.id)?.presence ?? 1);
      const id = groupId(owner.id, template);
      const group = groups.get(id) ?? {
        id,
        indexId: owner.id,
        indexKind: owner.kind,
        indexName: owner.name,
        keyAttribute: owner.keyAttribute,
        template,
        entityIds: [],
        partitions: 0,
        items: 0,
        itemsPerPartition: 0,
        readUnitsPerSecond: 0,
        writeUnitsPerSecond: 0,
        heat: 0,
        patterns: [],
        lowCardinality: false,
        throttled: false,
      };
      group.entityIds.push(entity.id);
      group.items += expected(entity.id) * presence;
      group.partitions = Math.max(group.partitions, templateCardinality(model, entity, template, expected));
      const shards = shardCount(entity, template);
      if (shards !== undefined) group.shards = shards;
      groups.set(id, group);
    }
  }

  const entityOf = (id: string | undefined) => model.entities.find((e) => e.id === id);
  const entrySize = (owner: string, entityId: string, of = owner): EntrySizes | undefined => sizes.get(of)?.get(entityId);
  const unplaced: PartitionLoad['unplaced'] = [];
  const charge = (group: PartitionGroup, pattern: AccessPattern, read: number, write: number, fanOut = 1) => {
    const existing = group.patterns.find((p) => p.patternId === pattern.id);
    if (existing) {
      existing.readUnits += read;
      existing.writeUnits += write;
    } else {
      group.patterns.push({ patternId: pattern.id, name: pattern.name, readUnits: read, writeUnits: write, fanOut });
    }
  };

  for (const pattern of model.accessPatterns) {
    const rate = inputs.rates[pattern.id] ?? 0;
    if (rate <= 0) continue;
    if (isReadOperation(pattern.operation)) {
      const entity = entityOf(pattern.entity);
      const owner = partitionOwner(model, pattern.index);
      const template = entity && partitionTemplate(entity, owner);
      const group = template === undefined ? undefined : groups.get(groupId(owner, template));
      if (!entity || !group) {
        unplaced.push({ patternId: pattern.id, name: pattern.name, reason: 'it names no entity with a partition key in what it reads' });
        continue;
      }
      const consistent = pattern.request.ConsistentRead === true;
      const size = entrySize(owner, entity.id, pattern.index ?? 'table')?.averageBytes ?? 0;
      const partitions = Math.max(1, templateCardinality(model, entity, template as string, expected));
      if (pattern.operation === 'Query') {
        const limit = typeof pattern.request.Limit === 'number' && pattern.request.Limit > 0 ? pattern.request.Limit : Infinity;
        const items = Math.min(limit, expected(entity.id) / partitions);
        const perQuery = pageReadUnits(items * size, consistent);
        // A sharded key is read by querying every shard, so each shard sees every call.
        const fanOut = group.shards ?? 1;
        const perPartition = group.shards !== undefined ? rate * perQuery : (rate * perQuery) / partitions;
        charge(group, pattern, perPartition, 0, fanOut);
      } else {
        const units = keysPerCall(pattern) * readUnits(size, consistent);
        charge(group, pattern, (rate * units) / partitions, 0);
      }
      continue;
    }
    if (!patternWrites(pattern)) {
      unplaced.push({ patternId: pattern.id, name: pattern.name, reason: pattern.operation === 'Scan' ? 'a Scan reads every partition alike' : 'its request names no partition key to place' });
      continue;
    }
    const estimate = estimateOf(model, pattern, samples);
    const written = (estimate?.entities ?? (pattern.entity ? [pattern.entity] : [])).map(entityOf).filter((e): e is Entity => e !== undefined);
    if (written.length === 0) {
      unplaced.push({ patternId: pattern.id, name: pattern.name, reason: 'it writes no entity the design knows' });
      continue;
    }
    const itemsPerEntity = (estimate?.items ?? keysPerCall(pattern)) / written.length;
    const updated = updatedAttributes(pattern.request);
    for (const entity of written) {
      // An update that changes an index key deletes the old entry and writes the new one.
      const rekeyed = new Set(indexKeysFedBy(model, entity, updated).map((d) => d.index?.id));
      for (const owner of owners) {
        const template = partitionTemplate(entity, owner.id);
        const group = template === undefined ? undefined : groups.get(groupId(owner.id, template));
        const size = entrySize(owner.id, entity.id);
        if (!group || template === undefined || (owner.id !== 'table' && size === undefined)) continue;
        const indexWrites = owner.id !== 'table' && rekeyed.has(owner.id) ? 2 : 1;
        const units = itemsPerEntity * indexWrites * writeUnits(size?.averageBytes ?? 0) * (size?.presence ?? 1);
        const partitions = Math.max(1, templateCardinality(model, entity, template, expected));
        charge(group, pattern, 0, (rate * units) / partitions);
      }
      // LSI entries live in the table's partitions and take their write capacity.
      const tableTemplate = partitionTemplate(entity, 'table');
      const tableGroup = tableTemplate === undefined ? undefined : groups.get(groupId('table', tableTemplate));
      for (const lsi of model.localSecondaryIndexes) {
        const size = entrySize('table', entity.id, lsi.id);
        if (!tableGroup || !size || tableTemplate === undefined) continue;
        const partitions = Math.max(1, templateCardinality(model, entity, tableTemplate, expected));
        charge(tableGroup, pattern, 0, (rate * itemsPerEntity * writeUnits(size.averageBytes) * size.presence) / partitions);
      }
    }
  }

  const all = [...groups.values()].map((group) => {
    const readUnitsPerSecond = group.patterns.reduce((sum, p) => sum + p.readUnits, 0);
    const writeUnitsPerSecond = group.patterns.reduce((sum, p) => sum + p.writeUnits, 0);
    const heat = Math.max(readUnitsPerSecond / PARTITION_READ_UNITS_PER_SECOND, writeUnitsPerSecond / PARTITION_WRITE_UNITS_PER_SECOND);
    return {
      ...group,
      readUnitsPerSecond,
      writeUnitsPerSecond,
      heat,
      itemsPerPartition: group.partitions === 0 ? 0 : group.items / group.partitions,
      lowCardinality: group.partitions > 0 && group.partitions < LOW_CARDINALITY_VALUES && group.items > group.partitions,
      throttled: heat > 1,
      patterns: group.patterns.sort((a, b) => b.readUnits + b.writeUnits - (a.readUnits + a.writeUnits)),
    };
  });
  all.sort(hottestFirst);
  const indexes = owners.map((owner) => ({ id: owner.id, kind: owner.kind, name: owner.name, groups: all.filter((g) => g.indexId === owner.id) }));
  return { indexes, groups: all, flagged: all.filter((g) => g.lowCardinality || g.throttled), unplaced };
}

/** By load on the hottest partition, then flagged keys, then items crowded into one partition. */
function hottestFirst(a: PartitionGroup, b: PartitionGroup): number {
  return b.heat - a.heat || Number(b.lowCardinality) - Number(a.lowCardinality) || b.itemsPerPartition - a.itemsPerPartition;
}
