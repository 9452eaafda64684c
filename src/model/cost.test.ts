import { describe, expect, it } from 'vitest';
import { costCurve, DEFAULT_PRICES, estimateCost, parseAmount, planCost, priceCost, type CostInputs } from './cost';
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

describe('the cost planner', () => {
  // Items sized by DynamoDB's rule: PK (2 bytes) + its value + body (4) + text.
  const sized = (entityId: string, pk: string, bytes: number): SampleItem => ({ entityId, item: { PK: { S: pk }, body: { S: 'x'.repeat(bytes - 2 - pk.length - 4) } } });
  const planner = (): DesignModel => ({
    version: MODEL_VERSION,
    name: 'P',
    table: tableDesign('P', { name: 'PK', type: 'S' }),
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    entities: [
      { id: 'ent-big', name: 'Big', attributes: [], relationships: [], keys: { partitionKey: 'B#{{id}}', indexes: {} }, sampleCount: 1 },
      { id: 'ent-mid', name: 'Mid', attributes: [], relationships: [], keys: { partitionKey: 'M#{{id}}', indexes: {} }, sampleCount: 1 },
    ],
    accessPatterns: [
      { id: 'ap-read', name: 'Read big', operation: 'GetItem', entity: 'ent-big', parameters: [], request: { Key: { PK: { S: 'B#{{id}}' } }, ConsistentRead: true } },
      { id: 'ap-write', name: 'Write mid', operation: 'PutItem', entity: 'ent-mid', parameters: [], request: { Item: { PK: { S: 'M#{{id}}' } } } },
    ],
    sampleSeed: 1,
  });
  const plannerSamples = [sized('ent-big', 'B#1', 8 * 1024), sized('ent-mid', 'M#1', 3 * 1024)];
  // The seed guide's prices: $0.25 and $1.25 per million request units, $0.00013 and $0.00065 per capacity-unit hour.
  const guidePrices = { ...DEFAULT_PRICES, readRequestUnitsPerMillion: 0.25, writeRequestUnitsPerMillion: 1.25, readCapacityUnitHour: 0.00013, writeCapacityUnitHour: 0.00065 };
  const traffic = (overrides: Partial<CostInputs> = {}): CostInputs => ({ itemCounts: {}, rates: { 'ap-read': 100, 'ap-write': 50 }, targetUtilization: 1, prices: guidePrices, ...overrides });

  it('needs 200 RCU for 100 strongly consistent reads a second of 8 KB items, and 150 WCU for 50 writes of 3 KB', () => {
    const cost = estimateCost(planner(), plannerSamples, traffic());
    expect(cost.readUnitsPerSecond).toBe(200);
    expect(cost.writeUnitsPerSecond).toBe(150);
    expect(cost.provisioned.capacities[0]).toMatchObject({ rcu: 200, wcu: 150 });
  });

  it("prices that load with the guide's on-demand and provisioned prices", () => {
    const cost = estimateCost(planner(), plannerSamples, traffic());
    expect(cost.onDemand.reads).toBeCloseTo(200 * MONTH * (0.25 / 1e6), 6); // $131.40
    expect(cost.onDemand.writes).toBeCloseTo(150 * MONTH * (1.25 / 1e6), 6); // $492.75
    expect(cost.provisioned.throughput).toBeCloseTo((200 * 0.00013 + 150 * 0.00065) * 730, 6); // $90.16
    expect(cost.cheaper).toBe('provisioned');
  });

  it('sizes provisioned capacity for the peak at the target utilisation, and bills on demand for the average', () => {
    const cost = estimateCost(planner(), plannerSamples, traffic({ peakFactor: 3, targetUtilization: 0.7 }));
    expect(cost.provisioned.capacities[0]).toMatchObject({ rcu: Math.ceil((200 * 3) / 0.7), wcu: Math.ceil((150 * 3) / 0.7) });
    expect(cost.onDemand.reads).toBeCloseTo(200 * MONTH * (0.25 / 1e6), 6);
  });

  it('returns as many items per Query as the expected counts put in one partition, not as the samples do', () => {
    const shop: DesignModel = {
      ...planner(),
      entities: [
        { id: 'ent-customer', name: 'Customer', attributes: [{ id: 'c1', name: 'customerId', type: 'S', required: true, generator: { kind: 'uuid' } }], relationships: [], keys: { partitionKey: 'CUSTOMER#{{customerId}}', indexes: {} }, sampleCount: 2 },
        {
          id: 'ent-order',
          name: 'Order',
          attributes: [{ id: 'o1', name: 'customerId', type: 'S', required: true, generator: { kind: 'reference', relationship: 'r', attribute: 'customerId' } }],
          relationships: [{ id: 'r', name: 'customer', target: 'ent-customer', cardinality: 'many-to-one', foreignKeys: [{ attribute: 'customerId', targetAttribute: 'customerId' }] }],
          keys: { partitionKey: 'CUSTOMER#{{customerId}}', indexes: {} },
          sampleCount: 2,
        },
      ],
      accessPatterns: [{ id: 'ap-orders', name: 'Orders', operation: 'Query', entity: 'ent-order', parameters: [], request: { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' } } } }],
    };
    const orders = [sized('ent-order', 'CUSTOMER#1', 1000), sized('ent-order', 'CUSTOMER#2', 1000)];
    const inputs = traffic({ itemCounts: { 'ent-customer': 1000, 'ent-order': 20_000 }, rates: { 'ap-orders': 1 } });
    const [orderQuery] = estimateCost(shop, orders, inputs).patterns;
    // 20 orders of 1,000 B, eventually consistent: 20,000 B is 5 read units, halved.
    expect(orderQuery).toMatchObject({ itemsPerCall: 20, defaultItemsPerCall: 20, readUnitsPerCall: 2.5 });
    const [typed] = estimateCost(shop, orders, { ...inputs, itemsPerCall: { 'ap-orders': 4 } }).patterns;
    expect(typed).toMatchObject({ itemsPerCall: 4, defaultItemsPerCall: 20, readUnitsPerCall: 0.5 });
  });

  it('charges two index writes when an update changes an index key, and splits index writes out', () => {
    const indexed: DesignModel = {
      ...model(),
      entities: [{ ...model().entities[0]!, attributes: [{ id: 'e', name: 'email', type: 'S', required: true, generator: { kind: 'email' } }] }],
      accessPatterns: [
        { id: 'ap-move', name: 'Change email', operation: 'UpdateItem', entity: 'ent-a', parameters: [], request: { Key: { PK: { S: 'A#{{id}}' }, SK: { S: 'A' } }, UpdateExpression: 'SET email = :e', ExpressionAttributeValues: { ':e': { S: 'x' } } } },
        { id: 'ap-touch', name: 'Change data', operation: 'UpdateItem', entity: 'ent-a', parameters: [], request: { Key: { PK: { S: 'A#{{id}}' }, SK: { S: 'A' } }, UpdateExpression: 'SET #d = :d', ExpressionAttributeNames: { '#d': 'data' }, ExpressionAttributeValues: { ':d': { S: 'x' } } } },
      ],
    };
    const cost = estimateCost(indexed, samples, inputs({ rates: { 'ap-move': 1, 'ap-touch': 1 } }));
    const [move, touch] = cost.patterns;
    // Half the items are in the GSI, each entry 1 unit: 0.5 index units, doubled when the key moves.
    expect(touch).toMatchObject({ writeUnitsPerCall: 1.5, indexWriteUnitsPerCall: 0.5 });
    expect(move).toMatchObject({ writeUnitsPerCall: 2, indexWriteUnitsPerCall: 1 });
    expect(cost.onDemand.components.indexWrites).toBeCloseTo((1.5 * MONTH * 0.625) / 1e6, 6);
  });

  it('prices the Standard-IA class with its own prices, and stream reads apart', () => {
    const standard = estimateCost(model(), samples, inputs());
    const ia = estimateCost(model(), samples, inputs({ tableClass: 'STANDARD_INFREQUENT_ACCESS', streamReadsPerSecond: 10 }));
    expect(ia.tableClass).toBe('STANDARD_INFREQUENT_ACCESS');
    expect(ia.onDemand.storage).toBeCloseTo((standard.onDemand.storage * DEFAULT_PRICES.iaStorageGbMonth) / DEFAULT_PRICES.storageGbMonth, 10);
    expect(ia.onDemand.reads).toBeCloseTo((standard.onDemand.reads * DEFAULT_PRICES.iaReadRequestUnitsPerMillion) / DEFAULT_PRICES.readRequestUnitsPerMillion, 10);
    expect(ia.onDemand.streams).toBeCloseTo((10 * MONTH * 0.2) / 1e6, 6);
    expect(ia.provisioned.total).toBeCloseTo(ia.provisioned.throughput + ia.provisioned.storage + ia.provisioned.streams, 10);
  });
});

describe('costCurve', () => {
  it('finds where provisioned becomes cheaper than on demand, and draws both lines past it', () => {
    const inputs: CostInputs = { itemCounts: {}, rates: { 'ap-get': 1 }, targetUtilization: 0.7, prices: DEFAULT_PRICES };
    const plan = planCost(model(), samples, inputs);
    const curve = costCurve(plan, inputs);
    if (!curve?.crossover) throw new Error('no crossover');
    const at = (rps: number) => priceCost(plan, inputs, rps);
    expect(at(curve.crossover * 0.98).cheaper).toBe('onDemand');
    expect(at(curve.crossover * 1.02).cheaper).toBe('provisioned');
    expect(curve.points[0]?.requestsPerSecond).toBe(0);
    expect(curve.points.at(-1)?.requestsPerSecond).toBeGreaterThan(curve.crossover);
    expect(curve.current).toBe(1);
  });

  it('has nothing to draw without traffic', () => {
    const inputs: CostInputs = { itemCounts: {}, rates: {}, targetUtilization: 0.7, prices: DEFAULT_PRICES };
    expect(costCurve(planCost(model(), samples, inputs), inputs)).toBeUndefined();
  });
});
