import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../model/examples';
import { computePreview } from '../../model/preview';
import { generateSampleItems } from '../../model/sampleData';
import { PreviewSession, ROW_LIMIT } from './previewSession';

describe('PreviewSession', () => {
  const model = defaultModel();
  const session = new PreviewSession();
  session.setModel(model);

  it('gives rows for the table in the preview\'s order, one header per item collection', () => {
    const expected = computePreview(model, generateSampleItems(model)).table;
    const result = session.query({ viewId: 'table', search: '', entityId: '' })!;
    expect(result.view).toMatchObject({ kind: 'TABLE', itemCount: expected.itemCount, collectionCount: expected.collections.length });
    const headers = result.rows.filter((r) => r.kind === 'collection');
    expect(headers).toHaveLength(expected.collections.length);
    expect(result.rows.filter((r) => r.kind === 'item')).toHaveLength(expected.itemCount);
    expect(result.views.map((v) => v.id)).toEqual(['table', ...model.globalSecondaryIndexes.map((g) => g.id), ...model.localSecondaryIndexes.map((l) => l.id)]);
  });

  it('shows an index as DynamoDB stores it and serves the full item behind a row', () => {
    const result = session.query({ viewId: 'gsi-GSI2', search: '', entityId: '' })!;
    expect(result.view).toMatchObject({ kind: 'GSI', name: 'GSI2', projection: 'KEYS_ONLY' });
    const first = result.rows.find((r) => r.kind === 'item')!;
    const item = session.item(first.key)!;
    expect(Object.keys(item).sort()).toEqual(['GSI2PK', 'GSI2SK', 'PK', 'SK'].filter((k) => k in item).sort());
    expect(Object.keys(item).every((k) => ['GSI2PK', 'GSI2SK', 'PK', 'SK'].includes(k))).toBe(true);
  });

  it('filters by entity and search, and falls back to the table for an unknown view', () => {
    const likes = session.query({ viewId: 'table', search: '', entityId: 'ent-like' })!;
    expect(likes.rows.filter((r) => r.kind === 'item').every((r) => r.kind === 'item' && r.entityId === 'ent-like')).toBe(true);
    const nothing = session.query({ viewId: 'gone', search: 'no-such-text-anywhere', entityId: '' })!;
    expect(nothing.view.id).toBe('table');
    expect(nothing.rows).toEqual([]);
  });

  it('follows a key template edit', () => {
    const edited = { ...model, entities: model.entities.map((e) => (e.id === 'ent-post' ? { ...e, keys: { ...e.keys, partitionKey: 'AUTHOR#{{userId}}' } } : e)) };
    session.setModel(edited);
    const posts = session.query({ viewId: 'table', search: '', entityId: 'ent-post' })!;
    const items = posts.rows.filter((r) => r.kind === 'item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((r) => r.kind === 'item' && r.partitionKey.startsWith('AUTHOR#'))).toBe(true);
  });

  it('sends at most ROW_LIMIT rows of a view, says how many it left out, and marks imported items', () => {
    const many = defaultModel();
    const items = Array.from({ length: ROW_LIMIT + 5 }, (_, i) => ({ item: { PK: { S: `IMPORTED#${i}` }, SK: { S: 'ITEM' }, note: { S: 'mine' } } }));
    const big = new PreviewSession();
    big.setModel({ ...many, items });
    const result = big.query({ viewId: 'table', search: '', entityId: '' })!;
    expect(result.rows).toHaveLength(ROW_LIMIT);
    expect(result.rows.length + result.rowsLeftOut).toBe(result.view.itemCount + result.view.collectionCount);
    const narrowed = big.query({ viewId: 'table', search: 'IMPORTED#10004', entityId: '' })!;
    expect(narrowed.rowsLeftOut).toBe(0);
    expect(narrowed.rows.find((row) => row.kind === 'item')).toMatchObject({ partitionKey: 'IMPORTED#10004', imported: true });
    const generated = big.query({ viewId: 'table', search: '', entityId: many.entities[0]?.id ?? '' })!;
    expect(generated.rows.find((row) => row.kind === 'item')).toMatchObject({ imported: false });
  });
});
