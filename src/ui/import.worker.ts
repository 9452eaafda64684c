// Web Worker for the one Import: parsing and reading a file of tens of megabytes takes seconds,
// which here never holds up the page. The design comes back first without its items, then each
// table's items in chunks (see itemChunks), so no single message holds up the page either.
import { fixedItemLists, withoutFixedItems } from '../model/tables';
import type { FixedItem } from '../model/types';
import { importFile, type ImportedFile } from '../store/importFile';
import { postInChunks } from './itemChunks';

/** The file itself: the worker reads it, so its text is never copied between threads. */
export interface ImportRequest {
  file: Blob;
  fileName: string;
}

export type ImportMessage =
  | { type: 'design'; result: ImportedFile; itemLists: number }
  | { type: 'items'; list: number; items: FixedItem[]; last: boolean };

const post = (message: ImportMessage) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { file, fileName } = event.data;
  let result: ImportedFile;
  try {
    result = importFile(await file.text(), fileName);
  } catch (error) {
    result = { error: `${JSON.stringify(fileName)} could not be imported: ${error instanceof Error ? error.message : String(error)}` };
  }
  if ('error' in result) {
    post({ type: 'design', result, itemLists: 0 });
    return;
  }
  const lists = fixedItemLists(result.model);
  post({ type: 'design', result: { ...result, model: withoutFixedItems(result.model) }, itemLists: lists.length });
  for (const [list, items] of lists.entries()) {
    await postInChunks(items ?? [], (chunk, last) => post({ type: 'items', list, items: chunk, last }));
  }
};
