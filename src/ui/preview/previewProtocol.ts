// Messages between the preview panel and its worker.
import type { Item } from '../../engine/AttributeValue';
import type { DesignModel, FixedItem } from '../../model/types';
import type { PreviewQuery, PreviewResult } from './previewSession';

export type PreviewRequest =
  /**
   * The table being edited, without its fixed items and other tables: those come in `items`
   * messages only when they changed (an import), in chunks, so an edit never copies tens of
   * megabytes to the worker. The model is computed once the items of `itemsVersion` are in.
   */
  | { type: 'model'; seq: number; model: DesignModel; itemsVersion: number; query: PreviewQuery }
  | { type: 'items'; version: number; items: FixedItem[]; last: boolean }
  | { type: 'query'; seq: number; query: PreviewQuery }
  | { type: 'item'; key: string };

export type PreviewResponse =
  /** `computeMs`: the worker's time for this answer, reported with the preview's performance mark. */
  | { type: 'result'; seq: number; result: PreviewResult; computeMs: number }
  | { type: 'item'; key: string; item: Item | undefined }
  | { type: 'error'; message: string };
