// The Cost tab: a planner for what the design costs per month for the traffic and data the user
// expects (requests and items per call, peak factor, table class, stream reads), on demand and
// provisioned side by side, with the storage of the table and every index, and two charts.
import { useId, useMemo } from 'react';
import { costCurve, planCost, priceCost, PRICES_SOURCE, type Prices, type TableClass } from '../../model/cost';
import { costInputs, countKey, fieldTexts, itemsKey, PEAK_KEY, priceKey, rateKey, STREAM_KEY, useCostStore, UTILIZATION_KEY } from '../../store/costStore';
import { useDesignStore } from '../../store/designStore';
import { Field } from '../inspector/fields';
import { ComponentsChart, TrafficChart } from './CostCharts';
import { formatCount, formatStorage, formatUnits, formatUsd } from './format';
import './cost.css';

const PRICE_LABELS: Record<keyof Prices, string> = {
  readRequestUnitsPerMillion: 'On-demand reads ($ per million read request units)',
  writeRequestUnitsPerMillion: 'On-demand writes ($ per million write request units)',
  readCapacityUnitHour: 'Provisioned reads ($ per RCU-hour)',
  writeCapacityUnitHour: 'Provisioned writes ($ per WCU-hour)',
  storageGbMonth: 'Storage ($ per GB-month)',
  iaReadRequestUnitsPerMillion: 'Standard-IA on-demand reads ($ per million read request units)',
  iaWriteRequestUnitsPerMillion: 'Standard-IA on-demand writes ($ per million write request units)',
  iaReadCapacityUnitHour: 'Standard-IA provisioned reads ($ per RCU-hour)',
  iaWriteCapacityUnitHour: 'Standard-IA provisioned writes ($ per WCU-hour)',
  iaStorageGbMonth: 'Standard-IA storage ($ per GB-month)',
  streamReadRequestUnitsPerMillion: 'Stream reads ($ per million GetRecords read request units)',
};

const TABLE_CLASSES: { value: TableClass; label: string }[] = [
  { value: 'STANDARD', label: 'Standard' },
  { value: 'STANDARD_INFREQUENT_ACCESS', label: 'Standard-IA' },
];

/** A number field inside a table cell: its name comes from aria-label, its error sits below it. */
function AmountCell({ label, value, error, onChange }: { label: string; value: string; error: string | undefined; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <td className={`cost-input${error ? ' is-invalid' : ''}`}>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="cost-error">
          {error}
        </p>
      )}
    </td>
  );
}

function AmountField({ label, value, error, onChange }: { label: string; value: string; error: string | undefined; onChange: (text: string) => void }) {
  return (
    <Field label={label} localErrors={error === undefined ? undefined : [error]}>
      {(control) => <input {...control} type="text" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function CostPanel() {
  const model = useDesignStore((s) => s.model);
  const samples = useDesignStore((s) => s.sampleItems);
  const fields = useCostStore();
  const { inputs, errors } = useMemo(() => costInputs(fields, model), [fields, model]);
  const plan = useMemo(() => planCost(model, samples, inputs), [model, samples, inputs]);
  const cost = useMemo(() => priceCost(plan, inputs), [plan, inputs]);
  const curve = useMemo(() => costCurve(plan, inputs), [plan, inputs]);
  const text = fieldTexts(fields, model);
  const cheaper = (mode: typeof cost.cheaper) => (cost.cheaper === mode ? <span className="cost-cheaper"> (cheaper)</span> : null);

  return (
    <div className="cost-panel">
      <section className="cost-main" aria-label="Costs">
        <table className="cost-table" aria-label="Access pattern costs">
          <thead>
            <tr>
              <th scope="col">Access pattern</th>
              <th scope="col">Operation</th>
              <th scope="col">Requests per second</th>
              <th scope="col">Items per call</th>
              <th scope="col">RCU per call</th>
              <th scope="col">WCU per call</th>
              <th scope="col">Read units per month</th>
              <th scope="col">Write units per month</th>
              <th scope="col">On-demand per month</th>
            </tr>
          </thead>
          <tbody>
            {cost.patterns.map((p) => {
              const pattern = model.accessPatterns.find((a) => a.id === p.patternId);
              return (
                <tr key={p.patternId}>
                  <th scope="row">{p.name}</th>
                  <td>{pattern?.operation}</td>
                  <AmountCell
                    label={`Requests per second for ${p.name}`}
                    value={text.rate(p.patternId)}
                    error={errors[rateKey(p.patternId)]}
                    onChange={(value) => fields.setRate(p.patternId, value)}
                  />
                  {p.kind === undefined ? (
                    <td colSpan={6} className="cost-muted">
                      Not estimated: the pattern gives no capacity estimate (see its verdicts)
                    </td>
                  ) : (
                    <>
                      <AmountCell
                        label={`Items per call for ${p.name}`}
                        value={text.itemsPerCall(p.patternId, p.defaultItemsPerCall)}
                        error={errors[itemsKey(p.patternId)]}
                        onChange={(value) => fields.setItemsPerCall(p.patternId, value)}
                      />
                      <td>{formatUnits(p.readUnitsPerCall)} RCU</td>
                      <td>{formatUnits(p.writeUnitsPerCall)} WCU</td>
                      <td>{formatCount(p.readUnitsPerMonth)} RRU</td>
                      <td>{formatCount(p.writeUnitsPerMonth)} WRU</td>
                      <td>{formatUsd(p.onDemandMonthly)}</td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td />
              <td />
              <td>{formatUnits(cost.readUnitsPerSecond)} RCU/s</td>
              <td>{formatUnits(cost.writeUnitsPerSecond)} WCU/s</td>
              <td>{formatCount(cost.readUnitsPerMonth)} RRU</td>
              <td>{formatCount(cost.writeUnitsPerMonth)} WRU</td>
              <td>{formatUsd(cost.onDemand.throughput)}</td>
            </tr>
          </tfoot>
        </table>

        <table className="cost-table" aria-label="Monthly cost">
          <thead>
            <tr>
              <th scope="col">Per month</th>
              <th scope="col">On-demand{cheaper('onDemand')}</th>
              <th scope="col">Provisioned{cheaper('provisioned')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Throughput</th>
              <td>{formatUsd(cost.onDemand.throughput)}</td>
              <td>{formatUsd(cost.provisioned.throughput)}</td>
            </tr>
            <tr>
              <th scope="row">Storage</th>
              <td>{formatUsd(cost.onDemand.storage)}</td>
              <td>{formatUsd(cost.provisioned.storage)}</td>
            </tr>
            <tr>
              <th scope="row">Stream reads</th>
              <td>{formatUsd(cost.onDemand.streams)}</td>
              <td>{formatUsd(cost.provisioned.streams)}</td>
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td>{formatUsd(cost.onDemand.total)}</td>
              <td>{formatUsd(cost.provisioned.total)}</td>
            </tr>
          </tbody>
        </table>

        <table className="cost-table" aria-label="Provisioned capacity">
          <caption>
            Provisioned capacity for {formatUnits(cost.peakFactor)}× the average at {formatUnits(inputs.targetUtilization * 100)}% target utilisation (LSIs use the table's)
          </caption>
          <thead>
            <tr>
              <th scope="col">Table or GSI</th>
              <th scope="col">Average reads</th>
              <th scope="col">Average writes</th>
              <th scope="col">RCU</th>
              <th scope="col">WCU</th>
              <th scope="col">Per month</th>
            </tr>
          </thead>
          <tbody>
            {cost.provisioned.capacities.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.kind === 'TABLE' ? `Table ${c.name}` : `GSI ${c.name}`}</th>
                <td>{formatUnits(c.readUnitsPerSecond)} RCU/s</td>
                <td>{formatUnits(c.writeUnitsPerSecond)} WCU/s</td>
                <td>{formatCount(c.rcu)} RCU</td>
                <td>{formatCount(c.wcu)} WCU</td>
                <td>{formatUsd(c.monthly)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <ComponentsChart cost={cost} />
        <TrafficChart curve={curve} />

        <table className="cost-table" aria-label="Storage">
          <caption>Storage, with DynamoDB's 100 bytes of overhead per item and per index entry</caption>
          <thead>
            <tr>
              <th scope="col">Table or index</th>
              <th scope="col">Entries</th>
              <th scope="col">Size</th>
              <th scope="col">Per month</th>
            </tr>
          </thead>
          <tbody>
            {cost.storage.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.kind === 'TABLE' ? `Table ${s.name}` : `${s.kind} ${s.name}`}</th>
                <td>{formatCount(s.items)}</td>
                <td>{formatStorage(s.bytes)}</td>
                <td>{formatUsd(s.monthly)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="cost-inputs" aria-label="Cost inputs">
        <table className="cost-table" aria-label="Expected items">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Expected items</th>
              <th scope="col">Average item size</th>
            </tr>
          </thead>
          <tbody>
            {model.entities.map((entity) => {
              const size = cost.itemSizes[entity.id];
              return (
                <tr key={entity.id}>
                  <th scope="row">{entity.name}</th>
                  <AmountCell
                    label={`Expected items for ${entity.name}`}
                    value={text.itemCount(entity.id)}
                    error={errors[countKey(entity.id)]}
                    onChange={(value) => fields.setItemCount(entity.id, value)}
                  />
                  <td>{size === undefined ? 'no sample items' : `${formatUnits(size)} B`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <AmountField label="Peak-to-average factor" value={text.peakFactor} error={errors[PEAK_KEY]} onChange={fields.setPeakFactor} />
        <AmountField
          label="Target utilisation (%)"
          value={text.utilization}
          error={errors[UTILIZATION_KEY]}
          onChange={fields.setUtilization}
        />
        <Field label="Table class">
          {(control) => (
            <select {...control} value={text.tableClass} onChange={(e) => fields.setTableClass(e.target.value as TableClass)}>
              {TABLE_CLASSES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <AmountField label="Stream reads per second (GetRecords)" value={text.streamReads} error={errors[STREAM_KEY]} onChange={fields.setStreamReads} />
        <p className="field-hint">Lambda triggers read a stream free; count other consumers' GetRecords read request units here.</p>
        {(Object.keys(PRICE_LABELS) as (keyof Prices)[]).map((name) => (
          <AmountField
            key={name}
            label={PRICE_LABELS[name]}
            value={text.price(name)}
            error={errors[priceKey(name)]}
            onChange={(value) => fields.setPrice(name, value)}
          />
        ))}
        <p className="field-hint">Default prices: {PRICES_SOURCE}.</p>
        <button type="button" onClick={fields.resetPrices}>
          Reset prices
        </button>
      </section>
    </div>
  );
}
