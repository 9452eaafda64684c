// Autosave to localStorage. A saved document is never thrown away: old versions go through
// the model's migration, and one that cannot be read is moved aside under its own key so
// the user (or support) can still recover it.
import type { DesignModel, ModelIssue } from '../model/types';

export const AUTOSAVE_KEY = 'tablesmith:model';
export const SET_ASIDE_PREFIX = 'tablesmith:unreadable:';

/** Turns any JSON value (possibly an older version) into a current model, or says why not. */
export type ModelLoader = (json: unknown) => { model: DesignModel; migratedFrom?: number } | { issues: ModelIssue[] };

/** The part of the Web Storage API autosave needs; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type RestoreResult =
  | { kind: 'empty' }
  | { kind: 'restored'; model: DesignModel; migratedFrom?: number }
  /** The saved text could not be used; it now lives under `setAsideKey`. */
  | { kind: 'setAside'; setAsideKey: string; reason: string };

export function restoreModel(storage: KeyValueStorage, load: ModelLoader, now: Date = new Date()): RestoreResult {
  const raw = safeGet(storage, AUTOSAVE_KEY);
  if (raw === null) return { kind: 'empty' };
  let reason: string;
  try {
    const result = load(JSON.parse(raw));
    if ('model' in result) return { kind: 'restored', ...result };
    reason = result.issues
      .filter((issue) => issue.severity === 'error')
      .slice(0, 3)
      .map((issue) => `${issue.path || '/'}: ${issue.message}`)
      .join('; ');
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const setAsideKey = SET_ASIDE_PREFIX + now.toISOString();
  storage.setItem(setAsideKey, raw);
  return { kind: 'setAside', setAsideKey, reason: reason || 'unknown problem' };
}

/** Returns an error message when the browser refused to store the model (quota, private mode). */
export function saveModel(storage: KeyValueStorage, model: DesignModel): string | undefined {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(model));
    return undefined;
  } catch (error) {
    return `Autosave failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
