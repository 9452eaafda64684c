import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICES, estimateCost, parseAmount, type CostInputs } from './cost';
import type { SampleItem } from './sampleData';
import { tableDesign } from './tableDesign';
import { MODEL_VERSION, type AccessPattern, type DesignModel } from './types';

const getThing: AccessPattern = {
  id: 'ap-get',
  name: 'Get thing',
  operation: 'GetItem',
  entity: 'ent-a',
  parameters: [{ name: 'id', type: 'S' }],
  request: { Key: { PK: { S: 'A#{{id}}' }, SK: { S: 'A' } } },
};
const putThing: AccessPattern = {
  id: 'ap-put',
  name: 'Put thing',
  operation: 'PutItem',
  entity: 'ent-a',
  parameters: [{ name: 'id', type: 'S' }],
  request: { Item: { PK: { S: 'A#{{id}}' }, SK: { S: 'A' } } },
};
const byEmail: AccessPattern = {
  id: 'ap-email',
  name: 'By email',
  operation: 'Query',
  index: 'g1',
  entity: 'ent-a',
  parameters: [{ name: 'email', type: 'S' }],
  request: { KeyConditionExpression: 'GPK = :e', ExpressionAttributeValues: { ':e': { S: 'E#{{email}}' } } },
};
const statement: AccessPattern = {
  id: 'ap-sql',
  name: 'PartiQL',
  operation: 'ExecuteStatement',
  parameters: [],
  request: { Statement: 'SELECT * FROM Things' },
};

function model(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'T',
    table: tableDesign('Things', { name: 'PK', type: 'S' }, { name: 'SK', type: 'S' }),
    globalSecondaryIndexes: [{ id: 'g1', name: 'ByEmail', partitionKey: { name: 'GPK', type: 'S' }, projection: { type: 'KEYS_ONLY' } }],
    localSecondaryIndexes: [],
    entities: [
      {
        id: 'ent-a',
        name: 'Thing',
        attributes: [],
        relationships: [],
        keys: { partitionKey: 'A#{{id}}', sortKey: 'A', indexes: { g1: { partitionKey: 'E#{{email}}' } } },
        sampleCount: 2,
      },
    ],
    accessPatterns: [getThing, putThing, byEmail, statement],
    sampleSeed: 1,
  };
}

// Sizes by DynamoDB's rule (name bytes + value bytes): PK 2+3, SK 2+1, GPK 3+3, data 4+1000.
// The first item is 1018 B and in the GSI as a 14 B KEYS_ONLY entry; the second (1012 B) has no GPK.
const samples: SampleItem[] = [
  { entityId: 'ent-a', item: { PK: { S: 'A#1' }, SK: { S: 'A' }, GPK: { S: 'E#x' }, data: { S: 'd'.repeat(1000) } } },
  { entityId: 'ent-a', item: { PK: { S: 'A#2' }, SK: { S: 'A' }, data: { S: 'd'.repeat(1000) } } },
];

const inputs = (overrides: Partial<CostInputs> = {}): CostInputs => ({
  itemCounts: { 'ent-a': 1_000_000 },
  rates: { 'ap-get': 100, 'ap-put': 10 },
  targetUtilization: 0.7,
  prices: DEFAULT_PRICES,
  ...overrides,
});

const MONTH = 730 * 3600;

describe('estimateCost', () => {
  it('sizes the table and a sparse index from the samples, with 100 bytes of overhead per item and entry', () => {
    const cost = estimateCost(model(), samples, inputs());
    const [table, gsi] = cost.storage;
    expect(cost.itemSizes['ent-a']).toBe(1015);
    expect(table).toMatchObject({ id: 'table', items: 1_000_000, bytes: 1_000_000 * (1015 + 100) });
    expect(gsi).toMatchObject({ id: 'g1', name: 'ByEmail', items: 500_000, bytes: 500_000 * (14 + 100) });
    expect(table?.monthly).toBeCloseTo(((1_000_000 * 1115) / 1024 ** 3) * 0.25, 10);
  });

  it('counts an entity without an expected count at its sample count', () => {
    const cost = estimateCost(model(), samples, inputs({ itemCounts: {} }));
    expect(cost.storage[0]?.items).toBe(2);
  });

  it('prices reads and writes per pattern, with the index writes a put causes', () => {
    const cost = estimateCost(model(), samples, inputs());
    const get = cost.patterns.find((p) => p.patternId === 'ap-get');
    const put = cost.patterns.find((p) => p.patternId === 'ap-put');
    // An eventually consistent read of a 1015 B item is half a unit; the put writes 1 unit on the
    // table and, for the half of the items in the GSI, 1 unit there.
    expect(get).toMatchObject({ kind: 'read', readUnitsPerCall: 0.5, writeUnitsPerCall: 0, readUnitsPerMonth: 0.5 * 100 * MONTH });
    expect(put).toMatchObject({ kind: 'write', readUnitsPerCall: 0, writeUnitsPerCall: 1.5, writeUnitsPerMonth: 1.5 * 10 * MONTH });
    expect(cost.readUnitsPerSecond).toBe(50);
    expect(cost.writeUnitsPerSecond).toBe(15);
    expect(cost.onDemand.reads).toBeCloseTo((50 * MONTH * 0.125) / 1e6, 6);
    expect(cost.onDemand.writes).toBeCloseTo((15 * MONTH * 0.625) / 1e6, 6);
  });

  it('provisions the table and each GSI for its own load with headroom, and marks the cheaper mode', () => {
    const cost = estimateCost(model(), samples, inputs());
    const [table, gsi] = cost.provisioned.capacities;
    expect(table).toMatchObject({ name: 'Things', readUnitsPerSecond: 50, writeUnitsPerSecond: 10, rcu: 72, wcu: 15 });
    // Nothing reads the GSI, but DynamoDB provisions at least one unit.
    expect(gsi).toMatchObject({ name: 'ByEmail', readUnitsPerSecond: 0, writeUnitsPerSecond: 5, rcu: 1, wcu: 8 });
    expect(table?.monthly).toBeCloseTo((72 * 0.00013 + 15 * 0.00065) * 730, 6);
    expect(cost.provisioned.throughput).toBeCloseTo((73 * 0.00013 + 23 * 0.00065) * 730, 6);
    expect(cost.provisioned.total).toBeCloseTo(cost.provisioned.throughput + cost.onDemand.storage, 10);
    expect(cost.cheaper).toBe('provisioned');
  });

  it('charges a GSI query to the GSI, and finds on-demand cheaper for a trickle', () => {
    const cost = estimateCost(model(), samples, inputs({ rates: { 'ap-email': 0.01 } }));
    const gsi = cost.provisioned.capacities.find((c) => c.id === 'g1');
    expect(gsi?.readUnitsPerSecond).toBeCloseTo(0.005, 10);
    expect(cost.provisioned.capacities[0]?.readUnitsPerSecond).toBe(0);
    expect(cost.cheaper).toBe('onDemand');
  });

  it('leaves patterns it cannot estimate at zero rather than guessing', () => {
    const cost = estimateCost(model(), samples, inputs({ rates: { 'ap-sql': 1000 } }));
    expect(cost.patterns.find((p) => p.patternId === 'ap-sql')).toMatchObject({ kind: undefined, readUnitsPerMonth: 0 });
    expect(cost.onDemand.throughput).toBe(0);
  });

  it('follows edited prices', () => {
    const cost = estimateCost(model(), samples, inputs({ prices: { ...DEFAULT_PRICES, readRequestUnitsPerMillion: 1 } }));
    expect(cost.onDemand.reads).toBeCloseTo((50 * MONTH) / 1e6, 6);
  });
});

describe('parseAmount', () => {
  it('accepts non-negative numbers, with thousands separators', () => {
    expect(parseAmount('1,000.5', 'Rate')).toEqual({ value: 1000.5 });
    expect(parseAmount(' 0 ', 'Rate')).toEqual({ value: 0 });
  });

  it('refuses empty, non-numeric, negative and out-of-range input with a message', () => {
    expect(parseAmount('', 'Rate')).toEqual({ error: 'Rate is required' });
    expect(parseAmount('abc', 'Rate')).toEqual({ error: 'Rate must be a number' });
    expect(parseAmount('-1', 'Rate')).toEqual({ error: 'Rate cannot be negative' });
    expect(parseAmount('0', 'Target utilisation', { positive: true })).toEqual({ error: 'Target utilisation must be more than 0' });
    expect(parseAmount('101', 'Target utilisation', { max: 100 })).toEqual({ error: 'Target utilisation cannot be more than 100' });
  });
});
