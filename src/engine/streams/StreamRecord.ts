// A change record as DynamoDB Streams delivers it (and as the seed's stream-record example
// shows it): event metadata plus the `dynamodb` member with keys, the images the stream's
// view type asks for, the sequence number and the size of what it carries.
import { itemSize, type Item } from '../AttributeValue';
import type { StreamViewType } from './StreamSpecification';

export type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** Who made the change; present only on deletions by the TTL sweep. */
export interface UserIdentity {
  Type: 'Service';
  PrincipalId: 'dynamodb.amazonaws.com';
}

export const TTL_USER_IDENTITY: UserIdentity = { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' };

export interface StreamRecord {
  eventID: string;
  eventName: EventName;
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    /** Epoch seconds, rounded down to the minute as the service (and DynamoDB Local) does. */
    ApproximateCreationDateTime: number;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  userIdentity?: UserIdentity;
}

/** Sequence numbers are 21 digits, zero-padded, increasing within an engine. */
export function formatSequenceNumber(value: number): string {
  return String(value).padStart(21, '0');
}

export function eventNameOf(oldImage: Item | undefined, newImage: Item | undefined): EventName | undefined {
  if (oldImage === undefined) return newImage === undefined ? undefined : 'INSERT';
  return newImage === undefined ? 'REMOVE' : 'MODIFY';
}

export interface RecordInput {
  eventName: EventName;
  keys: Item;
  oldImage: Item | undefined;
  newImage: Item | undefined;
  viewType: StreamViewType;
  sequenceNumber: string;
  /** Epoch seconds of the change. */
  now: number;
  region: string;
  eventID: string;
  userIdentity?: UserIdentity;
}

export function buildStreamRecord(input: RecordInput): StreamRecord {
  const withNew = input.viewType === 'NEW_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const withOld = input.viewType === 'OLD_IMAGE' || input.viewType === 'NEW_AND_OLD_IMAGES';
  const newImage = withNew ? input.newImage : undefined;
  const oldImage = withOld ? input.oldImage : undefined;
  const record: StreamRecord = {
    eventID: input.eventID,
    eventName: input.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: input.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(input.now / 60) * 60,
      Keys: input.keys,
      ...(newImage ? { NewImage: newImage } : {}),
      ...(oldImage ? { OldImage: oldImage } : {}),
      SequenceNumber: input.sequenceNumber,
      SizeBytes: itemSize(input.keys) + (newImage ? itemSize(newImage) : 0) + (oldImage ? itemSize(oldImage) : 0),
      StreamViewType: input.viewType,
    },
  };
  if (input.userIdentity) record.userIdentity = input.userIdentity;
  return record;
}
