import type { EngineContext } from '../EngineContext';
import { validationError } from '../errors';
import { streamStore } from './Streams';

export interface ListStreamsInput {
  TableName?: string;
  Limit?: number;
  ExclusiveStartStreamArn?: string;
}

export interface ListStreamsOutput {
  Streams: { StreamArn: string; TableName: string; StreamLabel: string }[];
  LastEvaluatedStreamArn?: string;
}

export function ListStreams(context: EngineContext, input: ListStreamsInput): ListStreamsOutput {
  const limit = input.Limit;
  if (limit !== undefined && (typeof limit !== 'number' || limit < 1)) {
    throw validationError(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  if (limit !== undefined && limit > 100) {
    throw validationError(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
  }
  const all = streamStore(context).streams.filter((stream) => input.TableName === undefined || stream.tableName === input.TableName);
  // DynamoDB Local lists newest first, but pages (Limit / ExclusiveStartStreamArn) oldest first.
  const paged = limit !== undefined || input.ExclusiveStartStreamArn !== undefined;
  const ordered = paged ? all : [...all].reverse();
  const start = input.ExclusiveStartStreamArn === undefined ? 0 : ordered.findIndex((s) => s.arn === input.ExclusiveStartStreamArn) + 1;
  const page = ordered.slice(start, limit === undefined ? undefined : start + limit);
  const last = page.at(-1);
  return {
    Streams: page.map((stream) => ({ StreamArn: stream.arn, TableName: stream.tableName, StreamLabel: stream.label })),
    ...(limit !== undefined && last && start + page.length <= ordered.length && page.length === limit ? { LastEvaluatedStreamArn: last.arn } : {}),
  };
}
