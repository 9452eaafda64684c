// `serve --db-path` as a user runs it: real processes, stopped cleanly or with kill -9.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TagResourceCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from './Journal';
import { startServeProcess } from './testing/TestServer';

const root = mkdtempSync(join(tmpdir(), 'tablesmith-durable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const credentials = { accessKeyId: 'durable', secretAccessKey: 'durable' };
const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

async function scanAll(dynamodb: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A DynamoDB Streams call over the wire (the SDK's streams client is not a dependency). */
// The answers are read loosely by the assertions, member by member, as JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function streamsCall(endpoint: string, operation: string, body: unknown): Promise<Record<string, any>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=durable/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as Record<string, any>;
}

/** Everything a client can see of the Orders table, its indexes, TTL, tags and stream. */
async function everything(endpoint: string) {
  const dynamodb = client(endpoint);
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'Orders' }));
  const stream = await streamsCall(endpoint, 'DescribeStream', { StreamArn: Table?.LatestStreamArn });
  const shardId = stream.StreamDescription?.Shards?.[0]?.ShardId;
  const { ShardIterator } = await streamsCall(endpoint, 'GetShardIterator', { StreamArn: Table?.LatestStreamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' });
  const seen = {
    table: Table,
    items: await scanAll(dynamodb, 'Orders'),
    byStatus: (
      await dynamodb.send(
        new QueryCommand({ TableName: 'Orders', IndexName: 'byStatus', KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'open' } } }),
      )
    ).Items,
    byTotal: (
      await dynamodb.send(new QueryCommand({ TableName: 'Orders', IndexName: 'byTotal', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'customer#1' } } }))
    ).Items,
    ttl: (await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'Orders' }))).TimeToLiveDescription,
    tags: (await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: Table?.TableArn }))).Tags,
    stream: stream.StreamDescription,
    records: (await streamsCall(endpoint, 'GetRecords', { ShardIterator })).Records,
  };
  dynamodb.destroy();
  return seen;
}

describe('serve --db-path', { timeout: 180_000 }, () => {
  it('keeps tables, items, indexes, streams, TTL settings and tags across a clean stop', async () => {
    const db = join(root, 'clean');
    let serve = await startServeProcess(['--db-path', db]);
    expect(serve.output()).toContain(`Tables are kept in ${db} (0 journaled change(s) replayed).`);
    const dynamodb = client(serve.url);
    await dynamodb.send(
      new CreateTableCommand({
        TableName: 'Orders',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
          { AttributeName: 'total', AttributeType: 'N' },
        ],
        GlobalSecondaryIndexes: [{ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byTotal',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'total', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'Orders', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' } }));
    const arn = (await dynamodb.send(new DescribeTableCommand({ TableName: 'Orders' }))).Table?.TableArn;
    await dynamodb.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'orders\u001b[31m' }] }));
    for (let n = 0; n < 40; n++) {
      await dynamodb.send(
        new PutItemCommand({
          TableName: 'Orders',
          Item: { pk: { S: `customer#${n % 4}` }, sk: { S: `order#${n}` }, status: { S: n % 3 ? 'open' : 'shipped' }, total: { N: String(n * 7) }, expires: { N: '4102444800' } },
        }),
      );
    }
    await dynamodb.send(new UpdateItemCommand({ TableName: 'Orders', Key: { pk: { S: 'customer#1' }, sk: { S: 'order#1' } }, UpdateExpression: 'SET #t = :t', ExpressionAttributeNames: { '#t': 'total' }, ExpressionAttributeValues: { ':t': { N: '1000' } } }));
    await dynamodb.send(new DeleteItemCommand({ TableName: 'Orders', Key: { pk: { S: 'customer#2' }, sk: { S: 'order#2' } } }));
    await dynamodb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'Orders', Item: { pk: { S: 'customer#9' }, sk: { S: 'order#t' }, status: { S: 'open' }, total: { N: '5' } } } },
          { Delete: { TableName: 'Orders', Key: { pk: { S: 'customer#3' }, sk: { S: 'order#3' } } } },
        ],
      }),
    );
    await dynamodb.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "Orders" VALUE {'pk': 'customer#9', 'sk': 'order#p', 'total': 1}` }));
    // An expired item: the TTL sweep deletes it within about a second, and that deletion is kept too.
    const expired = { pk: { S: 'customer#0' }, sk: { S: 'order#expired' }, expires: { N: String(Math.floor(Date.now() / 1000) - 100) } };
    await dynamodb.send(new PutItemCommand({ TableName: 'Orders', Item: expired }));
    await expect
      .poll(async () => (await dynamodb.send(new GetItemCommand({ TableName: 'Orders', Key: { pk: expired.pk, sk: expired.sk } }))).Item, { timeout: 30_000 })
      .toBeUndefined();
    dynamodb.destroy();
    const before = await everything(serve.url);
    expect(before.items).toHaveLength(40 - 2 + 2);
    expect(before.records).toHaveLength(40 + 1 + 1 + 2 + 1 + 2);
    expect(before.records?.at(-1)?.userIdentity).toEqual({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' });

    expect(await serve.stop('SIGTERM')).toBe(0);
    serve = await startServeProcess(['--db-path', db]);
    try {
      expect(serve.output()).toMatch(/\(\d+ journaled change\(s\) replayed\)/);
      expect(await everything(serve.url)).toEqual(before);
    } finally {
      await serve.stop();
    }
  });

  it('loses no acknowledged write to kill -9, and a torn last write loses nothing before it', async () => {
    const db = join(root, 'killed');
    let serve = await startServeProcess(['--db-path', db]);
    const setup = client(serve.url);
    await setup.send(
      new CreateTableCommand({
        TableName: 'Counted',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      }),
    );
    setup.destroy();
    // 16 writers put items until the server dies; each success is an acknowledged write.
    const acknowledged: string[] = [];
    let killed: Promise<number | null> | undefined;
    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        const dynamodb = client(serve.url);
        for (let n = 0; killed === undefined; n++) {
          const pk = `w${writer}-${n}`;
          try {
            await dynamodb.send(new PutItemCommand({ TableName: 'Counted', Item: { pk: { S: pk }, payload: { S: 'x'.repeat(200) } } }));
          } catch {
            break;
          }
          acknowledged.push(pk);
          if (acknowledged.length === 600) killed = serve.stop('SIGKILL');
        }
        dynamodb.destroy();
      }),
    );
    await killed;

    serve = await startServeProcess(['--db-path', db]);
    let dynamodb = client(serve.url);
    const kept = new Set((await scanAll(dynamodb, 'Counted')).map((item) => item.pk?.S));
    expect(acknowledged.filter((pk) => !kept.has(pk))).toEqual([]);
    expect(kept.size).toBeGreaterThanOrEqual(acknowledged.length);
    dynamodb.destroy();
    expect(await serve.stop()).toBe(0);

    // A write torn by the crash: a record header promising more bytes than reached the disk.
    const torn = Buffer.alloc(8 + 10);
    torn.writeUInt32LE(100, 0);
    appendFileSync(join(db, JOURNAL_FILE), torn);
    serve = await startServeProcess(['--db-path', db]);
    try {
      expect(serve.output()).toContain('Dropped an incomplete last write (18 bytes)');
      dynamodb = client(serve.url);
      expect(new Set((await scanAll(dynamodb, 'Counted')).map((item) => item.pk?.S))).toEqual(kept);
      dynamodb.destroy();
    } finally {
      await serve.stop();
    }
  });

  it('refuses a directory another running server keeps', async () => {
    const db = join(root, 'shared');
    const first = await startServeProcess(['--db-path', db]);
    try {
      await expect(startServeProcess(['--db-path', db])).rejects.toThrow(`${db} is in use by another tablesmith serve (process ${first.child.pid})`);
    } finally {
      await first.stop();
    }
  });
});
