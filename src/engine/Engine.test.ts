import { DynamoDBClient, GetItemCommand, PutItemCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { errorResult } from './Engine';
import { createEngine, engineHandler, type ItemChange } from './index';

function withTable() {
  const engine = createEngine({ clock: () => 1_700_000_000_000 });
  engine.CreateTable({
    TableName: 'Things',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  });
  return engine;
}

describe('createEngine', () => {
  it('describes tables with the injected clock', () => {
    const engine = withTable();
    expect(engine.DescribeTable({ TableName: 'Things' }).Table?.CreationDateTime).toBe(1_700_000_000);
  });

  it('dispatches by X-Amz-Target operation name, answering errors as JSON 1.0 bodies', () => {
    const engine = withTable();
    expect(engine.dispatch('ListTables', {})).toEqual({ status: 200, body: { TableNames: ['Things'] } });
    expect(engine.dispatch('Frobnicate', {})).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#UnknownOperationException', message: 'An unknown operation was requested.' },
    });
    expect(engine.dispatch('GetItem', { TableName: 'Nope', Key: { id: { S: 'a' } } })).toEqual({
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException', message: 'Cannot do operations on a non-existent table' },
    });
    expect(engine.dispatch('PutItem', [] as unknown).body.__type).toBe('com.amazonaws.dynamodb.v20120810#SerializationException');
  });

  it('puts the old item on ConditionalCheckFailedException when asked', () => {
    const engine = withTable();
    engine.PutItem({ TableName: 'Things', Item: { id: { S: 'a' }, n: { N: '1' } } });
    const result = engine.dispatch('PutItem', {
      TableName: 'Things',
      Item: { id: { S: 'a' } },
      ConditionExpression: 'attribute_not_exists(id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(result).toEqual({
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
        Item: { id: { S: 'a' }, n: { N: '1' } },
      },
    });
  });

  it('tells change listeners every write with keys and both images', () => {
    const engine = withTable();
    const changes: ItemChange[] = [];
    const stop = engine.onChange((change) => changes.push(change));
    engine.PutItem({ TableName: 'Things', Item: { id: { S: 'a' }, v: { S: '1' } } });
    engine.UpdateItem({ TableName: 'Things', Key: { id: { S: 'a' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: '2' } } });
    engine.DeleteItem({ TableName: 'Things', Key: { id: { S: 'a' } } });
    engine.DeleteItem({ TableName: 'Things', Key: { id: { S: 'a' } } });
    stop();
    engine.PutItem({ TableName: 'Things', Item: { id: { S: 'b' } } });
    expect(changes).toEqual([
      { tableName: 'Things', keys: { id: { S: 'a' } }, oldImage: undefined, newImage: { id: { S: 'a' }, v: { S: '1' } } },
      { tableName: 'Things', keys: { id: { S: 'a' } }, oldImage: { id: { S: 'a' }, v: { S: '1' } }, newImage: { id: { S: 'a' }, v: { S: '2' } } },
      { tableName: 'Things', keys: { id: { S: 'a' } }, oldImage: { id: { S: 'a' }, v: { S: '2' } }, newImage: undefined },
    ]);
  });
});

describe('UpdateItem', () => {
  it('rejects a wrong-typed index key as the service does (LocalDifferences: update-index-key-type)', () => {
    const engine = createEngine();
    engine.CreateTable({
      TableName: 'Tee',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'N' },
      ],
      GlobalSecondaryIndexes: [{ IndexName: 'Gee', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
    const result = engine.dispatch('UpdateItem', { TableName: 'Tee', Key: { id: { S: 'a' } }, UpdateExpression: 'SET g = :s', ExpressionAttributeValues: { ':s': { S: 'x' } } });
    expect(result.body).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
      message: 'One or more parameter values were invalid: Type mismatch for Index Key',
    });
    expect(engine.Scan({ TableName: 'Tee' }).Count).toBe(0);
  });
});

describe('engineHandler', () => {
  it('serves @aws-sdk/client-dynamodb with no network, binaries and errors included', async () => {
    const engine = withTable();
    const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, requestHandler: engineHandler(engine) });
    await client.send(new PutItemCommand({ TableName: 'Things', Item: { id: { S: 'a' }, blob: { B: new Uint8Array([0, 1, 255]) } } }));
    const out = await client.send(new GetItemCommand({ TableName: 'Things', Key: { id: { S: 'a' } }, ReturnConsumedCapacity: 'TOTAL' }));
    expect(out.Item?.blob?.B).toEqual(new Uint8Array([0, 1, 255]));
    expect(out.ConsumedCapacity).toEqual({ TableName: 'Things', CapacityUnits: 0.5 });
    expect(engine.GetItem({ TableName: 'Things', Key: { id: { S: 'a' } } }).Item?.blob).toEqual({ B: 'AAH/' });
    await expect(client.send(new GetItemCommand({ TableName: 'Nope', Key: { id: { S: 'a' } } }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('errorResult', () => {
  it("answers an engine fault with DynamoDB's generic words, never JavaScript's error text", () => {
    for (const fault of [new TypeError("Cannot read properties of undefined (reading 'S')"), new RangeError('Maximum call stack size exceeded'), 'thrown text']) {
      expect(errorResult(fault)).toEqual({ status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' } });
    }
  });
});
