// Item sizes per entity against DynamoDB's limits and capacity steps: 400 KB per item, writes
// billed per started 1 KB and reads per started 4 KB. Every figure is the engine's: item size
// by its byte rules, units by its capacity rules, so the meter and a run of a pattern agree.
import { itemSize } from '../../engine/AttributeValue';
import { readUnits, writeUnits } from '../../engine/ConsumedCapacity';
import { MAX_ITEM_BYTES } from '../../engine/WriteItem';
import type { SampleItem } from '../sampleData';
import type { DesignModel } from '../types';

export { MAX_ITEM_BYTES };

export interface ItemSizeMeter {
  entityId: string;
  name: string;
  samples: number;
  averageBytes: number;
  largestBytes: number;
  /** The largest sample as a share of the 400 KB item limit. */
  shareOfLimit: number;
  /** What writing and reading the largest sample costs. */
  writeUnits: number;
  strongReadUnits: number;
  eventualReadUnits: number;
  /** Bytes the largest sample can grow before its write, or read, costs one unit more. */
  bytesToNextWriteUnit: number;
  bytesToNextReadUnit: number;
}

/** The smallest size that costs one unit more than `bytes` does. */
function nextStep(bytes: number, units: (b: number) => number): number {
  const now = units(bytes);
  let low = bytes;
  let high = Math.max(1, bytes) * 2 + 4096;
  while (units(high) === now) high *= 2;
  // Units are monotone in size, so bisection finds the first byte that costs more.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (units(middle) === now) low = middle;
    else high = middle;
  }
  return high - bytes;
}

export function itemSizeMeters(model: DesignModel, samples: readonly SampleItem[]): ItemSizeMeter[] {
  return model.entities.map((entity) => {
    const sizes = samples.filter((s) => s.entityId === entity.id).map((s) => itemSize(s.item));
    const largest = sizes.length === 0 ? 0 : Math.max(...sizes);
    return {
      entityId: entity.id,
      name: entity.name,
      samples: sizes.length,
      averageBytes: sizes.length === 0 ? 0 : sizes.reduce((a, b) => a + b, 0) / sizes.length,
      largestBytes: largest,
      shareOfLimit: largest / MAX_ITEM_BYTES,
      writeUnits: writeUnits(largest),
      strongReadUnits: readUnits(largest, true),
      eventualReadUnits: readUnits(largest, false),
      bytesToNextWriteUnit: nextStep(largest, writeUnits),
      bytesToNextReadUnit: nextStep(largest, (b) => readUnits(b, true)),
    };
  });
}
