// The Streams tab: run the design's write patterns and see the records DynamoDB Streams would
// deliver for them, in the table's view type, filterable by event and entity; with Time to Live
// on, advance the clock and watch the sweep delete expired items, each REMOVE marked as DynamoDB's.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { patternWrites } from '../../model/accessPatterns';
import { updateTable } from '../../model/commands';
import { expiringItems, isTimeToLiveDeletion, nextExpiry, recordInViewType } from '../../model/production/streamRecords';
import type { StreamViewType } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { useStreamsStore, WATCHED_ITEMS, type WatchedItem } from '../../store/streamsStore';
import './production.css';

const VIEW_TYPES: StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];
const EVENTS = ['INSERT', 'MODIFY', 'REMOVE'] as const;
const DAY = 24 * 60 * 60;

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <span className="streams-control">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </span>
  );
}

function TimeToLive() {
  const model = useDesignStore((s) => s.model);
  const samples = useDesignStore((s) => s.sampleItems);
  const { clockMs, expired, watched, advanceClock } = useStreamsStore();
  const [days, setDays] = useState('1');
  const id = useId();
  const now = (clockMs ?? Date.now()) / 1000;
  const next = useMemo(() => nextExpiry(model, samples, now), [model, samples, now]);
  const soonest = useMemo(
    (): WatchedItem[] =>
      expiringItems(model, samples, WATCHED_ITEMS).map(({ sample, expiresAt }) => ({
        entityId: sample.entityId,
        keys: Object.fromEntries(Object.entries(sample.item).filter(([name]) => name === model.table.partitionKey.name || name === model.table.sortKey?.name)),
        expiresAt,
        present: true,
      })),
    [model, samples],
  );
  // Before the first advance nothing has been swept, so every item is still in the table.
  const rows = watched.length > 0 ? watched : soonest;
  const attribute = model.table.ttlAttribute;
  if (attribute === undefined) {
    return <p className="field-hint">Time to Live is off for this table: set its attribute in the table's inspector to watch items expire.</p>;
  }
  const amount = Number(days);
  const valid = days.trim() !== '' && Number.isFinite(amount) && amount > 0;
  return (
    <div className="streams-ttl" role="group" aria-label="Time to Live">
      <p>
        Engine clock: <time dateTime={new Date(now * 1000).toISOString()}>{new Date(now * 1000).toISOString()}</time>. Items whose {attribute} is before it are
        deleted by the sweep: {expired} so far.
      </p>
      <label htmlFor={`${id}-days`}>Days to advance</label>{' '}
      <input id={`${id}-days`} type="text" inputMode="decimal" value={days} aria-invalid={!valid} onChange={(e) => setDays(e.target.value)} />{' '}
      <button type="button" disabled={!valid} onClick={() => advanceClock(model, samples, amount * DAY)}>
        Advance clock
      </button>{' '}
      <button type="button" disabled={next === undefined} onClick={() => next !== undefined && advanceClock(model, samples, next - now + 1)}>
        Advance past the next expiry
      </button>
      {next === undefined && <span className="field-hint"> No sample item expires after the clock.</span>}
      {rows.length > 0 && (
        <table className="cost-table" aria-label="Soonest to expire">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Entity</th>
              <th scope="col">Expires</th>
              <th scope="col">In the table</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={JSON.stringify(row.keys)}>
                <th scope="row">
                  <code>{JSON.stringify(row.keys)}</code>
                </th>
                <td>{model.entities.find((e) => e.id === row.entityId)?.name ?? 'no entity'}</td>
                <td>{new Date(row.expiresAt * 1000).toISOString()}</td>
                <td>{row.present ? 'yes' : 'deleted by TTL'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function StreamsPanel() {
  const model = useDesignStore((s) => s.model);
  const samples = useDesignStore((s) => s.sampleItems);
  const updateModel = useDesignStore((s) => s.updateModel);
  const { records, running, error, runWrite, reset } = useStreamsStore();
  const writes = model.accessPatterns.filter(patternWrites);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const pattern = writes.find((p) => p.id === chosen) ?? writes[0];
  const [event, setEvent] = useState('');
  const [entity, setEntity] = useState('');
  const viewType = model.table.streamViewType;
  const shown = records.filter((r) => (event === '' || r.record.eventName === event) && (entity === '' || r.entityId === entity));
  const entityName = (id: string | undefined) => model.entities.find((e) => e.id === id)?.name ?? 'no entity';

  return (
    <div className="production-panel">
      <section className="production-section" aria-label="Streams">
        <h3>Streams</h3>
        <div className="streams-controls">
          <Select
            label="Stream view type"
            value={viewType ?? ''}
            onChange={(value) => updateModel('Set stream view type', (m) => updateTable(m, { patch: { streamViewType: value === '' ? undefined : (value as StreamViewType) } }))}
          >
            <option value="">Off</option>
            {VIEW_TYPES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
          {writes.length === 0 ? (
            <span className="field-hint">The design has no write pattern to run.</span>
          ) : (
            <>
              <Select label="Write pattern" value={pattern?.id ?? ''} onChange={setChosen}>
                {writes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <button type="button" disabled={running || !pattern} onClick={() => pattern && void runWrite(model, samples, pattern)}>
                Run write
              </button>
            </>
          )}
          <button type="button" onClick={reset}>
            Start again from the samples
          </button>
        </div>
        {error && (
          <p role="alert" className="cost-error">
            {error}
          </p>
        )}
        {viewType === undefined && <p className="field-hint">Streams are off for this table, so DynamoDB would deliver none of these records; choose a view type to see them as delivered.</p>}
        <TimeToLive />
        <div className="streams-controls">
          <Select label="Event" value={event} onChange={setEvent}>
            <option value="">All events</option>
            {EVENTS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </Select>
          <Select label="Entity" value={entity} onChange={setEntity}>
            <option value="">All entities</option>
            {model.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </Select>
        </div>
        {records.length === 0 ? (
          <p className="field-hint">No records yet: run a write pattern (loading the sample items makes none).</p>
        ) : (
          <ol className="stream-records" aria-label="Stream records">
            {shown.map(({ record, entityId, patternName }) => {
              const delivered = viewType === undefined ? record : recordInViewType(record, viewType);
              const ttl = isTimeToLiveDeletion(record);
              return (
                <li key={record.dynamodb.SequenceNumber} className="stream-record">
                  <strong>{record.eventName}</strong> {entityName(entityId)} · {ttl ? 'TTL deletion (userIdentity dynamodb.amazonaws.com)' : (patternName ?? 'write')}
                  <pre>{JSON.stringify(delivered, null, 2)}</pre>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
