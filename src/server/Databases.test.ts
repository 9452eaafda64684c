import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabases } from './Databases';
import { Journal } from './Journal';

const root = mkdtempSync(join(tmpdir(), 'tablesmith-databases-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const table = { TableName: 'Things', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] };

describe('the databases of the endpoint', () => {
  it('keeps apart access keys and regions whatever characters they hold', async () => {
    const databases = createDatabases();
    const one = databases.engineFor({ accessKeyId: 'a\u0000b', region: 'c' });
    const other = databases.engineFor({ accessKeyId: 'a', region: 'b\u0000c' });
    expect(one).not.toBe(other);
    await one.dispatch('DynamoDB', 'CreateTable', table);
    expect((await other.dispatch('DynamoDB', 'ListTables', {})).body).toEqual({ TableNames: [] });
    await databases.close();
  });

  it('refuses writes without making them once the journal cannot be written', async () => {
    const journal = await Journal.open(root);
    const databases = createDatabases({ journal });
    const database = databases.engineFor({ accessKeyId: 'disk', region: 'us-east-1' });
    await database.dispatch('DynamoDB', 'CreateTable', table);
    await journal.close();
    const lost = await database.dispatch('DynamoDB', 'PutItem', { TableName: 'Things', Item: { pk: { S: 'first' } } });
    expect(lost.status).toBe(500);
    expect(JSON.stringify(lost.body)).toContain('The change was made but could not be kept on disk: cannot write');
    const refused = await database.dispatch('DynamoDB', 'PutItem', { TableName: 'Things', Item: { pk: { S: 'second' } } });
    expect(refused.status).toBe(500);
    expect(JSON.stringify(refused.body)).toContain('Writes are refused: cannot write');
    expect((await database.dispatch('DynamoDB', 'GetItem', { TableName: 'Things', Key: { pk: { S: 'second' } } })).body).toEqual({});
    await databases.close();
  });
});
