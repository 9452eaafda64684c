// Stream records as the designer shows them: captured once with both images, then shaped for
// the table's view type by the engine's own record builder (so keys, images and SizeBytes are
// exactly what DynamoDB Streams would deliver), each attributed to the entity its keys fit.
import type { Item } from '../../engine/AttributeValue';
import { buildStreamRecord, TTL_USER_IDENTITY, type StreamRecord } from '../../engine/streams/StreamRecord';
import { readKeyTemplate } from '../keyTemplate';
import type { SampleItem } from '../sampleData';
import type { DesignModel, StreamViewType } from '../types';

export type { StreamRecord };

/** The record as a stream of `viewType` delivers it. */
export function recordInViewType(record: StreamRecord, viewType: StreamViewType): StreamRecord {
  return buildStreamRecord({
    eventName: record.eventName,
    keys: record.dynamodb.Keys,
    oldImage: record.dynamodb.OldImage,
    newImage: record.dynamodb.NewImage,
    viewType,
    sequenceNumber: record.dynamodb.SequenceNumber,
    now: record.dynamodb.ApproximateCreationDateTime,
    region: record.awsRegion,
    eventID: record.eventID,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
  });
}

/** A REMOVE the TTL sweep made: DynamoDB names itself as the deleter. */
export function isTimeToLiveDeletion(record: StreamRecord): boolean {
  return record.eventName === 'REMOVE' && record.userIdentity?.PrincipalId === TTL_USER_IDENTITY.PrincipalId;
}

const keyString = (value: Item[string] | undefined) =>
  value === undefined ? undefined : 'S' in value ? value.S : 'N' in value ? value.N : 'B' in value ? value.B : undefined;

/** The entity whose table key templates the keys fit, or undefined. */
export function entityOfKeys(model: DesignModel, keys: Item): string | undefined {
  const pk = keyString(keys[model.table.partitionKey.name]);
  const sk = model.table.sortKey ? keyString(keys[model.table.sortKey.name]) : undefined;
  if (pk === undefined) return undefined;
  return model.entities.find((entity) => {
    if (readKeyTemplate(entity.keys.partitionKey, pk) === undefined) return false;
    if (model.table.sortKey === undefined) return true;
    return sk !== undefined && entity.keys.sortKey !== undefined && readKeyTemplate(entity.keys.sortKey, sk) !== undefined;
  })?.id;
}

/** The items with a TTL value (epoch seconds in a Number), soonest to expire first. */
export function expiringItems(model: DesignModel, items: readonly SampleItem[], limit: number): { sample: SampleItem; expiresAt: number }[] {
  const attribute = model.table.ttlAttribute;
  if (attribute === undefined) return [];
  const found: { sample: SampleItem; expiresAt: number }[] = [];
  for (const sample of items) {
    const value = sample.item[attribute];
    if (value !== undefined && 'N' in value && Number.isFinite(Number(value.N))) found.push({ sample, expiresAt: Number(value.N) });
  }
  return found.sort((a, b) => a.expiresAt - b.expiresAt).slice(0, limit);
}

/** Epoch seconds of the earliest TTL value after `now` among the items, or undefined. */
export function nextExpiry(model: DesignModel, items: readonly SampleItem[], now: number): number | undefined {
  const attribute = model.table.ttlAttribute;
  if (attribute === undefined) return undefined;
  let earliest: number | undefined;
  for (const { item } of items) {
    const value = item[attribute];
    if (value === undefined || !('N' in value)) continue;
    const seconds = Number(value.N);
    if (seconds > now && (earliest === undefined || seconds < earliest)) earliest = seconds;
  }
  return earliest;
}
