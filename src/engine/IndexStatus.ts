// Online index builds. A GSI that UpdateTable adds is CREATING before it turns ACTIVE (first
// provisioning, then backfilling), and a dropped one stays listed as DELETING for a while. The
// phases run on the engine clock, so an injected clock makes them deterministic.
import type { EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import type { SecondaryIndex, Table } from './Table';

/** Seconds after UpdateTable: provisioning until BACKFILL_FROM, backfilling until ACTIVE_FROM. */
export const BACKFILL_FROM = 0.5;
export const ACTIVE_FROM = 1;
/** Seconds a dropped index stays listed as DELETING. */
export const DELETING_FOR = 1;

export type IndexStatus = { status: 'CREATING'; backfilling: boolean } | { status: 'ACTIVE' };

export function indexStatus(context: EngineContext, index: SecondaryIndex): IndexStatus {
  if (index.createdAt === undefined) return { status: 'ACTIVE' };
  const age = context.now() - index.createdAt;
  if (age >= ACTIVE_FROM) return { status: 'ACTIVE' };
  return { status: 'CREATING', backfilling: age >= BACKFILL_FROM };
}

/** Indexes still listed as DELETING; forgets the ones whose deletion has finished. */
export function deletingIndexes(context: EngineContext, table: Table): SecondaryIndex[] {
  const now = context.now();
  const live = table.deleting.filter((entry) => now - entry.deletedAt < DELETING_FOR);
  if (live.length !== table.deleting.length) table.deleting.splice(0, table.deleting.length, ...live);
  return live.map((entry) => entry.index);
}

// AWS answers reads of an index that is not ACTIVE yet with this ValidationException.
export function checkReadable(context: EngineContext, index: SecondaryIndex): void {
  if (indexStatus(context, index).status !== 'ACTIVE') throw validationError(`Cannot read from backfilling global secondary index: ${index.name}`);
}

/** UpdateTable builds or drops one index at a time per table. */
export function checkNoIndexChangeInProgress(context: EngineContext, table: Table): void {
  const building = table.indexes.some((index) => indexStatus(context, index).status !== 'ACTIVE');
  if (building || deletingIndexes(context, table).length > 0) {
    throw new DynamoDBError('LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');
  }
}
