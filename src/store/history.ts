// Undo history as a pure value, so the store stays a thin shell and the coalescing rules
// can be tested without React or timers.

/** Typing bursts closer together than this (same label) become one undo step. */
export const COALESCE_MS = 800;
/** Enough for a long session; older steps are dropped first. */
export const HISTORY_LIMIT = 300;

export interface HistoryStep<T> {
  /** What the step did, e.g. "Rename entity Post"; shown on the undo/redo buttons. */
  label: string;
  /** The document as it was before (in `past`) or after (in `future`) the step. */
  snapshot: T;
}

export interface History<T> {
  past: HistoryStep<T>[];
  future: HistoryStep<T>[];
  /** Label and time of the last recorded change, for coalescing. */
  last?: { label: string; at: number };
}

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/**
 * Records that `before` was replaced by a new document through the change `label`.
 * A change with the same label as the previous one, made within COALESCE_MS and with
 * nothing undone in between, extends that step instead of adding one.
 */
export function record<T>(history: History<T>, label: string, before: T, now: number): History<T> {
  const coalesce =
    history.last !== undefined &&
    history.last.label === label &&
    now - history.last.at < COALESCE_MS &&
    history.future.length === 0 &&
    history.past.length > 0;
  const past = coalesce ? history.past : [...history.past, { label, snapshot: before }];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    future: [],
    last: { label, at: now },
  };
}

/** Steps back: returns the document to show and the new history, or undefined at the start. */
export function undo<T>(history: History<T>, current: T): { history: History<T>; document: T; label: string } | undefined {
  const step = history.past[history.past.length - 1];
  if (!step) return undefined;
  return {
    document: step.snapshot,
    label: step.label,
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { label: step.label, snapshot: current }],
    },
  };
}

export function redo<T>(history: History<T>, current: T): { history: History<T>; document: T; label: string } | undefined {
  const step = history.future[history.future.length - 1];
  if (!step) return undefined;
  return {
    document: step.snapshot,
    label: step.label,
    history: {
      past: [...history.past, { label: step.label, snapshot: current }],
      future: history.future.slice(0, -1),
    },
  };
}
