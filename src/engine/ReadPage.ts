// What Query and Scan share: choosing the table or index, Select, Limit, the 1 MB page,
// LastEvaluatedKey, filtering, projection and the read capacity of a page.
import type { Item } from './AttributeValue';
import { CapacityMeter, pageReadUnits, readUnits } from './ConsumedCapacity';
import type { EngineContext } from './EngineContext';
import { validationError } from './errors';
import { checkReadable } from './IndexStatus';
import { topLevelOrder } from './expressions/PathTree';
import { javaHashSetOrder } from './JavaHashOrder';
import type { StoredEntry } from './ItemCollection';
import { extractKey, keyAttributeNames, type KeySchema } from './KeySchema';
import type { CompiledExpressions } from './RequestExpressions';
import type { SecondaryIndex, Table } from './Table';

export const MAX_PAGE_BYTES = 1024 * 1024;

export type Select = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

export interface ReadTarget {
  table: Table;
  index: SecondaryIndex | undefined;
  keySchema: KeySchema;
}

interface ReadInput {
  IndexName?: string;
  Select?: string;
  ConsistentRead?: boolean;
  Limit?: number;
  ProjectionExpression?: string;
  AttributesToGet?: string[];
}

export function readTarget(context: EngineContext, table: Table, input: ReadInput): ReadTarget {
  if (input.IndexName === undefined) return { table, index: undefined, keySchema: table.keySchema };
  const index = table.index(input.IndexName);
  if (!index) throw validationError(`The table does not have the specified index: ${input.IndexName}`);
  checkReadable(context, index);
  return { table, index, keySchema: index.keySchema };
}

/** Checks DynamoDB Local makes after compiling the expressions. */
export function checkConsistentRead(target: ReadTarget, input: ReadInput): void {
  if (target.index?.kind === 'GSI' && input.ConsistentRead === true) throw validationError('Consistent reads are not supported on global secondary indexes');
}

/**
 * A GSI answers only from its own entries, so projecting other attributes is an error; a Query
 * filter on any index must also stay within its projection (DynamoDB Local lets Scan filter).
 */
export function checkIndexReads(target: ReadTarget, expressions: CompiledExpressions, operation: 'Query' | 'Scan'): void {
  const index = target.index;
  if (!index || !index.projected) return;
  const projected = index.projected;
  const missing = (names: string[]) => [...new Set(names.filter((name) => !projected.has(name)))].sort();
  // Local lists the projection's names as a Java HashSet filled in the order it visits them, the filter's sorted.
  const unprojected = index.kind === 'GSI' ? javaHashSetOrder(topLevelOrder(expressions.projectionNames)).filter((name) => !projected.has(name)) : [];
  if (unprojected.length > 0) {
    throw validationError(`One or more parameter values were invalid: Global secondary index ${index.name} does not project [${unprojected.join(', ')}]`);
  }
  const unfiltered = operation === 'Query' ? missing(expressions.filterNames) : [];
  if (unfiltered.length > 0) {
    throw validationError(`One or more parameter values were invalid: Secondary index ${index.name} does not project one or more filter attributes: [${unfiltered.join(', ')}]`);
  }
}

export function checkLimit(limit: unknown): number | undefined {
  if (limit === undefined || limit === null) return undefined;
  const value = Number(limit);
  if (!(value >= 1)) throw validationError('Limit must be greater than or equal to 1');
  return value;
}

export function parseSelect(input: ReadInput, target: ReadTarget): Select {
  const hasProjection = input.ProjectionExpression !== undefined || input.AttributesToGet !== undefined;
  const select = input.Select;
  if (select === undefined || select === null) {
    if (hasProjection) return 'SPECIFIC_ATTRIBUTES';
    return target.index ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES';
  }
  if (select !== 'ALL_ATTRIBUTES' && select !== 'ALL_PROJECTED_ATTRIBUTES' && select !== 'SPECIFIC_ATTRIBUTES' && select !== 'COUNT') {
    throw validationError('Select must be ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, COUNT, or SPECIFIC_ATTRIBUTES');
  }
  if (select === 'SPECIFIC_ATTRIBUTES') {
    if (!hasProjection) throw validationError('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
    return select;
  }
  if (hasProjection) {
    throw validationError(
      `Cannot specify the ${input.ProjectionExpression !== undefined ? 'ProjectionExpression' : 'AttributesToGet'} when choosing to get ${select === 'COUNT' ? 'only the Count' : select}`,
    );
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !target.index) {
    throw validationError('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  if (select === 'ALL_ATTRIBUTES' && target.index?.kind === 'GSI' && target.index.projection.type !== 'ALL') {
    throw validationError(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${target.index.name} because its projection type is not ALL`,
    );
  }
  return select;
}

export interface Page {
  Items?: Item[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: Item;
}

export interface PageRequest {
  target: ReadTarget;
  select: Select;
  limit: number | undefined;
  consistent: boolean;
  expressions: CompiledExpressions;
  meter: CapacityMeter;
}

/** Whether a page of an LSI must fetch attributes the index does not project from the table. */
function needsTableFetch(request: PageRequest): boolean {
  const index = request.target.index;
  if (!index || index.kind !== 'LSI' || !index.projected) return false;
  // DynamoDB Local reads the table item for any ProjectionExpression on such an LSI.
  if (request.select === 'ALL_ATTRIBUTES' || request.select === 'SPECIFIC_ATTRIBUTES') return true;
  const names = request.expressions.referencedNames;
  return names.some((name) => !index.projected?.has(name));
}

// The page read last, with the stored entry behind each of its items (undefined for a projected
// item): the in-process handler answers right after reading a page, and reuses what it cached
// on the entries (StoredEntry.wire). One slot, as remembering every page would cost more.
let recentPage: { items: readonly Item[]; entries: readonly (StoredEntry | undefined)[] } | undefined;

/** The stored entries `items` came from, index for index, when they are the page read last. */
export function storedEntriesOf(items: readonly Item[]): readonly (StoredEntry | undefined)[] | undefined {
  return recentPage?.items === items ? recentPage.entries : undefined;
}

/** Reads entries in order into one page, stopping at Limit or 1 MB as DynamoDB does. */
export function readPage(entries: Iterable<StoredEntry>, request: PageRequest): Page {
  const { target, select, limit, expressions, meter } = request;
  const fetch = needsTableFetch(request);
  const items: Item[] = [];
  const stored: (StoredEntry | undefined)[] = [];
  let scanned = 0;
  let count = 0;
  let bytes = 0;
  let readBytes = 0;
  let fetchUnits = 0;
  let stoppedAt: StoredEntry | undefined;
  for (const entry of entries) {
    scanned++;
    bytes += entry.size;
    readBytes += entry.readSize;
    // DynamoDB stops once Limit items or 1 MB are read, even if nothing follows.
    if ((limit !== undefined && scanned >= limit) || bytes >= MAX_PAGE_BYTES) stoppedAt = entry;
    let item = entry.item;
    if (fetch) {
      const full = target.table.get(extractKey(item, target.table.keySchema));
      if (full) {
        item = full.item;
        fetchUnits += readUnits(full.size, request.consistent);
      }
    }
    if (!expressions.filter || expressions.filter(item)) {
      count++;
      // An LSI fetches the table item to filter or to answer ALL_ATTRIBUTES and projections;
      // ALL_PROJECTED_ATTRIBUTES still returns the index entry.
      const source = select === 'ALL_PROJECTED_ATTRIBUTES' ? entry.item : item;
      if (select !== 'COUNT') {
        items.push(expressions.projection ? expressions.projection.apply(source) : source);
        stored.push(!expressions.projection && source === entry.item ? entry : undefined);
      }
    }
    if (stoppedAt) break;
  }
  const units = pageReadUnits(readBytes, request.consistent);
  if (target.index) {
    meter.addTable(fetchUnits);
    meter.addIndex(target.index.kind, target.index.name, units);
  } else {
    meter.addTable(units);
  }
  const page: Page = { Count: count, ScannedCount: scanned };
  if (select !== 'COUNT') {
    page.Items = items;
    recentPage = { items, entries: stored };
  }
  if (stoppedAt) page.LastEvaluatedKey = lastEvaluatedKey(target, stoppedAt.item);
  return page;
}

export function lastEvaluatedKey(target: ReadTarget, item: Item): Item {
  const key = extractKey(item, target.table.keySchema);
  if (target.index) for (const name of keyAttributeNames(target.index.keySchema)) if (item[name]) key[name] = item[name];
  return key;
}
