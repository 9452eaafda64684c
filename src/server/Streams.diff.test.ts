// DynamoDB Streams compared with DynamoDB Local's own Streams API. There is no Streams SDK
// client in the project, so both sides are called over HTTP: DynamoDB Local directly, the
// engine through Tablesmith's endpoint server.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/TestServer';

let server: TestServer;
let local: string;
const run = `s${Date.now().toString(36)}`;
let counter = 0;
const tableName = (label: string) => `${run}-${label}-${++counter}`;

beforeAll(async () => {
  local = inject('dynamodbLocalEndpoint');
  server = await startTestServer();
});
afterAll(() => server.close());

const AUTH = 'AWS4-HMAC-SHA256 Credential=streams/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(endpoint: string, service: 'DynamoDB_20120810' | 'DynamoDBStreams_20120810', operation: string, body: unknown): Promise<Answer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `${service}.${operation}`, authorization: AUTH },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Runs a DynamoDB request on both sides; both must succeed or fail alike. */
async function dynamodb(operation: string, body: unknown): Promise<void> {
  const [a, b] = await Promise.all([call(local, 'DynamoDB_20120810', operation, body), call(server.endpoint, 'DynamoDB_20120810', operation, body)]);
  expect(b.status, `${operation} ${JSON.stringify(b.body)}`).toBe(a.status);
}

const streams = (endpoint: string, operation: string, body: unknown) => call(endpoint, 'DynamoDBStreams_20120810', operation, body);

// The parts of a record both sides must agree on; identifiers and times are checked for form.
function comparable(record: Record<string, unknown>) {
  const { eventID, awsRegion, dynamodb: data, ...rest } = record as { eventID: string; awsRegion: string; dynamodb: Record<string, unknown> };
  expect(eventID).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof awsRegion).toBe('string');
  const { ApproximateCreationDateTime: time, SequenceNumber: sequence, ...images } = data as { ApproximateCreationDateTime: number; SequenceNumber: string };
  expect(time % 60).toBe(0);
  expect(sequence).toMatch(/^\d{21}$/);
  return { ...rest, dynamodb: images };
}

interface Side {
  endpoint: string;
  arn: string;
  shard: string;
}

async function side(endpoint: string, table: string): Promise<Side> {
  const list = await streams(endpoint, 'ListStreams', { TableName: table });
  const arn = (list.body.Streams as { StreamArn: string }[])[0]?.StreamArn as string;
  const description = await streams(endpoint, 'DescribeStream', { StreamArn: arn });
  const shard = ((description.body.StreamDescription as { Shards: { ShardId: string }[] }).Shards[0] as { ShardId: string }).ShardId;
  return { endpoint, arn, shard };
}

async function records(s: Side, iterator: Record<string, unknown> = { ShardIteratorType: 'TRIM_HORIZON' }): Promise<Record<string, unknown>[]> {
  const it = await streams(s.endpoint, 'GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ...iterator });
  expect(it.status, JSON.stringify(it.body)).toBe(200);
  const page = await streams(s.endpoint, 'GetRecords', { ShardIterator: it.body.ShardIterator });
  expect(page.status, JSON.stringify(page.body)).toBe(200);
  return page.body.Records as Record<string, unknown>[];
}

/** A table with a stream; `gsi` adds global secondary indexes and their key attributes' definitions. */
async function createStreamTable(
  viewType: string,
  label: string,
  gsi?: { AttributeDefinitions: unknown[]; GlobalSecondaryIndexes: unknown[] },
): Promise<{ table: string; sides: [Side, Side] }> {
  const table = tableName(label);
  await dynamodb('CreateTable', {
    TableName: table,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      ...(gsi?.AttributeDefinitions ?? []),
    ],
    ...(gsi ? { GlobalSecondaryIndexes: gsi.GlobalSecondaryIndexes } : {}),
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
  });
  return { table, sides: [await side(local, table), await side(server.endpoint, table)] };
}

async function writeSequence(table: string): Promise<void> {
  const key = { pk: { S: 'USER#1' }, sk: { S: 'POST#1' } };
  await dynamodb('PutItem', { TableName: table, Item: { ...key, likes: { N: '10' }, text: { S: 'Original post description' } } });
  // The same item again, and an update to the value it already has: no change, no record.
  await dynamodb('PutItem', { TableName: table, Item: { ...key, likes: { N: '10' }, text: { S: 'Original post description' } } });
  await dynamodb('UpdateItem', { TableName: table, Key: key, UpdateExpression: 'SET likes = :v', ExpressionAttributeValues: { ':v': { N: '10' } } });
  await dynamodb('UpdateItem', { TableName: table, Key: key, UpdateExpression: 'SET likes = likes + :v', ExpressionAttributeValues: { ':v': { N: '5' } } });
  await dynamodb('BatchWriteItem', { RequestItems: { [table]: [{ PutRequest: { Item: { pk: { S: 'USER#2' }, sk: { S: 'PROFILE' } } } }] } });
  await dynamodb('TransactWriteItems', {
    TransactItems: [
      { Put: { TableName: table, Item: { pk: { S: 'USER#3' }, sk: { S: 'PROFILE' }, name: { S: 'ann' } } } },
      { Update: { TableName: table, Key: { pk: { S: 'USER#2' }, sk: { S: 'PROFILE' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { N: '1' } } } },
    ],
  });
  await dynamodb('DeleteItem', { TableName: table, Key: key });
  await dynamodb('DeleteItem', { TableName: table, Key: key });
}

describe('DynamoDB Streams against DynamoDB Local', () => {
  for (const viewType of ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY']) {
    it(`records each INSERT, MODIFY and REMOVE with ${viewType}, and nothing for a write that changes nothing`, async () => {
      const { table, sides } = await createStreamTable(viewType, viewType.toLowerCase().replaceAll('_', ''));
      await writeSequence(table);
      const [fromLocal = [], fromEngine = []] = await Promise.all(sides.map((s) => records(s)));
      expect(fromEngine.map(comparable)).toEqual(fromLocal.map(comparable));
      expect(fromEngine.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT', 'INSERT', 'MODIFY', 'REMOVE']);
    });
  }

  it('records keys and images whose attribute names JavaScript gives a meaning', async () => {
    const { table, sides } = await createStreamTable('NEW_AND_OLD_IMAGES', 'names');
    // Parsed, so that __proto__ is a member and not the object's prototype.
    const item: unknown = JSON.parse('{"pk":{"S":"__proto__"},"sk":{"S":"constructor"},"__proto__":{"M":{"toString":{"S":"t"},"__proto__":{"N":"1"}}},"valueOf":{"BOOL":true}}');
    const key = { pk: { S: '__proto__' }, sk: { S: 'constructor' } };
    await dynamodb('PutItem', { TableName: table, Item: item });
    await dynamodb('UpdateItem', {
      TableName: table,
      Key: key,
      UpdateExpression: 'SET #p.#c = :v REMOVE valueOf',
      ExpressionAttributeNames: { '#p': '__proto__', '#c': 'constructor' },
      ExpressionAttributeValues: { ':v': { S: 'c' } },
    });
    await dynamodb('DeleteItem', { TableName: table, Key: key });
    const [fromLocal = [], fromEngine = []] = await Promise.all(sides.map((s) => records(s)));
    expect(fromEngine.map(comparable)).toEqual(fromLocal.map(comparable));
    expect(JSON.stringify(fromEngine.map((record) => (record.dynamodb as { NewImage?: unknown }).NewImage))).toContain('"__proto__":{"M":{"toString"');
  });

  it('records only table keys when the table has a GSI with a multi-attribute key', async () => {
    const { table, sides } = await createStreamTable('NEW_AND_OLD_IMAGES', 'multikey', {
      AttributeDefinitions: [
        { AttributeName: 'a', AttributeType: 'S' },
        { AttributeName: 'b', AttributeType: 'N' },
        { AttributeName: 'c', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'multi',
          KeySchema: [
            { AttributeName: 'a', KeyType: 'HASH' },
            { AttributeName: 'b', KeyType: 'HASH' },
            { AttributeName: 'c', KeyType: 'RANGE' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
    const key = { pk: { S: 'USER#1' }, sk: { S: 'POST#1' } };
    await dynamodb('PutItem', { TableName: table, Item: { ...key, a: { S: 'x' }, b: { N: '1' } } });
    await dynamodb('UpdateItem', { TableName: table, Key: key, UpdateExpression: 'SET c = :c', ExpressionAttributeValues: { ':c': { S: 'y' } } });
    await dynamodb('UpdateItem', { TableName: table, Key: key, UpdateExpression: 'REMOVE b' });
    await dynamodb('DeleteItem', { TableName: table, Key: key });
    const [fromLocal = [], fromEngine = []] = await Promise.all(sides.map((s) => records(s)));
    expect(fromEngine.map(comparable)).toEqual(fromLocal.map(comparable));
    expect(fromEngine.map((record) => Object.keys((record.dynamodb as { Keys: object }).Keys).sort())).toEqual([['pk', 'sk'], ['pk', 'sk'], ['pk', 'sk'], ['pk', 'sk']]);
  });

  it('describes streams and shards as DynamoDB Local does, through enable, disable and re-enable', async () => {
    const { table, sides } = await createStreamTable('KEYS_ONLY', 'lifecycle');
    await dynamodb('PutItem', { TableName: table, Item: { pk: { S: 'a' }, sk: { S: 'b' } } });
    const describe = async (s: Side) => {
      const answer = await streams(s.endpoint, 'DescribeStream', { StreamArn: s.arn });
      const d = answer.body.StreamDescription as Record<string, unknown> & { Shards: { SequenceNumberRange: Record<string, string> }[] };
      expect(d.StreamLabel).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
      expect(String(d.StreamArn).endsWith(`table/${table}/stream/${String(d.StreamLabel)}`)).toBe(true);
      const { StreamArn: _a, StreamLabel: _l, CreationRequestDateTime: _c, Shards, ...rest } = d;
      return { ...rest, Shards: Shards.map((shard) => Object.keys(shard.SequenceNumberRange).sort()) };
    };
    expect(await describe(sides[1])).toEqual(await describe(sides[0]));
    await dynamodb('UpdateTable', { TableName: table, StreamSpecification: { StreamEnabled: false } });
    expect(await describe(sides[1])).toEqual(await describe(sides[0]));
    await dynamodb('UpdateTable', { TableName: table, StreamSpecification: { StreamEnabled: false } });
    await dynamodb('UpdateTable', { TableName: table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } });
    await dynamodb('UpdateTable', { TableName: table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } });
    const listed = await Promise.all(sides.map((s) => streams(s.endpoint, 'ListStreams', { TableName: table })));
    const shape = (answer: Answer) => (answer.body.Streams as { TableName: string }[]).map((stream) => stream.TableName);
    expect(shape(listed[1] as Answer)).toEqual(shape(listed[0] as Answer));
    // A disabled stream's closed shard is drained: no NextShardIterator after its records.
    const drained = await Promise.all(
      sides.map(async (s) => {
        const it = await streams(s.endpoint, 'GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'TRIM_HORIZON' });
        const page = await streams(s.endpoint, 'GetRecords', { ShardIterator: it.body.ShardIterator });
        return { count: (page.body.Records as unknown[]).length, next: 'NextShardIterator' in page.body };
      }),
    );
    expect(drained[1]).toEqual(drained[0]);
  });

  it('positions iterators with TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER', async () => {
    const { table, sides } = await createStreamTable('NEW_IMAGE', 'iterators');
    for (const n of ['1', '2', '3']) await dynamodb('PutItem', { TableName: table, Item: { pk: { S: 'p' }, sk: { S: n } } });
    for (const s of sides) {
      const all = await records(s);
      expect(all).toHaveLength(3);
      const second = (all[1] as { dynamodb: { SequenceNumber: string } }).dynamodb.SequenceNumber;
      const keys = (list: Record<string, unknown>[]) => list.map((record) => ((record.dynamodb as { Keys: { sk: { S: string } } }).Keys.sk.S));
      expect(keys(await records(s, { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: second }))).toEqual(['2', '3']);
      expect(keys(await records(s, { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: second }))).toEqual(['3']);
      const latest = await streams(s.endpoint, 'GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'LATEST' });
      const empty = await streams(s.endpoint, 'GetRecords', { ShardIterator: latest.body.ShardIterator, Limit: 1 });
      expect(empty.body.Records).toEqual([]);
      expect(typeof empty.body.NextShardIterator).toBe('string');
    }
    await dynamodb('PutItem', { TableName: table, Item: { pk: { S: 'p' }, sk: { S: '4' } } });
    for (const s of sides) {
      // Following NextShardIterator from TRIM_HORIZON in pages of one reaches every record once.
      let iterator = (await streams(s.endpoint, 'GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'TRIM_HORIZON' })).body.ShardIterator;
      const seen: string[] = [];
      for (let page = 0; page < 6 && iterator; page++) {
        const answer = await streams(s.endpoint, 'GetRecords', { ShardIterator: iterator, Limit: 1 });
        for (const record of answer.body.Records as { dynamodb: { Keys: { sk: { S: string } } } }[]) seen.push(record.dynamodb.Keys.sk.S);
        iterator = answer.body.NextShardIterator;
      }
      expect(seen).toEqual(['1', '2', '3', '4']);
    }
  });

  it('answers invalid Streams requests with DynamoDB Local’s errors', async () => {
    const { sides } = await createStreamTable('KEYS_ONLY', 'errors');
    const requests = (s: Side): [string, unknown][] => [
      ['DescribeStream', {}],
      ['DescribeStream', { StreamArn: 'garbage' }],
      ['DescribeStream', { StreamArn: s.arn, Limit: 0 }],
      ['DescribeStream', { StreamArn: s.arn, ExclusiveStartShardId: 'x' }],
      ['ListStreams', { Limit: 0 }],
      ['ListStreams', { TableName: 'no-such-table' }],
      ['GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'AT_SEQUENCE_NUMBER' }],
      ['GetShardIterator', { StreamArn: s.arn, ShardId: 'shardId-00000001795580156709-6dced501', ShardIteratorType: 'LATEST' }],
      ['GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: '1' }],
      ['GetShardIterator', { StreamArn: s.arn, ShardId: s.shard, ShardIteratorType: 'TRIM_HORIZON', SequenceNumber: '000000000000000000005' }],
      ['GetRecords', {}],
      ['GetRecords', { ShardIterator: 'arn:aws:dynamodb:ddblocal:000000000000:table/x/stream/2026|001|abc' }],
    ];
    const [a, b] = await Promise.all(sides.map((s) => Promise.all(requests(s).map(([operation, body]) => streams(s.endpoint, operation, body)))));
    const view = (answer: Answer) => ({
      status: answer.status,
      type: String(answer.body.__type).split('#')[1],
      message: String(answer.body.Message ?? answer.body.message ?? '').replace(/arn:aws:dynamodb:[^:]+:\d+:table\/[^ ]+/, '<arn>'),
    });
    expect((b ?? []).map(view)).toEqual((a ?? []).map(view));
  });

  it('validates StreamSpecification on CreateTable and UpdateTable as DynamoDB Local does', async () => {
    const table = tableName('spec');
    const base = {
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    };
    for (const spec of [{ StreamEnabled: true }, { StreamEnabled: false, StreamViewType: 'NEW_IMAGE' }]) {
      const [a, b] = await Promise.all([local, server.endpoint].map((endpoint) => call(endpoint, 'DynamoDB_20120810', 'CreateTable', { ...base, StreamSpecification: spec })));
      expect(b?.body.message ?? b?.body.Message).toBe(a?.body.Message);
    }
    await dynamodb('CreateTable', { ...base, StreamSpecification: { StreamEnabled: false } });
    const [a, b] = await Promise.all(
      [local, server.endpoint].map((endpoint) => call(endpoint, 'DynamoDB_20120810', 'UpdateTable', { TableName: table, StreamSpecification: { StreamEnabled: false } })),
    );
    expect(b?.body.message ?? b?.body.Message).toBe(a?.body.Message);
  });
});
