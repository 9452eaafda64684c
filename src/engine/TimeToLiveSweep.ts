// The Time to Live sweep: DynamoDB's background process that deletes expired items.
//
// An item expires when its TTL attribute is a Number of epoch seconds earlier than the
// engine's clock. As in DynamoDB, expiry alone changes nothing: reads keep returning the
// item until a sweep deletes it. Each deletion goes through the normal write path (indexes
// maintained, change feed notified) and its REMOVE stream record carries DynamoDB's own
// userIdentity `{ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }`, which is how
// consumers tell TTL deletions from application deletes. Like the service, the sweep ignores
// TTL values more than five years in the past (they are treated as not-a-timestamp), and
// non-Number TTL attributes.
//
// The engine never sweeps on its own (it has no timers, so tests stay deterministic):
// callers decide when (the local endpoint server once a second; tests after advancing their
// clock). A sweep costs one step per TTL-enabled table plus one per due item: the items are
// found through an index by expiry time (TimeToLiveIndex.ts), never by walking the tables.
import { attributeMap } from './AttributeMap';
import type { Item } from './AttributeValue';
import type { EngineContext } from './EngineContext';
import { streamStore } from './streams';
import { TTL_USER_IDENTITY } from './streams/StreamRecord';
import type { Table } from './Table';
import { timeToLiveOf } from './TimeToLive';
import { expiryIndex } from './TimeToLiveIndex';
import { applyWrite, prepareWrite } from './WriteItem';

export interface SweepResult {
  /** Items deleted, per table name. */
  deleted: Record<string, number>;
  /** The keys deleted, per table name, in the order deleted (what `deleteExpiredItems` replays). */
  keys: Record<string, Item[]>;
}

/** Deletes these items of `table` as the TTL sweep does: REMOVE stream records name DynamoDB as the deleter. */
export function deleteExpiredItems(context: EngineContext, table: Table, keys: readonly Item[]): void {
  streamStore(context).asService(TTL_USER_IDENTITY, () => {
    for (const key of keys) applyWrite(context, prepareWrite(table, key, undefined));
  });
}

/** Deletes every expired item of every table with TTL enabled, as of the engine's clock. */
export function sweepExpiredItems(context: EngineContext): SweepResult {
  const now = context.now();
  const deleted = attributeMap<number>();
  const keys = attributeMap<Item[]>();
  for (const table of context.tables.values()) {
    const ttl = timeToLiveOf(table);
    if (!ttl) continue;
    const due = expiryIndex(context, table, ttl.attributeName).takeDue(now);
    if (due.length === 0) continue;
    deleteExpiredItems(context, table, due);
    deleted[table.name] = due.length;
    keys[table.name] = due;
  }
  return { deleted, keys };
}
