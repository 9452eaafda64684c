import type { QueryInput as SdkQueryInput, QueryOutput as SdkQueryOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues, type AttributeValue, type Item } from './AttributeValue';
import { CapacityMeter, parseQueryReturnConsumedCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { compileExpressions, conditionValues } from './expressions';
import { compareCursors, type Cursor, type ItemCollection, type StoredEntry } from './ItemCollection';
import { keyAttributeNames, keyToken, partitionToken, type KeyAttribute, type KeySchema, type MultiAttributeKey } from './KeySchema';
import { partitionTokenOf, partPrefixToken, partsToken, partToken, valuesToken } from './MultiAttributeKey';
import { checkConsistentRead, checkIndexReads, checkLimit, parseSelect, readPage, readTarget, type ReadTarget } from './ReadPage';
import { checkKeyConditionValues } from './PrimaryKey';
import { compileRequest, type KeyCondition, type SortKeyCondition } from './RequestExpressions';
import { checkStartKey, startEntryKey } from './StartKey';
import type { Wire } from './wire';

export type QueryInput = Wire<SdkQueryInput>;
export type QueryOutput = Wire<SdkQueryOutput>;

/**
 * A sort-key predicate as token bounds over a partition. A bound on leading parts of a
 * multi-attribute sort key is a `group`: the tokens it starts (the keys sharing those parts)
 * are all inside an inclusive bound and all outside an exclusive one.
 */
interface SortRange {
  low?: SortBound;
  high?: SortBound;
  prefix?: string;
}

interface SortBound {
  token: string;
  inclusive: boolean;
  group?: boolean;
}

function sortRange(condition: SortKeyCondition | undefined, schema: KeySchema): SortRange {
  const type = schema.range?.type ?? 'S';
  const token = (value: AttributeValue) => keyToken(value, type);
  if (!condition) return {};
  switch (condition.operator) {
    case '=':
      return { low: { token: token(condition.value), inclusive: true }, high: { token: token(condition.value), inclusive: true } };
    case '<':
      return { high: { token: token(condition.value), inclusive: false } };
    case '<=':
      return { high: { token: token(condition.value), inclusive: true } };
    case '>':
      return { low: { token: token(condition.value), inclusive: false } };
    case '>=':
      return { low: { token: token(condition.value), inclusive: true } };
    case 'BETWEEN':
      return { low: { token: token(condition.low), inclusive: true }, high: { token: token(condition.high), inclusive: true } };
    case 'begins_with': {
      const prefix = token(condition.prefix);
      return { low: { token: prefix, inclusive: true }, prefix };
    }
  }
}

/**
 * The range of a multi-attribute sort key's condition: equalities on the leading attributes
 * fix a token prefix, and the last attribute's predicate bounds what follows it.
 */
function multiAttributeSortRange(keyCondition: KeyCondition, key: MultiAttributeKey): SortRange {
  const condition = keyCondition.sortKey?.condition;
  if (!condition) return {};
  const leading = valuesToken(keyCondition.multi?.sortEqualities ?? [], key.range);
  const type = (key.range[keyCondition.multi?.sortEqualities.length ?? 0] as KeyAttribute).type;
  const group = (value: AttributeValue, inclusive: boolean): SortBound => ({ token: leading + partToken(value, type), inclusive, group: true });
  // A one-sided predicate on the last attribute still keeps to the keys the equalities start.
  const within: SortRange = leading === '' ? {} : { low: { token: leading, inclusive: true }, high: { token: leading, inclusive: true, group: true } };
  switch (condition.operator) {
    case '=':
      return { low: group(condition.value, true), high: group(condition.value, true) };
    case '<':
      return { ...within, high: group(condition.value, false) };
    case '<=':
      return { ...within, high: group(condition.value, true) };
    case '>':
      return { ...within, low: group(condition.value, false) };
    case '>=':
      return { ...within, low: group(condition.value, true) };
    case 'BETWEEN':
      return { low: group(condition.low, true), high: group(condition.high, true) };
    case 'begins_with': {
      const prefix = leading + partPrefixToken(condition.prefix, type);
      return { low: { token: prefix, inclusive: true }, prefix };
    }
  }
}

function isBelow(sort: string, range: SortRange): boolean {
  const low = range.low;
  if (low === undefined) return false;
  if (low.inclusive) return sort < low.token;
  return sort <= low.token || (low.group === true && sort.startsWith(low.token));
}

// A prefix is also the range's low bound, so past it only what lies above remains to check.
function isAbove(sort: string, range: SortRange): boolean {
  const high = range.high;
  if (high && (high.inclusive ? sort > high.token && !(high.group === true && sort.startsWith(high.token)) : sort >= high.token)) return true;
  return range.prefix !== undefined && sort > range.prefix && !sort.startsWith(range.prefix);
}

function inRange(sort: string, range: SortRange): boolean {
  return !isBelow(sort, range) && !isAbove(sort, range);
}

/**
 * The entries of the key range in the direction of travel, from `start` (just past a start key)
 * if given. Entries in a key range are contiguous, so its ends are found by binary search, the
 * far one only among the `limit` entries a page may read, and the walk between them reads no keys.
 */
function rangeEntries(collection: ItemCollection, range: SortRange, forward: boolean, start: Cursor | undefined, limit: number | undefined): IterableIterator<StoredEntry> {
  const below = (entry: StoredEntry) => isBelow(entry.sort, range);
  const above = (entry: StoredEntry) => isAbove(entry.sort, range);
  const bounded = range.high !== undefined || range.prefix !== undefined;
  if (forward) {
    const low = range.low ? collection.seek(below) : collection.first();
    const from = start && compareCursors(start, low) > 0 ? start : low;
    if (!bounded) return collection.walk(from, true);
    return collection.walk(from, true, limit === undefined ? collection.seek((entry) => !above(entry)) : collection.seekWithin(from, Math.ceil(limit), true, above));
  }
  const high = bounded ? collection.seek((entry) => !above(entry)) : collection.end();
  const from = start && compareCursors(start, high) < 0 ? start : high;
  if (!range.low) return collection.walk(from, false);
  return collection.walk(from, false, limit === undefined ? collection.seek(below) : collection.seekWithin(from, Math.ceil(limit), false, below));
}

/** The position just past the start key in the direction of travel. */
function cursorAfter(collection: ItemCollection, target: ReadTarget, startKey: Item, forward: boolean): Cursor {
  return collection.seekKey(startEntryKey(target, startKey), forward);
}

/**
 * The key token of the range's inclusive end in the direction of travel, when DynamoDB Local
 * takes it for the end of the range for good: a range over the table's own sort key (a GSI's
 * too, but no other attribute). A page stopping there is complete, and a start key there
 * matches nothing.
 */
function closedEndToken(target: ReadTarget, keyCondition: KeyCondition, forward: boolean): string | undefined {
  const sortKey = keyCondition.sortKey;
  if (!sortKey || sortKey.name !== target.table.keySchema.range?.name) return undefined;
  const condition = sortKey.condition;
  let end: AttributeValue | undefined;
  if (condition.operator === 'BETWEEN') end = forward ? condition.high : condition.low;
  else if (condition.operator === (forward ? '<=' : '>=')) end = condition.value;
  if (!end) return undefined;
  const multi = target.keySchema.multi;
  if (multi) return valuesToken([...(keyCondition.multi?.sortEqualities ?? []), end], multi.range);
  return keyToken(end, (target.keySchema.range as KeyAttribute).type);
}

/** The token of the sort-key attributes a key condition uses, as a start key or LastEvaluatedKey holds them. */
function usedSortToken(target: ReadTarget, keyCondition: KeyCondition, key: Item): string | undefined {
  const multi = target.keySchema.multi;
  if (multi) return partsToken(key, multi.range.slice(0, (keyCondition.multi?.sortEqualities.length ?? 0) + 1));
  const rangeKey = target.keySchema.range;
  const value = rangeKey && key[rangeKey.name];
  return value ? keyToken(value, rangeKey.type) : undefined;
}

/**
 * The key attributes (of the index queried) are selected by the key condition, never filtered;
 * DynamoDB Local names the partition key if the filter reads both.
 */
export function checkFilterKeys(input: { FilterExpression?: string | null }, filterNames: readonly string[], schema: KeySchema): void {
  const key = keyAttributeNames(schema).find((name) => filterNames.includes(name));
  if (key === undefined) return;
  const parameter = input.FilterExpression === undefined || input.FilterExpression === null ? 'QueryFilter' : 'Filter Expression';
  throw validationError(`${parameter} can only contain non-primary key attributes: Primary key attribute: ${key}`);
}

/**
 * A kept compilation of a multi-attribute key condition skipped the check of its values (see
 * KeySchemaInput.checkValue); its shape and types were accepted, so the first empty value in
 * key schema order is what DynamoDB Local reports.
 */
function checkMultiAttributeValues(keyCondition: KeyCondition, key: MultiAttributeKey, indexName: string | undefined): void {
  keyCondition.multi?.partitionValues.forEach((value, i) => checkKeyConditionValues([value], key.hash[i] as KeyAttribute, indexName));
  keyCondition.multi?.sortEqualities.forEach((value, i) => checkKeyConditionValues([value], key.range[i] as KeyAttribute, indexName));
  const last = key.range[keyCondition.multi?.sortEqualities.length ?? 0];
  if (keyCondition.sortKey && last) checkKeyConditionValues(conditionValues(keyCondition.sortKey.condition), last, indexName);
}

export function Query(context: EngineContext, input: QueryInput): QueryOutput {
  const tableName = checkTableName(input.TableName);
  // DynamoDB Local's order: table and index, Limit, the expressions, consistent read, the key
  // condition against the key schema, the start key, key attributes in the filter, filter
  // attributes the index does not project, Select, projected attributes.
  const table = findTable(context, tableName);
  const target = readTarget(context, table, input);
  const limit = checkLimit(input.Limit);
  const capacityMode = parseQueryReturnConsumedCapacity(input.ReturnConsumedCapacity, target.index !== undefined);
  // A consistent read of a GSI is refused after the expressions' own checks but before the key
  // condition is matched to the index's key schema.
  if (target.index?.kind === 'GSI' && input.ConsistentRead === true) {
    compileExpressions('Query', input, undefined, table.keyNames());
    checkConsistentRead(target, input);
  }
  const expressions = compileRequest('Query', input, target.keySchema, table);
  const keyCondition = expressions.keyCondition;
  if (!keyCondition) throw validationError('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const indexName = target.index?.name;
  const multi = target.keySchema.multi;
  if (multi) checkMultiAttributeValues(keyCondition, multi, indexName);
  else {
    checkKeyConditionValues([keyCondition.partitionValue], target.keySchema.hash, indexName);
    if (keyCondition.sortKey && target.keySchema.range) checkKeyConditionValues(conditionValues(keyCondition.sortKey.condition), target.keySchema.range, indexName);
  }
  const range = multi ? multiAttributeSortRange(keyCondition, multi) : sortRange(keyCondition.sortKey?.condition, target.keySchema);
  const hash = multi ? valuesToken(keyCondition.multi?.partitionValues ?? [], multi.hash) : partitionToken(keyCondition.partitionValue, target.keySchema.hash.type);
  const forward = input.ScanIndexForward !== false;
  const endToken = closedEndToken(target, keyCondition, forward);
  let startKey: Item | undefined;
  if (input.ExclusiveStartKey) {
    startKey = checkStartKey(target, validateItemValues(input.ExclusiveStartKey));
    const startHash = partitionTokenOf(target.keySchema, startKey);
    const startRange = startEntryKey(target, startKey).sort;
    if (startHash !== hash || (target.keySchema.range && (!inRange(startRange, range) || (endToken !== undefined && usedSortToken(target, keyCondition, startKey) === endToken)))) {
      throw validationError('The provided starting key does not match the range key predicate');
    }
  }
  checkFilterKeys(input, expressions.filterNames, target.keySchema);
  // The filter's half of checkIndexReads comes before Select, the projection's after.
  if (target.index) checkIndexReads(target, { ...expressions, projectionNames: [] }, 'Query');
  const select = parseSelect(input, target);
  checkIndexReads(target, expressions, 'Query');
  const partitions = target.index ? target.index.partitions : table.partitions;
  const collection = partitions.get(hash);
  const meter = new CapacityMeter(table.name);
  const entries = collection
    ? rangeEntries(collection, range, forward, startKey ? cursorAfter(collection, target, startKey, forward) : undefined, limit)
    : [];
  const page = readPage(entries, { target, select, limit, consistent: input.ConsistentRead === true, expressions, meter });
  // A partition of a table without sort key holds one item, so its page is always complete, as
  // is one that stops on the range's closed end.
  if (!target.index && !table.keySchema.range) delete page.LastEvaluatedKey;
  if (endToken !== undefined && page.LastEvaluatedKey && usedSortToken(target, keyCondition, page.LastEvaluatedKey) === endToken) delete page.LastEvaluatedKey;
  const output: QueryOutput = page;
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
