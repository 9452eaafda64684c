// Items of a run as a person reads them: values as text, attributes in the order of the
// table's keys, and for a write what it did to each item it named.
import type { DesignModel } from '../../model/types';
import type { WrittenItem } from '../../store/patternsRun';

type Json = Record<string, unknown>;

/** One AttributeValue as a person reads it in a cell. */
export function formatValue(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const [type, inner] = Object.entries(value as Json)[0] ?? [];
  switch (type) {
    case 'S':
    case 'N':
    case 'B':
      return String(inner);
    case 'BOOL':
      return String(inner);
    case 'NULL':
      return 'null';
    case 'SS':
    case 'NS':
    case 'BS':
      return `{${(inner as string[]).join(', ')}}`;
    case 'L':
      return `[${(inner as unknown[]).map(formatValue).join(', ')}]`;
    case 'M':
      return `{${Object.entries(inner as Json)
        .map(([k, v]) => `${k}: ${formatValue(v)}`)
        .join(', ')}}`;
    default:
      return JSON.stringify(value);
  }
}

/** The attribute names of `items`: the table's keys first, then the rest alphabetically. */
export function attributeNames(model: DesignModel, items: readonly Json[]): string[] {
  const keys = [model.table.partitionKey.name, model.table.sortKey?.name].filter((n): n is string => n !== undefined);
  const rest = new Set<string>();
  for (const item of items) for (const name of Object.keys(item)) if (!keys.includes(name)) rest.add(name);
  return [...keys.filter((k) => items.some((i) => k in i)), ...[...rest].sort()];
}

export type ItemChange = 'created' | 'updated' | 'deleted' | 'unchanged' | 'absent';
export type AttributeChange = 'added' | 'changed' | 'removed' | 'unchanged';

export interface AttributeRow {
  name: string;
  before?: unknown;
  after?: unknown;
  change: AttributeChange;
}

// Both images come from one engine, which keeps an untouched value exactly as it stored it.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a write did to one item it named, and to each of the item's attributes. */
export function describeWrite(model: DesignModel, written: WrittenItem): { change: ItemChange; rows: AttributeRow[] } {
  const { before, after } = written;
  const rows = attributeNames(model, [before, after].filter((i): i is Json => i !== undefined)).map((name): AttributeRow => {
    const old = before?.[name];
    const now = after?.[name];
    const change = old === undefined ? 'added' : now === undefined ? 'removed' : same(old, now) ? 'unchanged' : 'changed';
    return { name, ...(old === undefined ? {} : { before: old }), ...(now === undefined ? {} : { after: now }), change };
  });
  return { change: itemChange(written, rows), rows };
}

function itemChange({ before, after }: WrittenItem, rows: readonly AttributeRow[]): ItemChange {
  if (!before) return after ? 'created' : 'absent';
  if (!after) return 'deleted';
  return rows.some((row) => row.change !== 'unchanged') ? 'updated' : 'unchanged';
}
