import type { ScanInput as SdkScanInput, ScanOutput as SdkScanOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity, unknownReadCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { checkScanKeyScalars } from './expressions';
import { checkConsistentRead, checkIndexReads, checkLimit, parseSelect, readPage, readTarget } from './ReadPage';
import { checkExpressionParameters, compileRequest } from './RequestExpressions';
import { scanEntries, scanSegment, type ParallelScan } from './ScanOrder';
import { checkStartKey } from './StartKey';
import type { Wire } from './wire';

export type ScanInput = Wire<SdkScanInput>;
export type ScanOutput = Wire<SdkScanOutput>;

const MAX_TOTAL_SEGMENTS = 1_000_000;

function constraint(value: number, member: string, rule: string): Error {
  return validationError(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value ${rule}`);
}

function parallelScan(segment: number | undefined, total: number | undefined): ParallelScan | undefined {
  if (segment === undefined && total === undefined) return undefined;
  if (total === undefined) throw validationError('If segment is specified, total segment must also be specified');
  if (segment === undefined) throw validationError('If total segments is specified, a particular segment must also be specified for this request');
  if (total > MAX_TOTAL_SEGMENTS) throw constraint(total, 'totalSegments', `less than or equal to ${MAX_TOTAL_SEGMENTS}`);
  if (segment < 0 || segment >= total) throw constraint(segment, 'segment', `less than or equal to ${total - 1}`);
  return { segment, total };
}

export function Scan(context: EngineContext, input: ScanInput): ScanOutput {
  const tableName = checkTableName(input.TableName);
  // DynamoDB Local's order: table and index, consistent read, expression parameters without
  // expressions, Limit, the expressions, the start key, Select, segments (and the start key's
  // segment), key attributes inside the expressions, projected attributes (with Select when it
  // names SPECIFIC_ATTRIBUTES).
  const table = findTable(context, tableName);
  const target = readTarget(context, table, input);
  checkConsistentRead(target, input);
  checkExpressionParameters('Scan', input);
  const limit = checkLimit(input.Limit);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? unknownReadCapacity(target.index !== undefined);
  const expressions = compileRequest('Scan', input, target.keySchema, table);
  const startKey = input.ExclusiveStartKey ? checkStartKey(target, validateItemValues(input.ExclusiveStartKey)) : undefined;
  const select = parseSelect(input, target);
  // A Select of SPECIFIC_ATTRIBUTES by name has its projection checked against a GSI's at once.
  const namedProjection = input.Select === 'SPECIFIC_ATTRIBUTES';
  if (namedProjection) checkIndexReads(target, expressions, 'Scan');
  const parallel = parallelScan(input.Segment, input.TotalSegments);
  const bounds = scanSegment(target, parallel, startKey);
  checkScanKeyScalars(input, table.keyNames());
  if (!namedProjection) checkIndexReads(target, expressions, 'Scan');
  const meter = new CapacityMeter(table.name);
  const page = readPage(scanEntries(target, bounds, startKey), {
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
