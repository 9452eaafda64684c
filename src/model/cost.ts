// What a design costs per month: storage of the table and every index, throughput on demand
// or provisioned, and stream reads, from expected item counts, request rates and items per call.
// Capacity per call comes from callCapacity (the engine's rules over the preview's entry sizes),
// so the Cost tab and the partition heat map price a call alike. Pricing is split from the
// per-call plan, so the cost against traffic curve re-prices the plan without re-reading items.
import {
  callKind,
  defaultItemsPerCall,
  partitionOwner,
  previewSizes,
  readUnitsPerCall,
  writeShares,
  type IndexSizes,
} from './production/callCapacity';
import { expectedCounts } from './production/partitionLoad';
import type { SampleItem } from './sampleData';
import type { DesignModel, TableDesign } from './types';

/** AWS bills provisioned capacity and storage over a 730-hour month. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** DynamoDB bills 100 bytes of indexing overhead for every item and every index entry. */
export const STORAGE_OVERHEAD_BYTES = 100;
const BYTES_PER_GB = 1024 ** 3;

export type TableClass = TableDesign['tableClass'];

/** US dollars. */
export interface Prices {
  readRequestUnitsPerMillion: number;
  writeRequestUnitsPerMillion: number;
  readCapacityUnitHour: number;
  writeCapacityUnitHour: number;
  storageGbMonth: number;
  iaReadRequestUnitsPerMillion: number;
  iaWriteRequestUnitsPerMillion: number;
  iaReadCapacityUnitHour: number;
  iaWriteCapacityUnitHour: number;
  iaStorageGbMonth: number;
  streamReadRequestUnitsPerMillion: number;
}

// us-east-1 list prices as published in July 2025 (on-demand after the November 2024 price cut);
// source: https://aws.amazon.com/dynamodb/pricing/ (on-demand and provisioned pages, Standard and
// Standard-IA table classes; DynamoDB Streams: $0.02 per 100,000 read request units). Prices
// change, so the UI lets the user edit every one.
export const DEFAULT_PRICES: Prices = {
  readRequestUnitsPerMillion: 0.125,
  writeRequestUnitsPerMillion: 0.625,
  readCapacityUnitHour: 0.00013,
  writeCapacityUnitHour: 0.00065,
  storageGbMonth: 0.25,
  iaReadRequestUnitsPerMillion: 0.155,
  iaWriteRequestUnitsPerMillion: 0.78,
  iaReadCapacityUnitHour: 0.00016,
  iaWriteCapacityUnitHour: 0.00081,
  iaStorageGbMonth: 0.1,
  streamReadRequestUnitsPerMillion: 0.2,
};

export const PRICES_SOURCE = 'https://aws.amazon.com/dynamodb/pricing/ (us-east-1, July 2025)';

/** The five prices that apply to a table of one class. */
export function classPrices(prices: Prices, tableClass: TableClass) {
  return tableClass === 'STANDARD_INFREQUENT_ACCESS'
    ? {
        readRequestUnitsPerMillion: prices.iaReadRequestUnitsPerMillion,
        writeRequestUnitsPerMillion: prices.iaWriteRequestUnitsPerMillion,
        readCapacityUnitHour: prices.iaReadCapacityUnitHour,
        writeCapacityUnitHour: prices.iaWriteCapacityUnitHour,
        storageGbMonth: prices.iaStorageGbMonth,
      }
    : prices;
}

export interface CostInputs {
  /** Expected items per entity id; an entity left out counts as its sample count. */
  itemCounts: Readonly<Record<string, number>>;
  /** Average requests per second per pattern id; a pattern left out is not called. */
  rates: Readonly<Record<string, number>>;
  /** Items returned or written per call by pattern id; a pattern left out takes its default from the expected counts. */
  itemsPerCall?: Readonly<Record<string, number>>;
  /** Share of provisioned capacity the peak load may use, in (0, 1]: auto-scaling's target utilisation. */
  targetUtilization: number;
  /** Peak traffic over average traffic (≥ 1); provisioned capacity is sized for the peak. Absent: 1. */
  peakFactor?: number;
  /** Absent: the table's own class. */
  tableClass?: TableClass;
  /** GetRecords read request units per second on the table's stream (Lambda triggers read free). Absent: 0. */
  streamReadsPerSecond?: number;
  prices: Prices;
}

export interface PatternCost {
  patternId: string;
  name: string;
  /** Undefined when the pattern gives nothing to estimate from (PartiQL, or a write naming no entity). */
  kind: 'read' | 'write' | undefined;
  ratePerSecond: number;
  /** Items returned or written per call, and what they would be without the user's figure. */
  itemsPerCall: number;
  defaultItemsPerCall: number;
  readUnitsPerCall: number;
  /** Table writes plus the writes to every index the written items appear in. */
  writeUnitsPerCall: number;
  /** Of writeUnitsPerCall, the writes to indexes (two per index whose key an update changes). */
  indexWriteUnitsPerCall: number;
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  /** What these request units cost per month on demand. */
  onDemandMonthly: number;
}

export interface StorageCost {
  /** 'table', or the index's id. */
  id: string;
  kind: 'TABLE' | 'GSI' | 'LSI';
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

/** A month's bill split the way the chart shows it. */
export interface CostComponents {
  reads: number;
  tableWrites: number;
  indexWrites: number;
  tableStorage: number;
  indexStorage: number;
  streamReads: number;
}

export interface BillingCost {
  throughput: number;
  storage: number;
  streams: number;
  total: number;
  components: CostComponents;
}

export interface CostEstimate {
  tableClass: TableClass;
  peakFactor: number;
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

/** One pattern's capacity per call, charged to the table or the GSI that serves it. */
interface CallPlan {
  patternId: string;
  name: string;
  kind: PatternCost['kind'];
  itemsPerCall: number;
  defaultItemsPerCall: number;
  reads: { owner: string; units: number } | undefined;
  writes: { owner: string; units: number; index: boolean }[];
}

/** Per-call capacity of every pattern and the storage, worked out once from the samples. */
export interface CostPlan {
  model: DesignModel;
  calls: CallPlan[];
  storage: Omit<StorageCost, 'monthly'>[];
  itemSizes: Record<string, number>;
}

export function planCost(model: DesignModel, samples: readonly SampleItem[], inputs: Pick<CostInputs, 'itemCounts' | 'itemsPerCall'>): CostPlan {
  const sizes: IndexSizes = previewSizes(model, samples);
  const expected = expectedCounts(model, inputs);
  const kinds = new Map<string, StorageCost['kind']>([['table', 'TABLE'], ...model.globalSecondaryIndexes.map((g): [string, 'GSI'] => [g.id, 'GSI']), ...model.localSecondaryIndexes.map((l): [string, 'LSI'] => [l.id, 'LSI'])]);
  const names = new Map<string, string>([['table', model.table.name], ...[...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((i): [string, string] => [i.id, i.name])]);
  const storage = [...sizes].filter(([id]) => kinds.has(id)).map(([id, perEntity]) => {
    let items = 0;
    let bytes = 0;
    for (const [entityId, { presence, averageBytes }] of perEntity) {
      const entries = expected(entityId) * presence;
      items += entries;
      bytes += entries * (averageBytes + STORAGE_OVERHEAD_BYTES);
    }
    return { id, kind: kinds.get(id) ?? 'TABLE', name: names.get(id) ?? id, items, bytes, gb: bytes / BYTES_PER_GB };
  });
  const itemSizes = Object.fromEntries([...(sizes.get('table') ?? [])].map(([id, s]) => [id, s.averageBytes]));

  const calls = model.accessPatterns.map((pattern): CallPlan => {
    const kind = callKind(pattern);
    const fallback = kind === undefined ? 0 : defaultItemsPerCall(model, pattern, expected, sizes);
    const items = inputs.itemsPerCall?.[pattern.id] ?? fallback;
    const base = { patternId: pattern.id, name: pattern.name, itemsPerCall: items, defaultItemsPerCall: fallback, reads: undefined, writes: [] };
    if (kind === 'read' || kind === 'scan') {
      return { ...base, kind: 'read', reads: { owner: partitionOwner(model, pattern.index), units: readUnitsPerCall(pattern, items, sizes) } };
    }
    const shares = kind === 'write' ? writeShares(model, pattern, samples, sizes, inputs.itemsPerCall?.[pattern.id]) : undefined;
    if (!shares) return { ...base, kind: undefined };
    return { ...base, kind: 'write', writes: shares.map((s) => ({ owner: s.owner, units: s.units, index: s.owner !== 'table' })) };
  });
  return { model, calls, storage, itemSizes };
}

const onDemandPrice = (units: number, perMillion: number) => (units / 1e6) * perMillion;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Prices a plan for the given traffic: `scale` multiplies every request rate (the cost curve). */
export function priceCost(plan: CostPlan, inputs: CostInputs, scale = 1): CostEstimate {
  const { model } = plan;
  const tableClass = inputs.tableClass ?? model.table.tableClass;
  const prices = classPrices(inputs.prices, tableClass);
  const peakFactor = Math.max(1, inputs.peakFactor ?? 1);
  const storage: StorageCost[] = plan.storage.map((s) => ({ ...s, monthly: s.gb * prices.storageGbMonth }));
  const tableStorage = sum(storage.filter((s) => s.kind === 'TABLE').map((s) => s.monthly));
  const indexStorage = sum(storage.filter((s) => s.kind !== 'TABLE').map((s) => s.monthly));
  const streamReadUnitsPerMonth = (inputs.streamReadsPerSecond ?? 0) * scale * SECONDS_PER_MONTH;
  const streamReads = onDemandPrice(streamReadUnitsPerMonth, inputs.prices.streamReadRequestUnitsPerMillion);

  // Units per second charged to the table (with its LSIs) and to each GSI.
  const load = new Map<string, { read: number; write: number; indexWrite: number }>([['table', { read: 0, write: 0, indexWrite: 0 }]]);
  for (const gsi of model.globalSecondaryIndexes) load.set(gsi.id, { read: 0, write: 0, indexWrite: 0 });
  let indexWriteUnitsPerSecond = 0;
  const patterns: PatternCost[] = plan.calls.map((call) => {
    const rate = (inputs.rates[call.patternId] ?? 0) * scale;
    const readUnitsPerCall = call.reads?.units ?? 0;
    const writeUnitsPerCall = sum(call.writes.map((w) => w.units));
    const indexWriteUnitsPerCall = sum(call.writes.filter((w) => w.index).map((w) => w.units));
    const readLoad = call.reads && load.get(call.reads.owner);
    if (readLoad) readLoad.read += readUnitsPerCall * rate;
    for (const write of call.writes) {
      const entry = load.get(write.owner);
      if (entry) entry.write += write.units * rate;
    }
    indexWriteUnitsPerSecond += indexWriteUnitsPerCall * rate;
    const readUnitsPerMonth = readUnitsPerCall * rate * SECONDS_PER_MONTH;
    const writeUnitsPerMonth = writeUnitsPerCall * rate * SECONDS_PER_MONTH;
    return {
      patternId: call.patternId,
      name: call.name,
      kind: call.kind,
      ratePerSecond: rate,
      itemsPerCall: call.itemsPerCall,
      defaultItemsPerCall: call.defaultItemsPerCall,
      readUnitsPerCall,
      writeUnitsPerCall,
      indexWriteUnitsPerCall,
      readUnitsPerMonth,
      writeUnitsPerMonth,
      onDemandMonthly: onDemandPrice(readUnitsPerMonth, prices.readRequestUnitsPerMillion) + onDemandPrice(writeUnitsPerMonth, prices.writeRequestUnitsPerMillion),
    };
  });

  const readUnitsPerSecond = sum(patterns.map((p) => p.readUnitsPerCall * p.ratePerSecond));
  const writeUnitsPerSecond = sum(patterns.map((p) => p.writeUnitsPerCall * p.ratePerSecond));
  const readUnitsPerMonth = sum(patterns.map((p) => p.readUnitsPerMonth));
  const writeUnitsPerMonth = sum(patterns.map((p) => p.writeUnitsPerMonth));
  const storageMonthly = tableStorage + indexStorage;

  const reads = onDemandPrice(readUnitsPerMonth, prices.readRequestUnitsPerMillion);
  const writes = onDemandPrice(writeUnitsPerMonth, prices.writeRequestUnitsPerMillion);
  const indexWrites = onDemandPrice(indexWriteUnitsPerSecond * SECONDS_PER_MONTH, prices.writeRequestUnitsPerMillion);
  const onDemand = {
    reads,
    writes,
    throughput: reads + writes,
    storage: storageMonthly,
    streams: streamReads,
    total: reads + writes + storageMonthly + streamReads,
    components: { reads, tableWrites: writes - indexWrites, indexWrites, tableStorage, indexStorage, streamReads },
  };

  const names = new Map<string, string>([['table', model.table.name], ...model.globalSecondaryIndexes.map((g): [string, string] => [g.id, g.name])]);
  // Sized for the peak at auto-scaling's target utilisation; DynamoDB provisions at least one unit of each kind per table and GSI.
  const provision = (unitsPerSecond: number) => Math.max(1, Math.ceil((unitsPerSecond * peakFactor) / inputs.targetUtilization));
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
  const readCapacity = sum(capacities.map((c) => c.rcu * prices.readCapacityUnitHour * HOURS_PER_MONTH));
  const tableWriteCapacity = sum(capacities.filter((c) => c.kind === 'TABLE').map((c) => c.wcu * prices.writeCapacityUnitHour * HOURS_PER_MONTH));
  const gsiWriteCapacity = sum(capacities.filter((c) => c.kind === 'GSI').map((c) => c.wcu * prices.writeCapacityUnitHour * HOURS_PER_MONTH));
  const provisionedThroughput = readCapacity + tableWriteCapacity + gsiWriteCapacity;
  const provisioned = {
    capacities,
    throughput: provisionedThroughput,
    storage: storageMonthly,
    streams: streamReads,
    total: provisionedThroughput + storageMonthly + streamReads,
    components: { reads: readCapacity, tableWrites: tableWriteCapacity, indexWrites: gsiWriteCapacity, tableStorage, indexStorage, streamReads },
  };

  return {
    tableClass,
    peakFactor,
    patterns,
    storage,
    itemSizes: plan.itemSizes,
    readUnitsPerSecond,
    writeUnitsPerSecond,
    readUnitsPerMonth,
    writeUnitsPerMonth,
    onDemand,
    provisioned,
    cheaper: provisioned.total < onDemand.total ? 'provisioned' : 'onDemand',
  };
}

export function estimateCost(model: DesignModel, samples: readonly SampleItem[], inputs: CostInputs): CostEstimate {
  return priceCost(planCost(model, samples, inputs), inputs);
}

export interface CostCurvePoint {
  requestsPerSecond: number;
  onDemand: number;
  provisioned: number;
}

export interface CostCurve {
  points: CostCurvePoint[];
  /** Total requests per second where provisioned becomes the cheaper; undefined when it never does in range. */
  crossover: number | undefined;
  /** The traffic entered, on the same axis. */
  current: number;
}

const CURVE_POINTS = 40;
const MAX_CURVE_SCALE = 2 ** 24;

/**
 * Monthly cost on demand and provisioned as the entered traffic mix grows from nothing, far
 * enough to show where they cross (when they do). Undefined without traffic to scale.
 */
export function costCurve(plan: CostPlan, inputs: CostInputs): CostCurve | undefined {
  const current = sum(Object.values(inputs.rates));
  if (current <= 0) return undefined;
  const totals = (scale: number) => {
    const estimate = priceCost(plan, inputs, scale);
    return { onDemand: estimate.onDemand.total, provisioned: estimate.provisioned.total };
  };
  const provisionedCheaper = (scale: number) => {
    const t = totals(scale);
    return t.provisioned < t.onDemand;
  };
  let high = 1;
  while (!provisionedCheaper(high) && high < MAX_CURVE_SCALE) high *= 2;
  let crossover: number | undefined;
  if (provisionedCheaper(high)) {
    // Provisioned rounds up to whole units, so the difference is not smooth; bisection still finds the first crossing.
    let low = 0;
    for (let i = 0; i < 48; i++) {
      const middle = (low + high) / 2;
      if (provisionedCheaper(middle)) high = middle;
      else low = middle;
    }
    crossover = high * current;
  }
  const end = Math.max(2, crossover === undefined ? 2 : (2 * crossover) / current);
  const points = Array.from({ length: CURVE_POINTS + 1 }, (_, i) => {
    const scale = (end * i) / CURVE_POINTS;
    return { requestsPerSecond: scale * current, ...totals(scale) };
  });
  return { points, crossover, current };
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
