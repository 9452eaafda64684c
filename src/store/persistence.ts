// Session start and autosave: restore the autosaved model, open a shared link if the URL
// carries one (undoably, so the autosaved work is one Undo away), then save on every change.
import { fixedItemCount, fixedItemLists, withoutFixedItems } from '../model/tables';
import type { DesignModel } from '../model/types';
import { restoreModel, saveModel, type KeyValueStorage } from './autosave';
import { loadModelJson } from './derive';
import { useDesignStore } from './designStore';
import { readShareHash } from './modelFile';

/** Quiet period before saving, so a burst of typing is written once. */
export const AUTOSAVE_DELAY_MS = 250;

/**
 * Imported items beyond this many are not autosaved: a few megabytes is what a browser's local
 * storage holds, and serializing more on every edit would hold the page.
 */
export const AUTOSAVE_FIXED_ITEMS = 10_000;

export interface PersistenceEnvironment {
  storage: KeyValueStorage;
  /** The location hash, e.g. "#model=…". */
  hash: string;
  /** Removes the model from the URL once opened, so a reload does not reopen it over later edits. */
  clearHash(): void;
  /** Registers a callback for when the page is being hidden or closed, to flush a pending save. */
  onPageHide(flush: () => void): void;
}

export function startPersistence(env: PersistenceEnvironment): () => void {
  const store = useDesignStore;
  const restored = restoreModel(env.storage, loadModelJson);
  if (restored.kind === 'restored') {
    store.getState().resetModel(restored.model);
    if (restored.migratedFrom !== undefined) {
      store.getState().notify('info', `Your saved model was upgraded from format version ${restored.migratedFrom} to the current one.`);
    }
  }
  if (restored.kind === 'setAside') {
    store
      .getState()
      .notify(
        'error',
        `Your autosaved model could not be read (${restored.reason}). It was kept, unchanged, in this browser's storage under "${restored.setAsideKey}"; the default example is open instead.`,
      );
  }

  const shared = readShareHash(env.hash);
  if (shared) {
    env.clearHash();
    if ('model' in shared) store.getState().replaceModel(shared.model, 'Open shared link');
    else store.getState().notify('error', `${shared.error} Your model is unchanged.`);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  // What storage holds now; the session's starting model is written unless it is exactly that.
  let saved: DesignModel | undefined = restored.kind === 'restored' && !shared ? store.getState().model : undefined;
  // Fixed items too many or too large for the browser's storage are left out of every save:
  // serializing them on each edit would hold the page, only for the browser to refuse them.
  let oversized: ReturnType<typeof fixedItemLists> | undefined;
  const sameItems = (model: DesignModel) => oversized !== undefined && fixedItemLists(model).every((items, i) => items === oversized?.[i]);
  const saveWithoutItems = (model: DesignModel, reason: string) => {
    const known = sameItems(model);
    oversized = fixedItemLists(model);
    const error = saveModel(env.storage, withoutFixedItems(model));
    if (error) store.getState().notify('error', error);
    else if (!known) {
      store
        .getState()
        .notify('warning', `Autosave keeps this design without its ${fixedItemCount(model)} imported items: ${reason}. They stay in this tab until it is closed, in your exports, and in the file you imported.`);
    }
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const { model, notify } = store.getState();
    if (model === saved) return;
    saved = model;
    const count = fixedItemCount(model);
    if (sameItems(model) || count > AUTOSAVE_FIXED_ITEMS) {
      saveWithoutItems(model, `${count} items are more than this browser's storage keeps (${AUTOSAVE_FIXED_ITEMS})`);
      return;
    }
    const error = saveModel(env.storage, model);
    if (error === undefined) return;
    if (count === 0) notify('error', error);
    else saveWithoutItems(model, `they are too large for this browser's storage (${error.replace(/^Autosave failed: /, '')})`);
  };
  flush();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.model === previous.model) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  env.onPageHide(flush);
  return () => {
    flush();
    unsubscribe();
  };
}
