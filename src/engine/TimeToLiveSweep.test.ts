import { describe, expect, it, vi } from 'vitest';
import { ItemCollection } from './ItemCollection';
import { createEngine } from './index';
import { subscribeToStreams, type TableStreamRecord } from './streams';
import { sweepExpiredItems } from './TimeToLiveSweep';

const NOW = Date.UTC(2026, 0, 1) / 1000;

function setup() {
  let clock = NOW * 1000;
  const engine = createEngine({ clock: () => clock });
  engine.CreateTable({
    TableName: 'Sessions',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'user', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'byUser', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  engine.UpdateTimeToLive({ TableName: 'Sessions', TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' } });
  const put = (id: string, expiresAt?: { N: string } | { S: string }) =>
    engine.PutItem({ TableName: 'Sessions', Item: { id: { S: id }, user: { S: 'u1' }, ...(expiresAt ? { expiresAt } : {}) } });
  const records: TableStreamRecord[] = [];
  subscribeToStreams(engine.context, (event) => records.push(event));
  const ids = () => (engine.Scan({ TableName: 'Sessions' }).Items ?? []).map((item) => (item.id as { S: string }).S).sort();
  return { engine, put, records, ids, advance: (seconds: number) => (clock += seconds * 1000) };
}

describe('the TTL sweep', () => {
  it('keeps returning expired items until the sweep runs, then deletes exactly them', () => {
    const { engine, put, ids, advance } = setup();
    put('past', { N: String(NOW - 10) });
    put('future', { N: String(NOW + 3600) });
    put('text', { S: String(NOW - 10) });
    put('none');
    put('ancient', { N: String(NOW - 6 * 365 * 24 * 3600) });
    put('fraction', { N: String(NOW - 0.5) });
    expect(engine.GetItem({ TableName: 'Sessions', Key: { id: { S: 'past' } } }).Item).toBeDefined();

    expect(sweepExpiredItems(engine.context).deleted).toEqual({ Sessions: 2 });
    expect(ids()).toEqual(['ancient', 'future', 'none', 'text']);
    // The index lost the swept items too.
    expect(engine.Query({ TableName: 'Sessions', IndexName: 'byUser', KeyConditionExpression: '#u = :u', ExpressionAttributeNames: { '#u': 'user' }, ExpressionAttributeValues: { ':u': { S: 'u1' } } }).Count).toBe(4);

    advance(3599);
    expect(sweepExpiredItems(engine.context).deleted).toEqual({});
    advance(2);
    expect(sweepExpiredItems(engine.context).deleted).toEqual({ Sessions: 1 });
    expect(ids()).toEqual(['ancient', 'none', 'text']);
  });

  it("writes REMOVE records carrying DynamoDB's service identity, and only for sweep deletions", () => {
    const { engine, put, records } = setup();
    put('swept', { N: String(NOW - 1) });
    put('deleted', { N: String(NOW + 100) });
    engine.DeleteItem({ TableName: 'Sessions', Key: { id: { S: 'deleted' } } });
    sweepExpiredItems(engine.context);
    const removes = records.filter((event) => event.record.eventName === 'REMOVE');
    expect(removes.map((event) => [event.record.dynamodb.Keys, event.record.userIdentity])).toEqual([
      [{ id: { S: 'deleted' } }, undefined],
      [{ id: { S: 'swept' } }, { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }],
    ]);
    expect(removes[1]?.record.dynamodb.OldImage).toEqual({ id: { S: 'swept' }, user: { S: 'u1' }, expiresAt: { N: String(NOW - 1) } });
  });

  it('does nothing for tables without TTL, or after TTL is disabled', () => {
    const { engine, put, ids } = setup();
    put('past', { N: String(NOW - 10) });
    engine.UpdateTimeToLive({ TableName: 'Sessions', TimeToLiveSpecification: { Enabled: false, AttributeName: 'expiresAt' } });
    expect(sweepExpiredItems(engine.context).deleted).toEqual({});
    expect(ids()).toEqual(['past']);
  });

  it('finds the due items among many through its expiry index, also after rewrites, deletes and a late TTL', () => {
    let clock = NOW * 1000;
    const engine = createEngine({ clock: () => clock });
    engine.CreateTable({
      TableName: 'Many',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
    });
    // Written before TTL is enabled: the first sweep indexes what is already there.
    for (let id = 0; id < 20_000; id++) engine.PutItem({ TableName: 'Many', Item: { id: { N: String(id) }, exp: { N: String(NOW + id) } } });
    engine.UpdateTimeToLive({ TableName: 'Many', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } });
    expect(sweepExpiredItems(engine.context).deleted).toEqual({});
    // Later writes move, remove or drop expiries; the index follows them.
    engine.PutItem({ TableName: 'Many', Item: { id: { N: '5' }, exp: { N: String(NOW + 50_000) } } });
    engine.PutItem({ TableName: 'Many', Item: { id: { N: '19999' }, exp: { N: String(NOW + 1) } } });
    engine.PutItem({ TableName: 'Many', Item: { id: { N: '7' } } });
    engine.DeleteItem({ TableName: 'Many', Key: { id: { N: '8' } } });
    for (let round = 0; round < 3; round++) engine.PutItem({ TableName: 'Many', Item: { id: { N: '9' }, exp: { N: String(NOW + 9) } } });
    clock += 10_000;
    // No sweep after the first walks a table: the due items come from the index alone.
    const walks = vi.spyOn(ItemCollection.prototype, 'walk');
    const { deleted, keys } = sweepExpiredItems(engine.context);
    expect(walks).not.toHaveBeenCalled();
    walks.mockRestore();
    // Due: ids 0-9 (expiring before NOW + 10) less 5 (moved), 7 (no expiry) and 8 (deleted), plus 19999.
    expect(deleted).toEqual({ Many: 8 });
    expect(keys.Many?.map((key) => Number((key.id as { N: string }).N)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 6, 9, 19999]);
    expect(sweepExpiredItems(engine.context).deleted).toEqual({});
    expect(engine.Scan({ TableName: 'Many', Select: 'COUNT' }).Count).toBe(20_000 - 9);
  });
});
