// The Connect tab: point the designer at a real DynamoDB endpoint, deploy the design's
// table, seed it with the sample items and check that every access pattern answers there as
// it does in the in-browser engine.
import { useEffect, useId, useState } from 'react';
import { corsStartCommands, endpointAnswers, UNREACHABLE, type ConnectionSettings, type Difference } from '../../connect';
import { useDesignStore } from '../../store/designStore';
import { usePatternsStore } from '../../store/patternsStore';
import { patternWrites } from '../../model/accessPatterns';
import { cancelPending, deploy, runPatterns, seed, useConnectStore, type StepStatus } from '../../store/connectStore';
import type { PatternComparison } from '../../store/patternsCompare';
import './ConnectPanel.css';

const FIELDS: { name: keyof ConnectionSettings; label: string; type: string; placeholder?: string }[] = [
  { name: 'endpoint', label: 'Endpoint URL', type: 'url', placeholder: 'http://localhost:8000' },
  { name: 'region', label: 'Region', type: 'text' },
  { name: 'accessKeyId', label: 'Access key ID', type: 'text' },
  { name: 'secretAccessKey', label: 'Secret access key', type: 'password' },
];

function Status({ status, label }: { status: StepStatus | undefined; label: string }) {
  if (status?.tone === 'error') {
    return (
      <p className="connect-error" role="alert" aria-label={label}>
        {status.message}
      </p>
    );
  }
  return (
    <p className="connect-status" role="status" aria-label={label}>
      {status?.message}
    </p>
  );
}

/**
 * The endpoint that failed with no answer although it does answer: the browser refused its
 * answers for want of CORS headers (undefined while nothing failed that way).
 */
function useCorsBlocked(statuses: (StepStatus | undefined)[]): string | undefined {
  const failure = statuses.find((status) => status?.tone === 'error' && status.message.startsWith(UNREACHABLE))?.message;
  const [blocked, setBlocked] = useState<string | undefined>();
  useEffect(() => {
    setBlocked(undefined);
    if (failure === undefined) return;
    // The endpoint the failed request went to, not whatever is typed in the field meanwhile.
    const endpoint = useConnectStore.getState().settings.endpoint.trim();
    let current = true;
    void endpointAnswers(endpoint).then((answers) => {
      if (current && answers) setBlocked(endpoint);
    });
    return () => {
      current = false;
    };
  }, [failure]);
  return blocked;
}

function CorsHelp({ endpoint }: { endpoint: string }) {
  const origin = window.location.origin;
  return (
    <section className="connect-cors" aria-label="Allow this page on the endpoint">
      <p>
        {endpoint} is running, but it does not allow this page ({origin}) to read its answers: it sends no CORS headers for this origin, so
        the browser refuses every request and reports only “Failed to fetch”. DynamoDB Local allows a page only when started with{' '}
        <code>-cors</code> and the page’s origin. Stop it and start it with one of these:
      </p>
      <dl>
        {corsStartCommands(endpoint, origin).map(({ label, command }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <pre>
                <code>{command}</code>
              </pre>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Differences({ differences }: { differences: Difference[] }) {
  return (
    <table className="connect-diff" aria-label="Differences">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Engine</th>
          <th scope="col">Endpoint</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((d) => (
          <tr key={d.path}>
            <td>
              <code>{d.path}</code>
            </td>
            <td>
              <code>{d.engine ?? '(none)'}</code>
            </td>
            <td>
              <code>{d.endpoint ?? '(none)'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparisonRow({ name, comparison }: { name: string; comparison: PatternComparison }) {
  const errors = [
    ['Engine', comparison.engine],
    ['Endpoint', comparison.endpoint],
  ] as const;
  return (
    <li>
      <span className={`connect-verdict connect-${comparison.verdict}`}>{comparison.verdict}</span> <span className="pattern-name">{name}</span>
      {errors.map(([side, outcome]) =>
        outcome.ok ? null : (
          <p key={side} className="connect-detail">
            {side}: {outcome.errorName}: {outcome.message}
          </p>
        ),
      )}
      {comparison.differences.length > 0 && <Differences differences={comparison.differences} />}
    </li>
  );
}

export function ConnectPanel() {
  const id = useId();
  const model = useDesignStore((s) => s.model);
  const sampleCount = useDesignStore((s) => s.sampleItems.length);
  const selectedId = usePatternsStore((s) => s.selectedId);
  const { settings, busy, tableExists, pending, comparisons, setSetting } = useConnectStore();
  const deployStatus = useConnectStore((s) => s.deploy);
  const seedStatus = useConnectStore((s) => s.seed);
  const runStatus = useConnectStore((s) => s.run);
  const patterns = model.accessPatterns;
  const selected = patterns.find((p) => p.id === selectedId) ?? patterns[0];
  const pendingPatterns = pending ? patterns.filter((p) => pending.patternIds.includes(p.id)) : [];
  const corsBlocked = useCorsBlocked([deployStatus, seedStatus, runStatus]);

  return (
    <div className="connect-panel">
      <form className="connect-settings" aria-label="Endpoint settings" onSubmit={(e) => e.preventDefault()}>
        {FIELDS.map((field) => (
          <div className="connect-field" key={field.name}>
            <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              type={field.type}
              value={settings[field.name]}
              placeholder={field.placeholder}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setSetting(field.name, e.target.value)}
            />
          </div>
        ))}
        <p className="connect-hint">Kept in this page only; never saved with the design or put in share links.</p>
      </form>

      <div className="connect-steps">
        {corsBlocked !== undefined && <CorsHelp endpoint={corsBlocked} />}
        <section aria-label="Table">
          <div className="connect-actions">
            <button type="button" disabled={busy !== undefined} onClick={() => void deploy()}>
              Deploy table
            </button>
            {tableExists && (
              <button type="button" disabled={busy !== undefined} onClick={() => void deploy(true)}>
                Replace table
              </button>
            )}
          </div>
          <Status status={deployStatus} label="Deploy status" />
        </section>

        <section aria-label="Sample items">
          <div className="connect-actions">
            <button type="button" disabled={busy !== undefined} onClick={() => void seed()}>
              Seed sample items
            </button>
            <span className="connect-hint">{sampleCount} items, 25 per BatchWriteItem</span>
          </div>
          {seedStatus && <progress aria-label="Seeding progress" max={seedStatus.total || 1} value={seedStatus.written} />}
          <Status status={seedStatus} label="Seed status" />
        </section>

        <section aria-label="Compare access patterns">
          <div className="connect-actions">
            <label htmlFor={`${id}-pattern`}>Access pattern</label>
            <select id={`${id}-pattern`} value={selected?.id ?? ''} onChange={(e) => usePatternsStore.getState().select(e.target.value)}>
              {patterns.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {patternWrites(p) ? ' (writes)' : ''}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy !== undefined || !selected} onClick={() => selected && void runPatterns([selected], false)}>
              Run on endpoint
            </button>
            <button type="button" disabled={busy !== undefined || patterns.length === 0} onClick={() => void runPatterns(patterns, false)}>
              Run all patterns
            </button>
          </div>
          {pending && (
            <div className="connect-confirm" role="alertdialog" aria-label="Confirm writes on the endpoint">
              <p>
                {pending.writeCount === 1 ? 'One pattern writes' : `${pending.writeCount} patterns write`} to the table on {settings.endpoint}: its items
                really change there. The engine runs each write on a fresh copy of the sample items.
              </p>
              <button type="button" onClick={() => void runPatterns(pendingPatterns, true)}>
                Run writes on endpoint
              </button>
              {pendingPatterns.length > pending.writeCount && (
                <button type="button" onClick={() => void runPatterns(pendingPatterns.filter((p) => !patternWrites(p)), false)}>
                  Run reads only
                </button>
              )}
              <button type="button" onClick={cancelPending}>
                Cancel
              </button>
            </div>
          )}
          <Status status={runStatus} label="Run status" />
          <ul className="connect-results" aria-label="Comparison results">
            {patterns.flatMap((p) => {
              const comparison = comparisons[p.id];
              return comparison ? [<ComparisonRow key={p.id} name={p.name} comparison={comparison} />] : [];
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}
