// Where DynamoDB Local checks parts of a request that the service refuses on their own: a Query
// filter on a key attribute (after the key condition's values and the start key, before index
// projections and Select), and ReturnConsumedCapacity values outside the enum, which Local
// never refuses but reads differently per action; the order BatchWriteItem reads its tables in;
// and which key attribute read below its top level is named.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type QueryCommandInput,
  type ReturnConsumedCapacity,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';

type Item = Record<string, AttributeValue>;

let oracle: Oracle;
/** pk S + sk S, GSI `gsi` (gpk S, gsk S) and LSI `lsi` (pk, lsk S), both projecting ALL. */
let table: string;

const S = (text: string): AttributeValue => ({ S: text });
const item: Item = { pk: S('a'), sk: S('b'), gpk: S('g'), gsk: S('h'), lsk: S('l'), other: S('o') };
const key: Item = { pk: S('a'), sk: S('b') };

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  table = oracle.table('order');
  const schema = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: 'HASH' as const },
    { AttributeName: range, KeyType: 'RANGE' as const },
  ];
  await same(oracle, CreateTableCommand, {
    TableName: table,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: schema('pk', 'sk'),
    AttributeDefinitions: ['pk', 'sk', 'gpk', 'gsk', 'lsk'].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: schema('gpk', 'gsk'), Projection: { ProjectionType: 'ALL' } }],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: schema('pk', 'lsk'), Projection: { ProjectionType: 'ALL' } }],
  });
  await same(oracle, PutItemCommand, { TableName: table, Item: item });
});

describe('Query with a filter on a key attribute', () => {
  const query = (index: string | undefined, keyCondition: string, filter: string, values: Record<string, string>, extra: Partial<QueryCommandInput> = {}): QueryCommandInput => ({
    TableName: table,
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: keyCondition,
    FilterExpression: filter,
    ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, text]) => [name, S(text)])),
    ...extra,
  });

  it('names the partition key when the filter reads both key attributes, whatever their order', async () => {
    await same(oracle, QueryCommand, query(undefined, 'pk = :p', 'sk = :x AND pk = :x', { ':p': 'a', ':x': 'b' }));
    await same(oracle, QueryCommand, query('gsi', 'gpk = :p', 'gsk BETWEEN pk AND :x AND gpk = :x', { ':p': 'g', ':x': 'b' }));
    await same(oracle, QueryCommand, query('lsi', 'pk = :p', 'lsk = :x OR pk = :x', { ':p': 'a', ':x': 'b' }));
  });

  it('refuses empty key condition values first', async () => {
    await same(oracle, QueryCommand, query(undefined, 'pk = :e', 'sk = :x', { ':e': '', ':x': 'b' }));
    await same(oracle, QueryCommand, query(undefined, 'pk = :p AND sk > :e', 'sk = :x', { ':p': 'a', ':e': '', ':x': 'b' }));
    await same(oracle, QueryCommand, query('gsi', 'gpk = :e', 'gsk = :x', { ':e': '', ':x': 'h' }));
    await same(oracle, QueryCommand, query('lsi', 'pk = :p AND lsk > :e', 'lsk = :x', { ':p': 'a', ':e': '', ':x': 'l' }));
  });

  it('refuses a bad start key first, also one outside the key condition', async () => {
    await same(oracle, QueryCommand, query(undefined, 'pk = :p', 'sk = :x', { ':p': 'a', ':x': 'b' }, { ExclusiveStartKey: { pk: S('a') } }));
    await same(oracle, QueryCommand, query(undefined, 'pk = :p', 'pk = :x', { ':p': 'a', ':x': 'b' }, { ExclusiveStartKey: { ...key, z: S('q') } }));
    await same(oracle, QueryCommand, query(undefined, 'pk = :p', 'sk = :x', { ':p': 'a', ':x': 'b' }, { ExclusiveStartKey: { pk: S('z'), sk: S('b') } }));
    await same(oracle, QueryCommand, query(undefined, 'pk = :p AND sk > :q', 'sk = :x', { ':p': 'a', ':q': 'm', ':x': 'b' }, { ExclusiveStartKey: key }));
    await same(oracle, QueryCommand, query('gsi', 'gpk = :p', 'gsk = :x', { ':p': 'g', ':x': 'h' }, { ExclusiveStartKey: { gpk: S('g') } }));
    await same(oracle, QueryCommand, query('gsi', 'gpk = :p AND gsk > :q', 'gsk = :x', { ':p': 'g', ':q': 'm', ':x': 'h' }, { ExclusiveStartKey: { ...key, gpk: S('g'), gsk: S('h') } }));
    await same(oracle, QueryCommand, query('lsi', 'pk = :p', 'lsk = :x', { ':p': 'a', ':x': 'l' }, { ExclusiveStartKey: { pk: S('a'), lsk: S('l') } }));
    await same(oracle, QueryCommand, query('lsi', 'pk = :p AND lsk > :q', 'lsk = :x', { ':p': 'a', ':q': 'm', ':x': 'l' }, { ExclusiveStartKey: { ...key, lsk: S('l') } }));
  });

  it('words the legacy QueryFilter the same way, in the same place', async () => {
    const eq = (text: string) => ({ ComparisonOperator: 'EQ' as const, AttributeValueList: [S(text)] });
    await same(oracle, QueryCommand, { TableName: table, KeyConditions: { pk: eq('') }, QueryFilter: { sk: eq('b') } });
    await same(oracle, QueryCommand, { TableName: table, KeyConditions: { pk: eq('a') }, QueryFilter: { sk: eq('b') }, ExclusiveStartKey: { pk: S('a') } });
  });
});

describe('ReturnConsumedCapacity outside the enum', () => {
  // The SDK sends whatever it is given; the values are cast past its enum type.
  const values = ['X', 'total', 'Indexes', 'none', '', 5].map((value) => value as ReturnConsumedCapacity);

  it('is read as INDEXES by GetItem, TransactGetItems and Scan of a table, as the bare total by Scan of an index', async () => {
    for (const ReturnConsumedCapacity of values) {
      await same(oracle, GetItemCommand, { TableName: table, Key: key, ReturnConsumedCapacity });
      await same(oracle, TransactGetItemsCommand, { TransactItems: [{ Get: { TableName: table, Key: key } }], ReturnConsumedCapacity });
      await same(oracle, ScanCommand, { TableName: table, ReturnConsumedCapacity });
      await same(oracle, ScanCommand, { TableName: table, IndexName: 'gsi', ReturnConsumedCapacity });
      await same(oracle, ScanCommand, { TableName: table, IndexName: 'lsi', ReturnConsumedCapacity });
    }
  });

  it('is read the same way by Query, which takes only the exact names', async () => {
    const query = (IndexName: string | undefined, keyCondition: string, value: string): QueryCommandInput => ({
      TableName: table,
      IndexName,
      KeyConditionExpression: keyCondition,
      ExpressionAttributeValues: { ':p': S(value) },
    });
    for (const ReturnConsumedCapacity of values) {
      await same(oracle, QueryCommand, { ...query(undefined, 'pk = :p', 'a'), ReturnConsumedCapacity });
      await same(oracle, QueryCommand, { ...query('gsi', 'gpk = :p', 'g'), ReturnConsumedCapacity });
      await same(oracle, QueryCommand, { ...query('gsi', 'gpk = :p', 'nothing'), ReturnConsumedCapacity });
      await same(oracle, QueryCommand, { ...query('lsi', 'pk = :p', 'a'), ReturnConsumedCapacity });
    }
  });

  it('is read as NONE by the single writes, BatchGetItem and BatchWriteItem', async () => {
    for (const ReturnConsumedCapacity of values) {
      await same(oracle, PutItemCommand, { TableName: table, Item: item, ReturnConsumedCapacity });
      await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET other = :o', ExpressionAttributeValues: { ':o': S('p') }, ReturnConsumedCapacity });
      await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnConsumedCapacity });
      await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: [{ PutRequest: { Item: item } }] }, ReturnConsumedCapacity });
      await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [key] } }, ReturnConsumedCapacity });
    }
  });

  it('gets an empty report from TransactWriteItems', async () => {
    for (const ReturnConsumedCapacity of values) {
      await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Put: { TableName: table, Item: item } }], ReturnConsumedCapacity });
    }
  });
});

describe('BatchWriteItem read table by table', () => {
  const puts = (count: number, badAt?: number) =>
    Array.from({ length: count }, (_, i) => ({ PutRequest: { Item: { ...key, sk: S(`s${i}`), ...(i === badAt ? { n: { N: 'abc' } } : {}) } } }));

  it('stops at the first empty list, malformed request, 26th request or bad value, and checks table names after', async () => {
    const cases: Record<string, unknown[]>[] = [
      { [table]: puts(26, 25) },
      { [table]: puts(26), nosuch: [] },
      { nosuch: [], [table]: puts(26) },
      { [table]: puts(20), nosuch: puts(6, 5) },
      { [table]: puts(20), nosuch: puts(6, 4) },
      { x: puts(26) },
      { x: [] },
      { x: puts(1), [table]: [] },
      { [table]: [...puts(25), {}] },
      { [table]: [{}], nosuch: [] },
      { nosuch: [], [table]: [{}] },
    ];
    for (const RequestItems of cases) await same(oracle, BatchWriteItemCommand, { RequestItems: RequestItems as never });
  });
});

describe('Key attributes read below their top level', () => {
  it('are reported in key schema order, whatever the order of the paths', async () => {
    await same(oracle, ScanCommand, { TableName: table, ProjectionExpression: 'sk.x, pk.y' });
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'gsi', FilterExpression: 'attribute_exists(gsk.x) AND attribute_exists(gpk.y)' });
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ProjectionExpression: 'gsk.x, lsk[0], gpk.y' });
    await same(oracle, PutItemCommand, { TableName: table, Item: item, ConditionExpression: 'attribute_exists(sk.x) AND attribute_exists(pk.y)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET gsk.x = :v, gpk.y = :v', ExpressionAttributeValues: { ':v': S('v') } });
  });
});
