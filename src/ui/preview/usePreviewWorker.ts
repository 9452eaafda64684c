// Keeps the preview worker fed with the current model and query, and hands back the newest
// answer. The model goes to the worker straight from the store's change notification, before
// React renders the edit, so the worker computes while the main thread paints the keystroke.
// Any answer newer than the one shown is shown, so the preview keeps moving during fast typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Item } from '../../engine/AttributeValue';
import type { DesignModel } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import { postInChunks } from '../itemChunks';
import type { PreviewRequest, PreviewResponse } from './previewProtocol';
import type { PreviewQuery, PreviewResult } from './previewSession';

export function usePreviewWorker(query: PreviewQuery) {
  const worker = useRef<Worker | undefined>(undefined);
  const latestQuery = useRef(query);
  const seq = useRef(0);
  const shown = useRef(0);
  const sentItems = useRef<DesignModel['items'] | null>(null);
  const itemsVersion = useRef(0);
  const [result, setResult] = useState<{ result: PreviewResult; computeMs: number }>();
  const [error, setError] = useState<string>();
  const [detail, setDetail] = useState<{ key: string; item: Item | undefined }>();

  /** Sends the current query, with a new model when one is given. */
  const send = useCallback((model?: DesignModel) => {
    seq.current += 1;
    let request: PreviewRequest = { type: 'query', seq: seq.current, query: latestQuery.current };
    if (model) {
      const { items, otherTables: _others, ...table } = model;
      if (items !== sentItems.current) {
        sentItems.current = items;
        itemsVersion.current += 1;
        const version = itemsVersion.current;
        const target = worker.current;
        void postInChunks(items ?? [], (chunk, last) => target?.postMessage({ type: 'items', version, items: chunk, last } satisfies PreviewRequest));
      }
      request = { type: 'model', seq: seq.current, model: table, itemsVersion: itemsVersion.current, query: latestQuery.current };
    }
    worker.current?.postMessage(request);
  }, []);

  useEffect(() => {
    const created = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'tablesmith-preview' });
    created.onmessage = (event: MessageEvent<PreviewResponse>) => {
      const response = event.data;
      if (response.type === 'result') {
        if (response.seq <= shown.current) return;
        shown.current = response.seq;
        setResult({ result: response.result, computeMs: response.computeMs });
        setError(undefined);
      } else if (response.type === 'item') {
        setDetail({ key: response.key, item: response.item });
      } else {
        setError(response.message);
      }
    };
    created.onerror = (event) => setError(event.message || 'The preview worker failed to start.');
    worker.current = created;
    sentItems.current = null;
    itemsVersion.current = 0;
    send(useDesignStore.getState().model);
    const unsubscribe = useDesignStore.subscribe((state, previous) => {
      if (state.model !== previous.model) send(state.model);
    });
    return () => {
      unsubscribe();
      created.terminate();
      worker.current = undefined;
    };
  }, [send]);

  const { viewId, search, entityId } = query;
  const firstQuery = useRef(true);
  useEffect(() => {
    latestQuery.current = { viewId, search, entityId };
    // The worker's first message already carried the first query.
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    send();
  }, [viewId, search, entityId, send]);

  const requestItem = useCallback((key: string) => {
    const request: PreviewRequest = { type: 'item', key };
    worker.current?.postMessage(request);
  }, []);

  return { result: result?.result, computeMs: result?.computeMs, error, detail, requestItem };
}
