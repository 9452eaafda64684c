import type { EngineContext } from '../EngineContext';
import { DynamoDBError, validationError } from '../errors';
import { encodeShardIterator } from './ShardIterator';
import { streamStore } from './Streams';

export type ShardIteratorType = 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER';

export interface GetShardIteratorInput {
  StreamArn?: string;
  ShardId?: string;
  ShardIteratorType?: string;
  SequenceNumber?: string;
}

const ITERATOR_TYPES: readonly string[] = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'];

export function GetShardIterator(context: EngineContext, input: GetShardIteratorInput): { ShardIterator: string } {
  if (typeof input.StreamArn !== 'string' || input.StreamArn === '') throw validationError('Invalid StreamArn');
  const type = input.ShardIteratorType;
  if (typeof type !== 'string' || !ITERATOR_TYPES.includes(type)) {
    throw validationError(
      `1 validation error detected: Value '${String(type)}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]`,
    );
  }
  const sequenceText = input.SequenceNumber;
  if (sequenceText !== undefined && (typeof sequenceText !== 'string' || sequenceText.length < 21)) {
    throw validationError(`1 validation error detected: Value '${String(sequenceText)}' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21`);
  }
  const bySequence = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
  if (bySequence && (sequenceText === undefined || !/^\d+$/.test(sequenceText))) {
    throw validationError('One or more parameter values were invalid: Invalid SequenceNumber');
  }
  if (!bySequence && sequenceText !== undefined) {
    throw validationError('One or more parameter values were invalid: SequenceNumber should not be passed for this iterator type');
  }
  const stream = streamStore(context).requireStream(input.StreamArn);
  const { shard } = stream;
  if (input.ShardId !== shard.shardId) throw new DynamoDBError('ResourceNotFoundException', 'Shard does not exist');
  const last = shard.sequence.at(-1) ?? shard.startingSequenceNumber - 1;
  let nextSequence: number;
  switch (type as ShardIteratorType) {
    case 'TRIM_HORIZON':
      nextSequence = shard.sequence[0] ?? shard.startingSequenceNumber;
      break;
    case 'LATEST':
      nextSequence = last + 1;
      break;
    case 'AT_SEQUENCE_NUMBER':
      nextSequence = Number(sequenceText);
      break;
    case 'AFTER_SEQUENCE_NUMBER':
      nextSequence = Number(sequenceText) + 1;
      break;
  }
  return {
    ShardIterator: encodeShardIterator({
      streamArn: stream.arn,
      shardId: shard.shardId,
      nextSequence,
      issuedAt: Math.floor(context.now() * 1000),
    }),
  };
}
