import { CreateTableCommand, DescribeLimitsCommand, DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';

let oracle: Oracle;
beforeAll(() => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
});

describe('Time to Live settings against DynamoDB Local', () => {
  it('describes and updates TTL, with every error DynamoDB Local gives', async () => {
    const table = oracle.table('ttl');
    await same(oracle, CreateTableCommand, {
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    });
    const update = (spec: unknown) => same(oracle, UpdateTimeToLiveCommand, { TableName: table, TimeToLiveSpecification: spec as never });
    const describeTtl = () => same(oracle, DescribeTimeToLiveCommand, { TableName: table });
    await describeTtl();
    await same(oracle, DescribeTimeToLiveCommand, { TableName: 'no-such-table' });
    await same(oracle, DescribeTimeToLiveCommand, {} as never);
    await update({ Enabled: true, AttributeName: 'expiresAt' });
    await describeTtl();
    await update({ Enabled: true, AttributeName: 'expiresAt' });
    await update({ Enabled: true, AttributeName: 'other' });
    await update({ Enabled: false, AttributeName: 'other' });
    await update({ Enabled: false, AttributeName: 'expiresAt' });
    await describeTtl();
    await update({ Enabled: false, AttributeName: 'expiresAt' });
    await same(oracle, UpdateTimeToLiveCommand, { TableName: table } as never);
    await update({ Enabled: true });
    await update({ AttributeName: 'x' });
    await update({ Enabled: true, AttributeName: '' });
    await same(oracle, UpdateTimeToLiveCommand, { TableName: 'no-such-table', TimeToLiveSpecification: { Enabled: true, AttributeName: 'x' } });
  });

  it('reports the account limits', async () => {
    await same(oracle, DescribeLimitsCommand, {});
  });
});
