// WAI-ARIA tabs: arrow keys move between tabs, only the active panel is mounted (the other
// panels can be heavy: Monaco, the pattern runner) and a lazily loaded one shows "Loading…".
import { Suspense, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition {
  id: string;
  label: ReactNode;
  /** Accessible name when `label` is not plain text. */
  name?: string;
  render: () => ReactNode;
}

export function Tabs({ tabs, active, onChange, label }: { tabs: TabDefinition[]; active: string; onChange: (id: string) => void; label: string }) {
  const baseId = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((t) => t.id === active) ?? tabs[0];

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : undefined;
    if (!delta && jump === undefined) return;
    event.preventDefault();
    const next = tabs[jump ?? (index + delta + tabs.length) % tabs.length];
    if (!next) return;
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            role="tab"
            type="button"
            id={`${baseId}-tab-${tab.id}`}
            aria-controls={`${baseId}-panel-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-label={tab.name}
            tabIndex={tab.id === current?.id ? 0 : -1}
            className="tab"
            onClick={() => onChange(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div role="tabpanel" id={`${baseId}-panel-${current.id}`} aria-labelledby={`${baseId}-tab-${current.id}`} className="tab-panel">
          <Suspense fallback={<p role="status" className="empty-state">Loading…</p>}>{current.render()}</Suspense>
        </div>
      )}
    </div>
  );
}
