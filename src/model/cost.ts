// What a design costs per month: storage of the table and every index, and throughput billed
// on demand or provisioned, from expected item counts and request rates. Sizes come from the
// sample items as the preview stores them; per-call capacity comes from checkPattern's
// estimates, so the Cost tab and the access-pattern verdicts never disagree.
import { writeUnits } from '../engine/ConsumedCapacity';
import { checkPattern, type CapacityEstimate } from './accessPatterns/checkPattern';
import { computePreview, type IndexPreview, type ModelPreview } from './preview';
import type { SampleItem } from './sampleData';
import type { AccessPattern, DesignModel } from './types';

/** AWS bills provisioned capacity and storage over a 730-hour month. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** DynamoDB bills 100 bytes of indexing overhead for every item and every index entry. */
export const STORAGE_OVERHEAD_BYTES = 100;
const BYTES_PER_GB = 1024 ** 3;

/** US dollars. */
export interface Prices {
  readRequestUnitsPerMillion: number;
  writeRequestUnitsPerMillion: number;
  readCapacityUnitHour: number;
  writeCapacityUnitHour: number;
  storageGbMonth: number;
}

// us-east-1, Standard table class, as published in July 2025 (on-demand after the November 2024
// price cut); source: https://aws.amazon.com/dynamodb/pricing/ — prices change, so the UI lets
// the user edit every one.
export const DEFAULT_PRICES: Prices = {
  readRequestUnitsPerMillion: 0.125,
  writeRequestUnitsPerMillion: 0.625,
  readCapacityUnitHour: 0.00013,
  writeCapacityUnitHour: 0.00065,
  storageGbMonth: 0.25,
};

export interface CostInputs {
  /** Expected items per entity id; an entity left out counts as its sample count. */
  itemCounts: Readonly<Record<string, number>>;
  /** Average requests per second per pattern id; a pattern left out is not called. */
  rates: Readonly<Record<string, number>>;
  /** Share of provisioned capacity the average load may use, in (0, 1]: the rest is headroom. */
  targetUtilization: number;
  prices: Prices;
}

export interface PatternCost {
  patternId: string;
  name: string;
  /** Undefined when the pattern gives nothing to estimate from (e.g. PartiQL, or an invalid request). */
  kind: CapacityEstimate['kind'] | undefined;
  ratePerSecond: number;
  readUnitsPerCall: number;
  /** Table writes plus the writes to every index the written items appear in. */
  writeUnitsPerCall: number;
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  /** What these request units cost per month on demand. */
  onDemandMonthly: number;
}

export interface StorageCost {
  /** 'table', or the index's id. */
  id: string;
  kind: IndexPreview['kind'];
  name: string;
  items: number;
  bytes: number;
  gb: number;
  monthly: number;
}

/** What one provisioned resource (the table with its LSIs, or a GSI) needs and costs. */
export interface ProvisionedCapacity {
  id: string;
  kind: 'TABLE' | 'GSI';
  name: string;
  readUnitsPerSecond: number;
  writeUnitsPerSecond: number;
  rcu: number;
  wcu: number;
  monthly: number;
}

export interface BillingCost {
  throughput: number;
  storage: number;
  total: number;
}

export interface CostEstimate {
  patterns: PatternCost[];
  storage: StorageCost[];
  /** Average item size per entity id, in bytes without the overhead; absent when no sample was stored. */
  itemSizes: Record<string, number>;
  readUnitsPerSecond: number;
  writeUnitsPerSecond: number;
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  onDemand: BillingCost & { reads: number; writes: number };
  provisioned: BillingCost & { capacities: ProvisionedCapacity[] };
  cheaper: 'onDemand' | 'provisioned';
}

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

export function estimateOf(model: DesignModel, pattern: AccessPattern, samples: readonly SampleItem[]): CapacityEstimate | undefined {
  return checkPattern(model, pattern, samples).find((v) => v.estimate)?.estimate;
}

/** Where a pattern's reads are billed: a GSI has its own capacity; an LSI uses the table's. */
function readTarget(model: DesignModel, pattern: AccessPattern): string {
  return model.globalSecondaryIndexes.some((g) => g.id === pattern.index) ? (pattern.index ?? 'table') : 'table';
}

const onDemandPrice = (units: number, perMillion: number) => (units / 1e6) * perMillion;

export function estimateCost(model: DesignModel, samples: readonly SampleItem[], inputs: CostInputs): CostEstimate {
  const indexes = indexEntrySizes(computePreview(model, samples));
  const expected = (entityId: string) =>
    inputs.itemCounts[entityId] ?? model.entities.find((e) => e.id === entityId)?.sampleCount ?? 0;

  const storage: StorageCost[] = indexes.map(({ index, sizes }) => {
    let items = 0;
    let bytes = 0;
    for (const [entityId, { presence, averageBytes }] of sizes) {
      const entries = expected(entityId) * presence;
      items += entries;
      bytes += entries * (averageBytes + STORAGE_OVERHEAD_BYTES);
    }
    const gb = bytes / BYTES_PER_GB;
    return { id: index.id, kind: index.kind, name: index.name, items, bytes, gb, monthly: gb * inputs.prices.storageGbMonth };
  });
  const itemSizes = Object.fromEntries([...(indexes[0]?.sizes ?? [])].map(([id, s]) => [id, s.averageBytes]));

  // Units per second charged to the table (with its LSIs) and to each GSI.
  const load = new Map<string, { read: number; write: number }>([['table', { read: 0, write: 0 }]]);
  for (const gsi of model.globalSecondaryIndexes) load.set(gsi.id, { read: 0, write: 0 });
  const charge = (id: string, read: number, write: number) => {
    const entry = load.get(id);
    if (!entry) return;
    entry.read += read;
    entry.write += write;
  };

  const patterns: PatternCost[] = model.accessPatterns.map((pattern) => {
    const rate = inputs.rates[pattern.id] ?? 0;
    const estimate = estimateOf(model, pattern, samples);
    let readUnitsPerCall = 0;
    let writeUnitsPerCall = 0;
    if (estimate?.kind === 'read') {
      readUnitsPerCall = estimate.units;
      charge(readTarget(model, pattern), readUnitsPerCall * rate, 0);
    } else if (estimate?.kind === 'write') {
      writeUnitsPerCall = estimate.units;
      charge('table', 0, estimate.units * rate);
      const written = estimate.entities ?? (pattern.entity ? [pattern.entity] : []);
      for (const { index, sizes } of indexes.slice(1)) {
        // Every written item writes its entry to each index it appears in, sized as projected there.
        const perItem = written.length === 0 ? 0 : written.reduce((sum, id) => {
          const size = sizes.get(id);
          return sum + (size ? size.presence * writeUnits(size.averageBytes) : 0);
        }, 0) / written.length;
        const units = estimate.items * perItem;
        writeUnitsPerCall += units;
        charge(index.kind === 'GSI' ? index.id : 'table', 0, units * rate);
      }
    }
    const readUnitsPerMonth = readUnitsPerCall * rate * SECONDS_PER_MONTH;
    const writeUnitsPerMonth = writeUnitsPerCall * rate * SECONDS_PER_MONTH;
    return {
      patternId: pattern.id,
      name: pattern.name,
      kind: estimate?.kind,
      ratePerSecond: rate,
      readUnitsPerCall,
      writeUnitsPerCall,
      readUnitsPerMonth,
      writeUnitsPerMonth,
      onDemandMonthly: onDemandPrice(readUnitsPerMonth, inputs.prices.readRequestUnitsPerMillion) + onDemandPrice(writeUnitsPerMonth, inputs.prices.writeRequestUnitsPerMillion),
    };
  });

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const readUnitsPerSecond = sum(patterns.map((p) => p.readUnitsPerCall * p.ratePerSecond));
  const writeUnitsPerSecond = sum(patterns.map((p) => p.writeUnitsPerCall * p.ratePerSecond));
  const readUnitsPerMonth = sum(patterns.map((p) => p.readUnitsPerMonth));
  const writeUnitsPerMonth = sum(patterns.map((p) => p.writeUnitsPerMonth));
  const storageMonthly = sum(storage.map((s) => s.monthly));
  const { prices } = inputs;

  const reads = onDemandPrice(readUnitsPerMonth, prices.readRequestUnitsPerMillion);
  const writes = onDemandPrice(writeUnitsPerMonth, prices.writeRequestUnitsPerMillion);
  const onDemand = { reads, writes, throughput: reads + writes, storage: storageMonthly, total: reads + writes + storageMonthly };

  const names = new Map<string, string>([['table', model.table.name], ...model.globalSecondaryIndexes.map((g): [string, string] => [g.id, g.name])]);
  // DynamoDB provisions at least one unit of each kind per table and GSI.
  const provision = (unitsPerSecond: number) => Math.max(1, Math.ceil(unitsPerSecond / inputs.targetUtilization));
  const capacities: ProvisionedCapacity[] = [...load].map(([id, { read, write }]) => {
    const rcu = provision(read);
    const wcu = provision(write);
    return {
      id,
      kind: id === 'table' ? 'TABLE' : 'GSI',
      name: names.get(id) ?? id,
      readUnitsPerSecond: read,
      writeUnitsPerSecond: write,
      rcu,
      wcu,
      monthly: (rcu * prices.readCapacityUnitHour + wcu * prices.writeCapacityUnitHour) * HOURS_PER_MONTH,
    };
  });
  const provisionedThroughput = sum(capacities.map((c) => c.monthly));
  const provisioned = { capacities, throughput: provisionedThroughput, storage: storageMonthly, total: provisionedThroughput + storageMonthly };

  return {
    patterns,
    storage,
    itemSizes,
    readUnitsPerSecond,
    writeUnitsPerSecond,
    readUnitsPerMonth,
    writeUnitsPerMonth,
    onDemand,
    provisioned,
    cheaper: provisioned.total < onDemand.total ? 'provisioned' : 'onDemand',
  };
}

/** Reads a non-negative number as typed in a field; the error names what is wrong. */
export function parseAmount(
  text: string,
  what: string,
  { max = Infinity, positive = false }: { max?: number; positive?: boolean } = {},
): { value: number } | { error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { error: `${what} is required` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `${what} must be a number` };
  if (value < 0) return { error: `${what} cannot be negative` };
  if (positive && value === 0) return { error: `${what} must be more than 0` };
  if (value > max) return { error: `${what} cannot be more than ${max}` };
  return { value };
}
