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
// callers decide when. `startTimeToLiveSweeper` runs it periodically for long-lived hosts
// (the local endpoint server); tests call `sweepExpiredItems` after advancing their clock.
import { attributeMap } from './AttributeMap';
import type { Item } from './AttributeValue';
import type { EngineContext } from './EngineContext';
import { extractKey } from './KeySchema';
import { streamStore } from './streams';
import { TTL_USER_IDENTITY } from './streams/StreamRecord';
import type { Table } from './Table';
import { timeToLiveOf } from './TimeToLive';
import { applyWrite, prepareWrite } from './WriteItem';

const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;

export interface SweepResult {
  /** Items deleted, per table name. */
  deleted: Record<string, number>;
}

function expired(item: Item, attribute: string, now: number): boolean {
  const value = item[attribute];
  if (!value || !('N' in value)) return false;
  const expiresAt = Number(value.N);
  return Number.isFinite(expiresAt) && expiresAt < now && expiresAt >= now - FIVE_YEARS_SECONDS;
}

function expiredItems(table: Table, attribute: string, now: number): Item[] {
  const found: Item[] = [];
  for (const slot of table.partitions.ordered()) {
    for (const entry of slot.collection.walk(slot.collection.first(), true)) {
      if (expired(entry.item, attribute, now)) found.push(entry.item);
    }
  }
  return found;
}

/** Deletes every expired item of every table with TTL enabled, as of the engine's clock. */
export function sweepExpiredItems(context: EngineContext): SweepResult {
  const now = context.now();
  const deleted = attributeMap<number>();
  const streams = streamStore(context);
  for (const table of context.tables.values()) {
    const ttl = timeToLiveOf(table);
    if (!ttl) continue;
    const victims = expiredItems(table, ttl.attributeName, now);
    if (victims.length === 0) continue;
    streams.asService(TTL_USER_IDENTITY, () => {
      for (const item of victims) applyWrite(context, prepareWrite(table, extractKey(item, table.keySchema), undefined));
    });
    deleted[table.name] = victims.length;
  }
  return { deleted };
}

/** Sweeps every `intervalMs` of wall time; returns a function that stops it. */
export function startTimeToLiveSweeper(context: EngineContext, intervalMs = 1000): () => void {
  const timer = setInterval(() => sweepExpiredItems(context), intervalMs);
  return () => clearInterval(timer);
}
