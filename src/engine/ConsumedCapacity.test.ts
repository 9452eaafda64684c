import { describe, expect, it } from 'vitest';
import { CapacityMeter, pageReadUnits, readUnits, writeUnits } from './ConsumedCapacity';

describe('capacity units', () => {
  it('rounds reads up to 4 KB and halves eventually consistent ones', () => {
    expect(readUnits(0, true)).toBe(1);
    expect(readUnits(4096, true)).toBe(1);
    expect(readUnits(4097, true)).toBe(2);
    expect(readUnits(4097, false)).toBe(1);
    expect(readUnits(1, false)).toBe(0.5);
  });

  it('charges a page for the sum of its items, and nothing for an empty page', () => {
    expect(pageReadUnits(0, false)).toBe(0);
    expect(pageReadUnits(3 * 1500, true)).toBe(2);
    expect(pageReadUnits(3 * 1500, false)).toBe(1);
  });

  it('rounds writes up to 1 KB with a minimum of one unit', () => {
    expect(writeUnits(0)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
  });

  it('reports TOTAL and INDEXES the way DynamoDB shapes them', () => {
    const meter = new CapacityMeter('T');
    meter.addTable(1);
    meter.addIndex('GSI', 'G', 2);
    meter.addIndex('LSI', 'L', 0.5);
    expect(meter.report('NONE')).toBeUndefined();
    expect(meter.report('TOTAL')).toEqual({ TableName: 'T', CapacityUnits: 3.5 });
    expect(meter.report('INDEXES')).toEqual({
      TableName: 'T',
      CapacityUnits: 3.5,
      Table: { CapacityUnits: 1 },
      LocalSecondaryIndexes: { L: { CapacityUnits: 0.5 } },
      GlobalSecondaryIndexes: { G: { CapacityUnits: 2 } },
    });
  });
});
