// Runs the one Import in its own worker, one file at a time, and puts the design back together
// from the worker's messages: the design, then each table's items in chunks.
import { withFixedItems } from '../model/tables';
import type { FixedItem } from '../model/types';
import type { ImportedFile } from '../store/importFile';
import type { ImportMessage, ImportRequest } from './import.worker';

export function importInWorker(file: Blob, fileName: string): Promise<ImportedFile> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tablesmith-import' });
    let design: ImportedFile | undefined;
    let lists: FixedItem[][] = [];
    let complete = 0;
    const finish = (result: ImportedFile) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.type === 'design') {
        design = message.result;
        lists = Array.from({ length: message.itemLists }, () => []);
        if ('error' in design || message.itemLists === 0) finish(design);
        return;
      }
      const list = lists[message.list];
      if (list === undefined || design === undefined || 'error' in design) return;
      for (const item of message.items) list.push(item);
      if (message.last) complete += 1;
      if (complete === lists.length) finish({ ...design, model: withFixedItems(design.model, lists) });
    };
    worker.onerror = (event) => finish({ error: `${JSON.stringify(fileName)} could not be imported: ${event.message || 'the import worker failed'}` });
    const request: ImportRequest = { file, fileName };
    worker.postMessage(request);
  });
}
