// The differential cases again, with the engine behind the endpoint server over real HTTP:
// what an SDK sees from `tablesmith serve` must equal what it sees from DynamoDB Local.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ExecuteStatementCommand,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { output, same, type Oracle } from '../engine/testing/differential';
import { keyTable } from '../engine/testing/tables';
import { startHttpOracle } from './testing/TestServer';

let oracle: Oracle;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ oracle, close } = await startHttpOracle(inject('dynamodbLocalEndpoint')));
});
afterAll(() => close());

describe('the engine over HTTP against DynamoDB Local', () => {
  // Streams over HTTP are compared in src/engine/streams/Streams.diff.test.ts.
  it('manages tables with indexes', async () => {
    const table = oracle.table('tables');
    output(
      await same(oracle, CreateTableCommand, {
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'GSI1', KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }),
    );
    await same(oracle, CreateTableCommand, { TableName: table, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }] });
    await same(oracle, DescribeTableCommand, { TableName: table });
    await same(oracle, DescribeTableCommand, { TableName: 'no-such-table' });
    const listed = await Promise.all([oracle.local.send(new ListTablesCommand({})), oracle.engine.send(new ListTablesCommand({}))]);
    expect(listed[1].TableNames).toContain(table);
    expect(listed[0].TableNames).toContain(table);
    await same(oracle, UpdateTimeToLiveCommand, { TableName: table, TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } });
    await same(oracle, DeleteTableCommand, { TableName: table });
  });

  it('reads and writes items with conditions, ReturnValues, pages, batches, transactions and PartiQL', async () => {
    const table = oracle.table('items');
    await same(oracle, CreateTableCommand, keyTable(table, ['PK', 'S'], ['SK', 'S']));
    for (let i = 0; i < 12; i++) {
      await same(oracle, PutItemCommand, {
        TableName: table,
        Item: { PK: { S: 'USER#1' }, SK: { S: `POST#${String(i).padStart(3, '0')}` }, likes: { N: String(i) }, text: { S: `post ${i} ✓` }, blob: { B: new Uint8Array([i, 255, 0]) } },
        ReturnConsumedCapacity: 'TOTAL',
      });
    }
    await same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: 'USER#1' }, SK: { S: 'POST#000' } }, ConditionExpression: 'attribute_not_exists(PK)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    await same(oracle, UpdateItemCommand, {
      TableName: table,
      Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#001' } },
      UpdateExpression: 'SET likes = likes + :one, tags = list_append(if_not_exists(tags, :empty), :t)',
      ExpressionAttributeValues: { ':one': { N: '1' }, ':empty': { L: [] }, ':t': { L: [{ S: 'beach' }] } },
      ReturnValues: 'ALL_NEW',
    });
    await same(oracle, GetItemCommand, { TableName: table, Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#001' } }, ProjectionExpression: 'likes, tags[0]' });
    let start: Record<string, never> | undefined;
    for (let page = 0; page < 4; page++) {
      const result = output<{ LastEvaluatedKey?: Record<string, never> }>(
        await same(oracle, QueryCommand, {
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          FilterExpression: 'likes > :min',
          ExpressionAttributeValues: { ':pk': { S: 'USER#1' }, ':p': { S: 'POST#' }, ':min': { N: '2' } },
          Limit: 5,
          ScanIndexForward: false,
          ReturnConsumedCapacity: 'TOTAL',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      start = result.LastEvaluatedKey;
      if (!start) break;
    }
    await same(oracle, ScanCommand, { TableName: table, Select: 'COUNT' });
    await same(oracle, BatchWriteItemCommand, {
      RequestItems: { [table]: [{ PutRequest: { Item: { PK: { S: 'USER#2' }, SK: { S: 'PROFILE' } } } }, { DeleteRequest: { Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#011' } } } }] },
    });
    await same(oracle, BatchGetItemCommand, { RequestItems: { [table]: { Keys: [{ PK: { S: 'USER#2' }, SK: { S: 'PROFILE' } }, { PK: { S: 'USER#1' }, SK: { S: 'POST#011' } }] } } }, { unordered: true });
    await same(oracle, TransactWriteItemsCommand, {
      TransactItems: [
        { ConditionCheck: { TableName: table, Key: { PK: { S: 'USER#2' }, SK: { S: 'PROFILE' } }, ConditionExpression: 'attribute_exists(PK)' } },
        { Delete: { TableName: table, Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#010' } }, ConditionExpression: 'likes = :n', ExpressionAttributeValues: { ':n': { N: '99' } } } },
      ],
    });
    await same(oracle, TransactGetItemsCommand, { TransactItems: [{ Get: { TableName: table, Key: { PK: { S: 'USER#2' }, SK: { S: 'PROFILE' } } } }] });
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT likes FROM "${table}" WHERE PK = ? AND SK = 'POST#003'`, Parameters: [{ S: 'USER#1' }] });
    await same(oracle, DeleteItemCommand, { TableName: table, Key: { PK: { S: 'USER#1' }, SK: { S: 'POST#002' } }, ReturnValues: 'ALL_OLD' });
    await same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: 'USER#1' } } });
    await same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: 'USER#1' }, SK: { S: 'x' }, n: { N: 'not a number' } } });
  });

  it('carries large items and many concurrent requests intact', async () => {
    const table = oracle.table('bulk');
    await same(oracle, CreateTableCommand, { TableName: table, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }] });
    await same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: 'big' }, data: { S: 'é'.repeat(190_000) } }, ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: 'too-big' }, data: { S: 'x'.repeat(410_000) } } });
    await Promise.all(Array.from({ length: 40 }, (_, i) => same(oracle, PutItemCommand, { TableName: table, Item: { PK: { S: `k${i}` }, i: { N: String(i) } } })));
    await same(oracle, ScanCommand, { TableName: table, Select: 'COUNT' });
  });
});
