import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
  type ScanCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';
import { socialTable } from './testing/tables';

type Item = Record<string, AttributeValue>;

let oracle: Oracle;
let table: string;

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  table = oracle.table('scan');
  await same(oracle, CreateTableCommand, socialTable(table));
  for (let batch = 0; batch < 4; batch++) {
    const writes: WriteRequest[] = [];
    for (let i = 0; i < 25; i++) {
      const n = batch * 25 + i;
      const item: Item = { PK: { S: `USER#${n % 9}` }, SK: { S: `POST#${String(n).padStart(3, '0')}` }, likes: { N: String(n) }, title: { S: `t${n}` } };
      if (n % 4 === 0) Object.assign(item, { GSI1PK: { S: `G#${n % 3}` }, GSI1SK: { S: String(n).padStart(3, '0') } });
      writes.push({ PutRequest: { Item: item } });
    }
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: writes }, ReturnConsumedCapacity: 'INDEXES' });
  }
});

/** Pages a Scan on both sides, comparing every page in order; returns the engine's items. */
async function scanAll(input: ScanCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = output<{ Items?: Item[]; LastEvaluatedKey?: Item }>(await same(oracle, ScanCommand, { ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('Scan', () => {
  it('returns the whole table in order, with counts and capacity', async () => {
    await same(oracle, ScanCommand, { TableName: table, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, ScanCommand, { TableName: table, Select: 'COUNT', ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: 'likes BETWEEN :a AND :b', ExpressionAttributeValues: { ':a': { N: '10' }, ':b': { N: '20' } }, ReturnConsumedCapacity: 'TOTAL' });
  });

  it('scans sparse indexes with their projections', async () => {
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'GSI1', ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'GSI2' });
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'LSI1', Select: 'COUNT' });
  });

  it('pages with Limit and ExclusiveStartKey to the same pages', async () => {
    expect(await scanAll({ TableName: table, Limit: 7 })).toHaveLength(100);
    await scanAll({ TableName: table, IndexName: 'GSI1', Limit: 4 });
    await scanAll({ TableName: table, Limit: 10, FilterExpression: 'likes < :n', ExpressionAttributeValues: { ':n': { N: '30' } } });
  });

  it('splits a parallel scan into segments that together cover the table once', async () => {
    const all: Item[] = [];
    for (let segment = 0; segment < 4; segment++) {
      all.push(...(await scanAll({ TableName: table, Segment: segment, TotalSegments: 4, Limit: 6 })));
    }
    const keys = all.map((item) => `${item.PK?.S}|${item.SK?.S}`);
    expect(new Set(keys).size).toBe(100);
    expect(keys).toHaveLength(100);
  });

  it.each<[string, Partial<ScanCommandInput>]>([
    ['Limit 0', { Limit: 0 }],
    ['a segment without total', { Segment: 1 }],
    ['a total without segment', { TotalSegments: 2 }],
    ['a segment past the total', { Segment: 2, TotalSegments: 2 }],
    ['too many segments', { Segment: 0, TotalSegments: 1_000_001 }],
    ['an unknown Select', { Select: 'NOPE' as never }],
    ['ALL_PROJECTED_ATTRIBUTES on the table', { Select: 'ALL_PROJECTED_ATTRIBUTES' }],
    ['a start key of the wrong size', { ExclusiveStartKey: { PK: { S: 'USER#1' } } }],
    ['a missing index', { IndexName: 'Nope' }],
    ['ConsistentRead on a GSI', { IndexName: 'GSI1', ConsistentRead: true }],
    ['a missing table', { TableName: 'nope-nope' }],
    ['a missing table before Limit 0', { TableName: 'nope-nope', Limit: 0 }],
    ['a missing index before Limit 0', { IndexName: 'Nope', Limit: 0 }],
    ['Limit 0 before a bad Select and segment', { Limit: 0, Select: 'ALL_PROJECTED_ATTRIBUTES', Segment: 1, TotalSegments: 1 }],
    ['ALL_PROJECTED_ATTRIBUTES on the table before a bad segment', { Select: 'ALL_PROJECTED_ATTRIBUTES', Segment: 1, TotalSegments: 1 }],
  ])('rejects %s with the same error', async (_label, patch) => {
    await same(oracle, ScanCommand, { TableName: table, ...patch });
  });
});

describe('Scan of a KEYS_ONLY LSI', () => {
  it('filters on attributes the index does not project and still returns the index entries', async () => {
    const name = oracle.table('lsiscan');
    await same(oracle, CreateTableCommand, {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }, { AttributeName: 'n', AttributeType: 'N' }],
      LocalSecondaryIndexes: [{ IndexName: 'ByN', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'n', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    });
    for (let i = 0; i < 6; i++) {
      await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { S: `p${i % 2}` }, sk: { S: `s${i}` }, n: { N: String(i) }, a: { S: i % 3 === 0 ? 'yes' : 'no' }, b: { S: 'more' } } });
    }
    const filter = { FilterExpression: 'a = :v', ExpressionAttributeValues: { ':v': { S: 'yes' } } };
    await same(oracle, ScanCommand, { TableName: name, IndexName: 'ByN', ...filter });
    await same(oracle, ScanCommand, { TableName: name, IndexName: 'ByN', ...filter, Select: 'ALL_PROJECTED_ATTRIBUTES' });
    await same(oracle, ScanCommand, { TableName: name, IndexName: 'ByN', ...filter, Select: 'COUNT' });
  });
});

describe('BatchGetItem', () => {
  it('reads several tables with projections and per-table capacity', async () => {
    const other = oracle.table('other');
    await same(oracle, CreateTableCommand, { ...socialTable(other), GlobalSecondaryIndexes: undefined, LocalSecondaryIndexes: undefined, AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }, { AttributeName: 'SK', AttributeType: 'S' }] });
    await same(
      oracle,
      BatchGetItemCommand,
      {
        RequestItems: {
          [table]: { Keys: [0, 1, 2, 50, 99].map((n) => ({ PK: { S: `USER#${n % 9}` }, SK: { S: `POST#${String(n).padStart(3, '0')}` } })).concat([{ PK: { S: 'none' }, SK: { S: 'none' } }]), ProjectionExpression: 'title, #l', ExpressionAttributeNames: { '#l': 'likes' } },
          [other]: { Keys: [{ PK: { S: 'a' }, SK: { S: 'b' } }], ConsistentRead: true },
        },
        ReturnConsumedCapacity: 'INDEXES',
      },
      { unordered: true },
    );
  });

  it.each<[string, () => Record<string, unknown>]>([
    ['no requests', () => ({})],
    ['an empty key list', () => ({ [table]: { Keys: [] } })],
    ['duplicate keys', () => ({ [table]: { Keys: [{ PK: { S: 'a' }, SK: { S: 'b' } }, { PK: { S: 'a' }, SK: { S: 'b' } }] } })],
    ['101 keys', () => ({ [table]: { Keys: Array.from({ length: 101 }, (_, i) => ({ PK: { S: 'a' }, SK: { S: String(i) } })) } })],
    ['a missing table', () => ({ 'nope-nope': { Keys: [{ PK: { S: 'a' } }] } })],
    ['a partial key', () => ({ [table]: { Keys: [{ PK: { S: 'a' } }] } })],
  ])('rejects %s with the same error', async (_label, requestItems) => {
    await same(oracle, BatchGetItemCommand, { RequestItems: requestItems() as never });
  });
});

describe('BatchWriteItem', () => {
  it('puts and deletes across tables with capacity per table', async () => {
    const first = output(await same(oracle, BatchWriteItemCommand, {
      RequestItems: {
        [table]: [
          { PutRequest: { Item: { PK: { S: 'USER#new' }, SK: { S: 'POST#1' }, GSI1PK: { S: 'G#new' }, GSI1SK: { S: '1' }, likes: { N: '1' } } } },
          { DeleteRequest: { Key: { PK: { S: 'USER#0' }, SK: { S: 'POST#000' } } } },
          { DeleteRequest: { Key: { PK: { S: 'USER#none' }, SK: { S: 'POST#000' } } } },
        ],
      },
      ReturnConsumedCapacity: 'INDEXES',
      ReturnItemCollectionMetrics: 'SIZE',
    }));
    expect(first).toHaveProperty('UnprocessedItems', {});
    await same(oracle, ScanCommand, { TableName: table, Select: 'COUNT' });
  });

  it.each<[string, () => Record<string, unknown>]>([
    ['no requests', () => ({})],
    ['an empty list', () => ({ [table]: [] })],
    ['26 writes', () => ({ [table]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { PK: { S: 'a' }, SK: { S: String(i) } } } })) })],
    ['a put and delete of one key', () => ({ [table]: [{ PutRequest: { Item: { PK: { S: 'a' }, SK: { S: 'b' } } } }, { DeleteRequest: { Key: { PK: { S: 'a' }, SK: { S: 'b' } } } }] })],
    ['a request with both actions', () => ({ [table]: [{ PutRequest: { Item: { PK: { S: 'a' }, SK: { S: 'b' } } }, DeleteRequest: { Key: { PK: { S: 'a' }, SK: { S: 'b' } } } }] })],
    ['an empty request', () => ({ [table]: [{}] })],
    ['a missing table', () => ({ 'nope-nope': [{ PutRequest: { Item: { PK: { S: 'a' } } } }] })],
    ['an item without its sort key', () => ({ [table]: [{ PutRequest: { Item: { PK: { S: 'a' } } } }] })],
    ['a bad index key after a good write', () => ({ [table]: [{ PutRequest: { Item: { PK: { S: 'ok' }, SK: { S: 'ok' } } } }, { PutRequest: { Item: { PK: { S: 'a' }, SK: { S: 'b' }, likes: { S: 'x' } } } }] })],
  ])('rejects %s with the same error and writes nothing', async (_label, requestItems) => {
    await same(oracle, BatchWriteItemCommand, { RequestItems: requestItems() as never });
    await same(oracle, ScanCommand, { TableName: table, Select: 'COUNT' });
  });
});
