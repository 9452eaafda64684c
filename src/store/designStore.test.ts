import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultModel } from '../model/examples';
import { useDesignStore } from './designStore';
import { COALESCE_MS } from './history';

const store = useDesignStore;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
  store.getState().resetModel(defaultModel());
});
afterEach(() => vi.useRealTimers());

const typeName = (name: string) => store.getState().updateModel('Rename model', (m) => ({ ...m, name }));

describe('design store', () => {
  it('starts from the SocialMediaApp with issues and sample items derived', () => {
    const state = store.getState();
    expect(state.model.table.name).toBe('SocialMediaApp');
    expect(state.sampleItems.length).toBeGreaterThan(0);
    expect(Array.isArray(state.issues)).toBe(true);
    expect(state.canUndo).toBe(false);
  });

  it('coalesces rapid typing into one undo step', () => {
    const original = store.getState().model.name;
    for (const text of ['M', 'My', 'My ', 'My app']) {
      typeName(text);
      vi.advanceTimersByTime(100);
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().model.name).toBe(original);
    expect(store.getState().canUndo).toBe(false);
    store.getState().redo();
    expect(store.getState().model.name).toBe('My app');
  });

  it('starts a new step after a pause', () => {
    typeName('A');
    vi.advanceTimersByTime(COALESCE_MS + 1);
    typeName('AB');
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().model.name).toBe('A');
    expect(store.getState().undoLabel).toBe('Rename model');
    expect(store.getState().redoLabel).toBe('Rename model');
  });

  it('regenerates sample items when a key template changes', () => {
    const post = store.getState().model.entities.find((e) => e.id === 'ent-post')!;
    store.getState().updateModel('Edit Post PK', (m) => ({
      ...m,
      entities: m.entities.map((e) => (e.id === post.id ? { ...e, keys: { ...e.keys, partitionKey: 'AUTHOR#{{userId}}' } } : e)),
    }));
    const pk = store.getState().model.table.partitionKey.name;
    const postItems = store.getState().sampleItems.filter((i) => i.entityId === post.id);
    expect(postItems.length).toBe(post.sampleCount);
    for (const { item } of postItems) expect((item[pk] as { S: string }).S.startsWith('AUTHOR#')).toBe(true);
  });

  it('reports an error in place and undo removes it', () => {
    const before = store.getState().issues.filter((i) => i.severity === 'error').length;
    store.getState().updateModel('Edit Post PK', (m) => ({
      ...m,
      entities: m.entities.map((e) => (e.id === 'ent-post' ? { ...e, keys: { ...e.keys, partitionKey: 'USER#{{nope}}' } } : e)),
    }));
    const index = store.getState().model.entities.findIndex((e) => e.id === 'ent-post');
    const located = store.getState().issues.filter((i) => i.path === `/entities/${index}/keys/partitionKey` && i.severity === 'error');
    expect(located.length).toBeGreaterThan(0);
    store.getState().undo();
    expect(store.getState().issues.filter((i) => i.severity === 'error')).toHaveLength(before);
  });

  it('a failing edit leaves the model alone and tells the user', () => {
    const model = store.getState().model;
    store.getState().updateModel('Break', () => {
      throw new Error('boom');
    });
    expect(store.getState().model).toBe(model);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', message: 'Break failed: boom' });
  });

  it('replaceModel is one undoable step that never merges with typing', () => {
    typeName('X');
    store.getState().replaceModel({ ...defaultModel(), name: 'Imported' }, 'Rename model');
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().model.name).toBe('X');
  });

  it('drops a selection whose entity is gone', () => {
    store.getState().select({ kind: 'entity', id: 'ent-like' });
    store.getState().updateModel('Delete', (m) => ({ ...m, entities: m.entities.filter((e) => e.id !== 'ent-like') }));
    expect(store.getState().selection).toBeNull();
    store.getState().select({ kind: 'gsi', id: 'missing' });
    expect(store.getState().selection).toBeNull();
  });
});
