// The items a write named, as it left them: each item's attributes before and after the
// write side by side, with what changed marked and a deleted item shown as deleted.
import { useId } from 'react';
import type { DesignModel } from '../../model/types';
import type { WrittenItem } from '../../store/patternsRun';
import { describeWrite, formatValue, type AttributeChange, type ItemChange } from './resultItems';

const ITEM_CHANGE: Record<ItemChange, string> = {
  created: 'Created',
  updated: 'Updated',
  deleted: 'Deleted',
  unchanged: 'Unchanged',
  absent: 'No item',
};

const ATTRIBUTE_CHANGE: Record<AttributeChange, string> = { added: 'added', changed: 'changed', removed: 'removed', unchanged: '' };

function keyLabel(key: WrittenItem['key']): string {
  return Object.entries(key)
    .map(([name, value]) => `${name} ${formatValue(value)}`)
    .join(', ');
}

function WrittenItemTable({ model, written }: { model: DesignModel; written: WrittenItem }) {
  const { change, rows } = describeWrite(model, written);
  const key = keyLabel(written.key);
  return (
    <table className={`result-table written-item written-${change}`}>
      <caption>
        <span className="written-status">{ITEM_CHANGE[change]}</span> {key}
      </caption>
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4}>There was no item at this key before the write, and there is none after it.</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.name} className={`written-${row.change}`}>
              <th scope="row">{row.name}</th>
              <td>{formatValue(row.before)}</td>
              <td>{formatValue(row.after)}</td>
              <td>{ATTRIBUTE_CHANGE[row.change]}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Where the item now is in each secondary index, so a write that drops it from one shows. */
function IndexEntries({ model, written, label }: { model: DesignModel; written: WrittenItem; label: string }) {
  if (written.indexEntries === undefined || written.indexEntries.length === 0) return null;
  return (
    <ul className="index-entries" aria-label={`Index entries of ${label}`}>
      {written.indexEntries.map(({ index, kind, entry }) => {
        const definition = kind === 'GSI' ? model.globalSecondaryIndexes.find((i) => i.name === index) : model.localSecondaryIndexes.find((i) => i.name === index);
        const keyNames = definition === undefined ? [] : 'partitionKey' in definition ? [definition.partitionKey.name, definition.sortKey?.name] : [model.table.partitionKey.name, definition.sortKey.name];
        const missing = keyNames.filter((name): name is string => name !== undefined && written.after?.[name] === undefined);
        return (
          <li key={index}>
            {kind} {index}:{' '}
            {entry !== undefined
              ? keyNames
                  .filter((name): name is string => name !== undefined)
                  .map((name) => `${name} ${formatValue(entry[name])}`)
                  .join(', ')
              : `not in the index${missing.length > 0 ? ` (the item has no ${missing.join(' or ')})` : ''}`}
          </li>
        );
      })}
    </ul>
  );
}

export function WrittenItems({ model, written }: { model: DesignModel; written: readonly WrittenItem[] }) {
  const heading = useId();
  return (
    <section className="written-items" aria-labelledby={heading}>
      <h4 id={heading}>Items after the write</h4>
      {written.length === 0 ? (
        <p>The request names no item by its key.</p>
      ) : (
        written.map((item) => (
          <div key={JSON.stringify(item.key)}>
            <WrittenItemTable model={model} written={item} />
            <IndexEntries model={model} written={item} label={keyLabel(item.key)} />
          </div>
        ))
      )}
    </section>
  );
}
