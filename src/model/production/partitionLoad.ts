// The load each access pattern puts on the partitions of the table and of every GSI, from the
// requests per second the user expects and the cardinality of each partition key template:
// the figures a heat map shows against DynamoDB's per-partition limits. Capacity per call
// comes from callCapacity (the engine's rules over the preview's stored entry sizes).
import { PARTITION_READ_UNITS_PER_SECOND, PARTITION_WRITE_UNITS_PER_SECOND } from '../../engine/PartitionThroughput';
import type { SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel, Entity } from '../types';
import {
  callKind,
  defaultItemsPerCall,
  partitionOwner,
  partitionTemplate,
  previewSizes,
  readPartitions,
  readUnitsPerCall,
  writeShares,
} from './callCapacity';
import { shardCount, templateCardinality, type ExpectedCounts } from './keyCardinality';

export { PARTITION_READ_UNITS_PER_SECOND, PARTITION_WRITE_UNITS_PER_SECOND };

/** Fewer distinct partition key values than this, holding more items than values, is flagged. */
export const LOW_CARDINALITY_VALUES = 10;

export interface TrafficInputs {
  /** Expected items per entity id; an entity left out counts as its sample count. */
  itemCounts: Readonly<Record<string, number>>;
  /** Requests per second per pattern id; a pattern left out is not called. */
  rates: Readonly<Record<string, number>>;
  /** Items returned or written per call by pattern id; a pattern left out takes `defaultItemsPerCall`. */
  itemsPerCall?: Readonly<Record<string, number>>;
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

const groupId = (owner: string, template: string) => `${owner}\u0000${template}`;

export function computePartitionLoad(model: DesignModel, samples: readonly SampleItem[], inputs: TrafficInputs): PartitionLoad {
  const expected = expectedCounts(model, inputs);
  const sizes = previewSizes(model, samples);
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
  const groupOf = (entity: Entity | undefined, owner: string) => {
    const template = entity && partitionTemplate(entity, owner);
    return template === undefined ? undefined : groups.get(groupId(owner, template));
  };

  for (const pattern of model.accessPatterns) {
    const rate = inputs.rates[pattern.id] ?? 0;
    if (rate <= 0) continue;
    const kind = callKind(pattern);
    const items = inputs.itemsPerCall?.[pattern.id];
    if (kind === 'read') {
      const entity = model.entities.find((e) => e.id === pattern.entity);
      const group = groupOf(entity, partitionOwner(model, pattern.index));
      if (!entity || !group) {
        unplaced.push({ patternId: pattern.id, name: pattern.name, reason: 'it names no entity with a partition key in what it reads' });
        continue;
      }
      const perCall = readUnitsPerCall(pattern, items ?? defaultItemsPerCall(model, pattern, expected, sizes), sizes);
      // A sharded key is read by querying every shard, so each shard sees every call.
      const fanOut = pattern.operation === 'Query' ? (group.shards ?? 1) : 1;
      const perPartition = fanOut > 1 ? rate * perCall : (rate * perCall) / readPartitions(model, pattern, expected);
      charge(group, pattern, perPartition, 0, fanOut);
      continue;
    }
    const shares = kind === 'write' ? writeShares(model, pattern, samples, sizes, items) : undefined;
    if (!shares) {
      const reason = kind === 'scan' ? 'a Scan reads every partition alike' : kind === 'write' ? 'it writes no entity the design knows' : 'its request names no partition key to place';
      unplaced.push({ patternId: pattern.id, name: pattern.name, reason });
      continue;
    }
    for (const share of shares) {
      const entity = model.entities.find((e) => e.id === share.entityId);
      const group = groupOf(entity, share.owner);
      if (!entity || !group) continue;
      const partitions = Math.max(1, templateCardinality(model, entity, partitionTemplate(entity, share.owner) as string, expected));
      charge(group, pattern, 0, (rate * share.units) / partitions);
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
