// Runs the one Import in its own worker, one file at a time.
import type { ImportedFile } from '../store/importFile';
import type { ImportRequest } from './import.worker';

export function importInWorker(file: Blob, fileName: string): Promise<ImportedFile> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tablesmith-import' });
    worker.onmessage = (event: MessageEvent<ImportedFile>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ error: `${JSON.stringify(fileName)} could not be imported: ${event.message || 'the import worker failed'}` });
    };
    const request: ImportRequest = { file, fileName };
    worker.postMessage(request);
  });
}
