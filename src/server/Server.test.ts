import { CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './index';
import { startTestServer, type TestServer } from './testing/TestServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function client(accessKeyId: string, region = 'us-east-1'): DynamoDBClient {
  return new DynamoDBClient({ endpoint: server.endpoint, region, credentials: { accessKeyId, secretAccessKey: 'ignored' }, maxAttempts: 1 });
}

const table = (name: string) =>
  new CreateTableCommand({
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  });

describe('the endpoint server with the engine', () => {
  it('keeps tables apart per access key and per region, as DynamoDB Local does', async () => {
    const alice = client('alice');
    const bob = client('bob');
    const aliceWest = client('alice', 'eu-west-1');
    await alice.send(table('shared-name'));
    await bob.send(table('shared-name'));
    await alice.send(new PutItemCommand({ TableName: 'shared-name', Item: { pk: { S: 'k' }, owner: { S: 'alice' } } }));
    expect((await bob.send(new GetItemCommand({ TableName: 'shared-name', Key: { pk: { S: 'k' } } }))).Item).toBeUndefined();
    expect((await alice.send(new GetItemCommand({ TableName: 'shared-name', Key: { pk: { S: 'k' } } }))).Item?.owner?.S).toBe('alice');
    expect((await aliceWest.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    // The same credential always reaches the same database.
    expect((await client('alice').send(new ListTablesCommand({}))).TableNames).toEqual(['shared-name']);
  });

  it('serves concurrent writers without losing a write', async () => {
    const writer = client('concurrency');
    await writer.send(table('counted'));
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => writer.send(new PutItemCommand({ TableName: 'counted', Item: { pk: { S: `k${i}` } } }))),
    );
    expect(server.engineFor('concurrency').DescribeTable({ TableName: 'counted' }).Table?.ItemCount).toBe(100);
  });

  it('reports DynamoDB errors through the SDK with their type and message', async () => {
    await expect(client('errors').send(new GetItemCommand({ TableName: 'missing-table', Key: { pk: { S: 'k' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Cannot do operations on a non-existent table',
    });
  });

  it('starts on the requested port and closes', async () => {
    const started = await startServer({ port: 0, quiet: true });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const tables = await new DynamoDBClient({ endpoint: started.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }).send(
      new ListTablesCommand({}),
    );
    expect(tables.TableNames).toEqual([]);
    await started.close();
  });
});
