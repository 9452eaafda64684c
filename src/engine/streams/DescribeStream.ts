import type { EngineContext } from '../EngineContext';
import { validationError } from '../errors';
import { formatSequenceNumber } from './StreamRecord';
import { streamStore } from './Streams';

export interface DescribeStreamInput {
  StreamArn?: string;
  Limit?: number;
  ExclusiveStartShardId?: string;
}

export interface StreamDescription {
  StreamArn: string;
  StreamLabel: string;
  StreamStatus: 'ENABLED' | 'DISABLED';
  StreamViewType: string;
  CreationRequestDateTime: number;
  TableName: string;
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  Shards: { ShardId: string; SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string } }[];
}

export function DescribeStream(context: EngineContext, input: DescribeStreamInput): { StreamDescription: StreamDescription } {
  if (typeof input.StreamArn !== 'string' || input.StreamArn === '') throw validationError('Invalid StreamArn');
  if (input.Limit !== undefined && (typeof input.Limit !== 'number' || input.Limit < 1)) {
    throw validationError(`1 validation error detected: Value '${String(input.Limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  const startShard = input.ExclusiveStartShardId;
  if (startShard !== undefined && (typeof startShard !== 'string' || startShard.length < 28)) {
    throw validationError(`1 validation error detected: Value '${String(startShard)}' at 'exclusiveStartShardId' failed to satisfy constraint: Member must have length greater than or equal to 28`);
  }
  const stream = streamStore(context).requireStream(input.StreamArn);
  const { hash, range } = stream.keySchema;
  const { shard } = stream;
  // Each stream has a single shard; paging past it leaves no shards.
  const shards = startShard === shard.shardId ? [] : [shard];
  return {
    StreamDescription: {
      StreamArn: stream.arn,
      StreamLabel: stream.label,
      StreamStatus: stream.status,
      StreamViewType: stream.viewType,
      CreationRequestDateTime: stream.createdAt,
      TableName: stream.tableName,
      KeySchema: [{ AttributeName: hash.name, KeyType: 'HASH' }, ...(range ? [{ AttributeName: range.name, KeyType: 'RANGE' as const }] : [])],
      Shards: shards.map((s) => ({
        ShardId: s.shardId,
        SequenceNumberRange: {
          StartingSequenceNumber: formatSequenceNumber(s.startingSequenceNumber),
          ...(s.endingSequenceNumber !== undefined ? { EndingSequenceNumber: formatSequenceNumber(s.endingSequenceNumber) } : {}),
        },
      })),
    },
  };
}
