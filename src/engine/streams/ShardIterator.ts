// Shard iterators in DynamoDB Local's format: `<streamArn>|001|base64(<shardId>|<next
// sequence number, 21 digits>|<issue time in ms, 20 digits>)`. An iterator names the next
// record to read, so GetRecords needs no server-side cursor state.
import { base64Decode, base64Encode, isValidBase64, utf8Encode } from '../AttributeValue';
import { DynamoDBError, validationError } from '../errors';

/** Iterators expire 15 minutes after they are issued. */
export const ITERATOR_LIFETIME_SECONDS = 15 * 60;

export interface ShardIteratorState {
  streamArn: string;
  shardId: string;
  /** Sequence number of the first record the iterator may return. */
  nextSequence: number;
  /** Epoch milliseconds when issued. */
  issuedAt: number;
}

export function encodeShardIterator(state: ShardIteratorState): string {
  const inner = `${state.shardId}|${String(state.nextSequence).padStart(21, '0')}|${String(state.issuedAt).padStart(20, '0')}`;
  return `${state.streamArn}|001|${base64Encode(utf8Encode(inner))}`;
}

export function decodeShardIterator(iterator: unknown): ShardIteratorState {
  const invalid = validationError('Invalid ShardIterator');
  if (typeof iterator !== 'string') throw invalid;
  const parts = iterator.split('|');
  const encoded = parts[2];
  if (parts.length !== 3 || parts[1] !== '001' || encoded === undefined || !isValidBase64(encoded)) throw invalid;
  const inner = new TextDecoder().decode(base64Decode(encoded)).split('|');
  const [shardId, sequence, issued] = inner;
  if (inner.length !== 3 || !shardId || !/^\d{21}$/.test(sequence ?? '') || !/^\d{20}$/.test(issued ?? '')) throw invalid;
  return { streamArn: parts[0] as string, shardId, nextSequence: Number(sequence), issuedAt: Number(issued) };
}

export function checkNotExpired(state: ShardIteratorState, nowSeconds: number): void {
  if (nowSeconds * 1000 - state.issuedAt > ITERATOR_LIFETIME_SECONDS * 1000) {
    throw new DynamoDBError('ExpiredIteratorException', 'Iterator expired. The iterator was created over 15 minutes ago.');
  }
}
