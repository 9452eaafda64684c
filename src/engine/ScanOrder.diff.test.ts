// Item order of Scan (table, GSI, LSI), its pages and parallel-scan segments, and the order of
// index entries that share an index key, all compared in order with DynamoDB Local.
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type CreateTableCommandInput,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { canonical, createOracle, output, same, type Oracle } from './testing/differential';

type Item = Record<string, AttributeValue>;
type KeyType = 'S' | 'N' | 'B';

let oracle: Oracle;

const strings = ['a', 'B', 'aa', 'a b', 'é', 'z', '\u00ff', '\u0800', '\ue000', '\uffff', '😀', '𝄞', '0', '~', 'A#1', 'A#10', 'A#2', 'USER#1', 'USER#2', 'USER#10'];
const numbers = ['-1e10', '-100', '-99.99', '-1', '-0.5', '-0.001', '0', '0.001', '1', '1.5', '2', '10', '99.99', '100', '1e100', '-1e-100', '12345678901234567890123456789012345678', '-12345678901234567890123456789012345678'];
const binaries = [[0], [0, 0], [1], [127], [128], [255], [255, 0], [1, 2, 3], [0x80, 0x01], [7, 7, 7, 7]];

const keyValues: Record<KeyType, AttributeValue[]> = {
  S: strings.map((S) => ({ S })),
  N: numbers.map((N) => ({ N })),
  B: binaries.map((bytes) => ({ B: new Uint8Array(bytes) })),
};

function table(name: string, hash: KeyType, range?: KeyType, extra: Partial<CreateTableCommandInput> = {}): CreateTableCommandInput {
  const definitions = [{ AttributeName: 'pk', AttributeType: hash }, ...(range ? [{ AttributeName: 'sk', AttributeType: range }] : [])];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, ...(range ? [{ AttributeName: 'sk', KeyType: 'RANGE' as const }] : [])],
    ...extra,
    AttributeDefinitions: [...definitions, ...(extra.AttributeDefinitions ?? [])],
  };
}

function index(IndexName: string, hash: string, range?: string) {
  return {
    IndexName,
    KeySchema: [{ AttributeName: hash, KeyType: 'HASH' as const }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : [])],
    Projection: { ProjectionType: 'ALL' as const },
  };
}

async function load(name: string, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [name]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } });
  }
}

/** Follows LastEvaluatedKey on both sides, comparing every page in order; returns the engine's items. */
async function pages(Command: typeof ScanCommand | typeof QueryCommand, input: ScanCommandInput | QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  let count = 0;
  do {
    const page = output<{ Items?: Item[]; LastEvaluatedKey?: Item }>(await same(oracle, Command as typeof ScanCommand, { ...input, ExclusiveStartKey: start } as ScanCommandInput));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    count++;
  } while (start && count < 500);
  return items;
}

const scanPages = (input: ScanCommandInput) => pages(ScanCommand, input);
const queryPages = (input: QueryCommandInput) => pages(QueryCommand, input);

/** Every segment compared with Local, and together they hold each item exactly once. */
async function parallelScan(input: ScanCommandInput, total: number, expected: number, Limit?: number): Promise<void> {
  const seen: string[] = [];
  for (let Segment = 0; Segment < total; Segment++) {
    for (const item of await scanPages({ ...input, Segment, TotalSegments: total, Limit })) seen.push(canonical(item));
  }
  expect(seen).toHaveLength(expected);
  expect(new Set(seen).size).toBe(expected);
}

beforeAll(() => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
});

describe('Scan order of a table', () => {
  it.each<KeyType>(['S', 'N', 'B'])('walks %s partition keys in DynamoDB Local order, whole and in pages', async (type) => {
    const name = oracle.table(`hash-${type}`);
    await same(oracle, CreateTableCommand, table(name, type));
    const items = keyValues[type].map((pk, i) => ({ pk, n: { N: String(i) } }));
    await load(name, items);
    expect(await scanPages({ TableName: name })).toHaveLength(items.length);
    for (const Limit of [1, 2, 5]) await scanPages({ TableName: name, Limit, ReturnConsumedCapacity: 'TOTAL' });
    await scanPages({ TableName: name, Limit: 3, FilterExpression: 'n > :n', ExpressionAttributeValues: { ':n': { N: '4' } } });
  });

  it.each<[KeyType, KeyType]>([
    ['S', 'S'],
    ['N', 'N'],
    ['B', 'N'],
    ['S', 'B'],
  ])('walks %s partitions with %s sort keys, each partition in sort order', async (hash, range) => {
    const name = oracle.table(`range-${hash}${range}`);
    await same(oracle, CreateTableCommand, table(name, hash, range));
    const items: Item[] = [];
    keyValues[hash].slice(0, 8).forEach((pk, p) => {
      for (const sk of keyValues[range].slice(p % 3, (p % 3) + 4)) items.push({ pk, sk });
    });
    await load(name, items);
    expect(await scanPages({ TableName: name })).toHaveLength(items.length);
    for (const Limit of [1, 3, 4]) await scanPages({ TableName: name, Limit });
  });

  it('returns the page DynamoDB Local returns for binary keys (C20)', async () => {
    const name = oracle.table('c20');
    await same(oracle, CreateTableCommand, table(name, 'B'));
    for (const bytes of [[0, 0], [1, 2, 3], [255, 0]]) await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { B: new Uint8Array(bytes) } } });
    const page = output<{ LastEvaluatedKey?: Item }>(await same(oracle, ScanCommand, { TableName: name, Limit: 2 }));
    expect(page.LastEvaluatedKey?.pk).toEqual({ B: new Uint8Array([255, 0]) });
  });
});

describe('Parallel scan segments', () => {
  it.each<KeyType>(['S', 'N', 'B'])('puts every %s partition in the segment DynamoDB Local puts it in', async (type) => {
    const name = oracle.table(`segments-${type}`);
    await same(oracle, CreateTableCommand, table(name, type, 'N'));
    const items = keyValues[type].flatMap((pk) => [{ pk, sk: { N: '1' } }, { pk, sk: { N: '2' } }]);
    await load(name, items);
    for (const total of [1, 2, 3, 4, 7]) await parallelScan({ TableName: name }, total, items.length);
    await parallelScan({ TableName: name }, 3, items.length, 3);
  });

  it('finds the item DynamoDB Local finds in segment 0 of 4 (C22)', async () => {
    const name = oracle.table('c22');
    await same(oracle, CreateTableCommand, table(name, 'B', 'N'));
    await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { B: new Uint8Array([255]) }, sk: { N: '1' } } });
    const page = output<{ Count?: number }>(await same(oracle, ScanCommand, { TableName: name, Segment: 0, TotalSegments: 4 }));
    expect(page.Count).toBe(1);
  });

  it('rejects an ExclusiveStartKey outside the segment', async () => {
    const name = oracle.table('segment-start');
    await same(oracle, CreateTableCommand, table(name, 'S'));
    await load(name, strings.map((pk) => ({ pk: { S: pk } })));
    for (let Segment = 0; Segment < 4; Segment++) {
      for (const pk of ['a', 'B', '😀', 'USER#1']) await same(oracle, ScanCommand, { TableName: name, Segment, TotalSegments: 4, ExclusiveStartKey: { pk: { S: pk } } });
    }
  });
});

describe('Scan and Query of indexes', () => {
  let name: string;
  const items: Item[] = [];

  beforeAll(async () => {
    name = oracle.table('indexes');
    await same(oracle, CreateTableCommand, table(name, 'S', 'S', {
      AttributeDefinitions: [
        { AttributeName: 'gpk', AttributeType: 'S' },
        { AttributeName: 'gsk', AttributeType: 'S' },
        { AttributeName: 'gn', AttributeType: 'N' },
        { AttributeName: 'gb', AttributeType: 'B' },
        { AttributeName: 'lsk', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        // Neither table key: ties by the hash of both.
        index('byGpk', 'gpk'),
        index('byGpkGsk', 'gpk', 'gsk'),
        // The table's partition key without its sort key: ties by the sort key's hash.
        index('byPkGsk', 'pk', 'gsk'),
        index('byGpkPk', 'gpk', 'pk'),
        // The table's sort key without its partition key: ties by the partition key's hash.
        index('bySk', 'sk'),
        // Both table keys: no ties.
        index('bySkPk', 'sk', 'pk'),
        index('byNumber', 'gn'),
        index('byBinary', 'gb'),
      ],
      LocalSecondaryIndexes: [index('byLsk', 'pk', 'lsk')],
    }));
    strings.slice(0, 10).forEach((pk, p) => {
      ['x', 'y', 'é', '😀', 'A#1'].slice(0, 2 + (p % 4)).forEach((sk, s) => {
        const item: Item = {
          pk: { S: pk },
          sk: { S: sk },
          lsk: { S: `l${s % 2}` },
          gn: { N: numbers[(p + s) % numbers.length] as string },
          gb: { B: new Uint8Array(binaries[(p * 2 + s) % binaries.length] as number[]) },
        };
        if ((p + s) % 5 !== 0) Object.assign(item, { gpk: { S: `g${(p * 3 + s) % 3}` }, gsk: { S: `s${s % 2}` } });
        items.push(item);
      });
    });
    await load(name, items);
  });

  it.each(['byGpk', 'byGpkGsk', 'byPkGsk', 'byGpkPk', 'bySk', 'bySkPk', 'byNumber', 'byBinary', 'byLsk'])('scans %s in order, whole, in pages and in segments', async (IndexName) => {
    const all = await scanPages({ TableName: name, IndexName });
    expect(all.length).toBeGreaterThan(0);
    for (const Limit of [1, 4]) await scanPages({ TableName: name, IndexName, Limit });
    for (const total of [2, 3]) await parallelScan({ TableName: name, IndexName }, total, all.length);
    await parallelScan({ TableName: name, IndexName }, 3, all.length, 2);
  });

  it.each<[string, string, AttributeValue]>([
    ['byGpk', 'gpk', { S: 'g1' }],
    ['byGpkGsk', 'gpk', { S: 'g0' }],
    ['byPkGsk', 'pk', { S: 'a b' }],
    ['byGpkPk', 'gpk', { S: 'g2' }],
    ['bySk', 'sk', { S: 'x' }],
    ['bySkPk', 'sk', { S: 'y' }],
    ['byNumber', 'gn', { N: '2' }],
    ['byLsk', 'pk', { S: 'a b' }],
  ])('queries %s with equal index keys in DynamoDB Local order, both ways and in pages', async (IndexName, key, value) => {
    for (const ScanIndexForward of [true, false]) {
      const input = { TableName: name, IndexName, KeyConditionExpression: '#k = :v', ExpressionAttributeNames: { '#k': key }, ExpressionAttributeValues: { ':v': value }, ScanIndexForward };
      expect((await queryPages(input)).length).toBeGreaterThan(1);
      for (const Limit of [1, 2]) await queryPages({ ...input, Limit });
    }
  });

  it('resumes a GSI Query after a start key of no stored item (C34)', async () => {
    for (const pk of ['a', 'aa', 'é', 'zz', '\uffff']) {
      for (const ScanIndexForward of [true, false]) {
        await same(oracle, QueryCommand, {
          TableName: name,
          IndexName: 'byGpk',
          KeyConditionExpression: 'gpk = :g',
          ExpressionAttributeValues: { ':g': { S: 'g1' } },
          ExclusiveStartKey: { pk: { S: pk }, sk: { S: 'x' }, gpk: { S: 'g1' } },
          ScanIndexForward,
        });
      }
    }
  });
});

describe('Equal index keys on a table without sort key (C34)', () => {
  it('orders them by the partition key hash, forward, backward and after a start key', async () => {
    const name = oracle.table('c34');
    await same(oracle, CreateTableCommand, table(name, 'S', undefined, {
      AttributeDefinitions: [{ AttributeName: 'gpk', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [index('gsi0', 'gpk')],
    }));
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [name]: [{ PutRequest: { Item: { pk: { S: '\uffff' }, gpk: { S: 'ab' } } } }] } });
    await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { S: 'B' }, gpk: { S: 'ab' } } });
    await load(name, ['😀', 'ab', 'a', 'é', 'z'].map((pk) => ({ pk: { S: pk }, gpk: { S: 'b' } })));
    for (const ScanIndexForward of [true, false]) {
      for (const gpk of ['ab', 'b']) {
        await queryPages({ TableName: name, IndexName: 'gsi0', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: gpk } }, ScanIndexForward, Limit: 1 });
      }
      await same(oracle, QueryCommand, { TableName: name, IndexName: 'gsi0', KeyConditionExpression: 'gpk = :g', ExpressionAttributeValues: { ':g': { S: 'b' } }, ExclusiveStartKey: { pk: { S: 'ab' }, gpk: { S: 'b' } }, ScanIndexForward });
    }
    await scanPages({ TableName: name, IndexName: 'gsi0', Limit: 2 });
  });
});
