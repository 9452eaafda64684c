import {
  CreateTableCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';
import { socialTable } from './testing/tables';

let oracle: Oracle;
let table: string;
beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  table = oracle.table('items');
  await same(oracle, CreateTableCommand, socialTable(table));
});

type Item = Record<string, AttributeValue>;
const post = (id: string, extra: Item = {}): Item => ({ PK: { S: 'USER#alice' }, SK: { S: `POST#${id}` }, ...extra });

describe('PutItem', () => {
  it('stores all ten types, empty strings and binaries outside keys, and returns ALL_OLD', async () => {
    const item = post('types', {
      s: { S: '' },
      n: { N: '-0012.500' },
      b: { B: new Uint8Array([0, 255, 7]) },
      eb: { B: new Uint8Array([]) },
      bool: { BOOL: false },
      nul: { NULL: true },
      m: { M: { deep: { L: [{ S: 'x' }, { N: '1000' }] } } },
      l: { L: [] },
      ss: { SS: ['b', 'a'] },
      ns: { NS: ['3', '1.0'] },
      bs: { BS: [new Uint8Array([1]), new Uint8Array([2])] },
    });
    await same(oracle, PutItemCommand, { TableName: table, Item: item, ReturnValues: 'ALL_OLD' });
    await same(oracle, PutItemCommand, { TableName: table, Item: item, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, GetItemCommand, { TableName: table, Key: { PK: item.PK!, SK: item.SK! }, ConsistentRead: true });
  });

  it('charges table and index writes like DynamoDB (INDEXES)', async () => {
    const key = post('cap');
    const steps: Item[] = [
      { GSI1PK: { S: 'G#1' }, GSI1SK: { S: 'a' }, GSI2PK: { S: 'K#1' }, likes: { N: '1' }, title: { S: 't' } },
      { GSI1PK: { S: 'G#2' }, GSI1SK: { S: 'a' }, GSI2PK: { S: 'K#1' }, likes: { N: '1' }, title: { S: 't' } },
      { GSI1PK: { S: 'G#2' }, GSI1SK: { S: 'a' }, GSI2PK: { S: 'K#1' }, likes: { N: '1' }, title: { S: 'x'.repeat(3000) } },
      { GSI1PK: { S: 'G#2' }, GSI1SK: { S: 'a' }, GSI2PK: { S: 'K#1' }, likes: { N: '1' }, title: { S: 'x'.repeat(1010) } },
      { GSI1PK: { S: 'G#2' }, GSI1SK: { S: 'a' }, likes: { N: '2' }, body: { S: 'y'.repeat(5000) } },
      {},
    ];
    for (const extra of steps) {
      await same(oracle, PutItemCommand, { TableName: table, Item: { ...key, ...extra }, ReturnConsumedCapacity: 'INDEXES' });
    }
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnConsumedCapacity: 'INDEXES' });
  });

  it('checks conditions and returns the old item on failure when asked', async () => {
    const item = post('cond', { likes: { N: '5' } });
    await same(oracle, PutItemCommand, { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' });
    await same(oracle, PutItemCommand, { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(PK)' });
    const failed = await same(oracle, PutItemCommand, {
      TableName: table,
      Item: item,
      ConditionExpression: 'likes < :n',
      ExpressionAttributeValues: { ':n': { N: '3' } },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect('error' in failed && failed.error.Item).toBeTruthy();
    await same(oracle, PutItemCommand, { TableName: table, Item: item, Expected: { likes: { Value: { N: '5' } } } });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a missing table', { TableName: 'nope-nope' }],
    ['no item', { Item: undefined }],
    ['a missing sort key', { Item: { PK: { S: 'a' } } }],
    ['a key of the wrong type', { Item: { PK: { N: '1' }, SK: { S: 'a' } } }],
    ['an empty key string', { Item: { PK: { S: '' }, SK: { S: 'a' } } }],
    ['an empty key binary', { Item: { PK: { S: 'a' }, SK: { B: new Uint8Array() } } }],
    ['an index key of the wrong type', { Item: { PK: { S: 'a' }, SK: { S: 'a' }, likes: { S: 'x' } } }],
    ['an empty index key', { Item: { PK: { S: 'a' }, SK: { S: 'a' }, GSI2PK: { S: '' } } }],
    ['an oversized hash key', { Item: { PK: { S: 'k'.repeat(2049) }, SK: { S: 'a' } } }],
    ['an oversized range key', { Item: { PK: { S: 'k' }, SK: { S: 'k'.repeat(1025) } } }],
    ['a hash key of exactly 2048 bytes', { Item: { PK: { S: 'é'.repeat(1024) }, SK: { S: 'a' } } }],
    ['an item over 400 KB', { Item: { PK: { S: 'a' }, SK: { S: 'b' }, d: { S: 'x'.repeat(400 * 1024 - 6) } } }],
    ['an item of exactly 400 KB', { Item: { PK: { S: 'a' }, SK: { S: 'b' }, d: { S: 'x'.repeat(400 * 1024 - 7) } } }],
    ['an empty set', { Item: { PK: { S: 'a' }, SK: { S: 'b' }, d: { SS: [] } } }],
    ['a bad number', { Item: { PK: { S: 'a' }, SK: { S: 'b' }, d: { N: '1e200' } } }],
    ['bad ReturnValues', { Item: { PK: { S: 'a' }, SK: { S: 'b' } }, ReturnValues: 'ALL_NEW' }],
    ['an undefined expression value', { Item: { PK: { S: 'a' }, SK: { S: 'b' } }, ConditionExpression: 'a = :x' }],
  ])('rejects %s with the same error', async (_label, patch) => {
    await same(oracle, PutItemCommand, { TableName: table, Item: post('x'), ...patch } as never);
  });
});

describe('GetItem', () => {
  it('projects, meters eventually and strongly consistent reads, and handles missing items', async () => {
    await same(oracle, PutItemCommand, { TableName: table, Item: post('get', { a: { M: { b: { L: [{ S: '0' }, { S: '1' }] } } }, big: { S: 'z'.repeat(9000) } }) });
    await same(oracle, GetItemCommand, { TableName: table, Key: post('get'), ProjectionExpression: 'a.b[1], #k', ExpressionAttributeNames: { '#k': 'PK' }, ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, GetItemCommand, { TableName: table, Key: post('get'), ConsistentRead: true, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, GetItemCommand, { TableName: table, Key: post('none'), ReturnConsumedCapacity: 'INDEXES' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no key', { Key: undefined }],
    ['a partial key', { Key: { PK: { S: 'a' } } }],
    ['an extra attribute', { Key: { PK: { S: 'a' }, SK: { S: 'b' }, x: { S: 'c' } } }],
    ['a wrong attribute', { Key: { PK: { S: 'a' }, X: { S: 'b' } } }],
    ['a key of the wrong type', { Key: { PK: { S: 'a' }, SK: { N: '1' } } }],
    ['an empty key', { Key: { PK: { S: 'a' }, SK: { S: '' } } }],
    ['a missing table', { TableName: 'nope-nope' }],
    ['a missing table and bad key', { TableName: 'nope-nope', Key: { PK: { S: '' } } }],
    ['an oversized key', { Key: { PK: { S: 'x'.repeat(2049) }, SK: { S: 'b' } } }],
    ['a key that is not a scalar', { Key: { PK: { BOOL: true }, SK: { S: 'b' } } }],
  ])('rejects %s with the same error', async (_label, patch) => {
    await same(oracle, GetItemCommand, { TableName: table, Key: post('x'), ...patch } as never);
  });
});

describe('UpdateItem', () => {
  it('returns every kind of ReturnValues', async () => {
    const key = post('upd');
    await same(oracle, PutItemCommand, { TableName: table, Item: { ...key, n: { N: '1' }, m: { M: { a: { S: 'x' }, b: { S: 'y' } } }, gone: { S: 'bye' } } });
    for (const ReturnValues of ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] as const) {
      await same(oracle, UpdateItemCommand, {
        TableName: table,
        Key: key,
        UpdateExpression: 'SET n = n + :one, m.a = :v ADD tags :t REMOVE gone',
        ExpressionAttributeValues: { ':one': { N: '1' }, ':v': { S: ReturnValues }, ':t': { SS: [ReturnValues] } },
        ReturnValues,
        ReturnConsumedCapacity: 'INDEXES',
      });
    }
  });

  it('returns UPDATED_OLD/UPDATED_NEW only for nested paths present in that image', async () => {
    const key = post('nested');
    const item = { ...key, m: { M: { a: { S: 'x' }, b: { S: 'y' } } }, l: { L: [{ S: 'z' }] } };
    for (const UpdateExpression of ['REMOVE m.y', 'REMOVE m.a', 'REMOVE l[3]', 'REMOVE l[0]', 'SET m.y = :v', 'SET l[5] = :v']) {
      for (const ReturnValues of ['UPDATED_OLD', 'UPDATED_NEW'] as const) {
        await same(oracle, PutItemCommand, { TableName: table, Item: item });
        const values = UpdateExpression.includes(':v') ? { ExpressionAttributeValues: { ':v': { S: 'new' } } } : {};
        await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression, ...values, ReturnValues });
      }
    }
  });

  it('creates missing items, moves index entries and rejects key updates', async () => {
    const key = post('upsert');
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET GSI2PK = :g', ExpressionAttributeValues: { ':g': { S: 'K#9' } }, ReturnValues: 'ALL_NEW', ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET GSI2PK = :g', ExpressionAttributeValues: { ':g': { S: 'K#8' } }, ReturnValues: 'UPDATED_OLD', ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'REMOVE GSI2PK', ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: post('upsert2'), ReturnValues: 'ALL_NEW' });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: post('upsert3'), UpdateExpression: 'REMOVE nothing', ReturnValues: 'ALL_NEW' });
    await same(oracle, GetItemCommand, { TableName: table, Key: post('upsert3') });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET SK = :s', ExpressionAttributeValues: { ':s': { S: 'x' } } });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, UpdateExpression: 'SET big = :s', ExpressionAttributeValues: { ':s': { S: 'x'.repeat(400 * 1024) } } });
    await same(oracle, UpdateItemCommand, {
      TableName: table,
      Key: key,
      UpdateExpression: 'SET a = :s',
      ConditionExpression: 'attribute_not_exists(SK)',
      ExpressionAttributeValues: { ':s': { S: 'x' } },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    await same(oracle, UpdateItemCommand, { TableName: table, Key: key, AttributeUpdates: { legacy: { Action: 'PUT', Value: { N: '7' } } }, ReturnValues: 'UPDATED_NEW' });
  });
});

describe('DeleteItem', () => {
  it('returns ALL_OLD, checks conditions and meters index deletes', async () => {
    const key = post('del');
    await same(oracle, PutItemCommand, { TableName: table, Item: { ...key, GSI1PK: { S: 'D' }, GSI1SK: { S: 'd' }, likes: { N: '4' }, title: { S: 'x'.repeat(2000) } } });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ConditionExpression: 'likes > :n', ExpressionAttributeValues: { ':n': { N: '10' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'INDEXES', ReturnItemCollectionMetrics: 'SIZE' });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: key, ReturnValues: 'UPDATED_NEW' });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: { PK: { S: 'x' } } });
  });

  it('reports item collection metrics as AWS does, reconciled against DynamoDB Local', async () => {
    await same(oracle, PutItemCommand, { TableName: table, Item: post('icm'), ReturnItemCollectionMetrics: 'SIZE' });
    expect(oracle.reconciled.has('item-collection-metrics')).toBe(true);
    // Through the engine client, so the check also holds with the engine behind the HTTP server.
    const direct = await oracle.engine.send(
      new PutItemCommand({ TableName: table, Item: { PK: { S: 'USER#alice' }, SK: { S: 'POST#icm' } }, ReturnItemCollectionMetrics: 'SIZE' }),
    );
    expect(direct.ItemCollectionMetrics).toEqual({ ItemCollectionKey: { PK: { S: 'USER#alice' } }, SizeEstimateRangeGB: [0, 1] });
  });
});
