import { describe, expect, it } from 'vitest';
import { DynamoDBError } from './errors';
import { createEngine } from './index';

function tableWithItems() {
  let now = 1_700_000_000_000;
  const engine = createEngine({ clock: () => now });
  engine.CreateTable({
    TableName: 'Things',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  });
  for (const id of ['a', 'b']) engine.PutItem({ TableName: 'Things', Item: { id: { S: id }, g: { S: 'x' } } });
  const advance = (ms: number) => {
    now += ms;
  };
  return { engine, advance };
}

const createByG = {
  TableName: 'Things',
  AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' as const }],
  GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'ByG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'ALL' as const } } }],
};

function error(run: () => unknown): { name: string; message: string } {
  try {
    run();
  } catch (caught) {
    if (caught instanceof DynamoDBError) return { name: caught.name, message: caught.message };
    throw caught;
  }
  throw new Error('expected a DynamoDBError');
}

describe('GSI lifecycle', () => {
  it('reports an added index CREATING, then backfilling, then ACTIVE with its counts', () => {
    const { engine, advance } = tableWithItems();
    const status = () => {
      const [index] = engine.DescribeTable({ TableName: 'Things' }).Table?.GlobalSecondaryIndexes ?? [];
      return { IndexStatus: index?.IndexStatus, Backfilling: index?.Backfilling, ItemCount: index?.ItemCount };
    };
    const created = engine.UpdateTable(createByG).TableDescription?.GlobalSecondaryIndexes?.[0];
    expect(created).toMatchObject({ IndexName: 'ByG', IndexStatus: 'CREATING', Backfilling: false });
    expect(created).not.toHaveProperty('ItemCount');
    expect(status()).toEqual({ IndexStatus: 'CREATING', Backfilling: false, ItemCount: undefined });
    advance(499);
    expect(status()).toEqual({ IndexStatus: 'CREATING', Backfilling: false, ItemCount: undefined });
    advance(1);
    expect(status()).toEqual({ IndexStatus: 'CREATING', Backfilling: true, ItemCount: undefined });
    advance(499);
    expect(status()).toEqual({ IndexStatus: 'CREATING', Backfilling: true, ItemCount: undefined });
    advance(1);
    expect(status()).toEqual({ IndexStatus: 'ACTIVE', Backfilling: undefined, ItemCount: 2 });
  });

  it('refuses reads of an index until it is ACTIVE', () => {
    const { engine, advance } = tableWithItems();
    engine.UpdateTable(createByG);
    const query = () => engine.Query({ TableName: 'Things', IndexName: 'ByG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'x' } } });
    const refusal = { name: 'ValidationException', message: 'Cannot read from backfilling global secondary index: ByG' };
    expect(error(query)).toEqual(refusal);
    advance(700);
    expect(error(() => engine.Scan({ TableName: 'Things', IndexName: 'ByG' }))).toEqual(refusal);
    expect(error(() => engine.ExecuteStatement({ Statement: 'SELECT * FROM "Things"."ByG"' }))).toEqual(refusal);
    advance(300);
    expect(query().Count).toBe(2);
  });

  it('keeps items written while the index builds', () => {
    const { engine, advance } = tableWithItems();
    engine.UpdateTable(createByG);
    engine.PutItem({ TableName: 'Things', Item: { id: { S: 'c' }, g: { S: 'x' } } });
    advance(1000);
    expect(engine.Scan({ TableName: 'Things', IndexName: 'ByG' }).Count).toBe(3);
  });

  it('lists a dropped index as DELETING for a second, then forgets it', () => {
    const { engine, advance } = tableWithItems();
    engine.UpdateTable(createByG);
    advance(1000);
    const dropped = engine.UpdateTable({ TableName: 'Things', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'ByG' } }] });
    expect(dropped.TableDescription?.GlobalSecondaryIndexes).toEqual([expect.objectContaining({ IndexName: 'ByG', IndexStatus: 'DELETING' })]);
    expect(error(() => engine.Scan({ TableName: 'Things', IndexName: 'ByG' })).message).toBe('The table does not have the specified index: ByG');
    expect(error(() => engine.UpdateTable(createByG))).toEqual({ name: 'ResourceInUseException', message: 'Attempt to change a resource which is still in use: Index is being deleted.' });
    advance(999);
    expect(engine.DescribeTable({ TableName: 'Things' }).Table?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('DELETING');
    advance(1);
    expect(engine.DescribeTable({ TableName: 'Things' }).Table).not.toHaveProperty('GlobalSecondaryIndexes');
    expect(engine.UpdateTable(createByG).TableDescription?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('CREATING');
  });

  it('changes one index at a time per table', () => {
    const { engine, advance } = tableWithItems();
    engine.UpdateTable(createByG);
    const second = {
      TableName: 'Things',
      AttributeDefinitions: [{ AttributeName: 'h', AttributeType: 'S' as const }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'ByH', KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'ALL' as const } } }],
    };
    const limit = { name: 'LimitExceededException', message: 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table' };
    expect(error(() => engine.UpdateTable(second))).toEqual(limit);
    expect(engine.UpdateTable({ TableName: 'Things', DeletionProtectionEnabled: false }).TableDescription?.TableStatus).toBe('ACTIVE');
    advance(1000);
    expect(engine.UpdateTable(second).TableDescription?.GlobalSecondaryIndexes?.map((index) => index.IndexStatus).sort()).toEqual(['ACTIVE', 'CREATING']);
    expect(error(() => engine.UpdateTable({ TableName: 'Things', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'ByG' } }] }))).toEqual(limit);
  });

  it('cancels a build only once it is backfilling', () => {
    const { engine, advance } = tableWithItems();
    engine.UpdateTable(createByG);
    const drop = () => engine.UpdateTable({ TableName: 'Things', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'ByG' } }] });
    expect(error(drop)).toEqual({ name: 'ResourceInUseException', message: 'Attempt to change a resource which is still in use: Index is being created.' });
    advance(500);
    expect(drop().TableDescription?.GlobalSecondaryIndexes?.[0]?.IndexStatus).toBe('DELETING');
  });
});
