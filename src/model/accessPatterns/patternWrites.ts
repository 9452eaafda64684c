// Which access patterns change data: write patterns run on a fresh copy of the sample items,
// are priced in write units, and need a confirmation before they run on a real endpoint.
import type { AccessPattern, PatternOperation } from '../types';

export const WRITE_OPERATIONS: ReadonlySet<PatternOperation> = new Set<PatternOperation>(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** A PartiQL statement writes unless it is a SELECT; erring towards "writes" only costs a confirmation. */
export function patternWrites(pattern: AccessPattern): boolean {
  if (WRITE_OPERATIONS.has(pattern.operation)) return true;
  if (pattern.operation !== 'ExecuteStatement') return false;
  const statement = pattern.request.Statement;
  return !(typeof statement === 'string' && /^\s*select\b/i.test(statement));
}
