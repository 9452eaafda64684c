// The Access patterns tab: every pattern with its verdict, the open pattern's editor and
// runner, and the access-pattern chart.
import { useMemo, useRef, useState } from 'react';
import { checkPattern, overallLevel, starterRequest, syncParameters } from '../../model/accessPatterns';
import { useDesignStore } from '../../store/designStore';
import { usePatternsStore } from '../../store/patternsStore';
import type { AccessPattern } from '../../model/types';
import { addPattern, parameterTypeFor } from './patternEdits';
import { PatternChart } from './PatternChart';
import { PatternEditor } from './PatternEditor';
import { LEVEL_LABEL } from './VerdictList';
import './patterns.css';

function newPatternId(): string {
  return `ap-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function AccessPatternsPanel() {
  const model = useDesignStore((s) => s.model);
  const samples = useDesignStore((s) => s.sampleItems);
  const selectedId = usePatternsStore((s) => s.selectedId);
  const select = usePatternsStore((s) => s.select);
  const [view, setView] = useState<'patterns' | 'chart'>('patterns');
  const levels = useMemo(
    () => new Map(model.accessPatterns.map((p) => [p.id, overallLevel(checkPattern(model, p, samples))])),
    [model, samples],
  );
  const selected = model.accessPatterns.find((p) => p.id === selectedId) ?? model.accessPatterns[0];

  const panel = useRef<HTMLDivElement>(null);
  const create = () => {
    const entity = model.entities[0]?.id;
    const request = starterRequest(model, entity, 'Query');
    const taken = new Set(model.accessPatterns.map((p) => p.name));
    let n = 1;
    while (taken.has(`New access pattern ${n}`)) n++;
    const draft: AccessPattern = { id: newPatternId(), name: `New access pattern ${n}`, operation: 'Query', ...(entity ? { entity } : {}), parameters: [], request };
    addPattern({ ...draft, parameters: syncParameters(request, [], parameterTypeFor(model, draft)) });
    const id = draft.id;
    select(id);
    setView('patterns');
    // Focus moves to what was created: the new pattern's name, once its editor is shown.
    requestAnimationFrame(() => panel.current?.querySelector<HTMLInputElement>('.pattern-editor input')?.select());
  };

  return (
    <div className="patterns-panel" ref={panel}>
      <div className="patterns-sidebar">
        <div className="run-toolbar">
          <button type="button" onClick={create}>
            New pattern
          </button>
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView(view === 'chart' ? 'patterns' : 'chart')}>
            Chart
          </button>
        </div>
        {model.accessPatterns.length === 0 ? (
          <p className="ap-hint">No access patterns yet. List how the application reads and writes, then check the design against them.</p>
        ) : (
          <ul className="pattern-list" aria-label="Access patterns">
            {model.accessPatterns.map((p) => {
              const level = levels.get(p.id) ?? 'ok';
              const current = view === 'patterns' && p.id === selected?.id;
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    aria-current={current ? 'true' : undefined}
                    className={current ? 'ap-current' : undefined}
                    onClick={() => {
                      select(p.id);
                      setView('patterns');
                    }}
                  >
                    <span className={`verdict-badge verdict-${level}`} aria-label={`checks: ${LEVEL_LABEL[level]}`}>
                      {LEVEL_LABEL[level]}
                    </span>
                    <span className="pattern-name">{p.name}</span>
                    <span className="pattern-op">{p.operation}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="patterns-main">
        {view === 'chart' ? (
          <PatternChart model={model} samples={samples} />
        ) : selected ? (
          <PatternEditor key={selected.id} model={model} samples={samples} pattern={selected} />
        ) : null}
      </div>
    </div>
  );
}
