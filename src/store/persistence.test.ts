import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultModel } from '../model/examples';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX, restoreModel, saveModel } from './autosave';
import { loadModelJson } from './derive';
import { useDesignStore } from './designStore';
import { shareHash, readShareHash, readModelText } from './modelFile';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_FIXED_ITEMS, startPersistence } from './persistence';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

function start(storage: MemoryStorage, hash = '') {
  let flush: (() => void) | undefined;
  const cleared = { value: false };
  const stop = startPersistence({
    storage,
    hash,
    clearHash: () => {
      cleared.value = true;
    },
    onPageHide: (f) => {
      flush = f;
    },
  });
  return { stop, flush: () => flush?.(), cleared };
}

/** The seed-like pre-release format (version 0) the model's migration ladder starts from. */
const v0Design = {
  tableName: 'LegacyApp',
  primaryKey: { partitionKey: 'PK', sortKey: 'SK' },
  entities: { User: { PK: 'USER#{{userId}}', SK: 'PROFILE', attributes: ['userId', 'name'] } },
};

beforeEach(() => {
  vi.useFakeTimers();
  useDesignStore.setState({ notices: [] });
  useDesignStore.getState().resetModel(defaultModel());
});
afterEach(() => vi.useRealTimers());

describe('autosave and restore', () => {
  it('saves after a quiet period and restores the model on the next start', () => {
    const storage = new MemoryStorage();
    const session = start(storage);
    useDesignStore.getState().updateModel('Rename model', (m) => ({ ...m, name: 'Saved design' }));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).name).toBe('Saved design');
    session.stop();

    useDesignStore.getState().resetModel(defaultModel());
    start(storage).stop();
    expect(useDesignStore.getState().model.name).toBe('Saved design');
    expect(useDesignStore.getState().canUndo).toBe(false);
  });

  it('flushes a pending save when the page is hidden', () => {
    const storage = new MemoryStorage();
    const session = start(storage);
    useDesignStore.getState().updateModel('Rename model', (m) => ({ ...m, name: 'Quick' }));
    session.flush();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).name).toBe('Quick');
    session.stop();
  });

  it('migrates an old saved version instead of discarding it', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(v0Design));
    start(storage).stop();
    const { model, notices } = useDesignStore.getState();
    expect(model.table.name).toBe('LegacyApp');
    expect(model.entities.map((e) => e.name)).toEqual(['User']);
    expect(model.entities[0]?.keys.partitionKey).toBe('USER#{{userId}}');
    expect(notices.filter((n) => n.tone === 'error')).toEqual([]);
    expect(notices.at(-1)?.message).toContain('upgraded from format version 0');
  });

  it('keeps an unreadable save aside, untouched, and tells the user', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"version": 1, "name": ');
    const session = start(storage);
    const asideKeys = [...storage.data.keys()].filter((k) => k.startsWith(SET_ASIDE_PREFIX));
    expect(asideKeys).toHaveLength(1);
    expect(storage.getItem(asideKeys[0]!)).toBe('{"version": 1, "name": ');
    const notice = useDesignStore.getState().notices.at(-1);
    expect(notice?.tone).toBe('error');
    expect(notice?.message).toContain(asideKeys[0]);
    expect(useDesignStore.getState().model.table.name).toBe('SocialMediaApp');
    session.stop();
  });

  it('keeps aside a save that is JSON but not a model', () => {
    const storage = new MemoryStorage();
    const result = restoreModel(storage, loadModelJson);
    expect(result.kind).toBe('empty');
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, name: 3 }));
    const aside = restoreModel(storage, loadModelJson, new Date(0));
    expect(aside).toMatchObject({ kind: 'setAside', setAsideKey: `${SET_ASIDE_PREFIX}1970-01-01T00:00:00.000Z` });
  });

  it('reports a storage that refuses to save', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveModel(full, defaultModel())).toContain('QuotaExceededError');
  });
});

describe('share link and model file', () => {
  it('round-trips a model through the URL hash', () => {
    const model = { ...defaultModel(), name: 'Shared ✓' };
    const result = readShareHash(shareHash(model));
    expect(result && 'model' in result && result.model).toEqual(model);
  });

  it('opens a shared link as an undoable step over the autosaved model and clears the hash', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ ...defaultModel(), name: 'Mine' }));
    const session = start(storage, shareHash({ ...defaultModel(), name: 'Theirs' }));
    expect(session.cleared.value).toBe(true);
    expect(useDesignStore.getState().model.name).toBe('Theirs');
    useDesignStore.getState().undo();
    expect(useDesignStore.getState().model.name).toBe('Mine');
    session.stop();
  });

  it('explains a damaged link without touching the model', () => {
    expect(readShareHash('#model=not-lz')).toMatchObject({ error: expect.stringContaining('damaged') });
    expect(readShareHash('#other=1')).toBeUndefined();
  });

  it('locates a JSON syntax error in an imported file', () => {
    const result = readModelText('{\n  "version": 1,\n  "name": }\n', '"broken.json"');
    expect(result).toMatchObject({ error: expect.stringMatching(/^"broken.json" is not valid JSON: .* at line 3, column 11$/) });
  });

  it('locates a shape error in an imported file', () => {
    const model = defaultModel() as unknown as Record<string, unknown>;
    const result = readModelText(JSON.stringify({ ...model, table: { ...(model.table as object), partitionKey: 7 } }), '"bad.json"');
    expect('error' in result && result.error).toMatch(/\/table\/partitionKey/);
  });

  it('keeps saving a design whose imported items are too large for storage, without them, and says so once', () => {
    /** A storage that, like a browser's, refuses values over a quota. */
    class SmallStorage extends MemoryStorage {
      attempts = 0;
      override setItem(key: string, value: string) {
        this.attempts += 1;
        if (value.length > 60_000) throw new Error('QuotaExceededError: the quota has been exceeded');
        super.setItem(key, value);
      }
    }
    const storage = new SmallStorage();
    const session = start(storage);
    const items = Array.from({ length: 2000 }, (_, i) => ({ item: { PK: { S: `USER#${i}` }, SK: { S: 'PROFILE' }, bio: { S: 'x'.repeat(40) } } }));
    useDesignStore.getState().replaceModel({ ...defaultModel(), name: 'Big', items }, 'Import big.json');
    session.flush();
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}') as Record<string, unknown>;
    expect(saved.name).toBe('Big');
    expect(saved.items).toBeUndefined();
    const warnings = useDesignStore.getState().notices.filter((notice) => notice.tone === 'warning');
    expect(warnings.map((notice) => notice.message)).toEqual([expect.stringContaining('without its 2000 imported items')]);
    // A later edit saves the design again, without trying the items once more.
    const before = storage.attempts;
    useDesignStore.getState().updateModel('Rename model', (model) => ({ ...model, name: 'Bigger' }));
    session.flush();
    expect(storage.attempts).toBe(before + 1);
    expect((JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}') as { name: string }).name).toBe('Bigger');
    expect(useDesignStore.getState().notices.filter((notice) => notice.tone === 'warning')).toHaveLength(1);
    expect(useDesignStore.getState().model.items).toBe(items);
    session.stop();
  });

  it('does not serialize more imported items than a browser keeps, on any edit', () => {
    const storage = new MemoryStorage();
    const session = start(storage);
    const items = Array.from({ length: AUTOSAVE_FIXED_ITEMS + 1 }, (_, i) => ({ item: { PK: { S: `USER#${i}` }, SK: { S: 'PROFILE' } } }));
    useDesignStore.getState().replaceModel({ ...defaultModel(), name: 'Many', items }, 'Import many.json');
    session.flush();
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? '{}') as Record<string, unknown>;
    expect([saved.name, saved.items]).toEqual(['Many', undefined]);
    expect(useDesignStore.getState().notices.at(-1)).toMatchObject({ tone: 'warning', message: expect.stringContaining(`${AUTOSAVE_FIXED_ITEMS + 1} items are more than`) });
    session.stop();
  });
});
