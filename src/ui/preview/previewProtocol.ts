// Messages between the preview panel and its worker.
import type { Item } from '../../engine/AttributeValue';
import type { DesignModel, FixedItem } from '../../model/types';
import type { PreviewQuery, PreviewResult } from './previewSession';

export type PreviewRequest =
  /**
   * The table being edited, without its fixed items and other tables; `items` comes only when the
   * fixed items changed (an import), so an edit never copies tens of megabytes to the worker.
   */
  | { type: 'model'; seq: number; model: DesignModel; items?: FixedItem[]; query: PreviewQuery }
  | { type: 'query'; seq: number; query: PreviewQuery }
  | { type: 'item'; key: string };

export type PreviewResponse =
  /** `computeMs`: the worker's time for this answer, reported with the preview's performance mark. */
  | { type: 'result'; seq: number; result: PreviewResult; computeMs: number }
  | { type: 'item'; key: string; item: Item | undefined }
  | { type: 'error'; message: string };
