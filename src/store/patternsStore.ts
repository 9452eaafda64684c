// The Access patterns tab's own state: which pattern is open, the editing mode, JSON the user is still typing (kept even while it does not parse, so no
// work is lost when switching tabs) and each pattern's last run with its pages.
import { create } from 'zustand';
import type { RunOutcome } from './patternsRun';

export type EditMode = 'form' | 'json';

export interface PatternRunState {
  running: boolean;
  outcome?: RunOutcome;
  /** Start key of each page seen so far; the last entry is the page on screen. */
  pageStarts: (Record<string, unknown> | undefined)[];
}

export interface PatternsState {
  selectedId: string | undefined;
  modes: Record<string, EditMode>;
  drafts: Record<string, string>;
  runs: Record<string, PatternRunState>;
  select(id: string | undefined): void;
  setMode(patternId: string, mode: EditMode): void;
  setDraft(patternId: string, text: string | undefined): void;
  setRun(patternId: string, run: PatternRunState): void;
}

export const usePatternsStore = create<PatternsState>()((set, get) => ({
  selectedId: undefined,
  modes: {},
  drafts: {},
  runs: {},
  select(id) {
    set({ selectedId: id });
  },
  setMode(patternId, mode) {
    set({ modes: { ...get().modes, [patternId]: mode } });
  },
  setDraft(patternId, text) {
    const drafts = { ...get().drafts };
    if (text === undefined) delete drafts[patternId];
    else drafts[patternId] = text;
    set({ drafts });
  },
  setRun(patternId, run) {
    set({ runs: { ...get().runs, [patternId]: run } });
  },
}));
