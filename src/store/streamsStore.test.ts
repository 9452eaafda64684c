import { beforeEach, describe, expect, it } from 'vitest';
import { onlineShopModel } from '../model/examples/onlineShop';
import { nextExpiry } from '../model/production/streamRecords';
import { generateSampleItems, SampleCache } from '../model/sampleData';
import { useStreamsStore } from './streamsStore';

const shop = onlineShopModel();
const samples = generateSampleItems(shop, new SampleCache());
const pattern = (id: string) => {
  const found = shop.accessPatterns.find((p) => p.id === id);
  if (!found) throw new Error(`no pattern ${id}`);
  return found;
};

describe('the streams session', () => {
  beforeEach(() => useStreamsStore.getState().reset());

  it('records the writes a pattern makes, and none for loading the samples', async () => {
    await useStreamsStore.getState().runWrite(shop, samples, pattern('ap-shop-shipOrder'));
    const { records, error } = useStreamsStore.getState();
    expect(error).toBeUndefined();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ patternName: pattern('ap-shop-shipOrder').name, entityId: 'ent-order', record: { eventName: 'MODIFY' } });
    expect(records[0]?.record.dynamodb.OldImage).toBeDefined();
  });

  it('advancing the clock past an expiry sweeps the item with a REMOVE DynamoDB made', () => {
    const store = useStreamsStore.getState();
    store.advanceClock(shop, samples, 0);
    const now = (useStreamsStore.getState().clockMs ?? 0) / 1000;
    const next = nextExpiry(shop, samples, now);
    if (next === undefined) throw new Error('no sample expires');
    store.advanceClock(shop, samples, next - now + 1);
    const { records, expired } = useStreamsStore.getState();
    expect(expired).toBeGreaterThan(0);
    expect(records).toHaveLength(expired);
    expect(records.every((r) => r.record.eventName === 'REMOVE' && r.record.userIdentity?.PrincipalId === 'dynamodb.amazonaws.com' && r.patternName === undefined)).toBe(true);
    // The soonest-expiring item is gone from the table; one expiring later is still there.
    const { watched } = useStreamsStore.getState();
    expect(watched[0]).toMatchObject({ expiresAt: next, present: false });
    expect(watched.at(-1)?.present).toBe(true);
  });

  it('keeps its records when only the view type changes, and starts again when the design does', async () => {
    await useStreamsStore.getState().runWrite(shop, samples, pattern('ap-shop-shipOrder'));
    const keysOnly = { ...shop, table: { ...shop.table, streamViewType: 'KEYS_ONLY' as const } };
    await useStreamsStore.getState().runWrite(keysOnly, samples, pattern('ap-shop-placeOrder'));
    const records = useStreamsStore.getState().records;
    expect(records.length).toBeGreaterThan(1);
    expect(records[0]?.patternName).toBe(pattern('ap-shop-shipOrder').name);
    await useStreamsStore.getState().runWrite({ ...keysOnly, name: 'Renamed' }, samples, pattern('ap-shop-shipOrder'));
    expect(useStreamsStore.getState().records).toHaveLength(1);
  });
});
