// The Cost tab's inputs: expected item counts, request rates, headroom and prices. They are
// guesses about traffic, not part of the design (no export, share link or CDK code uses them),
// so they live here rather than in the model, saved in this browser next to the autosaved model.
// Fields keep the text as typed, so a mistake stays on screen with its message until fixed.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_PRICES, parseAmount, type CostInputs, type Prices, type TableClass } from '../model/cost';
import type { DesignModel } from '../model/types';

export const COST_STORAGE_KEY = 'tablesmith:cost';
export const DEFAULT_UTILIZATION_PERCENT = 70;
export const DEFAULT_PEAK_FACTOR = 1;

export interface CostFields {
  /** By pattern id; absent: 0 requests per second. */
  rates: Record<string, string>;
  /** By entity id; absent: the entity's sample count. */
  itemCounts: Record<string, string>;
  /** By pattern id; absent: the default from the expected counts. */
  itemsPerCall?: Record<string, string>;
  /** Percent; absent: DEFAULT_UTILIZATION_PERCENT. */
  utilization?: string;
  /** Peak over average traffic; absent: DEFAULT_PEAK_FACTOR. */
  peakFactor?: string;
  /** GetRecords read request units per second; absent: 0. */
  streamReads?: string;
  /** Absent: the table's own class. */
  tableClass?: TableClass;
  /** Absent: DEFAULT_PRICES. */
  prices: Partial<Record<keyof Prices, string>>;
}

export interface CostState extends CostFields {
  setRate(patternId: string, text: string): void;
  setItemCount(entityId: string, text: string): void;
  setItemsPerCall(patternId: string, text: string): void;
  setUtilization(text: string): void;
  setPeakFactor(text: string): void;
  setStreamReads(text: string): void;
  setTableClass(tableClass: TableClass): void;
  setPrice(name: keyof Prices, text: string): void;
  resetPrices(): void;
}

export const useCostStore = create<CostState>()(
  persist(
    (set, get) => ({
      rates: {},
      itemCounts: {},
      prices: {},
      setRate: (patternId, text) => set({ rates: { ...get().rates, [patternId]: text } }),
      setItemCount: (entityId, text) => set({ itemCounts: { ...get().itemCounts, [entityId]: text } }),
      setItemsPerCall: (patternId, text) => set({ itemsPerCall: { ...get().itemsPerCall, [patternId]: text } }),
      setUtilization: (text) => set({ utilization: text }),
      setPeakFactor: (text) => set({ peakFactor: text }),
      setStreamReads: (text) => set({ streamReads: text }),
      setTableClass: (tableClass) => set({ tableClass }),
      setPrice: (name, text) => set({ prices: { ...get().prices, [name]: text } }),
      resetPrices: () => set({ prices: {} }),
    }),
    { name: COST_STORAGE_KEY, storage: createJSONStorage(() => localStorage) },
  ),
);

/** The text each field shows: what the user typed, or the default it stands for. */
export function fieldTexts(fields: CostFields, model: DesignModel) {
  return {
    rate: (patternId: string) => fields.rates[patternId] ?? '0',
    itemCount: (entityId: string) => fields.itemCounts[entityId] ?? String(model.entities.find((e) => e.id === entityId)?.sampleCount ?? 0),
    itemsPerCall: (patternId: string, fallback: number) => fields.itemsPerCall?.[patternId] ?? String(Math.round(fallback * 100) / 100),
    utilization: fields.utilization ?? String(DEFAULT_UTILIZATION_PERCENT),
    peakFactor: fields.peakFactor ?? String(DEFAULT_PEAK_FACTOR),
    streamReads: fields.streamReads ?? '0',
    tableClass: fields.tableClass ?? model.table.tableClass,
    price: (name: keyof Prices) => fields.prices[name] ?? String(DEFAULT_PRICES[name]),
  };
}

/** Field key → message for every field whose text is refused. */
export type FieldErrors = Record<string, string>;

export const rateKey = (patternId: string) => `rate:${patternId}`;
export const countKey = (entityId: string) => `count:${entityId}`;
export const priceKey = (name: keyof Prices) => `price:${name}`;
export const itemsKey = (patternId: string) => `items:${patternId}`;
export const UTILIZATION_KEY = 'utilization';
export const PEAK_KEY = 'peak';
export const STREAM_KEY = 'streams';

/** The estimate's inputs; a refused field counts as its default until it is corrected. */
export function costInputs(fields: CostFields, model: DesignModel): { inputs: CostInputs; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = (key: string, text: string | undefined, what: string, options?: Parameters<typeof parseAmount>[2]) => {
    if (text === undefined) return undefined;
    const parsed = parseAmount(text, what, options);
    if ('error' in parsed) {
      errors[key] = parsed.error;
      return undefined;
    }
    return parsed.value;
  };
  const rates: Record<string, number> = {};
  for (const pattern of model.accessPatterns) {
    const value = read(rateKey(pattern.id), fields.rates[pattern.id], 'Requests per second');
    if (value !== undefined) rates[pattern.id] = value;
  }
  const itemCounts: Record<string, number> = {};
  for (const entity of model.entities) {
    const value = read(countKey(entity.id), fields.itemCounts[entity.id], 'Expected items');
    if (value !== undefined) itemCounts[entity.id] = value;
  }
  const itemsPerCall: Record<string, number> = {};
  for (const pattern of model.accessPatterns) {
    const value = read(itemsKey(pattern.id), fields.itemsPerCall?.[pattern.id], 'Items per call');
    if (value !== undefined) itemsPerCall[pattern.id] = value;
  }
  const peak = read(PEAK_KEY, fields.peakFactor, 'Peak-to-average factor');
  if (peak !== undefined && peak < 1) errors[PEAK_KEY] = 'Peak-to-average factor is at least 1 (the peak is never below the average)';
  const streamReads = read(STREAM_KEY, fields.streamReads, 'Stream reads per second');
  const percent = read(UTILIZATION_KEY, fields.utilization, 'Target utilisation', { max: 100, positive: true }) ?? DEFAULT_UTILIZATION_PERCENT;
  const prices = { ...DEFAULT_PRICES };
  for (const name of Object.keys(DEFAULT_PRICES) as (keyof Prices)[]) {
    const value = read(priceKey(name), fields.prices[name], 'Price');
    if (value !== undefined) prices[name] = value;
  }
  const inputs: CostInputs = { rates, itemCounts, targetUtilization: percent / 100, prices };
  if (Object.keys(itemsPerCall).length > 0) inputs.itemsPerCall = itemsPerCall;
  if (peak !== undefined && peak >= 1) inputs.peakFactor = peak;
  if (streamReads !== undefined) inputs.streamReadsPerSecond = streamReads;
  if (fields.tableClass !== undefined) inputs.tableClass = fields.tableClass;
  return { inputs, errors };
}
