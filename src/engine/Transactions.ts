// What TransactWriteItems and TransactGetItems share: request-size rules, item identity for
// the one-operation-per-item rule, per-table capacity in request order, and
// TransactionCanceledException with its CancellationReasons.
import type { Item } from './AttributeValue';
import { CapacityMeter, type ConsumedCapacity, type ReturnConsumedCapacity } from './ConsumedCapacity';
import { DynamoDBError, validationError } from './errors';
import { javaHashMapOrder, javaStringHash } from './JavaHashOrder';
import type { Table } from './Table';
import { itemTokens } from './Table';

export const MAX_TRANSACTION_ITEMS = 100;
/** Aggregate size of the items a transaction writes. */
export const MAX_TRANSACTION_PAYLOAD_BYTES = 4 * 1024 * 1024;

export function checkItemCount(count: number): void {
  if (count > MAX_TRANSACTION_ITEMS) throw validationError(`Member must have length less than or equal to ${MAX_TRANSACTION_ITEMS}`);
}

/** Rejects a second operation on an item already in the transaction. */
export class ItemIdentities {
  private readonly seen = new Set<string>();

  /** Throws if the item was added before. */
  check(table: Table, key: Item): string {
    const tokens = itemTokens(table.keySchema, key);
    const identity = `${table.name}\u0000${tokens?.partition ?? ''}\u0000${tokens?.sort ?? ''}`;
    if (this.seen.has(identity)) throw validationError('Transaction request cannot include multiple operations on one item');
    return identity;
  }

  add(table: Table, key: Item): void {
    this.seen.add(this.check(table, key));
  }
}

/** One meter per table, reported in DynamoDB's order: a java.util.HashMap keyed by table name. */
export class TransactionMeters {
  private readonly meters = new Map<string, CapacityMeter>();

  for(tableName: string): CapacityMeter {
    let meter = this.meters.get(tableName);
    if (!meter) {
      meter = new CapacityMeter(tableName);
      this.meters.set(tableName, meter);
    }
    return meter;
  }

  report(mode: ReturnConsumedCapacity): ConsumedCapacity[] | undefined {
    if (mode === 'NONE') return undefined;
    const reports: ConsumedCapacity[] = [];
    for (const meter of javaHashMapOrder([...this.meters.values()], (m) => javaStringHash(m.tableName))) {
      const report = meter.report(mode);
      if (report) reports.push(report);
    }
    return reports;
  }
}

export type CancellationReason =
  | { Code: 'None' }
  | { Item?: Item; Code: 'ConditionalCheckFailed' | 'ValidationError'; Message: string };

export function transactionCanceled(reasons: CancellationReason[]): DynamoDBError {
  const codes = reasons.map((reason) => reason.Code).join(', ');
  return new DynamoDBError('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`, {
    extra: { CancellationReasons: reasons },
  });
}
