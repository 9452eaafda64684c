// The designer's user commands in one registry: buttons, menus and the keyboard handler all
// run them by id, so a command has one label, one shortcut and one behaviour everywhere.
import type { DesignState } from './designStore';
import { useDesignStore } from './designStore';
import { addEntity, addIndex, deleteEntity, deleteIndex, duplicateEntity, updateIndex } from '../model/commands';
import type { DesignModel } from '../model/types';
import type { Shortcut } from './shortcuts';

/** What only the view can do; the canvas and the app shell register it at mount. */
export interface ViewBridge {
  fitView(): void;
  autoLayout(): void;
  /** Brings a canvas node (by node id) into view. */
  focusNode(nodeId: string): void;
  /** Moves keyboard focus to the inspector's name field of the selection. */
  focusName(): void;
  exportModel(): void;
  importModel(): void;
  shareLink(): void;
}

const bridges: Partial<ViewBridge>[] = [];

/** Registers part of the view bridge; returns the unregister function for effect cleanup. */
export function registerViewBridge(part: Partial<ViewBridge>): () => void {
  bridges.push(part);
  return () => {
    const at = bridges.indexOf(part);
    if (at !== -1) bridges.splice(at, 1);
  };
}

function view<K extends keyof ViewBridge>(key: K): ViewBridge[K] | undefined {
  for (let i = bridges.length - 1; i >= 0; i--) {
    const fn = bridges[i]?.[key];
    if (fn) return fn;
  }
  return undefined;
}

/** Brings a canvas node into view (outline clicks, issue links). */
export function revealNode(nodeId: string): void {
  view('focusNode')?.(nodeId);
}

/** A new GSI; on a provisioned table it gets capacity, which CloudFormation requires there. */
function addGlobalIndex(model: DesignModel): DesignModel {
  const next = addIndex(model, { kind: 'GSI' });
  const created = next.globalSecondaryIndexes.at(-1);
  if (!created || model.table.billing.mode !== 'PROVISIONED') return next;
  return updateIndex(next, { indexId: created.id, patch: { throughput: { read: { units: 5 }, write: { units: 5 } } } });
}

export interface Command {
  id: string;
  label: string;
  shortcuts: Shortcut[];
  /** Whether the shortcut also works while typing in a field (undo/redo do). */
  inFields?: boolean;
  enabled(state: DesignState): boolean;
  run(state: DesignState): void;
}

const always = () => true;
const hasSelection = (s: DesignState) => s.selection !== null && s.selection.kind !== 'table';

function selectionName(state: DesignState): string {
  const sel = state.selection;
  if (!sel || sel.kind === 'table') return '';
  if (sel.kind === 'entity') return state.model.entities.find((e) => e.id === sel.id)?.name ?? '';
  const list = sel.kind === 'gsi' ? state.model.globalSecondaryIndexes : state.model.localSecondaryIndexes;
  return list.find((i) => i.id === sel.id)?.name ?? '';
}

export const commands: Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcuts: [{ code: 'KeyZ', mod: true }],
    inFields: true,
    enabled: (s) => s.canUndo,
    run: (s) => s.undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcuts: [
      { code: 'KeyZ', mod: true, shift: true },
      { code: 'KeyY', mod: true },
    ],
    inFields: true,
    enabled: (s) => s.canRedo,
    run: (s) => s.redo(),
  },
  {
    id: 'addEntity',
    label: 'Add entity',
    shortcuts: [{ code: 'KeyN', alt: true, shift: true }],
    enabled: always,
    run: (s) => {
      s.updateModel('Add entity', (m) => addEntity(m));
      const created = useDesignStore.getState().model.entities.at(-1);
      if (created && created.id !== s.model.entities.at(-1)?.id) {
        useDesignStore.getState().select({ kind: 'entity', id: created.id });
        view('focusName')?.();
      }
    },
  },
  {
    id: 'addGsi',
    label: 'Add GSI',
    shortcuts: [{ code: 'KeyG', alt: true, shift: true }],
    enabled: always,
    run: (s) => {
      s.updateModel('Add global secondary index', addGlobalIndex);
      const created = useDesignStore.getState().model.globalSecondaryIndexes.at(-1);
      if (created) useDesignStore.getState().select({ kind: 'gsi', id: created.id });
    },
  },
  {
    id: 'addLsi',
    label: 'Add LSI',
    shortcuts: [{ code: 'KeyL', alt: true, shift: true }],
    enabled: always,
    run: (s) => {
      s.updateModel('Add local secondary index', (m) => addIndex(m, { kind: 'LSI' }));
      const created = useDesignStore.getState().model.localSecondaryIndexes.at(-1);
      if (created) useDesignStore.getState().select({ kind: 'lsi', id: created.id });
    },
  },
  {
    id: 'rename',
    label: 'Rename',
    shortcuts: [{ code: 'F2' }],
    enabled: (s) => s.selection !== null,
    run: () => view('focusName')?.(),
  },
  {
    id: 'duplicate',
    label: 'Duplicate entity',
    shortcuts: [{ code: 'KeyD', mod: true }],
    enabled: (s) => s.selection?.kind === 'entity',
    run: (s) => {
      const sel = s.selection;
      if (sel?.kind !== 'entity') return;
      s.updateModel(`Duplicate entity ${selectionName(s)}`, (m) => duplicateEntity(m, { entityId: sel.id }));
      const created = useDesignStore.getState().model.entities.at(-1);
      if (created && created.id !== s.model.entities.at(-1)?.id) useDesignStore.getState().select({ kind: 'entity', id: created.id });
    },
  },
  {
    id: 'delete',
    label: 'Delete selection',
    shortcuts: [{ code: 'Delete' }, { code: 'Backspace' }],
    enabled: hasSelection,
    run: (s) => {
      const sel = s.selection;
      if (!sel || sel.kind === 'table') return;
      const name = selectionName(s);
      if (sel.kind === 'entity') s.updateModel(`Delete entity ${name}`, (m) => deleteEntity(m, { entityId: sel.id }));
      else s.updateModel(`Delete index ${name}`, (m) => deleteIndex(m, { indexId: sel.id }));
    },
  },
  {
    id: 'fitView',
    label: 'Fit to view',
    shortcuts: [{ code: 'Digit1', shift: true }],
    enabled: always,
    run: () => view('fitView')?.(),
  },
  {
    id: 'autoLayout',
    label: 'Auto layout',
    shortcuts: [{ code: 'KeyA', alt: true, shift: true }],
    enabled: always,
    run: () => view('autoLayout')?.(),
  },
  {
    id: 'exportModel',
    label: 'Export model file',
    shortcuts: [{ code: 'KeyS', mod: true }],
    inFields: true,
    enabled: always,
    run: () => view('exportModel')?.(),
  },
  {
    id: 'importModel',
    label: 'Import model file',
    shortcuts: [{ code: 'KeyO', mod: true }],
    inFields: true,
    enabled: always,
    run: () => view('importModel')?.(),
  },
  {
    id: 'shareLink',
    label: 'Share link',
    shortcuts: [],
    enabled: always,
    run: () => view('shareLink')?.(),
  },
];

export type CommandId = (typeof commands)[number]['id'];

export function findCommand(id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}

/** Runs a command by id against the current store state; returns whether it ran. */
export function runCommand(id: string): boolean {
  const command = findCommand(id);
  const state = useDesignStore.getState();
  if (!command || !command.enabled(state)) return false;
  command.run(state);
  return true;
}
