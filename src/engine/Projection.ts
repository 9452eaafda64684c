// Which attributes of a table item an index holds.
import { attributeMap, member } from './AttributeMap';
import type { Item } from './AttributeValue';

export type ProjectionType = 'ALL' | 'KEYS_ONLY' | 'INCLUDE';

export interface Projection {
  readonly type: ProjectionType;
  /** INCLUDE's NonKeyAttributes, as given. */
  readonly nonKeyAttributes: readonly string[];
}

/** The attribute names an index holds besides ALL: the table's and index's keys plus INCLUDEs. */
export function projectedNames(projection: Projection, keyNames: readonly string[]): Set<string> | undefined {
  if (projection.type === 'ALL') return undefined;
  const names = new Set(keyNames);
  if (projection.type === 'INCLUDE') for (const name of projection.nonKeyAttributes) names.add(name);
  return names;
}

/** Projects an item; with ALL the item itself is shared, as stored items are never mutated. */
export function projectItem(item: Item, names: Set<string> | undefined): Item {
  if (names === undefined) return item;
  const out: Item = attributeMap();
  for (const name of names) {
    const value = member(item, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
