// DynamoDB Streams: the four actions served under the `DynamoDBStreams_20120810` target,
// the hooks CreateTable/UpdateTable/DescribeTable/DeleteTable call, and the in-process
// subscription the UI listens to.
import type { EngineContext } from '../EngineContext';
import type { KeySchema } from '../KeySchema';
import { DescribeStream } from './DescribeStream';
import { GetRecords } from './GetRecords';
import { GetShardIterator } from './GetShardIterator';
import { ListStreams } from './ListStreams';
import { parseStreamSpecification } from './StreamSpecification';
import { streamStore, type StreamListener } from './Streams';

export { DescribeStream, GetRecords, GetShardIterator, ListStreams };
export type { StreamRecord, UserIdentity } from './StreamRecord';
export type { StreamViewType, StreamSpecification } from './StreamSpecification';
export type { StreamListener, TableStreamRecord } from './Streams';
export { parseStreamSpecification, streamStore };

/** Actions of the Streams API, by the operation name in `X-Amz-Target`. */
export const streamsActions = { ListStreams, DescribeStream, GetShardIterator, GetRecords } as const;

/**
 * Applies the StreamSpecification member of CreateTable (`creating`) or UpdateTable.
 * Call after the request is otherwise validated, so a rejected request changes nothing.
 */
export function applyStreamSpecification(context: EngineContext, tableName: string, keySchema: KeySchema, raw: unknown, creating: boolean): void {
  const spec = parseStreamSpecification(raw);
  if (spec) streamStore(context).configure(tableName, keySchema, spec, creating);
}

/** StreamSpecification, LatestStreamLabel and LatestStreamArn for DescribeTable. */
export function describeTableStream(context: EngineContext, tableName: string): Record<string, unknown> {
  return streamStore(context).describe(tableName);
}

export function tableStreamDeleted(context: EngineContext, tableName: string): void {
  streamStore(context).tableDeleted(tableName);
}

/** Drops stream records older than DynamoDB's 24-hour retention from every stream of the engine. */
export function trimStreamRecords(context: EngineContext): void {
  streamStore(context).trimAll();
}

/** Every record of every enabled stream of the engine, as it is written; returns unsubscribe. */
export function subscribeToStreams(context: EngineContext, listener: StreamListener): () => void {
  return streamStore(context).subscribe(listener);
}
