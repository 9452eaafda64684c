// Capacity units by DynamoDB's rules: reads in 4 KB steps (halved when eventually
// consistent), writes in 1 KB steps, each index charged apart, reported TOTAL or INDEXES.
import type { ConsumedCapacity as SdkConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { attributeMap } from './AttributeMap';
import { javaHashMapOrder, javaStringHash, javaTableSizeFor } from './JavaHashOrder';
import type { Wire } from './wire';

export type ConsumedCapacity = Wire<SdkConsumedCapacity>;
export type ReturnConsumedCapacity = 'NONE' | 'TOTAL' | 'INDEXES';

const READ_UNIT_BYTES = 4096;
const WRITE_UNIT_BYTES = 1024;

/** Read units for one item (GetItem and friends charge at least one unit, found or not). */
export function readUnits(bytes: number, consistent: boolean): number {
  return pageReadUnits(Math.max(1, bytes), consistent);
}

/** Read units for a Query or Scan page: item sizes are summed before rounding; nothing read is free. */
export function pageReadUnits(bytes: number, consistent: boolean): number {
  const units = Math.ceil(bytes / READ_UNIT_BYTES);
  return consistent ? units : units / 2;
}

export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
}

function isReturnConsumedCapacity(text: string): text is ReturnConsumedCapacity {
  return text === 'NONE' || text === 'TOTAL' || text === 'INDEXES';
}

/**
 * ReturnConsumedCapacity as DynamoDB Local reads it outside Query: in any case, with null and ""
 * as NONE. Local refuses no value (AWS does, with a validation error); undefined stands for one
 * outside the enum, which each action reads its own way: GetItem and TransactGetItems as
 * INDEXES, Scan as unknownReadCapacity, TransactWriteItems as an empty report, the other writes
 * and BatchGetItem as NONE.
 */
export function parseReturnConsumedCapacity(raw: unknown): ReturnConsumedCapacity | undefined {
  if (raw === undefined || raw === null) return 'NONE';
  const text = String(raw).toUpperCase();
  if (text === '') return 'NONE';
  return isReturnConsumedCapacity(text) ? text : undefined;
}

/** Query matches the names exactly: any other value, "" and "total" too, is unknownReadCapacity. */
export function parseQueryReturnConsumedCapacity(raw: unknown, readsIndex: boolean): ReturnConsumedCapacity {
  if (raw === undefined || raw === null) return 'NONE';
  return typeof raw === 'string' && isReturnConsumedCapacity(raw) ? raw : unknownReadCapacity(readsIndex);
}

/**
 * DynamoDB Local answers a Query or Scan with an unknown ReturnConsumedCapacity as INDEXES would
 * when it reads the table, but with the total alone when it reads an index.
 */
export function unknownReadCapacity(readsIndex: boolean): ReturnConsumedCapacity {
  return readsIndex ? 'TOTAL' : 'INDEXES';
}

/** Units one request consumed on one table and its indexes. */
export class CapacityMeter {
  table = 0;
  private readonly local = new Map<string, number>();
  private readonly global = new Map<string, number>();

  constructor(readonly tableName: string) {}

  addTable(units: number): void {
    this.table += units;
  }

  addIndex(kind: 'GSI' | 'LSI', name: string, units: number): void {
    const map = kind === 'GSI' ? this.global : this.local;
    map.set(name, (map.get(name) ?? 0) + units);
  }

  total(): number {
    let sum = this.table;
    for (const units of this.local.values()) sum += units;
    for (const units of this.global.values()) sum += units;
    return sum;
  }

  report(mode: ReturnConsumedCapacity): ConsumedCapacity | undefined {
    if (mode === 'NONE') return undefined;
    const report: ConsumedCapacity = { TableName: this.tableName, CapacityUnits: this.total() };
    if (mode === 'TOTAL') return report;
    report.Table = { CapacityUnits: this.table };
    if (this.local.size > 0) report.LocalSecondaryIndexes = unitsRecord(this.local);
    if (this.global.size > 0) report.GlobalSecondaryIndexes = unitsRecord(this.global);
    return report;
  }
}

function unitsRecord(map: Map<string, number>): Record<string, { CapacityUnits: number }> {
  const record = attributeMap<{ CapacityUnits: number }>();
  for (const [name, units] of map) record[name] = { CapacityUnits: units };
  return record;
}

/**
 * Per-table reports of a batch in DynamoDB Local's order: a Java `new HashMap<>(tables)` of
 * table names, iterated by hash bucket (String.hashCode, spread, masked to the capacity the
 * map grew to), ties in insertion order. Matched against DynamoDB Local on random names.
 */
export function inJavaHashOrder(reports: ConsumedCapacity[]): ConsumedCapacity[] {
  return javaHashMapOrder(reports, (report) => javaStringHash(report.TableName ?? ''), javaTableSizeFor(reports.length));
}
