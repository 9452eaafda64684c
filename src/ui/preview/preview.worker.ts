// Web Worker hosting a PreviewSession. Requests carry a sequence number so the page can drop
// answers that a newer edit has overtaken.
import type { DesignModel, FixedItem } from '../../model/types';
import { PreviewSession, type PreviewQuery } from './previewSession';
import type { PreviewRequest, PreviewResponse } from './previewProtocol';

const session = new PreviewSession();
const post = (response: PreviewResponse) => (self as unknown as Worker).postMessage(response);

let pendingModel: { model: DesignModel; itemsVersion: number } | undefined;
/** The fixed items last sent in full; kept as one array, so the sample cache keeps them too. */
let items: { version: number; list: FixedItem[] } = { version: 0, list: [] };
let incoming: { version: number; list: FixedItem[] } | undefined;
let pendingQuery: { seq: number; query: PreviewQuery } | undefined;
let scheduled = false;

/** Coalesces bursts: only the newest model and query of a burst are computed. */
function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    const start = performance.now();
    try {
      // A model (and the query sent with it) waits for the items it was sent with, so it is
      // never shown with the old ones; the last items message schedules it again.
      if (pendingModel && pendingModel.itemsVersion !== items.version) return;
      if (pendingModel) {
        session.setModel({ ...pendingModel.model, items: items.list });
        pendingModel = undefined;
      }
      if (pendingQuery) {
        const { seq, query } = pendingQuery;
        pendingQuery = undefined;
        const result = session.query(query);
        if (result) post({ type: 'result', seq, result, computeMs: performance.now() - start });
      }
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, 0);
}

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  const request = event.data;
  if (request.type === 'item') {
    post({ type: 'item', key: request.key, item: session.item(request.key) });
    return;
  }
  if (request.type === 'items') {
    if (incoming?.version !== request.version) incoming = { version: request.version, list: [] };
    for (const item of request.items) incoming.list.push(item);
    if (!request.last) return;
    items = incoming;
    incoming = undefined;
    schedule();
    return;
  }
  if (request.type === 'model') pendingModel = { model: request.model, itemsVersion: request.itemsVersion };
  pendingQuery = { seq: request.seq, query: request.query };
  schedule();
};
