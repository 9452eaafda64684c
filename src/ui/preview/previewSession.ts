// The preview's heavy half, run in a Web Worker: sample items, what DynamoDB would store per
// table and index, and the rows for the current view, search and entity filter. The main
// thread receives display-ready rows only, so typing never waits on 5,000 items of work.
import type { Item } from '../../engine/AttributeValue';
import { computePreview, type IndexPreview, type ModelPreview } from '../../model/preview';
import { generateSampleItems, SampleCache } from '../../model/sampleData';
import type { DesignModel } from '../../model/types';
import { valueText } from './attributeText';
import { buildRows, itemIdentity } from './rows';

/** Attribute text beyond this is cut: a row shows one line of it. */
const ATTRIBUTE_TEXT_LIMIT = 240;
/**
 * Rows sent to the page for one view: more cannot be read by scrolling, and copying hundreds of
 * thousands of rows (an imported file's items) to the page would hold it for a second.
 */
export const ROW_LIMIT = 10_000;

export interface PreviewQuery {
  viewId: string;
  search: string;
  /** Entity id to show, or '' for all. */
  entityId: string;
}

export type DisplayRow =
  | { kind: 'collection'; key: string; partitionKey: string; count: number; shown: number; size: number }
  | { kind: 'item'; key: string; partitionKey: string; sortKey: string; entityId: string; attributes: string; size: number; imported: boolean };

export interface ViewSummary {
  id: string;
  kind: IndexPreview['kind'];
  name: string;
  partitionKey: string;
  sortKey: string | undefined;
  projection: string;
  itemCount: number;
  collectionCount: number;
  size: number;
  absentCount: number;
}

export interface PreviewResult {
  views: ViewSummary[];
  /** The view the rows belong to (the query's, or the table when that view is gone). */
  view: ViewSummary;
  rows: DisplayRow[];
  /** Rows the view has beyond ROW_LIMIT, not sent; search or the entity filter narrows to them. */
  rowsLeftOut: number;
  rejected: { entityId: string; reason: string }[];
  rejectedCount: number;
  overwritten: number;
}

function summary(view: IndexPreview): ViewSummary {
  return {
    id: view.id,
    kind: view.kind,
    name: view.name,
    partitionKey: view.partitionKey.name,
    sortKey: view.sortKey?.name,
    projection: view.projection.type,
    itemCount: view.itemCount,
    collectionCount: view.collections.length,
    size: view.size,
    absentCount: view.absentCount,
  };
}

export class PreviewSession {
  private readonly cache = new SampleCache();
  private model: DesignModel | undefined;
  private preview: ModelPreview | undefined;
  /** Table primary keys of the fixed items the user brought, to mark their rows in every view. */
  private imported = new Set<string>();
  /** Items of the last query's rows by row key, for the detail view. */
  private items = new Map<string, Item>();

  setModel(model: DesignModel): void {
    this.model = model;
    const samples = generateSampleItems(model, this.cache);
    this.preview = computePreview(model, samples);
    const tableKeys = [model.table.partitionKey.name, ...(model.table.sortKey ? [model.table.sortKey.name] : [])];
    this.imported = new Set(samples.filter((sample) => sample.imported).map((sample) => itemIdentity(sample.item, tableKeys)));
  }

  query(query: PreviewQuery): PreviewResult | undefined {
    const { model, preview } = this;
    if (!model || !preview) return undefined;
    const all = [preview.table, ...preview.indexes];
    const view = all.find((v) => v.id === query.viewId) ?? preview.table;
    const tableKeys = [model.table.partitionKey.name, ...(model.table.sortKey ? [model.table.sortKey.name] : [])];
    const rows = buildRows(view, { search: query.search, entities: new Set(query.entityId ? [query.entityId] : []) }, tableKeys);
    const isKey = (name: string) => name === view.partitionKey.name || name === view.sortKey?.name;
    this.items = new Map();
    const display: DisplayRow[] = rows.slice(0, ROW_LIMIT).map((row) => {
      if (row.kind === 'collection') {
        return { kind: 'collection', key: row.key, partitionKey: valueText(row.collection.partitionKey), count: row.collection.items.length, shown: row.shown, size: row.collection.size };
      }
      const { item, entityId, size } = row.item;
      this.items.set(row.key, item);
      let attributes = '';
      for (const name in item) {
        if (isKey(name)) continue;
        attributes += `${attributes ? '   ' : ''}${name}: ${valueText(item[name])}`;
        if (attributes.length > ATTRIBUTE_TEXT_LIMIT) break;
      }
      return {
        kind: 'item',
        key: row.key,
        partitionKey: row.collectionKey,
        sortKey: view.sortKey ? valueText(item[view.sortKey.name]) : '',
        entityId,
        attributes: attributes.slice(0, ATTRIBUTE_TEXT_LIMIT),
        size,
        imported: this.imported.has(itemIdentity(item, tableKeys)),
      };
    });
    return {
      views: all.map(summary),
      view: summary(view),
      rows: display,
      rowsLeftOut: Math.max(0, rows.length - ROW_LIMIT),
      rejected: preview.rejected.slice(0, 50).map((r) => ({ entityId: r.entityId, reason: r.reason })),
      rejectedCount: preview.rejected.length,
      overwritten: preview.overwritten,
    };
  }

  /** The full item behind a row of the last query. */
  item(key: string): Item | undefined {
    return this.items.get(key);
  }
}
