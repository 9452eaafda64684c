import {
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactGetItemsCommandInput,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';

let oracle: Oracle;
let table: string;
let bare: string;

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  table = oracle.table('tx');
  bare = oracle.table('txbare');
  output(
    await same(oracle, CreateTableCommand, {
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    }),
  );
  output(
    await same(oracle, CreateTableCommand, {
      TableName: bare,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    }),
  );
  for (const name of [table, bare]) {
    await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { S: 'a' }, n: { N: '1' } } });
    await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { S: 'big' }, d: { S: 'x'.repeat(5000) } } });
  }
});

/** The error as the SDK surfaces it, CancellationReasons included. */
async function failure(client: DynamoDBClient, command: TransactWriteItemsCommand | TransactGetItemsCommand) {
  try {
    await client.send(command as TransactWriteItemsCommand);
  } catch (error) {
    const e = error as { name: string; message: string; CancellationReasons?: unknown };
    return { name: e.name, message: e.message, CancellationReasons: e.CancellationReasons };
  }
  return { name: 'no error', message: '' };
}

async function sameFailure(input: TransactWriteItemsCommandInput) {
  const [local, engine] = await Promise.all([
    failure(oracle.local, new TransactWriteItemsCommand(input)),
    failure(oracle.engine, new TransactWriteItemsCommand(input)),
  ]);
  expect(engine).toEqual(local);
  return engine;
}

async function sameGetFailure(input: TransactGetItemsCommandInput) {
  const [local, engine] = await Promise.all([
    failure(oracle.local, new TransactGetItemsCommand(input)),
    failure(oracle.engine, new TransactGetItemsCommand(input)),
  ]);
  expect(engine).toEqual(local);
  return engine;
}

const put = (name: string, pk: string, extra: Record<string, unknown> = {}) => ({ Put: { TableName: name, Item: { pk: { S: pk } }, ...extra } });
const del = (name: string, pk: string, extra: Record<string, unknown> = {}) => ({ Delete: { TableName: name, Key: { pk: { S: pk } }, ...extra } });
const check = (name: string, pk: string, expression: string, extra: Record<string, unknown> = {}) => ({
  ConditionCheck: { TableName: name, Key: { pk: { S: pk } }, ConditionExpression: expression, ...extra },
});

describe('TransactWriteItems against DynamoDB Local', () => {
  it('applies Put, Update, Delete and ConditionCheck together, with 2x capacity per table and index', async () => {
    output(
      await same(oracle, TransactWriteItemsCommand, {
        TransactItems: [
          { Put: { TableName: table, Item: { pk: { S: 'b' }, g: { S: 'x' } } } },
          { Update: { TableName: table, Key: { pk: { S: 'a' } }, UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
          del(table, 'zz'),
        ],
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
    for (const pk of ['a', 'b', 'zz']) await same(oracle, GetItemCommand, { TableName: table, Key: { pk: { S: pk } } });
  });

  it('charges each action kind as DynamoDB does', async () => {
    const cases = [
      [put(bare, 'c1')],
      [del(bare, 'missing1')],
      [del(bare, 'c1')],
      [check(bare, 'missing2', 'attribute_not_exists(pk)')],
      [check(bare, 'a', 'attribute_exists(pk)')],
      [check(bare, 'big', 'attribute_exists(pk)')],
      [{ Update: { TableName: bare, Key: { pk: { S: 'u1' } }, UpdateExpression: 'SET m = :m', ExpressionAttributeValues: { ':m': { N: '1' } } } }],
      [del(bare, 'big2')],
      [put(bare, 'c2'), del(bare, 'missing3')],
    ];
    for (const TransactItems of cases) {
      output(await same(oracle, TransactWriteItemsCommand, { TransactItems, ReturnConsumedCapacity: 'TOTAL' }));
    }
  });

  it('cancels with a reason per action, in request order, honouring ReturnValuesOnConditionCheckFailure', async () => {
    const canceled = await sameFailure({
      TransactItems: [
        put(table, 'c'),
        check(table, 'a', 'n = :v', { ExpressionAttributeValues: { ':v': { N: '99' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
        del(table, 'b', { ConditionExpression: 'attribute_not_exists(pk)' }),
        put(table, 'a', { ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
        {
          Update: {
            TableName: table,
            Key: { pk: { S: 'nobody' } },
            UpdateExpression: 'SET g = :g',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':g': { S: 'y' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ],
    });
    expect(canceled.name).toBe('TransactionCanceledException');
    // Nothing was written: 'c' does not exist on either side.
    await same(oracle, GetItemCommand, { TableName: table, Key: { pk: { S: 'c' } } });
  });

  it('checks conditions before it rejects two actions on one item', async () => {
    await sameFailure({ TransactItems: [check(bare, 'a', 'attribute_not_exists(pk)'), put(bare, 'a')] });
    await sameFailure({ TransactItems: [check(bare, 'a', 'attribute_exists(pk)'), put(bare, 'a')] });
  });

  it('reports a key of the wrong type as a ValidationError reason', async () => {
    await sameFailure({ TransactItems: [put(bare, 'ok1'), { Put: { TableName: bare, Item: { pk: { N: '1' } } } }] });
    await sameFailure({ TransactItems: [check(bare, 'a', 'attribute_not_exists(pk)'), { Delete: { TableName: bare, Key: { pk: { N: '1' } } } }] });
  });

  it('rejects malformed transactions with DynamoDB Local’s messages', async () => {
    const invalid: TransactWriteItemsCommandInput[] = [
      { TransactItems: [] },
      { TransactItems: Array.from({ length: 101 }, (_, i) => put(bare, `i${i}`)) },
      { TransactItems: [put(bare, 'dup'), put(bare, 'dup')] },
      { TransactItems: [put(bare, 'dup'), check(bare, 'dup', 'attribute_exists(pk)')] },
      { TransactItems: [{ ...put(bare, 'two'), ...del(bare, 'two') }] },
      { TransactItems: [{}] },
      { TransactItems: [{ ConditionCheck: { TableName: bare, Key: { pk: { S: 'a' } } } }] as never },
      { TransactItems: [put('no-such-table', 'x')] },
      { TransactItems: [{ Put: { TableName: bare, Item: { pk: { S: '' } } } }] },
      { TransactItems: [{ Put: { TableName: bare, Item: { pk: { S: 'huge' }, d: { S: 'x'.repeat(410_000) } } } }] },
      {
        TransactItems: Array.from({ length: 15 }, (_, i) => ({ Put: { TableName: bare, Item: { pk: { S: `big${i}` }, d: { S: 'x'.repeat(300_000) } } } })),
      },
      { TransactItems: [put(bare, 'tok')], ClientRequestToken: 'x'.repeat(37) },
      { TransactItems: [check(bare, 'a', 'bad syntax here')] },
      {
        TransactItems: [
          { Update: { TableName: bare, Key: { pk: { S: 'a' } }, UpdateExpression: 'SET n = n + :s', ExpressionAttributeValues: { ':s': { S: 'x' } } } },
        ],
      },
    ];
    for (const input of invalid) {
      const result = await sameFailure(input);
      expect(result.name).not.toBe('no error');
    }
  });

  it('is idempotent per ClientRequestToken: a replay changes nothing, a different request is refused', async () => {
    const first = { TransactItems: [{ Update: { TableName: bare, Key: { pk: { S: 'counter' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }], ClientRequestToken: `token-${table}`, ReturnConsumedCapacity: 'TOTAL' as const };
    output(await same(oracle, TransactWriteItemsCommand, first));
    output(await same(oracle, TransactWriteItemsCommand, first));
    await same(oracle, GetItemCommand, { TableName: bare, Key: { pk: { S: 'counter' } } });
    await sameFailure({ ...first, TransactItems: [put(bare, 'other')] });
  });
});

describe('TransactGetItems against DynamoDB Local', () => {
  it('reads several items with projections and 2x capacity', async () => {
    output(
      await same(oracle, TransactGetItemsCommand, {
        TransactItems: [
          { Get: { TableName: table, Key: { pk: { S: 'a' } } } },
          { Get: { TableName: table, Key: { pk: { S: 'nope' } } } },
          { Get: { TableName: table, Key: { pk: { S: 'b' } }, ProjectionExpression: 'g' } },
          { Get: { TableName: bare, Key: { pk: { S: 'a' } } } },
        ],
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );
  });

  it('rejects malformed reads with DynamoDB Local’s errors', async () => {
    const invalid: TransactGetItemsCommandInput[] = [
      { TransactItems: [] },
      { TransactItems: [{}] as never },
      { TransactItems: Array.from({ length: 101 }, (_, i) => ({ Get: { TableName: bare, Key: { pk: { S: `k${i}` } } } })) },
      { TransactItems: [{ Get: { TableName: bare, Key: { pk: { S: 'a' } } } }, { Get: { TableName: bare, Key: { pk: { S: 'a' } } } }] },
      { TransactItems: [{ Get: { TableName: 'no-such-table', Key: { pk: { S: 'a' } } } }] },
      { TransactItems: [{ Get: { TableName: bare, Key: { pk: { N: '1' } } } }] },
      { TransactItems: [{ Get: { TableName: bare, Key: { pk: { S: 'a' }, extra: { S: 'x' } } } }] },
      { TransactItems: [{ Get: { TableName: bare, Key: { pk: { S: 'a' } }, ProjectionExpression: '#x' } }] },
    ];
    for (const input of invalid) {
      const result = await sameGetFailure(input);
      expect(result.name).not.toBe('no error');
    }
  });

  it('refuses a response over 4 MB, counting only the items and attributes it returns', async () => {
    const huge = oracle.table('txhuge');
    await same(oracle, CreateTableCommand, {
      TableName: huge,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    });
    for (let i = 0; i < 11; i++) await same(oracle, PutItemCommand, { TableName: huge, Item: { pk: { S: `k${i}` }, d: { S: 'x'.repeat(399 * 1024) } } });
    // Ten of them leave 108,454 bytes under the limit: 'fill' takes it to the limit exactly, and any
    // further response, a missing item's included, passes it.
    await same(oracle, PutItemCommand, { TableName: huge, Item: { pk: { S: 'fill' }, d: { S: 'z'.repeat(108_443) } } });
    await same(oracle, PutItemCommand, { TableName: huge, Item: { pk: { S: 'over' }, d: { S: 'z'.repeat(108_444) } } });
    const get = (pk: string, projection?: string) => ({ Get: { TableName: huge, Key: { pk: { S: pk } }, ...(projection ? { ProjectionExpression: projection } : {}) } });
    const ten = Array.from({ length: 10 }, (_, i) => get(`k${i}`));
    output(await same(oracle, TransactGetItemsCommand, { TransactItems: [...ten, get('fill')] }));
    output(await same(oracle, TransactGetItemsCommand, { TransactItems: [...ten.map((g) => get(g.Get.Key.pk.S, 'pk')), get('k10'), get('missing')] }));
    expect((await sameGetFailure({ TransactItems: [...ten, get('over')] })).message).toMatch(/^Payload in response is too large\./);
    expect((await sameGetFailure({ TransactItems: [get('missing'), ...ten, get('fill')] })).name).toBe('ValidationException');
    expect((await sameGetFailure({ TransactItems: [get('k10'), ...ten, get('fill')] })).name).toBe('ValidationException');
  });
});
