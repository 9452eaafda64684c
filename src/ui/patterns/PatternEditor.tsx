// One access pattern: what it is (name, operation, target, entity), how it is edited (form
// or raw JSON), how it fares against the design (verdicts), and running it.
import { lazy, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { registerViewBridge } from '../../store/commands';
import { checkPattern, exampleParameters, requestToForm, starterRequest, type Verdict } from '../../model/accessPatterns';
import type { SampleItem } from '../../model/sampleData';
import type { AccessPattern, DesignModel, PatternOperation, PatternParameter } from '../../model/types';
import { usePatternsStore, type PatternRunState } from '../../store/patternsStore';
import { runPattern } from '../../store/patternsRun';
import { deletePattern, setRequest, updatePattern } from './patternEdits';
import { PatternFormFields } from './PatternFormFields';
import { requestDraftProblem } from './requestDraft';
import { RunResults } from './RunResults';
import { VerdictList } from './VerdictList';

const RequestJsonEditor = lazy(() => import('./RequestJsonEditor'));

const OPERATIONS: PatternOperation[] = [
  'GetItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'TransactGetItems',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'ExecuteStatement',
];

const READS_INDEXES = new Set<PatternOperation>(['Query', 'Scan']);
const EMPTY_RUN: PatternRunState = { running: false, pageStarts: [] };

export function PatternEditor({ model, samples, pattern }: { model: DesignModel; samples: readonly SampleItem[]; pattern: AccessPattern }) {
  const id = useId();
  const verdicts: Verdict[] = useMemo(() => checkPattern(model, pattern, samples), [model, pattern, samples]);
  const form = useMemo(() => requestToForm(model, pattern), [model, pattern]);
  // A typed value is the parameter's example, saved with the design; empty falls back to sample data.
  const values = useMemo(() => exampleParameters(model, pattern, samples), [model, pattern, samples]);
  const fromSamples = useMemo(
    () => exampleParameters(model, { ...pattern, parameters: pattern.parameters.map(({ example: _e, ...p }) => p) }, samples),
    [model, pattern, samples],
  );
  const mode = usePatternsStore((s) => s.modes[pattern.id]) ?? (form ? 'form' : 'json');
  const draft = usePatternsStore((s) => s.drafts[pattern.id]);
  const hasDraft = draft !== undefined;
  const run = usePatternsStore((s) => s.runs[pattern.id]) ?? EMPTY_RUN;
  const { setMode, setRun, select, setDraft } = usePatternsStore.getState();
  const setParameter = (index: number, change: Partial<PatternParameter>) =>
    updatePattern(pattern.id, 'Edit access pattern parameter', (current) => ({
      ...current,
      parameters: current.parameters.map((p, i) => {
        if (i !== index) return p;
        const next = { ...p, ...change };
        if (next.example === '') delete next.example;
        return next;
      }),
    }));

  const execute = async (pageStarts: PatternRunState['pageStarts']) => {
    setRun(pattern.id, { ...run, running: true });
    const outcome = await runPattern(model, samples, pattern, values, pageStarts[pageStarts.length - 1]);
    setRun(pattern.id, { running: false, outcome, pageStarts });
  };
  const onPage = (direction: 'next' | 'previous') => {
    if (direction === 'previous') void execute(run.pageStarts.slice(0, -1));
    else if (run.outcome?.ok && run.outcome.next) void execute([...run.pageStarts, run.outcome.next]);
  };

  const changeShape = (operation: PatternOperation, index: string | undefined, entity: string | undefined) => {
    const target = READS_INDEXES.has(operation) ? index : undefined;
    setDraft(pattern.id, undefined);
    updatePattern(pattern.id, 'Change access pattern operation', (p) => {
      const { index: _i, entity: _e, ...rest } = p;
      return { ...rest, operation, ...(target ? { index: target } : {}), ...(entity ? { entity } : {}) };
    });
    setRequest(pattern.id, 'Change access pattern operation', starterRequest(model, entity, operation, target), { index: target });
  };

  // Run sends the request on screen or nothing: never the last valid one behind broken JSON,
  // never one with a placeholder it cannot fill.
  const unsendable = draft !== undefined
    ? (requestDraftProblem(draft) ?? 'The request JSON is not a request yet')
    : verdicts.find((v) => v.level === 'error' && v.code === 'parameters')?.message;
  const indexes = [...model.globalSecondaryIndexes, ...model.localSecondaryIndexes];
  // The "Run pattern" command (Ctrl/Cmd+Enter) runs what the Run button would, when it would.
  const runNow = useRef(() => {});
  runNow.current = () => {
    if (!run.running && unsendable === undefined) void execute([undefined]);
  };
  useEffect(() => registerViewBridge({ runPattern: () => runNow.current() }), []);
  return (
    <section className="pattern-editor" aria-label={`Access pattern ${pattern.name}`}>
      <div className="pattern-header">
        <div className="ap-row">
          <label htmlFor={`${id}-name`}>Pattern name</label>
          <input id={`${id}-name`} value={pattern.name} onChange={(e) => updatePattern(pattern.id, 'Rename access pattern', (p) => ({ ...p, name: e.target.value }))} />
        </div>
        <div className="ap-row">
          <label htmlFor={`${id}-desc`}>Description</label>
          <input
            id={`${id}-desc`}
            value={pattern.description ?? ''}
            onChange={(e) => updatePattern(pattern.id, 'Describe access pattern', (p) => ({ ...p, description: e.target.value }))}
          />
        </div>
        <div className="ap-row">
          <label htmlFor={`${id}-op`}>Operation</label>
          <select id={`${id}-op`} value={pattern.operation} onChange={(e) => changeShape(e.target.value as PatternOperation, pattern.index, pattern.entity)}>
            {OPERATIONS.map((op) => (
              <option key={op}>{op}</option>
            ))}
          </select>
          {READS_INDEXES.has(pattern.operation) && (
            <>
              <label htmlFor={`${id}-target`}>Table or index</label>
              <select id={`${id}-target`} value={pattern.index ?? ''} onChange={(e) => changeShape(pattern.operation, e.target.value || undefined, pattern.entity)}>
                <option value="">{model.table.name} (table)</option>
                {indexes.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={`${id}-entity`}>Entity</label>
          <select id={`${id}-entity`} value={pattern.entity ?? ''} onChange={(e) => changeShape(pattern.operation, pattern.index, e.target.value || undefined)}>
            <option value="">(any)</option>
            {model.entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      <VerdictList verdicts={verdicts} />

      <div role="group" aria-label="Edit request as" className="ap-segmented">
        <button type="button" aria-pressed={mode === 'form'} disabled={!form || hasDraft} onClick={() => setMode(pattern.id, 'form')}>
          Form
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode(pattern.id, 'json')}>
          JSON
        </button>
      </div>
      {mode === 'form' && form ? (
        <PatternFormFields model={model} patternId={pattern.id} form={form} />
      ) : (
        <>
          {mode === 'form' && <p className="ap-hint">This request uses more than the form can show; edit it as JSON.</p>}
          <Suspense fallback={<p role="status">Loading editor…</p>}>
            <RequestJsonEditor model={model} pattern={pattern} verdicts={verdicts} />
          </Suspense>
        </>
      )}

      <fieldset className="ap-parameters">
        <legend>Parameters</legend>
        {pattern.parameters.length === 0 && <p className="ap-hint">None: add {'{{name}}'} placeholders to the request.</p>}
        {pattern.parameters.map((p, i) => (
          <div className="ap-row" key={p.name}>
            <label htmlFor={`${id}-param-${p.name}`}>{p.name}</label>
            <input
              id={`${id}-param-${p.name}`}
              value={p.example ?? ''}
              placeholder={fromSamples[p.name] === undefined ? 'no value in the sample data' : `${fromSamples[p.name]} (from sample data)`}
              onChange={(e) => setParameter(i, { example: e.target.value })}
            />
            <select aria-label={`${p.name} type`} value={p.type} onChange={(e) => setParameter(i, { type: e.target.value as PatternParameter['type'] })}>
              <option value="S">string</option>
              <option value="N">number</option>
              <option value="B">binary (base64)</option>
              <option value="BOOL">boolean</option>
              <option value="M">map (DynamoDB JSON)</option>
              <option value="L">list (DynamoDB JSON)</option>
              <option value="SS">string set (JSON)</option>
              <option value="NS">number set (JSON)</option>
              <option value="BS">binary set (JSON)</option>
            </select>
          </div>
        ))}
      </fieldset>

      <div className="run-toolbar">
        <button
          type="button"
          className="ap-primary"
          onClick={() => void execute([undefined])}
          disabled={run.running || unsendable !== undefined}
          aria-describedby={unsendable === undefined ? undefined : `${id}-unsendable`}
        >
          Run
        </button>
      </div>
      {unsendable !== undefined && (
        <p className="ap-error" id={`${id}-unsendable`}>
          Run is off: {unsendable}
        </p>
      )}
      <RunResults model={model} run={run} onPage={onPage} />
      {/* Kept away from Run, so a slip never deletes the pattern. */}
      <div className="pattern-danger">
        <button
          type="button"
          className="danger"
          onClick={() => {
            // Undo brings it back, so no confirmation dialog.
            select(undefined);
            deletePattern(pattern.id);
          }}
        >
          Delete pattern
        </button>
      </div>
    </section>
  );
}
