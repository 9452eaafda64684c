import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeTableCommand, DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { startTestServer, type TestServer } from '../server/testing/TestServer';
import { defaultModel } from '../model/examples';
import { generateSampleItems } from '../model/sampleData';
import { toCreateTableInput } from '../model/createTableInput';
import type { DesignModel } from '../model/types';
import { DEFAULT_SETTINGS, deployTable, describeFailure, endpointClient, jsonDifferences, parseEndpoint, replaceTable, seedBatches, seedSampleItems, type Sender } from './index';

let server: TestServer;
let run = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

/** A client of its own (tables are kept apart per access key) and the default design. */
function setup(): { client: DynamoDBClient; model: DesignModel } {
  run += 1;
  const client = endpointClient({ ...DEFAULT_SETTINGS, endpoint: server.endpoint, accessKeyId: `connect-${run}` });
  return { client, model: defaultModel() };
}

async function scanAll(client: Sender, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

const noSleep = async () => {};

describe('settings', () => {
  it.each([
    ['', /Enter the endpoint URL/],
    ['not a url', /is not a URL/],
    ['ftp://localhost:8000', /must start with http:\/\/ or https:\/\//],
  ])('refuses the endpoint %j', (text, message) => {
    expect(() => parseEndpoint(text)).toThrow(message);
    expect(() => endpointClient({ ...DEFAULT_SETTINGS, endpoint: text })).toThrow(message);
  });

  it('asks for a region and keys', () => {
    expect(() => endpointClient({ ...DEFAULT_SETTINGS, region: ' ' })).toThrow(/region/);
    expect(() => endpointClient({ ...DEFAULT_SETTINGS, secretAccessKey: '' })).toThrow(/access key ID and secret/);
  });

  it('says the endpoint cannot be reached when nothing listens there', async () => {
    const stopped = await startTestServer();
    await stopped.close();
    const client = endpointClient({ ...DEFAULT_SETTINGS, endpoint: stopped.endpoint });
    const error = await client.send(new DescribeTableCommand({ TableName: 'x' })).catch((e: unknown) => e);
    expect(describeFailure(error, stopped.endpoint)).toMatch(new RegExp(`^Could not reach ${stopped.endpoint} .*running`));
  });
});

describe('deployTable', () => {
  it('creates the design table as toCreateTableInput describes it, then reports it exists', async () => {
    const { client, model } = setup();
    expect(await deployTable(client, model)).toEqual({ status: 'created' });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: model.table.name }));
    const input = toCreateTableInput(model);
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual(input.KeySchema);
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(input.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort());
    expect(await deployTable(client, model)).toEqual({ status: 'exists' });
  });

  it('gives up after the given number of DescribeTable checks', async () => {
    const { client, model } = setup();
    let describes = 0;
    const creating: Sender = {
      send: (async (command: { constructor: unknown }) => {
        if (command instanceof DescribeTableCommand) {
          describes += 1;
          return { Table: { TableStatus: 'CREATING' } };
        }
        return client.send(command as never);
      }) as Sender['send'],
    };
    await expect(deployTable(creating, model, { attempts: 3, sleep: noSleep })).rejects.toThrow(/still CREATING after 3 checks/);
    expect(describes).toBe(3);
  });

  it('replaces an existing table with an empty one', async () => {
    const { client, model } = setup();
    await deployTable(client, model);
    await seedSampleItems(client, model, generateSampleItems(model));
    expect((await scanAll(client, model.table.name)).length).toBeGreaterThan(0);
    await replaceTable(client, model);
    expect(await scanAll(client, model.table.name)).toEqual([]);
  });
});

describe('seedSampleItems', () => {
  it('writes every sample item in batches of at most 25, reporting progress', async () => {
    const { client, model } = setup();
    const samples = generateSampleItems(model);
    expect(samples.length).toBeGreaterThan(25);
    await deployTable(client, model);
    const progress: [number, number][] = [];
    const written = await seedSampleItems(client, model, samples, { onProgress: (w, t) => progress.push([w, t]) });
    expect(written).toBe(samples.length);
    expect(progress[0]).toEqual([0, samples.length]);
    expect(progress[progress.length - 1]).toEqual([samples.length, samples.length]);
    expect(seedBatches(model, samples).every((b) => b.length <= 25)).toBe(true);
    const keys = new Set(samples.map((s) => JSON.stringify([s.item.PK, s.item.SK])));
    expect((await scanAll(client, model.table.name)).length).toBe(keys.size);
  });

  it('starts a new batch when a key repeats, so the later item wins', () => {
    const model = defaultModel();
    const [first, second] = generateSampleItems(model);
    const again = { ...first!, item: { ...first!.item, marker: { S: 'later' } } };
    expect(seedBatches(model, [first!, second!, again]).map((b) => b.length)).toEqual([2, 1]);
  });

  it('resends unprocessed items until all are written', async () => {
    const { client, model } = setup();
    const samples = generateSampleItems(model).slice(0, 25);
    await deployTable(client, model);
    let calls = 0;
    const sleeps: number[] = [];
    // Writes only the first three requests of each call and hands the rest back, as a throttled table does.
    const throttled: Sender = {
      send: (async (command: { input: { RequestItems?: Record<string, unknown[]> } }) => {
        calls += 1;
        const requests = command.input.RequestItems?.[model.table.name] ?? [];
        await client.send(new (command.constructor as never as new (input: unknown) => never)({ RequestItems: { [model.table.name]: requests.slice(0, 3) } }));
        return { UnprocessedItems: requests.length > 3 ? { [model.table.name]: requests.slice(3) } : {} };
      }) as Sender['send'],
    };
    expect(await seedSampleItems(throttled, model, samples, { retries: 20, sleep: async (ms) => void sleeps.push(ms) })).toBe(25);
    expect(calls).toBe(9);
    expect(sleeps.slice(0, 3)).toEqual([100, 200, 400]);
    expect((await scanAll(client, model.table.name)).length).toBe(25);
  });

  it('fails with a count when items stay unprocessed', async () => {
    const { model } = setup();
    const stuck: Sender = {
      send: (async (command: { input: { RequestItems?: Record<string, unknown[]> } }) => ({ UnprocessedItems: command.input.RequestItems })) as Sender['send'],
    };
    await expect(seedSampleItems(stuck, model, generateSampleItems(model).slice(0, 5), { retries: 2, sleep: noSleep })).rejects.toThrow(
      '5 items stayed unprocessed after 2 retries; 0 of 5 were written.',
    );
  });
});

describe('jsonDifferences', () => {
  it('names the paths that differ, first ones first', () => {
    const engine = { items: [{ SK: { S: 'A' } }, { SK: { S: 'B' } }], count: 2 };
    const endpoint = { items: [{ SK: { S: 'A' } }], count: 1 };
    expect(jsonDifferences(engine, endpoint)).toEqual([
      { path: 'items[1]', engine: '{"SK":{"S":"B"}}' },
      { path: 'count', engine: '2', endpoint: '1' },
    ]);
    expect(jsonDifferences(engine, endpoint, 1)).toHaveLength(1);
  });

  it('finds none in equal values whatever the key order', () => {
    expect(jsonDifferences({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual([]);
  });
});
