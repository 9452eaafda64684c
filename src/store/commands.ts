// The designer's user commands in one registry: buttons, menus and the keyboard handler all
// run them by id, so a command has one label, one shortcut and one behaviour everywhere.
import type { DesignState } from './designStore';
import { useDesignStore } from './designStore';
import { addAttribute, addEntity, addIndex, deleteEntity, deleteIndex, duplicateEntity, setKeyTemplate, uniqueName, updateIndex } from '../model/commands';
import { blankModel } from '../model/examples';
import { switchTable, tableNames } from '../model/tables';
import type { DesignModel } from '../model/types';
import type { Shortcut } from './shortcuts';

/** What only the view can do; the canvas and the app shell register it at mount. */
export interface ViewBridge {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  autoLayout(): void;
  /** Opens the command palette. */
  openCommandPalette(): void;
  /** Shows a tab of the details panel by id (`preview`, `patterns`, …). */
  showTab(tabId: string): void;
  /** Moves keyboard focus to an attribute's name field once it is on screen. */
  focusAttribute(attributeId: string): void;
  /** Runs the access pattern open in the pattern editor, as its Run button does. */
  runPattern(): void;
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

/**
 * A copy of an index under a new name, with its own key attributes (`<name>PK`/`<name>SK`) of
 * the same types, the same projection and capacity, and every entity's templates for it.
 */
export function duplicateIndex(model: DesignModel, indexId: string): DesignModel {
  const gsi = model.globalSecondaryIndexes.find((i) => i.id === indexId);
  const lsi = model.localSecondaryIndexes.find((i) => i.id === indexId);
  const source = gsi ?? lsi;
  if (!source) throw new Error(`no index "${indexId}"`);
  const names = new Set([...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((i) => i.name));
  let next = addIndex(model, { kind: gsi ? 'GSI' : 'LSI', name: uniqueName(`${source.name}Copy`, names) });
  const created = (gsi ? next.globalSecondaryIndexes : next.localSecondaryIndexes).at(-1);
  if (!created) return next;
  const patch = gsi
    ? {
        partitionKey: { ...gsi.partitionKey, name: `${created.name}PK` },
        sortKey: gsi.sortKey ? { ...gsi.sortKey, name: `${created.name}SK` } : undefined,
        projection: structuredClone(gsi.projection),
        throughput: gsi.throughput ? structuredClone(gsi.throughput) : undefined,
      }
    : lsi
      ? { sortKey: { ...lsi.sortKey, name: `${created.name}SK` }, projection: structuredClone(lsi.projection) }
      : {};
  next = updateIndex(next, { indexId: created.id, patch });
  for (const entity of model.entities) {
    const templates = entity.keys.indexes[indexId];
    for (const key of ['partitionKey', 'sortKey'] as const) {
      const template = templates?.[key];
      if (template) next = setKeyTemplate(next, { entityId: entity.id, indexId: created.id, key, template });
    }
  }
  return next;
}

/** The details panel's tabs, in order, each reachable with Alt+Shift and its number. */
const DETAIL_TABS = [
  ['preview', 'Preview'],
  ['patterns', 'Access patterns'],
  ['cost', 'Cost'],
  ['production', 'Production'],
  ['streams', 'Streams'],
  ['export', 'Export'],
  ['connect', 'Connect'],
  ['problems', 'Problems'],
] as const;

/** A name for a new attribute that is free in the entity and not a DynamoDB reserved word. */
export function newAttributeName(taken: ReadonlySet<string>): string {
  return uniqueName('newAttribute', taken);
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

/** Edits another of the design's tables (by its place in `tableNames`); undo switches back. */
export function switchToTable(position: number): void {
  const state = useDesignStore.getState();
  const name = tableNames(state.model)[position];
  if (name === undefined || position === 0) return;
  state.updateModel(`Switch to table ${name}`, (m) => switchTable(m, position));
  state.select(null);
}

/** Starts a blank design in place of the current one; undo brings the old one back. */
export function newDesign(state: DesignState): void {
  state.replaceModel(blankModel(), 'New design');
  state.select({ kind: 'table' });
}
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
    id: 'newDesign',
    label: 'New blank design',
    shortcuts: [{ code: 'KeyN', mod: true, alt: true }],
    inFields: true,
    enabled: always,
    run: newDesign,
  },
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
      if (created) {
        useDesignStore.getState().select({ kind: 'gsi', id: created.id });
        view('focusName')?.();
      }
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
      if (created) {
        useDesignStore.getState().select({ kind: 'lsi', id: created.id });
        view('focusName')?.();
      }
    },
  },
  {
    id: 'addAttribute',
    label: 'Add attribute to the selected entity',
    shortcuts: [{ code: 'KeyT', alt: true, shift: true }],
    enabled: (s) => s.selection?.kind === 'entity',
    run: (s) => {
      const sel = s.selection;
      const entity = sel?.kind === 'entity' ? s.model.entities.find((e) => e.id === sel.id) : undefined;
      if (!entity) return;
      const name = newAttributeName(new Set(entity.attributes.map((a) => a.name)));
      s.updateModel(`Add attribute to ${entity.name}`, (m) => addAttribute(m, { entityId: entity.id, name, required: false }));
      const created = useDesignStore.getState().model.entities.find((e) => e.id === entity.id)?.attributes.at(-1);
      if (created && created.name === name) view('focusAttribute')?.(created.id);
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
    label: 'Duplicate',
    shortcuts: [{ code: 'KeyD', mod: true }],
    enabled: hasSelection,
    run: (s) => {
      const sel = s.selection;
      if (!sel || sel.kind === 'table') return;
      const store = useDesignStore.getState;
      if (sel.kind === 'entity') {
        s.updateModel(`Duplicate entity ${selectionName(s)}`, (m) => duplicateEntity(m, { entityId: sel.id }));
        const created = store().model.entities.at(-1);
        if (created && created.id !== s.model.entities.at(-1)?.id) store().select({ kind: 'entity', id: created.id });
        return;
      }
      s.updateModel(`Duplicate index ${selectionName(s)}`, (m) => duplicateIndex(m, sel.id));
      const list = sel.kind === 'gsi' ? store().model.globalSecondaryIndexes : store().model.localSecondaryIndexes;
      const created = list.at(-1);
      if (created && created.id !== sel.id) store().select({ kind: sel.kind, id: created.id });
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
    id: 'zoomIn',
    label: 'Zoom in',
    shortcuts: [{ code: 'Equal' }],
    enabled: always,
    run: () => view('zoomIn')?.(),
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    shortcuts: [{ code: 'Minus' }],
    enabled: always,
    run: () => view('zoomOut')?.(),
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
    label: 'Import a file (Tablesmith, NoSQL Workbench, OneTable, DynamoDB JSON)',
    shortcuts: [{ code: 'KeyO', mod: true }],
    inFields: true,
    enabled: always,
    run: () => view('importModel')?.(),
  },
  {
    id: 'runPattern',
    label: 'Run the selected access pattern',
    shortcuts: [{ code: 'Enter', mod: true }],
    inFields: true,
    enabled: always,
    run: () => view('runPattern')?.(),
  },
  {
    id: 'commandPalette',
    label: 'Command palette',
    shortcuts: [{ code: 'KeyK', mod: true }],
    inFields: true,
    enabled: always,
    run: () => view('openCommandPalette')?.(),
  },
  ...DETAIL_TABS.map(
    ([tabId, title], position): Command => ({
      id: `showTab:${tabId}`,
      label: `Show ${title}`,
      shortcuts: [{ code: `Digit${position + 1}`, alt: true, shift: true }],
      enabled: always,
      run: () => view('showTab')?.(tabId),
    }),
  ),
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
