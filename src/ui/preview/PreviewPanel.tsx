// Live preview of what DynamoDB would store: the table or one index as item collections in
// DynamoDB's order, coloured by entity, with sizes, search and an entity filter; clicking an
// item shows it as DynamoDB JSON and as plain JSON. The computing happens in a worker.
import { memo, useDeferredValue, useLayoutEffect, useMemo, useState } from 'react';
import type { Item } from '../../engine/AttributeValue';
import { updateEntity } from '../../model/commands';
import { useDesignStore } from '../../store/designStore';
import { entityColors, UNKNOWN_ENTITY_COLOR } from '../entityColors';
import { NumberField } from '../inspector/fields';
import { Tabs } from '../Tabs';
import { formatBytes, itemToPlain } from './attributeText';
import type { DisplayRow, ViewSummary } from './previewSession';
import { usePreviewWorker } from './usePreviewWorker';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 28;

function viewLabel(view: ViewSummary): string {
  return view.kind === 'TABLE' ? `Table ${view.name}` : `${view.kind} ${view.name}`;
}

export function PreviewPanel() {
  const model = useDesignStore((s) => s.model);
  const colors = useMemo(() => entityColors(model), [model]);
  const entityNames = useMemo(() => new Map(model.entities.map((e) => [e.id, e.name])), [model.entities]);

  const [viewId, setViewId] = useState('table');
  const [search, setSearch] = useState('');
  const [entityFilter, setEntityFilter] = useState('');
  const [selected, setSelected] = useState<string>();
  const deferredSearch = useDeferredValue(search);
  const query = useMemo(() => ({ viewId, search: deferredSearch, entityId: entityFilter }), [viewId, deferredSearch, entityFilter]);
  const { result, computeMs, error, detail, requestItem } = usePreviewWorker(query);

  useLayoutEffect(() => {
    // Marks each committed preview update, for the UI benchmark (keystroke → preview).
    if (result) performance.mark('tablesmith:preview-updated', { detail: { workerMs: computeMs } });
  }, [result, computeMs]);

  // The detail follows the selected row through edits: ask again whenever the rows change.
  useLayoutEffect(() => {
    if (selected !== undefined) requestItem(selected);
  }, [result, selected, requestItem]);

  if (!result) {
    return <p className="empty-state" role="status">{error ? `The preview failed: ${error}` : 'Computing the preview…'}</p>;
  }
  const { view, views, rows } = result;
  const selectedIndex = selected === undefined ? -1 : rows.findIndex((r) => r.key === selected);
  const selectedItem = selectedIndex >= 0 && detail && detail.key === selected ? detail.item : undefined;

  return (
    <div className="preview">
      <div className="preview-main">
        <div className="preview-toolbar">
          <div className="preview-views" role="group" aria-label="Show items of">
            {views.map((v) => (
              <button key={v.id} type="button" aria-pressed={v.id === view.id} onClick={() => setViewId(v.id)}>
                {viewLabel(v)}
              </button>
            ))}
          </div>
          <label>
            <span className="visually-hidden">Search items</span>
            <input type="search" placeholder="Search items" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <label>
            <span className="visually-hidden">Filter by entity</span>
            <select value={entityFilter} onChange={(e) => setEntityFilter(e.target.value)}>
              <option value="">All entities</option>
              {model.entities.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name}
                </option>
              ))}
            </select>
          </label>
          <span className="preview-stats" role="status" aria-label="Preview summary">
            {view.itemCount} items in {view.collectionCount} item collections, {formatBytes(view.size)}
            {view.kind !== 'TABLE' && view.absentCount > 0 && ` · ${view.absentCount} table items not in this index (sparse)`}
            {view.kind !== 'TABLE' && ` · projection ${view.projection}`}
          </span>
        </div>
        {error && (
          <p className="preview-error" role="alert">
            The preview could not be updated: {error}
          </p>
        )}
        <SampleCounts />
        {result.rejectedCount > 0 && (
          <details className="preview-rejected">
            <summary>{result.rejectedCount} sample items DynamoDB would reject</summary>
            <ul>
              {result.rejected.map((r, i) => (
                <li key={i}>
                  {entityNames.get(r.entityId) ?? r.entityId}: {r.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
        <div className="preview-header" aria-hidden="true">
          <span>{view.partitionKey} (partition)</span>
          <span>{view.sortKey ? `${view.sortKey} (sort)` : 'no sort key'}</span>
          <span>Entity</span>
          <span>Attributes</span>
          <span>Size</span>
        </div>
        {result.rowsLeftOut > 0 && (
          <p className="preview-truncated" role="note">
            Showing the first {rows.length} rows; {result.rowsLeftOut} more are in this view. Search or filter by entity to see them.
          </p>
        )}
        {rows.length === 0 ? (
          <p className="empty-state">{view.itemCount === 0 ? `No items in ${viewLabel(view)}.` : 'No items match the search.'}</p>
        ) : (
          <VirtualList
            items={rows}
            rowHeight={ROW_HEIGHT}
            label={`Items in ${viewLabel(view)}`}
            scrollToIndex={selectedIndex}
            renderRow={(row) => (
              <PreviewRowView
                row={row}
                selected={row.key === selected}
                entityName={row.kind === 'item' ? (entityNames.get(row.entityId) ?? (row.entityId || 'Unclaimed')) : ''}
                color={row.kind === 'item' ? (colors.get(row.entityId) ?? UNKNOWN_ENTITY_COLOR).solid : ''}
                onSelect={setSelected}
              />
            )}
          />
        )}
      </div>
      <ItemDetail item={selectedItem} />
    </div>
  );
}

const PreviewRowView = memo(function PreviewRowView({
  row,
  selected,
  entityName,
  color,
  onSelect,
}: {
  row: DisplayRow;
  selected: boolean;
  entityName: string;
  color: string;
  onSelect: (key: string) => void;
}) {
  if (row.kind === 'collection') {
    return (
      <div className="collection-row">
        <span>{row.partitionKey}</span>
        <span className="muted">
          {row.count} item{row.count === 1 ? '' : 's'}
          {row.shown !== row.count ? ` (${row.shown} shown)` : ''} · {formatBytes(row.size)}
        </span>
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`preview-row${selected ? ' is-selected' : ''}`}
      style={{ background: `${color}14`, borderLeft: `4px solid ${color}` }}
      aria-label={`${row.imported ? 'Imported ' : ''}${entityName} item ${row.partitionKey}${row.sortKey ? ` ${row.sortKey}` : ''}`}
      aria-current={selected || undefined}
      onClick={() => onSelect(row.key)}
    >
      <span>{row.partitionKey}</span>
      <span>{row.sortKey}</span>
      <span>
        <span className="entity-badge" style={{ background: color }}>
          {entityName}
        </span>
        {row.imported && (
          <span className="imported-badge" title="An item from the imported file, kept as it is">
            imported
          </span>
        )}
      </span>
      <span>{row.attributes}</span>
      <span>{formatBytes(row.size)}</span>
    </button>
  );
});

function ItemDetail({ item }: { item: Item | undefined }) {
  const [tab, setTab] = useState('dynamodb');
  if (!item) {
    return (
      <aside className="preview-detail" aria-label="Item">
        <p className="empty-state">Click an item to see it as DynamoDB JSON and as plain JSON.</p>
      </aside>
    );
  }
  return (
    <aside className="preview-detail" aria-label="Item">
      <Tabs
        label="Item format"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'dynamodb', label: 'DynamoDB JSON', render: () => <pre aria-label="Item as DynamoDB JSON">{JSON.stringify(item, null, 2)}</pre> },
          { id: 'plain', label: 'Plain JSON', render: () => <pre aria-label="Item as plain JSON">{JSON.stringify(itemToPlain(item), null, 2)}</pre> },
        ]}
      />
    </aside>
  );
}

function SampleCounts() {
  const entities = useDesignStore((s) => s.model.entities);
  const updateModel = useDesignStore((s) => s.updateModel);
  const total = entities.reduce((sum, e) => sum + e.sampleCount, 0);
  return (
    <details className="sample-counts-details">
      <summary>Sample items per entity ({total} in all)</summary>
      <div className="sample-counts">
        {entities.map((entity, i) => (
          <NumberField
            key={entity.id}
            label={`Sample items for ${entity.name}`}
            path={`/entities/${i}/sampleCount`}
            min={0}
            max={5000}
            step={1}
            value={entity.sampleCount}
            onChange={(count) => updateModel(`Edit ${entity.name} sample count`, (m) => updateEntity(m, { entityId: entity.id, patch: { sampleCount: count } }))}
          />
        ))}
      </div>
    </details>
  );
}
