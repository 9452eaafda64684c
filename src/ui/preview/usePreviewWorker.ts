// Keeps the preview worker fed with the current model and query, and hands back the newest
// answer. Answers arrive in order; any answer newer than the one shown is shown, so the
// preview keeps moving during fast typing instead of waiting for a pause.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Item } from '../../engine/AttributeValue';
import type { DesignModel } from '../../model/types';
import type { PreviewRequest, PreviewResponse } from './previewProtocol';
import type { PreviewQuery, PreviewResult } from './previewSession';

export function usePreviewWorker(model: DesignModel, query: PreviewQuery) {
  const worker = useRef<Worker | undefined>(undefined);
  const sentModel = useRef<DesignModel | undefined>(undefined);
  const seq = useRef(0);
  const shown = useRef(0);
  const [result, setResult] = useState<PreviewResult>();
  const [error, setError] = useState<string>();
  const [detail, setDetail] = useState<{ key: string; item: Item | undefined }>();

  useEffect(() => {
    const created = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'tablesmith-preview' });
    created.onmessage = (event: MessageEvent<PreviewResponse>) => {
      const response = event.data;
      if (response.type === 'result') {
        if (response.seq <= shown.current) return;
        shown.current = response.seq;
        setResult(response.result);
        setError(undefined);
      } else if (response.type === 'item') {
        setDetail({ key: response.key, item: response.item });
      } else {
        setError(response.message);
      }
    };
    created.onerror = (event) => setError(event.message || 'The preview worker failed to start.');
    worker.current = created;
    sentModel.current = undefined;
    return () => {
      created.terminate();
      worker.current = undefined;
    };
  }, []);

  const { viewId, search, entityId } = query;
  useEffect(() => {
    const target = worker.current;
    if (!target) return;
    seq.current += 1;
    const q: PreviewQuery = { viewId, search, entityId };
    const request: PreviewRequest = sentModel.current === model ? { type: 'query', seq: seq.current, query: q } : { type: 'model', seq: seq.current, model, query: q };
    sentModel.current = model;
    target.postMessage(request);
  }, [model, viewId, search, entityId]);

  const requestItem = useCallback((key: string) => {
    const request: PreviewRequest = { type: 'item', key };
    worker.current?.postMessage(request);
  }, []);

  return { result, error, detail, requestItem };
}
