// Request enums shared by the write actions and what each returns.
import type { Item, AttributeValue } from './AttributeValue';
import { validationError } from './errors';
import type { Table } from './Table';

export type ReturnValue = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export function parseReturnValues(raw: unknown, allowed: readonly ReturnValue[]): ReturnValue {
  if (raw === undefined || raw === null) return 'NONE';
  if (!allowed.includes(raw as ReturnValue)) throw validationError('Return values set to invalid value');
  return raw as ReturnValue;
}

export function parseReturnValuesOnConditionCheckFailure(raw: unknown): 'NONE' | 'ALL_OLD' {
  if (raw === undefined || raw === null || raw === 'NONE') return 'NONE';
  if (raw === 'ALL_OLD') return 'ALL_OLD';
  throw validationError(
    `1 validation error detected: Value '${String(raw)}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
  );
}

export interface ItemCollectionMetrics {
  ItemCollectionKey: Record<string, AttributeValue>;
  SizeEstimateRangeGB: [number, number];
}

const GIGABYTE = 1024 * 1024 * 1024;

/**
 * ReturnItemCollectionMetrics=SIZE: AWS reports the item collection (table partition plus
 * its LSI entries) of tables that have LSIs. DynamoDB Local never does (LocalDifferences).
 */
export function itemCollectionMetrics(table: Table, requested: unknown, key: Item, partition: string): ItemCollectionMetrics | undefined {
  if (requested !== 'SIZE') return undefined;
  const lsis = table.indexes.filter((index) => index.kind === 'LSI');
  if (lsis.length === 0) return undefined;
  let bytes = table.partitions.get(partition)?.bytes ?? 0;
  for (const index of lsis) bytes += index.partitions.get(partition)?.bytes ?? 0;
  const gigabytes = Math.floor(bytes / GIGABYTE);
  const hashName = table.keySchema.hash.name;
  return { ItemCollectionKey: { [hashName]: key[hashName] as AttributeValue }, SizeEstimateRangeGB: [gigabytes, gigabytes + 1] };
}
