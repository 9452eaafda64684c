// StreamSpecification as CreateTable and UpdateTable take it, validated with DynamoDB's texts.
import { validationError } from '../errors';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export const STREAM_VIEW_TYPES: readonly StreamViewType[] = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'];

export type StreamSpecification = { StreamEnabled: true; StreamViewType: StreamViewType } | { StreamEnabled: false };

/** Validates a request's StreamSpecification member; `undefined` when the request has none. */
export function parseStreamSpecification(raw: unknown): StreamSpecification | undefined {
  if (raw === undefined || raw === null) return undefined;
  const spec = raw as { StreamEnabled?: unknown; StreamViewType?: unknown };
  if (spec.StreamEnabled === undefined || spec.StreamEnabled === null) {
    throw validationError(
      "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null",
    );
  }
  const viewType = spec.StreamViewType;
  if (viewType !== undefined && viewType !== null && !STREAM_VIEW_TYPES.includes(viewType as StreamViewType)) {
    throw validationError(
      `1 validation error detected: Value '${String(viewType)}' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [${STREAM_VIEW_TYPES.join(', ')}]`,
    );
  }
  if (spec.StreamEnabled === true) {
    if (viewType === undefined || viewType === null || viewType === '') {
      throw validationError('Invalid StreamViewType: Stream ViewType must not be null or empty when enabling streams.');
    }
    return { StreamEnabled: true, StreamViewType: viewType as StreamViewType };
  }
  if (viewType !== undefined && viewType !== null) {
    throw validationError('Invalid StreamViewType: Stream StreamEnabled was false but a StreamViewType was present.');
  }
  return { StreamEnabled: false };
}
