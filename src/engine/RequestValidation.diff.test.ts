// The order in which DynamoDB Local validates a request's parts: expression parameters, items,
// key attributes inside expressions, conditions and key updates.
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
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';
import { socialTable } from './testing/tables';

let oracle: Oracle;
let table: string;
const key: Record<string, AttributeValue> = { PK: { S: 'USER#v' }, SK: { S: 'PROFILE' } };
beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  table = oracle.table('validation');
  await same(oracle, CreateTableCommand, socialTable(table));
  await same(oracle, PutItemCommand, { TableName: table, Item: { ...key, name: { S: 'v' } } });
});

describe('ExpressionAttributeNames and ExpressionAttributeValues without expressions', () => {
  it('accepts empty maps when no expression uses them', async () => {
    await same(oracle, PutItemCommand, { TableName: table, Item: key, ExpressionAttributeValues: {} });
    await same(oracle, PutItemCommand, { TableName: table, Item: key, ExpressionAttributeNames: {} });
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ExpressionAttributeNames: {} });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, ExpressionAttributeValues: {} });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnValues: 'NONE', ExpressionAttributeNames: {} });
    await same(oracle, PutItemCommand, { TableName: table, Item: key });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnValues: 'ALL_OLD', ExpressionAttributeValues: {} });
    await same(oracle, ScanCommand, { TableName: table, Limit: 1, Segment: 2, TotalSegments: 3, ExpressionAttributeValues: {} });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: {} });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': { S: 'x' } }, ExpressionAttributeNames: {} });
  });

  it('refuses an empty map once any expression is given, even one that cannot use it', async () => {
    await same(oracle, ScanCommand, { TableName: table, ProjectionExpression: 'a', ExpressionAttributeValues: {} });
    await same(oracle, ScanCommand, { TableName: table, ProjectionExpression: '', ExpressionAttributeValues: {} });
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: '', ExpressionAttributeValues: {} });
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ProjectionExpression: 'a', ExpressionAttributeValues: {} });
  });

  it('refuses unused ones before looking at items and keys', async () => {
    const badItem = { ...key, ns: { NS: ['1', 'x'] } };
    await same(oracle, PutItemCommand, { TableName: table, Item: badItem, ExpressionAttributeNames: { '#unused': 'x' } });
    await same(oracle, PutItemCommand, { TableName: table, Item: badItem, ExpressionAttributeValues: { ':unused': { S: 'x' } } });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: { PK: { S: 'a' }, SK: { N: 'x' } }, ExpressionAttributeNames: { '#unused': 'x' } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: { PK: { S: 'a' }, SK: { N: 'x' } }, ExpressionAttributeValues: { ':unused': { S: 'x' } } });
  });

  it('counts an empty expression as absent for values, not for names', async () => {
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: '', ExpressionAttributeValues: { ':v0': { N: '1.5' } } });
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: '', ExpressionAttributeNames: { '#a': 'a' } });
    await same(oracle, ScanCommand, { TableName: table, ProjectionExpression: '', ExpressionAttributeNames: { '#a': 'a' } });
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: '' });
    await same(oracle, PutItemCommand, { TableName: table, Item: key, ConditionExpression: '', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ConditionExpression: '', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: '', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: '', ExpressionAttributeValues: { ':v': { S: 'x' } } });
  });
});

describe('Key attributes inside expressions', () => {
  const scalars = 'refuses paths into table and index key attributes, named directly or through #names';
  it(scalars, async () => {
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ProjectionExpression: '#n0[1]', ExpressionAttributeNames: { '#n0': 'PK' } });
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ProjectionExpression: 'a, GSI1PK[0], SK.x' });
    await same(oracle, GetItemCommand, { TableName: table, Key: key, ProjectionExpression: 'likes.x' });
    await same(oracle, PutItemCommand, { TableName: table, Item: key, ConditionExpression: 'attribute_exists(#g.x)', ExpressionAttributeNames: { '#g': 'GSI2PK' } });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ConditionExpression: 'attribute_exists(SK.x)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET a = if_not_exists(GSI1SK.y, :v)', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET GSI1PK.x = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: 'PK = :p', FilterExpression: 'GSI2PK.x = :v', ExpressionAttributeValues: { ':p': { S: 'x' }, ':v': { S: 'x' } } });
    await same(oracle, QueryCommand, { TableName: table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ProjectionExpression: 'PK.x', ExpressionAttributeValues: { ':p': { S: 'x' } } });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: 'PK.x = :p', ProjectionExpression: 'GSI1PK.x', ExpressionAttributeValues: { ':p': { S: 'x' } } });
    await same(oracle, ScanCommand, { TableName: table, FilterExpression: 'attribute_exists(#p.y)', ExpressionAttributeNames: { '#p': 'PK' } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [key], ProjectionExpression: 'GSI2PK.x' } } });
    await same(oracle, TransactGetItemsCommand, { TransactItems: [{ Get: { TableName: table, Key: key, ProjectionExpression: 'GSI2PK.x' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Put: { TableName: table, Item: key, ConditionExpression: 'attribute_exists(GSI1PK.x)' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Delete: { TableName: table, Key: key, ConditionExpression: 'attribute_exists(SK.x)' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ ConditionCheck: { TableName: table, Key: key, ConditionExpression: 'attribute_exists(GSI1PK.x)' } }] });
  });

  it('refuses them in an update only once the condition passes, after a key update', async () => {
    const missing = { PK: { S: 'USER#none' }, SK: { S: 'NONE' } };
    const one = { ':v': { N: '1' } };
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET a = :v + GSI1SK[2]', ConditionExpression: 'attribute_exists(zz)', ExpressionAttributeValues: one });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET b = PK[0]', ConditionExpression: 'attribute_exists(zz)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'REMOVE GSI1PK.x', ConditionExpression: 'attribute_not_exists(zz)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET b = GSI1PK.x, SK = :v', ExpressionAttributeValues: one });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET b = GSI1PK.x, a = zz + :v', ExpressionAttributeValues: one });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET b = GSI1PK.x, c = SK[1]' });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: key, UpdateExpression: 'SET b = GSI1PK.x', ConditionExpression: 'attribute_exists(zz)' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: key, UpdateExpression: 'SET b = GSI1PK.x' } }] });
  });
});

describe('UpdateItem of a key attribute', () => {
  it('is refused only once the condition passes', async () => {
    const missing = { PK: { S: 'USER#none' }, SK: { S: 'NONE' } };
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET c = b REMOVE PK', ConditionExpression: 'attribute_exists(zz)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET SK = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ConditionExpression: 'attribute_exists(zz)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET SK = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ConditionExpression: 'attribute_not_exists(zz)' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET PK.x = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'SET SK = :v, b = :v REMOVE a, PK', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, UpdateExpression: 'ADD SK :v DELETE PK :v', ExpressionAttributeValues: { ':v': { SS: ['x'] } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: missing, AttributeUpdates: { PK: { Action: 'PUT', Value: { S: 'x' } } }, Expected: { zz: { Exists: true, Value: { S: 'q' } } } });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: missing, UpdateExpression: 'SET SK = :v', ExpressionAttributeValues: { ':v': { S: 'x' } }, ConditionExpression: 'attribute_exists(zz)' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: missing, UpdateExpression: 'SET SK = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: missing, UpdateExpression: 'SET a = zz' } }] });
    await same(oracle, TransactWriteItemsCommand, { TransactItems: [{ Update: { TableName: table, Key: key, UpdateExpression: 'SET a = #n + :v', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':v': { N: '1' } } } }] });
  });
});

describe('BatchWriteItem', () => {
  it('refuses an empty item to put', async () => {
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: [{ PutRequest: { Item: {} } }] } });
  });
});

describe('Attributes a GSI does not project', () => {
  const projections = [
    'ss, a.x.y, c',
    'm.x, a',
    'a, q',
    'a.x, q, a.y',
    'q.x, a, q.y',
    'a.x, q.y, Q, q.x, a.y',
    'AaAa, BBBB, AaBB',
    'k11, k5',
    Array.from({ length: 14 }, (_, i) => `k${i + 1}`).join(', '),
    `${Array.from({ length: 14 }, (_, i) => `title, k${i + 1}`).join(', ')}, a, q`,
  ];
  it('are listed in Local order', async () => {
    for (const projection of projections) {
      await same(oracle, ScanCommand, { TableName: table, IndexName: 'GSI2', ProjectionExpression: projection });
      await same(oracle, QueryCommand, { TableName: table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': { S: 'x' } }, ProjectionExpression: projection });
    }
  });
});

describe('Query and Scan checks', () => {
  const p = { ':p': { S: 'x' } };
  const gsiKey = { GSI1PK: { S: 'y' }, GSI1SK: { S: 'a' }, PK: { S: 'a' }, SK: { S: 'a' } };
  it('come in Local order: a Query checks its start key, then the filter, Select and projection against the index', async () => {
    const query = { TableName: table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: p };
    await same(oracle, QueryCommand, { ...query, ExclusiveStartKey: gsiKey, Select: 'COUNT', ProjectionExpression: 'PK' });
    await same(oracle, QueryCommand, { ...query, ExclusiveStartKey: gsiKey, Select: 'ALL_ATTRIBUTES' });
    await same(oracle, QueryCommand, { ...query, ExclusiveStartKey: { PK: { S: 'a' } }, ProjectionExpression: 'body' });
    await same(oracle, QueryCommand, { ...query, ExclusiveStartKey: gsiKey, FilterExpression: 'attribute_exists(body)' });
    await same(oracle, QueryCommand, { ...query, FilterExpression: 'attribute_exists(body)', Select: 'COUNT', ProjectionExpression: 'PK' });
    await same(oracle, QueryCommand, { ...query, FilterExpression: 'attribute_exists(body)', ProjectionExpression: 'body' });
    await same(oracle, QueryCommand, { ...query, ConsistentRead: true, KeyConditionExpression: 'title = :p' });
    await same(oracle, QueryCommand, { ...query, ConsistentRead: true, ProjectionExpression: 'PK.x' });
    await same(oracle, QueryCommand, { ...query, ConsistentRead: true, ProjectionExpression: 'a, a' });
  });

  it('come in Local order: a Scan checks consistent reads, unusable parameters and Limit first, key attributes inside expressions late', async () => {
    const scan = { TableName: table, IndexName: 'GSI2' };
    await same(oracle, ScanCommand, { ...scan, ConsistentRead: true, Limit: 0, ProjectionExpression: 'a,,' });
    await same(oracle, ScanCommand, { ...scan, ConsistentRead: true, ExpressionAttributeNames: { '#u': 'u' } });
    await same(oracle, ScanCommand, { ...scan, Limit: 0, ExpressionAttributeValues: { ':z': { S: 'z' } } });
    await same(oracle, ScanCommand, { ...scan, Limit: 0, ExpressionAttributeNames: { '#u': 'u' } });
    await same(oracle, ScanCommand, { ...scan, ExclusiveStartKey: { PK: { S: 'a' } }, ProjectionExpression: 'PK.x' });
    await same(oracle, ScanCommand, { ...scan, ExclusiveStartKey: { PK: { S: 'a' } }, Segment: 1, TotalSegments: 1 });
    await same(oracle, ScanCommand, { ...scan, Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'PK.x' });
    await same(oracle, ScanCommand, { ...scan, Segment: 1, TotalSegments: 1, FilterExpression: 'attribute_exists(SK.x)' });
    await same(oracle, ScanCommand, { ...scan, Select: 'COUNT', FilterExpression: 'attribute_exists(GSI1PK[0])' });
    await same(oracle, ScanCommand, { ...scan, FilterExpression: 'attribute_exists(SK.x)', ProjectionExpression: 'body' });
    const outsideSegment = { Segment: 0, TotalSegments: 1000, ExclusiveStartKey: { GSI2PK: { S: 'x' }, ...key } };
    await same(oracle, ScanCommand, { ...scan, ...outsideSegment, ProjectionExpression: 'PK.x' });
    await same(oracle, ScanCommand, { ...scan, ...outsideSegment, ProjectionExpression: 'body' });
    // Naming SPECIFIC_ATTRIBUTES moves the projection check up to Select.
    const named = { ...scan, Select: 'SPECIFIC_ATTRIBUTES' as const, ProjectionExpression: 'PK.y, body' };
    await same(oracle, ScanCommand, named);
    await same(oracle, ScanCommand, { ...named, FilterExpression: 'attribute_exists(SK.x)' });
    await same(oracle, ScanCommand, { ...named, Segment: 5, TotalSegments: 2 });
    await same(oracle, ScanCommand, { ...named, ExclusiveStartKey: { PK: { S: 'a' } } });
  });
});

describe('Validation order found by the property suite', () => {
  const numbers = (n: number) => ({ N: String(n) });
  it('answers like Local', async () => {
    await same(oracle, UpdateItemCommand, { TableName: table, Key: { PK: { BOOL: true }, SK: { S: 'a' } }, UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: { PK: { NULL: true }, SK: { S: 'a' } } });
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: [{ PutRequest: { Item: { ...key, GSI1SK: { BOOL: true } } } }] } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [key, { PK: { S: 'a' } }, { PK: { S: 'b' }, SK: { N: 'abc' } }] } } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [key], ProjectionExpression: 'SK.a[0], x' } } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [{ PK: { S: '1' } }, { PK: { S: '1' } }, { PK: { S: '2' }, Size: { M: {} } }] } } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [{ PK: { S: '1' }, SK: { N: '1' } }, { SK: { N: '1' }, PK: { S: '1' } }] } } });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [{ ...key, x: { S: 'a' } }, key] } } });
    await same(oracle, QueryCommand, { TableName: table, IndexName: 'GSI2', ConsistentRead: true, KeyConditionExpression: 'GSI2PK = :p', ExpressionAttributeValues: { ':p': { S: 'x' } }, ProjectionExpression: 'a.b, GSI2PK, GSI2PK' });
    await same(oracle, ScanCommand, { TableName: table, Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'a[2], #n0, #n', ExpressionAttributeNames: { '#n0': 'é' } });
    await same(oracle, PutItemCommand, { TableName: table, Item: { ...key, GSI1PK: { N: '1' } }, ConditionExpression: 'NOT (:a BETWEEN :b AND :c)', ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'a' }, ':c': numbers(1) } });
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { PK: { S: `p${i}` }, SK: { S: 's' }, ...(i === 5 ? { n: { N: 'abc' } } : {}) } } })) } });
    await same(oracle, QueryCommand, { TableName: table, KeyConditionExpression: 'PK >= :b AND SK <= :s', ExpressionAttributeValues: { ':b': { B: new Uint8Array([1]) }, ':s': { S: 'a' } } });
    await same(oracle, QueryCommand, { TableName: table, IndexName: 'GSI1', Select: 'ALL_PROJECTED_ATTRIBUTES', ProjectionExpression: 'title', KeyConditionExpression: 'begins_with(GSI1SK, :n) AND GSI1PK = :p', ExpressionAttributeValues: { ':p': { S: 'x' }, ':n': numbers(1) } });
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'GSI2', ConsistentRead: true, Segment: 1, TotalSegments: 1 });
    await same(oracle, QueryCommand, { TableName: table, IndexName: 'LSI1', Select: 'COUNT', KeyConditionExpression: 'PK = :p', FilterExpression: 'attribute_not_exists(#s[0][2])', ExpressionAttributeNames: { '#s': 'Size' }, ExpressionAttributeValues: { ':p': { S: 'x' } } });
    await same(oracle, ScanCommand, { TableName: table, IndexName: 'GSI1', Limit: 1, FilterExpression: 'attribute_exists(#a)', ExpressionAttributeNames: { '#a': 'a' } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, AttributeUpdates: { name: { Action: 'ADD', Value: { N: '1' } } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, AttributeUpdates: { name: { Action: 'DELETE', Value: { SS: ['v'] } } } });
    await same(oracle, GetItemCommand, { TableName: table, Key: { PK: { N: '1' }, SK: { S: 'a' } }, ProjectionExpression: '', ExpressionAttributeNames: { '#n0': 'a' } });
    await same(oracle, GetItemCommand, { TableName: table, Key: { PK: { S: 'a' } }, ProjectionExpression: 'a', ExpressionAttributeNames: { '#u': 'u' } });
    await same(oracle, GetItemCommand, { TableName: table, Key: { PK: { BOOL: true }, SK: { S: 'a' } }, ProjectionExpression: 'PK.x' });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [{ PK: { S: 'a' }, SK: { N: 'abc' } }], ExpressionAttributeNames: { '#u': 'u' } } } });
  });
});
