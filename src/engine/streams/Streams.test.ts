import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import { DynamoDBError } from '../errors';
import { DescribeStream, GetRecords, GetShardIterator, ListStreams, subscribeToStreams, trimStreamRecords, type TableStreamRecord } from './index';
import { streamStore } from './Streams';
import { decodeShardIterator, encodeShardIterator } from './ShardIterator';

const START = Date.UTC(2026, 0, 1, 12, 0, 30);

function setup(viewType = 'NEW_AND_OLD_IMAGES') {
  let clock = START;
  const engine = createEngine({ clock: () => clock });
  engine.CreateTable({
    TableName: 'Posts',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType as never },
  });
  const arn = ListStreams(engine.context, { TableName: 'Posts' }).Streams[0]?.StreamArn as string;
  const shardId = DescribeStream(engine.context, { StreamArn: arn }).StreamDescription.Shards[0]?.ShardId as string;
  const iterator = (type = 'TRIM_HORIZON') => GetShardIterator(engine.context, { StreamArn: arn, ShardId: shardId, ShardIteratorType: type }).ShardIterator;
  return { engine, arn, iterator, advance: (ms: number) => (clock += ms) };
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DynamoDBError) return `${error.errorName}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('stream records', () => {
  it('carry keys, the images of the view type, sequence numbers, minute time and size, as in the seed example', () => {
    const { engine, iterator } = setup();
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'USER#123' }, likesCount: { N: '10' } } });
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'USER#123' }, likesCount: { N: '15' } } });
    const { Records } = GetRecords(engine.context, { ShardIterator: iterator() });
    expect(Records).toHaveLength(2);
    const modify = Records[1];
    expect(modify).toMatchObject({
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(START / 60_000) * 60,
        Keys: { PK: { S: 'USER#123' } },
        NewImage: { PK: { S: 'USER#123' }, likesCount: { N: '15' } },
        OldImage: { PK: { S: 'USER#123' }, likesCount: { N: '10' } },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        // Keys ('PK' + 'USER#123') plus each image (keys + 'likesCount' + a 2-byte number).
        SizeBytes: 10 + 22 + 22,
      },
    });
    expect(BigInt(modify?.dynamodb.SequenceNumber ?? '0')).toBeGreaterThan(BigInt(Records[0]?.dynamodb.SequenceNumber ?? '0'));
  });

  it('are pushed to in-process subscribers as they are written, until they unsubscribe', () => {
    const { engine } = setup('KEYS_ONLY');
    const seen: TableStreamRecord[] = [];
    const stop = subscribeToStreams(engine.context, (event) => seen.push(event));
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'a' }, v: { S: '1' } } });
    engine.DeleteItem({ TableName: 'Posts', Key: { PK: { S: 'a' } } });
    stop();
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'b' } } });
    expect(seen.map((event) => [event.tableName, event.record.eventName, event.record.dynamodb.NewImage])).toEqual([
      ['Posts', 'INSERT', undefined],
      ['Posts', 'REMOVE', undefined],
    ]);
  });
});

describe('shard iterators', () => {
  it('round-trip through their encoded form', () => {
    const state = { streamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-01-01T00:00:00.000', shardId: 'shardId-00000001767225600000-0a1b2c3d', nextSequence: 42, issuedAt: START };
    expect(decodeShardIterator(encodeShardIterator(state))).toEqual(state);
  });

  it('expire 15 minutes after they are issued, by the engine clock', () => {
    const { engine, iterator, advance } = setup();
    const issued = iterator();
    advance(15 * 60 * 1000);
    expect(GetRecords(engine.context, { ShardIterator: issued }).Records).toEqual([]);
    advance(1);
    expect(errorOf(() => GetRecords(engine.context, { ShardIterator: issued }))).toBe(
      'ExpiredIteratorException: Iterator expired. The iterator was created over 15 minutes ago.',
    );
  });

  it('lose records older than the 24-hour retention', () => {
    const { engine, iterator, advance } = setup();
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'old' } } });
    advance(25 * 60 * 60 * 1000);
    engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'new' } } });
    const keys = GetRecords(engine.context, { ShardIterator: iterator() }).Records.map((record) => record.dynamodb.Keys.PK);
    expect(keys).toEqual([{ S: 'new' }]);
  });

  it('are dropped after 24 hours of engine time from streams nobody writes to any more', () => {
    const { engine, advance } = setup();
    for (let i = 0; i < 8000; i++) engine.PutItem({ TableName: 'Posts', Item: { PK: { S: 'same' }, n: { N: String(i) } } });
    engine.UpdateTable({ TableName: 'Posts', StreamSpecification: { StreamEnabled: false } });
    engine.CreateTable({
      TableName: 'Deleted',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    engine.PutItem({ TableName: 'Deleted', Item: { PK: { S: 'k' } } });
    engine.DeleteTable({ TableName: 'Deleted' });
    const held = () => streamStore(engine.context).streams.map((stream) => stream.shard.records.length);
    expect(held()).toEqual([8000, 1]);
    advance(23 * 60 * 60 * 1000);
    trimStreamRecords(engine.context);
    expect(held()).toEqual([8000, 1]);
    advance(2 * 60 * 60 * 1000);
    trimStreamRecords(engine.context);
    expect(held()).toEqual([0, 0]);
  });
});
