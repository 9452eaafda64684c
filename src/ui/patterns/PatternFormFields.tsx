// The form for the common case: key condition, filter, projection, order, limit, consistency.
import { useId } from 'react';
import { FILTER_COMPARATORS, formToRequest, type FilterCondition, type PatternForm } from '../../model/accessPatterns';
import type { DesignModel } from '../../model/types';
import type { SortOperator } from '../../model/accessPatterns/expressions';
import { setRequest } from './patternEdits';

const SORT_OPERATORS: SortOperator[] = ['=', '<', '<=', '>', '>=', 'BETWEEN', 'begins_with'];

function keyNames(model: DesignModel, form: PatternForm): { pk: string; sk?: string } {
  const gsi = model.globalSecondaryIndexes.find((g) => g.id === form.index);
  const lsi = model.localSecondaryIndexes.find((l) => l.id === form.index);
  if (gsi) return { pk: gsi.partitionKey.name, ...(gsi.sortKey ? { sk: gsi.sortKey.name } : {}) };
  if (lsi) return { pk: model.table.partitionKey.name, sk: lsi.sortKey.name };
  return { pk: model.table.partitionKey.name, ...(model.table.sortKey ? { sk: model.table.sortKey.name } : {}) };
}

export function PatternFormFields({ model, patternId, form }: { model: DesignModel; patternId: string; form: PatternForm }) {
  const id = useId();
  const { pk, sk } = keyNames(model, form);
  const save = (next: PatternForm) =>
    setRequest(patternId, 'Edit access pattern', formToRequest(model, next), { index: next.operation === 'GetItem' ? undefined : next.index });
  const setFilter = (i: number, change: Partial<FilterCondition>) =>
    save({ ...form, filters: form.filters.map((f, j) => (j === i ? { ...f, ...change } : f)) });

  return (
    <div className="pattern-form">
      {form.operation !== 'Scan' && (
        <div className="ap-row">
          <label htmlFor={`${id}-pk`}>{pk} value</label>
          <input id={`${id}-pk`} value={form.partitionValue} onChange={(e) => save({ ...form, partitionValue: e.target.value })} />
        </div>
      )}
      {form.operation === 'GetItem' && sk && (
        <div className="ap-row">
          <label htmlFor={`${id}-sk`}>{sk} value</label>
          <input id={`${id}-sk`} value={form.sort?.value ?? ''} onChange={(e) => save({ ...form, sort: { operator: '=', value: e.target.value } })} />
        </div>
      )}
      {form.operation === 'Query' && sk && (
        <div className="ap-row">
          <label htmlFor={`${id}-op`}>{sk} condition</label>
          <select
            id={`${id}-op`}
            value={form.sort?.operator ?? ''}
            onChange={(e) => {
              const operator = e.target.value as SortOperator | '';
              const { sort: _drop, ...rest } = form;
              save(operator === '' ? rest : { ...form, sort: { operator, value: form.sort?.value ?? '', ...(operator === 'BETWEEN' ? { high: form.sort?.high ?? '' } : {}) } });
            }}
          >
            <option value="">(none: whole item collection)</option>
            {SORT_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          {form.sort && (
            <>
              <label htmlFor={`${id}-sk`} className="visually-hidden">
                {sk} value
              </label>
              <input id={`${id}-sk`} value={form.sort.value} onChange={(e) => save({ ...form, sort: { ...form.sort!, value: e.target.value } })} />
            </>
          )}
          {form.sort?.operator === 'BETWEEN' && (
            <>
              <label htmlFor={`${id}-high`}>and</label>
              <input id={`${id}-high`} aria-label={`${sk} upper bound`} value={form.sort.high ?? ''} onChange={(e) => save({ ...form, sort: { ...form.sort!, high: e.target.value } })} />
            </>
          )}
        </div>
      )}
      {form.operation !== 'GetItem' && (
        <fieldset className="ap-filters">
          <legend>Filter</legend>
          {form.filters.map((f, i) => (
            <div className="ap-row" key={i}>
              <input aria-label={`Filter ${i + 1} attribute`} placeholder="attribute" value={f.attribute} onChange={(e) => setFilter(i, { attribute: e.target.value })} />
              <select aria-label={`Filter ${i + 1} comparison`} value={f.comparator} onChange={(e) => setFilter(i, { comparator: e.target.value as FilterCondition['comparator'] })}>
                {FILTER_COMPARATORS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              {!f.comparator.startsWith('attribute_') && (
                <>
                  <input aria-label={`Filter ${i + 1} value`} placeholder="value or {{param}}" value={f.value} onChange={(e) => setFilter(i, { value: e.target.value })} />
                  <select aria-label={`Filter ${i + 1} type`} value={f.type} onChange={(e) => setFilter(i, { type: e.target.value as FilterCondition['type'] })}>
                    <option value="S">String</option>
                    <option value="N">Number</option>
                    <option value="BOOL">Boolean</option>
                  </select>
                </>
              )}
              <button type="button" onClick={() => save({ ...form, filters: form.filters.filter((_, j) => j !== i) })}>
                Remove filter {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => save({ ...form, filters: [...form.filters, { attribute: '', comparator: '=', value: '', type: 'S' }] })}>
            Add filter condition
          </button>
        </fieldset>
      )}
      <div className="ap-row">
        <label htmlFor={`${id}-proj`}>Attributes to return</label>
        <input
          id={`${id}-proj`}
          placeholder="all attributes"
          defaultValue={form.projection.join(', ')}
          key={form.projection.join(',')}
          onBlur={(e) => save({ ...form, projection: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })}
        />
      </div>
      {form.operation !== 'GetItem' && (
        <div className="ap-row">
          <label htmlFor={`${id}-limit`}>Limit</label>
          <input
            id={`${id}-limit`}
            type="number"
            min={1}
            value={form.limit ?? ''}
            onChange={(e) => {
              const n = Number.parseInt(e.target.value, 10);
              const { limit: _drop, ...rest } = form;
              save(Number.isFinite(n) && n > 0 ? { ...form, limit: n } : rest);
            }}
          />
        </div>
      )}
      {form.operation === 'Query' && (
        <label className="ap-check">
          <input type="checkbox" checked={!form.scanIndexForward} onChange={(e) => save({ ...form, scanIndexForward: !e.target.checked })} />
          Descending order (ScanIndexForward false)
        </label>
      )}
      <label className="ap-check">
        <input type="checkbox" checked={form.consistentRead} disabled={model.globalSecondaryIndexes.some((g) => g.id === form.index)} onChange={(e) => save({ ...form, consistentRead: e.target.checked })} />
        Strongly consistent read{model.globalSecondaryIndexes.some((g) => g.id === form.index) ? ' (GSIs are eventually consistent only)' : ''}
      </label>
    </div>
  );
}
