// Names JavaScript gives a meaning (`constructor`, `toString`, `hasOwnProperty`, `valueOf`,
// `__proto__`) are ordinary DynamoDB names: as attribute names in items, maps, keys and
// expressions, and as table and index names. The SDK carries all but `__proto__`, which it
// drops from answers, so that one is compared as JSON text on the wire.
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';
import { wireOracle } from './testing/wire';

let oracle: Oracle;
// Tables are named by these words themselves, so this file alone creates them; they are
// deleted at the end and the run's DynamoDB Local is its own.
const TABLE = 'constructor';
const OTHER_TABLE = 'toString';

type Item = Record<string, AttributeValue>;
const key = (c: string, t: string): Item => ({ constructor: { S: c }, toString: { N: t } });

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  output(
    await same(oracle, CreateTableCommand, {
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'constructor', KeyType: 'HASH' },
        { AttributeName: 'toString', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'constructor', AttributeType: 'S' },
        { AttributeName: 'toString', AttributeType: 'N' },
        { AttributeName: 'valueOf', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [{ IndexName: 'hasOwnProperty', KeySchema: [{ AttributeName: 'valueOf', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      LocalSecondaryIndexes: [
        {
          IndexName: 'valueOf',
          KeySchema: [
            { AttributeName: 'constructor', KeyType: 'HASH' },
            { AttributeName: 'valueOf', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['hasOwnProperty'] },
        },
      ],
    }),
  );
  output(
    await same(oracle, CreateTableCommand, {
      TableName: OTHER_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'hasOwnProperty', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'hasOwnProperty', AttributeType: 'S' }],
    }),
  );
  const items: Item[] = [
    { ...key('a', '1'), valueOf: { S: 'v' }, hasOwnProperty: { M: { constructor: { S: 'c' }, toString: { L: [{ S: 'x' }] } } } },
    { ...key('a', '2'), valueOf: { S: 'w' }, isPrototypeOf: { BOOL: true } },
    { ...key('b', '1'), other: { S: 'o' } },
  ];
  for (const item of items) await same(oracle, PutItemCommand, { TableName: TABLE, Item: item });
});

afterAll(async () => {
  for (const name of [TABLE, OTHER_TABLE]) await same(oracle, DeleteTableCommand, { TableName: name });
});

describe('names JavaScript gives a meaning', () => {
  it('are absent from items that do not hold them', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__']) {
      await same(oracle, ScanCommand, { TableName: TABLE, FilterExpression: 'attribute_exists(#n)', ExpressionAttributeNames: { '#n': name } }, { unordered: true });
      await same(oracle, ScanCommand, { TableName: TABLE, FilterExpression: 'attribute_not_exists(#m.#n)', ExpressionAttributeNames: { '#m': 'hasOwnProperty', '#n': name } }, { unordered: true });
      await same(oracle, ScanCommand, { TableName: TABLE, ProjectionExpression: '#n, hasOwnProperty.#n', ExpressionAttributeNames: { '#n': name } }, { unordered: true });
    }
  });

  it('read, write and remove like any name in update expressions', async () => {
    const Key = key('a', '2');
    await same(oracle, UpdateItemCommand, { TableName: TABLE, Key, UpdateExpression: 'SET x = #n', ExpressionAttributeNames: { '#n': 'hasOwnProperty' } });
    await same(oracle, UpdateItemCommand, { TableName: TABLE, Key, UpdateExpression: 'SET x = #n', ExpressionAttributeNames: { '#n': 'propertyIsEnumerable' } });
    await same(oracle, UpdateItemCommand, {
      TableName: TABLE,
      Key,
      UpdateExpression: 'SET #h = if_not_exists(#h, :v), #s = if_not_exists(#s, :v) ADD #l :one',
      ExpressionAttributeNames: { '#h': 'hasOwnProperty', '#s': 'toLocaleString', '#l': 'length' },
      ExpressionAttributeValues: { ':v': { M: { valueOf: { S: 'inner' } } }, ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    });
    await same(oracle, UpdateItemCommand, {
      TableName: TABLE,
      Key,
      UpdateExpression: 'SET #h.#c = #h.#v, #h.#t = list_append(if_not_exists(#h.#t, :e), :l) REMOVE #h.#v',
      ExpressionAttributeNames: { '#h': 'hasOwnProperty', '#c': 'constructor', '#v': 'valueOf', '#t': 'toString' },
      ExpressionAttributeValues: { ':e': { L: [] }, ':l': { L: [{ N: '1' }] } },
      ReturnValues: 'UPDATED_NEW',
    });
    await same(oracle, UpdateItemCommand, {
      TableName: TABLE,
      Key,
      UpdateExpression: 'SET isPrototypeOf = :v',
      ConditionExpression: 'attribute_not_exists(#n) AND size(#h) = :two',
      ExpressionAttributeNames: { '#n': 'valueOf2', '#h': 'hasOwnProperty' },
      ExpressionAttributeValues: { ':v': { S: 'set' }, ':two': { N: '2' } },
      ReturnValues: 'ALL_OLD',
    });
    await same(oracle, GetItemCommand, { TableName: TABLE, Key, ConsistentRead: true });
  });

  it('are key attributes of tables and indexes', async () => {
    await same(oracle, QueryCommand, {
      TableName: TABLE,
      KeyConditionExpression: '#c = :c AND #t BETWEEN :low AND :high',
      ExpressionAttributeNames: { '#c': 'constructor', '#t': 'toString' },
      ExpressionAttributeValues: { ':c': { S: 'a' }, ':low': { N: '0' }, ':high': { N: '5' } },
      ReturnConsumedCapacity: 'INDEXES',
    });
    await same(oracle, QueryCommand, {
      TableName: TABLE,
      IndexName: 'hasOwnProperty',
      KeyConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'valueOf' },
      ExpressionAttributeValues: { ':v': { S: 'v' } },
      ReturnConsumedCapacity: 'INDEXES',
    });
    await same(oracle, QueryCommand, { TableName: TABLE, IndexName: 'valueOf', KeyConditions: { constructor: { ComparisonOperator: 'EQ' as const, AttributeValueList: [{ S: 'a' }] } } });
    await same(oracle, GetItemCommand, { TableName: TABLE, Key: { constructor: { S: 'a' } } });
    await same(oracle, PutItemCommand, { TableName: TABLE, Item: { constructor: { S: 'a' }, toString: { S: '1' } } });
  });

  it('name tables in batches, transactions and PartiQL', async () => {
    await same(oracle, BatchWriteItemCommand, {
      RequestItems: {
        [TABLE]: [{ PutRequest: { Item: { ...key('c', '1'), valueOf: { S: 'v' } } } }],
        [OTHER_TABLE]: [{ PutRequest: { Item: { hasOwnProperty: { S: 'h' }, constructor: { SS: ['b', 'a'] } } } }],
      },
      ReturnConsumedCapacity: 'INDEXES',
    });
    await same(oracle, BatchGetItemCommand, {
      RequestItems: { [TABLE]: { Keys: [key('c', '1'), key('a', '1')] }, [OTHER_TABLE]: { Keys: [{ hasOwnProperty: { S: 'h' } }] } },
      ReturnConsumedCapacity: 'TOTAL',
    }, { unordered: true });
    await same(oracle, TransactWriteItemsCommand, {
      TransactItems: [
        { ConditionCheck: { TableName: OTHER_TABLE, Key: { hasOwnProperty: { S: 'h' } }, ConditionExpression: 'attribute_exists(#c)', ExpressionAttributeNames: { '#c': 'constructor' } } },
        { Update: { TableName: TABLE, Key: key('c', '1'), UpdateExpression: 'SET #p = :p', ExpressionAttributeNames: { '#p': 'propertyIsEnumerable' }, ExpressionAttributeValues: { ':p': { N: '1' } } } },
      ],
    });
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT "toString", "hasOwnProperty"."constructor" FROM "${TABLE}" WHERE "constructor" = 'a'` });
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT * FROM "${TABLE}"."hasOwnProperty" WHERE "valueOf" = 'v'` });
    // A nested path is named after its last step, so these two would share a name.
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT "constructor", "hasOwnProperty"."constructor" FROM "${TABLE}" WHERE "constructor" = 'a'` });
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT "valueOf", "valueOf" FROM "no-such-table"` });
    await same(oracle, ExecuteStatementCommand, { Statement: `UPDATE "${OTHER_TABLE}" SET "valueOf" = 3 WHERE "hasOwnProperty" = 'h' RETURNING ALL NEW *` });
    await same(oracle, ScanCommand, { TableName: OTHER_TABLE, ScanFilter: { constructor: { ComparisonOperator: 'CONTAINS' as const, AttributeValueList: [{ S: 'a' }] } } });
    await same(oracle, UpdateItemCommand, {
      TableName: OTHER_TABLE,
      Key: { hasOwnProperty: { S: 'h' } },
      AttributeUpdates: { toString: { Action: 'PUT' as const, Value: { S: 't' } }, valueOf: { Action: 'ADD' as const, Value: { N: '1' } } },
      Expected: { toLocaleString: { Exists: false }, constructor: { ComparisonOperator: 'NOT_NULL' as const } },
      ReturnValues: 'ALL_NEW',
    });
  });
});

describe('__proto__', () => {
  const wire = wireOracle('proto');
  const table = '__proto__';
  const item = '{"__proto__":{"S":"k"},"v":{"S":"v"},"m":{"M":{"__proto__":{"M":{"__proto__":{"N":"1"},"constructor":{"S":"c"}}}}},"l":{"L":[{"M":{"__proto__":{"NULL":true}}}]}}';

  afterAll(async () => {
    await wire.send('DeleteTable', JSON.stringify({ TableName: table }));
  });

  it('is a table, index and key attribute name', async () => {
    // Descriptions carry creation times and ARNs; TableManagement.diff.test.ts compares those.
    await wire.send(
      'CreateTable',
      JSON.stringify({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: '__proto__', KeyType: 'HASH' }],
        AttributeDefinitions: [
          { AttributeName: '__proto__', AttributeType: 'S' },
          { AttributeName: 'v', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: '__proto__', KeySchema: [{ AttributeName: 'v', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      }),
    );
    await wire.same('PutItem', `{"TableName":"__proto__","Item":${item},"ReturnConsumedCapacity":"INDEXES"}`);
    await wire.same('GetItem', '{"TableName":"__proto__","Key":{"__proto__":{"S":"k"}}}');
    await wire.same('Query', '{"TableName":"__proto__","IndexName":"__proto__","KeyConditionExpression":"v = :v","ExpressionAttributeValues":{":v":{"S":"v"}},"ReturnConsumedCapacity":"INDEXES"}');
    await wire.same('BatchGetItem', '{"RequestItems":{"__proto__":{"Keys":[{"__proto__":{"S":"k"}}]}},"ReturnConsumedCapacity":"INDEXES"}');
    await wire.same('BatchWriteItem', '{"RequestItems":{"__proto__":[{"PutRequest":{"Item":{"__proto__":{"S":"k2"},"__proto__x":{"S":"y"}}}}]},"ReturnConsumedCapacity":"INDEXES"}');
    await wire.same('ExecuteStatement', '{"Statement":"SELECT \\"__proto__\\", m.\\"__proto__\\".\\"constructor\\", l[0] FROM \\"__proto__\\" WHERE \\"__proto__\\" = \'k\'"}');
  });

  it('reads and writes through expressions', async () => {
    const update = (expression: string, extra = '') =>
      wire.same('UpdateItem', `{"TableName":"__proto__","Key":{"__proto__":{"S":"k"}},"UpdateExpression":"${expression}","ExpressionAttributeNames":{"#p":"__proto__"}${extra},"ReturnValues":"ALL_NEW"}`);
    await update('SET y = m.#p');
    await update('SET m.#p.#p = :v, z = #p', ',"ExpressionAttributeValues":{":v":{"SS":["b","a"]}}');
    await update('REMOVE m.#p.constructor');
    await update('SET nope = #p.#p');
    await wire.same('Scan', '{"TableName":"__proto__","FilterExpression":"attribute_type(m.#p.#p, :t) AND y.#p.#p = :n","ExpressionAttributeNames":{"#p":"__proto__"},"ExpressionAttributeValues":{":t":{"S":"SS"},":n":{"N":"1"}}}');
    await wire.same('Scan', '{"TableName":"__proto__","ProjectionExpression":"#p, m.#p.#p, l[0].#p","ExpressionAttributeNames":{"#p":"__proto__"}}');
    await wire.same('PutItem', `{"TableName":"__proto__","Item":${item},"ConditionExpression":"attribute_not_exists(#p)","ExpressionAttributeNames":{"#p":"__proto__"},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}`);
  });
});
