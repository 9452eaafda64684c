// The preview list's rows: each item collection as a header row followed by its items, after
// the search and entity filters. Pure, so the filter rules are unit-tested.
import type { AttributeValue, Item } from '../../engine/AttributeValue';
import type { IndexPreview, ItemCollectionPreview, PreviewItem } from '../../model/preview';
import { valueText } from './attributeText';

export type PreviewRow =
  | { kind: 'collection'; key: string; collection: ItemCollectionPreview; shown: number }
  | { kind: 'item'; key: string; item: PreviewItem; collectionKey: string };

export interface RowFilter {
  /** Case-insensitive text looked for in every attribute's value and name. */
  search: string;
  /** Entity ids to show; empty shows all. */
  entities: ReadonlySet<string>;
}

function matches(item: Item, needle: string): boolean {
  for (const name in item) {
    if (name.toLowerCase().includes(needle)) return true;
    if (valueText(item[name] as AttributeValue).toLowerCase().includes(needle)) return true;
  }
  return false;
}

/** A stable identity for an item across recomputations: its table primary key. */
export function itemIdentity(item: Item, keyNames: readonly string[]): string {
  return keyNames.map((name) => valueText(item[name])).join('\u0000');
}

export function buildRows(view: IndexPreview, filter: RowFilter, identityKeys: readonly string[]): PreviewRow[] {
  const needle = filter.search.trim().toLowerCase();
  const rows: PreviewRow[] = [];
  for (const collection of view.collections) {
    const collectionKey = valueText(collection.partitionKey);
    const at = rows.length;
    let shown = 0;
    for (const item of collection.items) {
      if (filter.entities.size && !filter.entities.has(item.entityId)) continue;
      if (needle && !matches(item.item, needle)) continue;
      if (shown === 0) rows.push({ kind: 'collection', key: `c:${collectionKey}`, collection, shown: 0 });
      rows.push({ kind: 'item', key: `i:${itemIdentity(item.item, identityKeys)}`, item, collectionKey });
      shown++;
    }
    const header = rows[at];
    if (header?.kind === 'collection') header.shown = shown;
  }
  return rows;
}
