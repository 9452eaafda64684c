import { describe, expect, it } from 'vitest';
import { tableDesign } from '../tableDesign';
import { MODEL_VERSION, type DesignModel } from '../types';
import { itemSizeMeters, MAX_ITEM_BYTES } from './itemSizeMeter';

const model: DesignModel = {
  version: MODEL_VERSION,
  name: 'T',
  table: tableDesign('T', { name: 'PK', type: 'S' }),
  globalSecondaryIndexes: [],
  localSecondaryIndexes: [],
  entities: [
    { id: 'ent-a', name: 'Doc', attributes: [], relationships: [], keys: { partitionKey: 'D#{{id}}', indexes: {} }, sampleCount: 2 },
    { id: 'ent-b', name: 'Empty', attributes: [], relationships: [], keys: { partitionKey: 'E', indexes: {} }, sampleCount: 0 },
  ],
  accessPatterns: [],
  sampleSeed: 1,
};

// PK (2 bytes) + "D#1" (3) + body (4) + text: 3 KB items cost 3 WCU, 8 KB items 2 strongly consistent RCU.
const item = (id: string, bytes: number) => ({ PK: { S: `D#${id}` }, body: { S: 'x'.repeat(bytes - 9) } });

describe('itemSizeMeters', () => {
  it('measures the largest sample with the engine and prices each step', () => {
    const [doc] = itemSizeMeters(model, [
      { entityId: 'ent-a', item: item('1', 3 * 1024) },
      { entityId: 'ent-a', item: item('2', 8 * 1024) },
    ]);
    expect(doc).toMatchObject({ samples: 2, largestBytes: 8192, averageBytes: (3072 + 8192) / 2, writeUnits: 8, strongReadUnits: 2, eventualReadUnits: 1 });
    expect(doc?.shareOfLimit).toBe(8192 / MAX_ITEM_BYTES);
    // Exactly on a step: one more byte costs one more unit.
    expect(doc?.bytesToNextWriteUnit).toBe(1);
    expect(doc?.bytesToNextReadUnit).toBe(1);
  });

  it('counts the bytes left before the next step', () => {
    const [doc] = itemSizeMeters(model, [{ entityId: 'ent-a', item: item('1', 1000) }]);
    expect(doc).toMatchObject({ writeUnits: 1, strongReadUnits: 1 });
    expect(doc?.bytesToNextWriteUnit).toBe(1025 - 1000);
    expect(doc?.bytesToNextReadUnit).toBe(4097 - 1000);
  });

  it('shows an entity without samples as empty rather than failing', () => {
    expect(itemSizeMeters(model, [])[1]).toMatchObject({ name: 'Empty', samples: 0, largestBytes: 0 });
  });
});
