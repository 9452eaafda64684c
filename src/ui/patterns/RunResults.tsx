// A run's outcome: the items as a table or as JSON, Count and ScannedCount, consumed
// capacity per table and index, the time taken, paging, what a write did to the items it
// named, or DynamoDB's error in its words.
import { useEffect, useRef, useState } from 'react';
import type { DesignModel } from '../../model/types';
import type { PatternRunState } from '../../store/patternsStore';
import { attributeNames, formatValue } from './resultItems';
import { WrittenItems } from './WrittenItems';

function units(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function RunResults({
  model,
  run,
  onPage,
}: {
  model: DesignModel;
  run: PatternRunState;
  onPage: (direction: 'next' | 'previous') => void;
}) {
  const [view, setView] = useState<'table' | 'json'>('table');
  const outcome = run.outcome;
  const shown = useRef<HTMLElement>(null);
  // A run's results land below the editor: bring them into view when they arrive.
  useEffect(() => {
    if (outcome) shown.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);
  if (!outcome) return run.running ? <p role="status">Running…</p> : null;
  if (!outcome.ok) {
    return (
      <section className="run-error" role="alert" aria-label="Run error" ref={shown}>
        <strong>{outcome.errorName}</strong>: {outcome.message}
      </section>
    );
  }
  const unit = outcome.written ? 'WCU' : 'RCU';
  const columns = attributeNames(model, outcome.items);
  const page = run.pageStarts.length;
  return (
    <section className="run-results" aria-label="Run results" ref={shown}>
      <dl className="run-summary">
        <div>
          <dt>Items</dt>
          <dd>{outcome.items.length}</dd>
        </div>
        {outcome.count !== undefined && (
          <div>
            <dt>Count</dt>
            <dd>{outcome.count}</dd>
          </div>
        )}
        {outcome.scannedCount !== undefined && (
          <div>
            <dt>ScannedCount</dt>
            <dd>{outcome.scannedCount}</dd>
          </div>
        )}
        <div>
          <dt>Consumed capacity</dt>
          <dd>
            {units(outcome.capacity.total)} {unit}
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{outcome.elapsedMs.toFixed(1)} ms</dd>
        </div>
        <div>
          <dt>Page</dt>
          <dd>{page}</dd>
        </div>
      </dl>
      {outcome.capacity.lines.length > 0 && (
        <ul className="capacity-lines" aria-label="Capacity by table and index">
          {outcome.capacity.lines.map((line) => (
            <li key={`${line.kind}-${line.name}`}>
              {line.kind === 'table' ? 'Table' : line.kind} {line.name}:{' '}
              {[
                line.read !== undefined ? `${units(line.read)} RCU` : undefined,
                line.write !== undefined ? `${units(line.write)} WCU` : undefined,
                line.read === undefined && line.write === undefined && line.total !== undefined ? `${units(line.total)} ${unit}` : undefined,
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      )}
      <div className="run-toolbar">
        <button type="button" onClick={() => onPage('previous')} disabled={page <= 1 || run.running}>
          Previous page
        </button>
        <button type="button" onClick={() => onPage('next')} disabled={!outcome.next || run.running}>
          Next page
        </button>
        <span role="group" aria-label="Result view" className="ap-segmented">
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
          <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
            JSON
          </button>
        </span>
      </div>
      {view === 'table' ? (
        outcome.items.length === 0 ? (
          <p>No items.</p>
        ) : (
          <div className="result-table-wrap">
            <table className="result-table" aria-label="Result items">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {outcome.items.map((item, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <td key={c}>{formatValue(item[c])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : (
        <>
          <h4>Response</h4>
          <pre className="result-json" aria-label="Result JSON" tabIndex={0}>
            {JSON.stringify(outcome.response, null, 2)}
          </pre>
          <h4>Request sent</h4>
          <pre className="result-json" aria-label="Request sent" tabIndex={0}>
            {JSON.stringify(outcome.request, null, 2)}
          </pre>
        </>
      )}
      {outcome.written && <WrittenItems model={model} written={outcome.written} />}
    </section>
  );
}
