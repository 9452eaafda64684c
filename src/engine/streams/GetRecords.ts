import type { EngineContext } from '../EngineContext';
import { DynamoDBError, validationError } from '../errors';
import { checkNotExpired, decodeShardIterator, encodeShardIterator } from './ShardIterator';
import type { StreamRecord } from './StreamRecord';
import { streamStore } from './Streams';

export interface GetRecordsInput {
  ShardIterator?: string;
  Limit?: number;
}

export interface GetRecordsOutput {
  Records: StreamRecord[];
  NextShardIterator?: string;
}

const MAX_LIMIT = 1000;

export function GetRecords(context: EngineContext, input: GetRecordsInput): GetRecordsOutput {
  const state = decodeShardIterator(input.ShardIterator);
  const limit = input.Limit ?? MAX_LIMIT;
  if (typeof limit !== 'number' || limit < 1) {
    throw validationError(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  if (limit > MAX_LIMIT) throw validationError('One or more parameter values were invalid: Limit should be less than or equal to 1000');
  checkNotExpired(state, context.now());
  const stream = streamStore(context).requireStream(state.streamArn);
  const { shard } = stream;
  if (shard.shardId !== state.shardId) throw new DynamoDBError('ResourceNotFoundException', 'Shard does not exist');
  const oldest = shard.sequence[0];
  if (oldest !== undefined && state.nextSequence < oldest && state.nextSequence >= shard.startingSequenceNumber && shard.startingSequenceNumber < oldest) {
    throw new DynamoDBError('TrimmedDataAccessException', 'The operation attempted to read past the oldest stream record in a shard.');
  }
  const start = lowerBound(shard.sequence, state.nextSequence);
  const records = shard.records.slice(start, start + limit);
  const lastRead = shard.sequence[start + records.length - 1];
  const nextSequence = lastRead === undefined ? state.nextSequence : lastRead + 1;
  const closedAndDrained = shard.endingSequenceNumber !== undefined && nextSequence > shard.endingSequenceNumber;
  return {
    Records: records,
    ...(closedAndDrained
      ? {}
      : {
          NextShardIterator: encodeShardIterator({
            streamArn: stream.arn,
            shardId: shard.shardId,
            nextSequence,
            issuedAt: Math.floor(context.now() * 1000),
          }),
        }),
  };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
