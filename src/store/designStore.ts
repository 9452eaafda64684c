// The designer's single source of truth: the model being edited, its validation issues, its
// sample items, the selection and the undo history. UI components read slices with
// `useDesignStore(selector)`; every edit goes through `updateModel`, so each is undoable.
import { create } from 'zustand';
import type { DesignModel, ModelIssue } from '../model/types';
import { emptyHistory, record, redo as redoStep, undo as undoStep, type History } from './history';
import { defaultModel } from '../model/examples';
import { deriveDesign, type SampleItem } from './derive';

export type { SampleItem } from './derive';

export type Selection =
  | { kind: 'table' }
  | { kind: 'entity'; id: string }
  | { kind: 'gsi'; id: string }
  | { kind: 'lsi'; id: string }
  | null;

export interface Notice {
  id: number;
  /** Info fades on its own; a warning (what an import could not keep) and an error stay until dismissed. */
  tone: 'info' | 'warning' | 'error';
  message: string;
}

export interface DesignState {
  model: DesignModel;
  issues: ModelIssue[];
  /** Sample items generated from the model (wire-shape DynamoDB items, with their entity). */
  sampleItems: SampleItem[];
  selection: Selection;
  history: History<DesignModel>;
  canUndo: boolean;
  canRedo: boolean;
  /** Label of the step undo/redo would revert/reapply, for button titles. */
  undoLabel: string | undefined;
  redoLabel: string | undefined;
  /** Messages for the user (restore problems, import results); newest last. */
  notices: Notice[];

  /** Applies `recipe` as one undoable step named `label`; rapid repeats of one label coalesce. */
  updateModel(label: string, recipe: (model: DesignModel) => DesignModel): void;
  /** Swaps in a whole model (import, example, shared link) as one undoable step. */
  replaceModel(model: DesignModel, label: string): void;
  /** Starts a session on `model` with no history (boot, tests). */
  resetModel(model: DesignModel): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  notify(tone: Notice['tone'], message: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

function historyFlags(history: History<DesignModel>) {
  return {
    history,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undoLabel: history.past[history.past.length - 1]?.label,
    redoLabel: history.future[history.future.length - 1]?.label,
  };
}

/** Drops a selection whose entity or index no longer exists (after delete, undo, import). */
function keepValidSelection(selection: Selection, model: DesignModel): Selection {
  if (!selection || selection.kind === 'table') return selection;
  const exists =
    selection.kind === 'entity'
      ? model.entities.some((e) => e.id === selection.id)
      : selection.kind === 'gsi'
        ? model.globalSecondaryIndexes.some((g) => g.id === selection.id)
        : model.localSecondaryIndexes.some((l) => l.id === selection.id);
  return exists ? selection : null;
}

export const useDesignStore = create<DesignState>()((set, get) => {
  const start = defaultModel();
  const withModel = (model: DesignModel, selection: Selection) => ({
    model,
    ...deriveDesign(model),
    selection: keepValidSelection(selection, model),
  });

  return {
    model: start,
    ...deriveDesign(start),
    selection: null,
    ...historyFlags(emptyHistory<DesignModel>()),
    notices: [],

    updateModel(label, recipe) {
      const { model, history, selection } = get();
      let next: DesignModel;
      try {
        next = recipe(model);
      } catch (error) {
        get().notify('error', `${label} failed: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (next === model) return;
      set({ ...withModel(next, selection), ...historyFlags(record(history, label, model, Date.now())) });
    },

    replaceModel(model, label) {
      const current = get();
      // A distinct timestamp-free record: replacing never coalesces with typing.
      const history = record({ ...current.history, last: undefined }, label, current.model, Date.now());
      set({ ...withModel(model, null), ...historyFlags(history) });
    },

    resetModel(model) {
      set({ ...withModel(model, null), ...historyFlags(emptyHistory<DesignModel>()) });
    },

    undo() {
      const { history, model, selection } = get();
      const step = undoStep(history, model);
      if (!step) return;
      set({ ...withModel(step.document, selection), ...historyFlags(step.history) });
    },

    redo() {
      const { history, model, selection } = get();
      const step = redoStep(history, model);
      if (!step) return;
      set({ ...withModel(step.document, selection), ...historyFlags(step.history) });
    },

    select(selection) {
      set({ selection: keepValidSelection(selection, get().model) });
    },

    notify(tone, message) {
      set({ notices: [...get().notices, { id: nextNoticeId++, tone, message }] });
    },

    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
});
