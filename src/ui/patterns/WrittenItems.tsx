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

function WrittenItemTable({ model, written }: { model: DesignModel; written: WrittenItem }) {
  const { change, rows } = describeWrite(model, written);
  const key = Object.entries(written.key)
    .map(([name, value]) => `${name} ${formatValue(value)}`)
    .join(', ');
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

export function WrittenItems({ model, written }: { model: DesignModel; written: readonly WrittenItem[] }) {
  const heading = useId();
  return (
    <section className="written-items" aria-labelledby={heading}>
      <h4 id={heading}>Items after the write</h4>
      {written.length === 0 ? (
        <p>The request names no item by its key.</p>
      ) : (
        written.map((item) => <WrittenItemTable key={JSON.stringify(item.key)} model={model} written={item} />)
      )}
    </section>
  );
}
