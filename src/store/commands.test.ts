import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isReservedWord } from '../engine/ReservedWords';
import { defaultModel } from '../model/examples';
import { commands, newAttributeName, registerViewBridge, runCommand } from './commands';
import { useDesignStore } from './designStore';
import { formatShortcut, matchesShortcut, type KeyLike } from './shortcuts';

const state = () => useDesignStore.getState();
const key = (code: string, mods: Partial<Omit<KeyLike, 'code'>> = {}): KeyLike => ({ code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

beforeEach(() => {
  state().resetModel(defaultModel());
});

describe('command registry', () => {
  it('has unique ids and no two commands sharing a shortcut', () => {
    const ids = commands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = commands.flatMap((c) => c.shortcuts.map((s) => JSON.stringify({ ...s, mod: !!s.mod, shift: !!s.shift, alt: !!s.alt })));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('adds an entity, selects it and asks the view to focus its name', () => {
    const focusName = vi.fn();
    const unregister = registerViewBridge({ focusName });
    const before = state().model.entities.length;
    expect(runCommand('addEntity')).toBe(true);
    const created = state().model.entities.at(-1)!;
    expect(state().model.entities).toHaveLength(before + 1);
    expect(state().selection).toEqual({ kind: 'entity', id: created.id });
    expect(focusName).toHaveBeenCalledOnce();
    expect(state().undoLabel).toBe('Add entity');
    unregister();
  });

  it('deletes the selected entity and undo restores it', () => {
    state().select({ kind: 'entity', id: 'ent-like' });
    expect(runCommand('delete')).toBe(true);
    expect(state().model.entities.some((e) => e.id === 'ent-like')).toBe(false);
    expect(state().selection).toBeNull();
    expect(state().undoLabel).toBe('Delete entity Like');
    expect(runCommand('undo')).toBe(true);
    expect(state().model.entities.some((e) => e.id === 'ent-like')).toBe(true);
    expect(runCommand('redo')).toBe(true);
    expect(state().model.entities.some((e) => e.id === 'ent-like')).toBe(false);
  });

  it('deletes a selected index together with the entities\' templates for it', () => {
    state().select({ kind: 'gsi', id: 'gsi-GSI1' });
    runCommand('delete');
    expect(state().model.globalSecondaryIndexes.map((g) => g.id)).not.toContain('gsi-GSI1');
    expect(state().model.entities.every((e) => !('gsi-GSI1' in e.keys.indexes))).toBe(true);
  });

  it('duplicates the selected entity and selects the copy', () => {
    state().select({ kind: 'entity', id: 'ent-post' });
    runCommand('duplicate');
    const copy = state().model.entities.at(-1)!;
    expect(copy.name).toBe('PostCopy');
    expect(state().selection).toEqual({ kind: 'entity', id: copy.id });
  });

  it('duplicates an index with fresh key attributes and the entities\' templates for it', () => {
    state().select({ kind: 'gsi', id: 'gsi-GSI1' });
    runCommand('duplicate');
    const source = state().model.globalSecondaryIndexes.find((g) => g.id === 'gsi-GSI1')!;
    const copy = state().model.globalSecondaryIndexes.at(-1)!;
    expect(copy.name).toBe('GSI1Copy');
    expect(copy.partitionKey).toEqual({ name: 'GSI1CopyPK', type: source.partitionKey.type });
    expect(copy.projection).toEqual(source.projection);
    expect(state().selection).toEqual({ kind: 'gsi', id: copy.id });
    for (const entity of state().model.entities) {
      expect(entity.keys.indexes[copy.id]).toEqual(entity.keys.indexes['gsi-GSI1']);
    }
  });

  it('gives a new GSI capacity on a provisioned table', () => {
    expect(state().model.table.billing.mode).toBe('PROVISIONED');
    runCommand('addGsi');
    const gsi = state().model.globalSecondaryIndexes.at(-1)!;
    expect(gsi.throughput).toEqual({ read: { units: 5 }, write: { units: 5 } });
    expect(state().selection).toEqual({ kind: 'gsi', id: gsi.id });
  });

  it('refuses commands that do not apply', () => {
    expect(runCommand('undo')).toBe(false);
    expect(runCommand('delete')).toBe(false);
    state().select({ kind: 'table' });
    expect(runCommand('delete')).toBe(false);
    expect(runCommand('duplicate')).toBe(false);
    expect(runCommand('no-such-command')).toBe(false);
  });
});

describe('shortcuts', () => {
  const undo = { code: 'KeyZ', mod: true };
  const redo = { code: 'KeyZ', mod: true, shift: true };
  it('uses Ctrl on Windows/Linux and Cmd on macOS', () => {
    expect(matchesShortcut(undo, key('KeyZ', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut(undo, key('KeyZ', { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut(undo, key('KeyZ', { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut(undo, key('KeyZ', { ctrlKey: true }), true)).toBe(false);
  });
  it('tells undo from redo by Shift', () => {
    expect(matchesShortcut(undo, key('KeyZ', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut(redo, key('KeyZ', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });
  it('formats for each platform', () => {
    expect(formatShortcut(redo, false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut(redo, true)).toBe('⌘⇧Z');
    expect(formatShortcut({ code: 'Delete' }, false)).toBe('Del');
  });
});

describe('new attribute names', () => {
  it('names a new attribute with a free name that is not a DynamoDB reserved word', () => {
    const first = newAttributeName(new Set(['id']));
    expect(isReservedWord(first)).toBe(false);
    const second = newAttributeName(new Set(['id', first]));
    expect(second).not.toBe(first);
    expect(isReservedWord(second)).toBe(false);
  });
});
