// Messages between the preview panel and its worker.
import type { Item } from '../../engine/AttributeValue';
import type { DesignModel } from '../../model/types';
import type { PreviewQuery, PreviewResult } from './previewSession';

export type PreviewRequest =
  | { type: 'model'; seq: number; model: DesignModel; query: PreviewQuery }
  | { type: 'query'; seq: number; query: PreviewQuery }
  | { type: 'item'; key: string };

export type PreviewResponse =
  /** `computeMs`: the worker's time for this answer, reported with the preview's performance mark. */
  | { type: 'result'; seq: number; result: PreviewResult; computeMs: number }
  | { type: 'item'; key: string; item: Item | undefined }
  | { type: 'error'; message: string };
