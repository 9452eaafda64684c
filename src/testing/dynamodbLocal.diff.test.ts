import { describe, expect, inject, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

describe('DynamoDB Local harness', () => {
  it('answers ListTables on the injected endpoint', async () => {
    const client = new DynamoDBClient({
      endpoint: inject('dynamodbLocalEndpoint'),
      region: 'us-east-1',
      credentials: { accessKeyId: 'harness', secretAccessKey: 'harness' },
    });
    const out = await client.send(new ListTablesCommand({}));
    expect(Array.isArray(out.TableNames)).toBe(true);
  });
});
