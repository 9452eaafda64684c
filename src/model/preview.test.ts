import { describe, expect, it } from 'vitest';
import { itemSize, type Item } from '../engine/AttributeValue';
import { socialMediaModel } from './examples/socialMedia';
import { computePreview } from './preview';
import { generateSampleItems, SampleCache, type SampleItem } from './sampleData';
import { MODEL_VERSION, type DesignModel } from './types';
import { tableDesign } from './tableDesign';

function model(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'T',
    table: tableDesign('Things', { name: 'PK', type: 'S' }, { name: 'SK', type: 'S' }),
    globalSecondaryIndexes: [
      { id: 'g-all', name: 'ByAll', partitionKey: { name: 'GPK', type: 'S' }, sortKey: { name: 'GSK', type: 'N' }, projection: { type: 'ALL' } },
      { id: 'g-keys', name: 'ByKeys', partitionKey: { name: 'GPK', type: 'S' }, sortKey: { name: 'GSK', type: 'N' }, projection: { type: 'KEYS_ONLY' } },
      {
        id: 'g-inc',
        name: 'ByInclude',
        partitionKey: { name: 'GPK', type: 'S' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['color'] },
      },
    ],
    localSecondaryIndexes: [{ id: 'l-1', name: 'ByColor', sortKey: { name: 'color', type: 'S' }, projection: { type: 'KEYS_ONLY' } }],
    entities: [],
    accessPatterns: [],
    sampleSeed: 1,
  };
}

const sample = (item: Item, entityId = 'ent-a'): SampleItem => ({ entityId, item });
const s = (value: string) => ({ S: value });
const n = (value: string) => ({ N: value });

describe('computePreview', () => {
  it('sorts sort keys by UTF-8 bytes, not UTF-16 code units', () => {
    const sortKeys = ['😀', '\uFFFF', 'é', 'a', 'Z', 'ab'];
    const preview = computePreview(model(), sortKeys.map((sk) => sample({ PK: s('P'), SK: s(sk) })));
    expect(preview.table.collections[0]?.items.map((i) => i.item.SK)).toEqual(['Z', 'a', 'ab', 'é', '\uFFFF', '😀'].map(s));
  });

  it('sorts number keys by value', () => {
    const values = ['10', '9', '-1', '0.5', '1e2'];
    const preview = computePreview(
      model(),
      values.map((v, i) => sample({ PK: s('P'), SK: s(`i${i}`), GPK: s('G'), GSK: n(v) })),
    );
    const byAll = preview.indexes.find((index) => index.id === 'g-all');
    expect(byAll?.collections[0]?.items.map((i) => i.item.GSK)).toEqual(['-1', '0.5', '9', '10', '1e2'].map(n));
  });

  it('groups items by partition key and orders the collections', () => {
    const preview = computePreview(model(), [sample({ PK: s('b'), SK: s('1') }), sample({ PK: s('a'), SK: s('2') }), sample({ PK: s('b'), SK: s('0') })]);
    expect(preview.table.collections.map((c) => [c.partitionKey, c.items.map((i) => i.item.SK)])).toEqual([
      [s('a'), [s('2')]],
      [s('b'), [s('0'), s('1')]],
    ]);
    expect(preview.table.itemCount).toBe(3);
  });

  it('leaves items without the index keys out of the index (sparse) and counts them', () => {
    const preview = computePreview(model(), [
      sample({ PK: s('1'), SK: s('x'), GPK: s('G'), GSK: n('1') }),
      sample({ PK: s('2'), SK: s('x'), GPK: s('G') }),
      sample({ PK: s('3'), SK: s('x') }),
    ]);
    const byAll = preview.indexes.find((index) => index.id === 'g-all');
    expect(byAll?.itemCount).toBe(1);
    expect(byAll?.absentCount).toBe(2);
    const byInclude = preview.indexes.find((index) => index.id === 'g-inc');
    expect(byInclude?.itemCount).toBe(2);
  });

  it('projects ALL, KEYS_ONLY and INCLUDE as DynamoDB does', () => {
    const item = { PK: s('1'), SK: s('x'), GPK: s('G'), GSK: n('1'), color: s('red'), size: n('3') };
    const preview = computePreview(model(), [sample(item)]);
    const projected = (id: string) => preview.indexes.find((index) => index.id === id)?.collections[0]?.items[0]?.item;
    expect(projected('g-all')).toEqual(item);
    expect(projected('g-keys')).toEqual({ PK: s('1'), SK: s('x'), GPK: s('G'), GSK: n('1') });
    expect(projected('g-inc')).toEqual({ PK: s('1'), SK: s('x'), GPK: s('G'), color: s('red') });
    expect(projected('l-1')).toEqual({ PK: s('1'), SK: s('x'), color: s('red') });
  });

  it('keeps an LSI in the table’s partitions, sorted by its own sort key', () => {
    const preview = computePreview(model(), [
      sample({ PK: s('p'), SK: s('1'), color: s('red') }),
      sample({ PK: s('p'), SK: s('2'), color: s('blue') }),
      sample({ PK: s('p'), SK: s('3') }),
    ]);
    const lsi = preview.indexes.find((index) => index.id === 'l-1');
    expect(lsi?.kind).toBe('LSI');
    expect(lsi?.partitionKey).toEqual({ name: 'PK', type: 'S' });
    expect(lsi?.collections[0]?.items.map((i) => i.item.SK)).toEqual([s('2'), s('1')]);
    expect(lsi?.absentCount).toBe(1);
  });

  it('orders index items with equal keys by the table key', () => {
    const preview = computePreview(model(), [
      sample({ PK: s('b'), SK: s('1'), GPK: s('G'), GSK: n('1') }),
      sample({ PK: s('a'), SK: s('2'), GPK: s('G'), GSK: n('1') }),
      sample({ PK: s('a'), SK: s('1'), GPK: s('G'), GSK: n('1') }),
    ]);
    const items = preview.indexes[0]?.collections[0]?.items.map((i) => [i.item.PK, i.item.SK]);
    expect(items).toEqual([
      [s('a'), s('1')],
      [s('a'), s('2')],
      [s('b'), s('1')],
    ]);
  });

  it('reports items DynamoDB would refuse, with the reason', () => {
    const preview = computePreview(model(), [
      sample({ SK: s('x') }),
      sample({ PK: s(''), SK: s('x') }),
      sample({ PK: n('1'), SK: s('x') }),
      sample({ PK: s('1'), SK: s('x'), GSK: s('not a number') }),
      sample({ PK: s('k'.repeat(2049)), SK: s('x') }),
      sample({ PK: s('1'), SK: s('x'), GPK: s('G'), GSK: n('1..2') }),
      sample({ PK: s('ok'), SK: s('x') }),
    ]);
    expect(preview.rejected.map((r) => r.reason)).toEqual([
      "the item has no PK, part of the table's primary key",
      'PK: a key attribute cannot contain an empty string value',
      "PK: the key is S but the item's value is N",
      "GSK (key of ByAll): the key is N but the item's value is S",
      'PK: the key value is longer than 2048 bytes',
      'A value provided cannot be converted into a number',
    ]);
    expect(preview.table.itemCount).toBe(1);
  });

  it('keeps the last write of items with the same primary key', () => {
    const preview = computePreview(model(), [
      sample({ PK: s('1'), SK: s('x'), v: s('first') }, 'ent-a'),
      sample({ PK: s('1'), SK: s('x'), v: s('second') }, 'ent-b'),
    ]);
    expect(preview.overwritten).toBe(1);
    expect(preview.table.collections[0]?.items).toEqual([{ entityId: 'ent-b', item: { PK: s('1'), SK: s('x'), v: s('second') }, size: 13 }]);
  });

  it('sizes items and collections with DynamoDB’s rules', () => {
    const a = { PK: s('p'), SK: s('1'), GPK: s('G'), GSK: n('12'), color: s('red') };
    const b = { PK: s('p'), SK: s('2'), note: s('é') };
    const preview = computePreview(model(), [sample(a), sample(b)]);
    const collection = preview.table.collections[0];
    expect(collection?.items.map((i) => i.size)).toEqual([itemSize(a), itemSize(b)]);
    expect(collection?.size).toBe(itemSize(a) + itemSize(b));
    expect(preview.table.size).toBe(itemSize(a) + itemSize(b));
    const keysOnly = preview.indexes.find((index) => index.id === 'g-keys')?.collections[0]?.items[0];
    expect(keysOnly?.size).toBe(itemSize({ PK: s('p'), SK: s('1'), GPK: s('G'), GSK: n('12') }));
  });

  it('previews the default example: every index, entity colours, GSI2 keys only', () => {
    const social = socialMediaModel();
    const items = generateSampleItems(social, new SampleCache());
    const preview = computePreview(social, items);
    expect(preview.indexes.map((index) => index.name)).toEqual(['GSI1', 'GSI2', 'GSI3']);
    const gsi1 = preview.indexes[0]!;
    expect(gsi1.collections.map((c) => c.partitionKey)).toEqual([s('POST'), s('USER')]);
    const entitiesInGsi1 = new Set(gsi1.collections.flatMap((c) => c.items.map((i) => i.entityId)));
    expect(entitiesInGsi1).toEqual(new Set(['ent-postMetadata', 'ent-userProfile']));
    const gsi2Item = preview.indexes[1]!.collections[0]!.items[0]!.item;
    expect(Object.keys(gsi2Item).sort()).toEqual(['GSI2PK', 'GSI2SK', 'PK', 'SK']);
    const gsi3Item = preview.indexes[2]!.collections[0]!.items[0]!.item;
    expect(Object.keys(gsi3Item).every((name) => ['PK', 'SK', 'GSI3PK', 'GSI3SK', 'userId', 'title'].includes(name))).toBe(true);
  });
});
