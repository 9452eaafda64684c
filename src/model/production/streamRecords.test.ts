import { describe, expect, it } from 'vitest';
import { onlineShopModel } from '../examples/onlineShop';
import { generateSampleItems, SampleCache } from '../sampleData';
import { entityOfKeys, expiringItems, isTimeToLiveDeletion, nextExpiry, recordInViewType, type StreamRecord } from './streamRecords';

const record: StreamRecord = {
  eventID: 'e1',
  eventName: 'MODIFY',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'local',
  dynamodb: {
    ApproximateCreationDateTime: 1_700_000_040,
    Keys: { PK: { S: 'A' } },
    OldImage: { PK: { S: 'A' }, n: { N: '1' } },
    NewImage: { PK: { S: 'A' }, n: { N: '22' } },
    SequenceNumber: '000000000000000000007',
    SizeBytes: 0,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
};

describe('recordInViewType', () => {
  it('keeps the images the view type asks for, with the size of what it carries', () => {
    const keysOnly = recordInViewType(record, 'KEYS_ONLY');
    expect(keysOnly.dynamodb).toEqual({ ApproximateCreationDateTime: 1_700_000_040, Keys: { PK: { S: 'A' } }, SequenceNumber: '000000000000000000007', SizeBytes: 3, StreamViewType: 'KEYS_ONLY' });
    expect(recordInViewType(record, 'NEW_IMAGE').dynamodb).toMatchObject({ NewImage: { n: { N: '22' } }, SizeBytes: 3 + 6 });
    expect(recordInViewType(record, 'OLD_IMAGE').dynamodb.NewImage).toBeUndefined();
    expect(recordInViewType(record, 'NEW_AND_OLD_IMAGES').dynamodb.SizeBytes).toBe(3 + 6 + 6);
  });

  it('marks only the sweep’s REMOVE as a TTL deletion', () => {
    const ttl = { ...record, eventName: 'REMOVE' as const, userIdentity: { Type: 'Service' as const, PrincipalId: 'dynamodb.amazonaws.com' as const } };
    expect(isTimeToLiveDeletion(recordInViewType(ttl, 'KEYS_ONLY'))).toBe(true);
    expect(isTimeToLiveDeletion({ ...ttl, userIdentity: undefined })).toBe(false);
  });
});

describe('entityOfKeys and nextExpiry', () => {
  const shop = onlineShopModel();
  const samples = generateSampleItems(shop, new SampleCache());

  it('finds the entity each sample item’s keys fit', () => {
    const keyNames = [shop.table.partitionKey.name, shop.table.sortKey?.name].filter((n): n is string => n !== undefined);
    for (const sample of samples.slice(0, 40)) {
      const keys = Object.fromEntries(keyNames.map((n) => [n, sample.item[n]!]));
      expect(entityOfKeys(shop, keys)).toBe(sample.entityId);
    }
  });

  it('finds the earliest TTL value still ahead', () => {
    const attribute = shop.table.ttlAttribute as string;
    const values = samples.flatMap((s) => (s.item[attribute] && 'N' in s.item[attribute] ? [Number(s.item[attribute].N)] : []));
    expect(values.length).toBeGreaterThan(0);
    const first = Math.min(...values);
    expect(nextExpiry(shop, samples, 0)).toBe(first);
    expect(nextExpiry(shop, samples, first)).toBe(Math.min(...values.filter((v) => v > first)));
    expect(expiringItems(shop, samples, 3).map((e) => e.expiresAt)).toEqual([...values].sort((a, b) => a - b).slice(0, 3));
    expect(expiringItems({ ...shop, table: { ...shop.table, ttlAttribute: undefined } }, samples, 3)).toEqual([]);
  });
});
