// DynamoDB Local does not implement tagging ("Tagging is not currently supported in DynamoDB
// Local."), so these follow the AWS service's documented behaviour.
import { describe, expect, it } from 'vitest';
import { createEngine } from './index';

function setup() {
  const engine = createEngine({ region: 'eu-west-1', accountId: '123456789012' });
  engine.CreateTable({
    TableName: 'Music',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  });
  return { engine, arn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Music' };
}

function failure(run: () => unknown): { status: number; body: Record<string, unknown> } | undefined {
  try {
    run();
  } catch (error) {
    return { status: 400, body: (error as { toWire(): Record<string, unknown> }).toWire() };
  }
  return undefined;
}

describe('TagResource, UntagResource and ListTagsOfResource', () => {
  it('adds, replaces, lists and removes tags', () => {
    const { engine, arn } = setup();
    expect(engine.ListTagsOfResource({ ResourceArn: arn })).toEqual({ Tags: [] });
    engine.TagResource({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'core' }, { Key: 'env', Value: 'dev' }] });
    engine.TagResource({ ResourceArn: arn, Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(engine.ListTagsOfResource({ ResourceArn: arn }).Tags).toEqual([
      { Key: 'team', Value: 'core' },
      { Key: 'env', Value: 'prod' },
    ]);
    engine.UntagResource({ ResourceArn: arn, TagKeys: ['team', 'absent'] });
    expect(engine.ListTagsOfResource({ ResourceArn: arn }).Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('forgets the tags of a deleted table', () => {
    const { engine, arn } = setup();
    engine.TagResource({ ResourceArn: arn, Tags: [{ Key: 'team', Value: 'core' }] });
    engine.DeleteTable({ TableName: 'Music' });
    engine.CreateTable({
      TableName: 'Music',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    });
    expect(engine.ListTagsOfResource({ ResourceArn: arn }).Tags).toEqual([]);
  });

  it("answers bad requests with the service's errors", () => {
    const { engine, arn } = setup();
    const message = (run: () => unknown) => failure(run)?.body;
    expect(message(() => engine.ListTagsOfResource({}))).toMatchObject({ message: 'Invalid TableArn' });
    expect(message(() => engine.ListTagsOfResource({ ResourceArn: 'garbage' }))).toMatchObject({
      message: 'Invalid TableArn: Invalid ResourceArn provided as input garbage',
    });
    const missing = 'arn:aws:dynamodb:eu-west-1:123456789012:table/Nope';
    expect(message(() => engine.ListTagsOfResource({ ResourceArn: missing }))).toMatchObject({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: `Requested resource not found: ResourcArn: ${missing} not found`,
    });
    expect(message(() => engine.TagResource({ ResourceArn: arn, Tags: [] }))).toMatchObject({ message: 'Atleast one Tag needs to be provided as Input.' });
    expect(message(() => engine.TagResource({ ResourceArn: arn }))).toMatchObject({
      message: "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    });
    expect(message(() => engine.TagResource({ ResourceArn: arn, Tags: [{ Key: 'aws:owner', Value: 'x' }] }))).toMatchObject({
      message: 'Invalid tag key: aws: prefixed tag key names are not allowed for external use',
    });
    expect(message(() => engine.TagResource({ ResourceArn: arn, Tags: [{ Key: 'k'.repeat(129), Value: 'x' }] }))?.message).toContain(
      'Member must have length between 1 and 128',
    );
    expect(message(() => engine.UntagResource({ ResourceArn: arn, TagKeys: [] }))).toMatchObject({ message: 'Atleast one Tag Key needs to be provided as Input.' });
    const fifty = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect(message(() => engine.TagResource({ ResourceArn: arn, Tags: fifty }))).toMatchObject({
      __type: 'com.amazonaws.dynamodb.v20120810#LimitExceededException',
    });
    expect(engine.ListTagsOfResource({ ResourceArn: arn }).Tags).toEqual([]);
  });

  it('describes the regional endpoint for endpoint discovery', () => {
    const { engine } = setup();
    expect(engine.DescribeEndpoints({})).toEqual({ Endpoints: [{ Address: 'dynamodb.eu-west-1.amazonaws.com', CachePeriodInMinutes: 1440 }] });
  });
});
