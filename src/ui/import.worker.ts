// Web Worker for the one Import: parsing and reading a file of tens of megabytes takes seconds,
// which here never holds up the page.
import { importFile, type ImportedFile } from '../store/importFile';

/** The file itself: the worker reads it, so its text is never copied between threads. */
export interface ImportRequest {
  file: Blob;
  fileName: string;
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { file, fileName } = event.data;
  let result: ImportedFile;
  try {
    result = importFile(await file.text(), fileName);
  } catch (error) {
    result = { error: `${JSON.stringify(fileName)} could not be imported: ${error instanceof Error ? error.message : String(error)}` };
  }
  (self as unknown as Worker).postMessage(result);
};
