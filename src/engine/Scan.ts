import type { ScanInput as SdkScanInput, ScanOutput as SdkScanOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues, type AttributeValue, type Item } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import type { StoredEntry } from './ItemCollection';
import { keyToken, partitionToken } from './KeySchema';
import { checkConsistentRead, checkIndexReads, checkLimit, parseSelect, readPage, readTarget, type ReadTarget } from './ReadPage';
import { compileRequest } from './RequestExpressions';
import { checkStartKey } from './StartKey';
import { hash32, slotIndex, type Partitions } from './Table';
import type { Wire } from './wire';

export type ScanInput = Wire<SdkScanInput>;
export type ScanOutput = Wire<SdkScanOutput>;

const MAX_TOTAL_SEGMENTS = 1_000_000;
const HASH_SPACE = 2 ** 32;

function constraint(value: number, member: string, rule: string): Error {
  return validationError(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value ${rule}`);
}

/** The hash range [from, to) of one parallel-scan segment. */
function segmentRange(segment: number | undefined, total: number | undefined): { from: number; to: number } {
  if (segment === undefined && total === undefined) return { from: 0, to: HASH_SPACE };
  if (total === undefined) throw validationError('If segment is specified, total segment must also be specified');
  if (segment === undefined) throw validationError('If total segments is specified, a particular segment must also be specified for this request');
  if (total > MAX_TOTAL_SEGMENTS) throw constraint(total, 'totalSegments', `less than or equal to ${MAX_TOTAL_SEGMENTS}`);
  if (segment < 0 || segment >= total) throw constraint(segment, 'segment', `less than or equal to ${total - 1}`);
  return { from: Math.floor((segment * HASH_SPACE) / total), to: Math.floor(((segment + 1) * HASH_SPACE) / total) };
}

function* scanEntries(partitions: Partitions, target: ReadTarget, range: { from: number; to: number }, startKey: Item | undefined): Generator<StoredEntry> {
  const slots = partitions.ordered();
  let first = slotIndex(slots, range.from, '');
  let resume: { token: string; sort: string; tieHash: string; tieRange: string } | undefined;
  if (startKey) {
    const schema = target.keySchema;
    const token = partitionToken(startKey[schema.hash.name] as AttributeValue, schema.hash.type);
    const table = target.table.keySchema;
    resume = {
      token,
      sort: schema.range ? keyToken(startKey[schema.range.name] as AttributeValue, schema.range.type) : '',
      tieHash: target.index ? partitionToken(startKey[table.hash.name] as AttributeValue, table.hash.type) : '',
      tieRange: target.index && table.range ? keyToken(startKey[table.range.name] as AttributeValue, table.range.type) : '',
    };
    first = Math.max(first, slotIndex(slots, hash32(token), token));
  }
  for (let i = first; i < slots.length; i++) {
    const slot = slots[i];
    if (!slot || slot.hash >= range.to) return;
    const collection = slot.collection;
    let cursor = collection.first();
    if (resume && slot.token === resume.token) {
      const { sort, tieHash, tieRange } = resume;
      cursor = collection.seek((entry) => {
        if (entry.sort !== sort) return entry.sort < sort;
        if (entry.tieHash !== tieHash) return entry.tieHash < tieHash;
        return entry.tieRange <= tieRange;
      });
    }
    yield* collection.walk(cursor, true);
  }
}

export function Scan(context: EngineContext, input: ScanInput): ScanOutput {
  const tableName = checkTableName(input.TableName);
  const limit = checkLimit(input.Limit);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity);
  const table = findTable(context, tableName);
  const target = readTarget(context, table, input);
  const expressions = compileRequest('Scan', input, target.keySchema, table);
  checkConsistentRead(target, input);
  const range = segmentRange(input.Segment, input.TotalSegments);
  const select = parseSelect(input, target);
  checkIndexReads(target, expressions, 'Scan');
  const startKey = input.ExclusiveStartKey ? checkStartKey(target, validateItemValues(input.ExclusiveStartKey)) : undefined;
  const partitions = target.index ? target.index.partitions : table.partitions;
  const meter = new CapacityMeter(table.name);
  const page = readPage(scanEntries(partitions, target, range, startKey), {
    target,
    select,
    limit,
    consistent: input.ConsistentRead === true,
    expressions,
    meter,
  });
  const output: ScanOutput = page;
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
