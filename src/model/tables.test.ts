import { describe, expect, it } from 'vitest';
import { defaultModel } from './examples';
import { parseModel } from './parse';
import { generateSampleItems, SampleCache } from './sampleData';
import { designOfTables, fixedItemLists, switchTable, tableNamed, tableNames, tablesOf, withFixedItems, withoutFixedItems } from './tables';
import { tableDesign } from './tableDesign';
import type { DesignModel } from './types';

function single(name: string): DesignModel {
  return { ...defaultModel(), table: tableDesign(name, { name: 'id', type: 'N' }), globalSecondaryIndexes: [], localSecondaryIndexes: [], entities: [], accessPatterns: [] };
}

describe('tables of a design', () => {
  const design = designOfTables([single('Orders'), single('constructor'), single('__proto__')]);

  it('keeps every table, the first being edited', () => {
    expect(tableNames(design)).toEqual(['Orders', 'constructor', '__proto__']);
    expect(tablesOf(design).map((table) => [table.table.name, table.otherTables])).toEqual([
      ['Orders', undefined],
      ['constructor', undefined],
      ['__proto__', undefined],
    ]);
  });

  it('switches tables without losing one, and switching back restores the design', () => {
    const switched = switchTable(design, 2);
    expect(switched.table.name).toBe('__proto__');
    expect(new Set(tableNames(switched))).toEqual(new Set(tableNames(design)));
    expect(switchTable(switched, 2)).toEqual(design);
    expect(switchTable(design, 0)).toBe(design);
    expect(switchTable(design, 7)).toBe(design);
  });

  it('finds a table by any name', () => {
    expect(tableNamed(design, 'constructor')?.table.name).toBe('constructor');
    expect(tableNamed(design, 'toString')).toBeUndefined();
  });

  it('saves and reads back a design of several tables with fixed items', () => {
    const withItems: DesignModel = { ...design, items: [{ item: { id: { N: '1' }, note: { S: 'kept' } } }] };
    const parsed = parseModel(JSON.stringify(withItems));
    expect(parsed).toEqual({ model: withItems, notes: [] });
  });
});

describe('fixed items', () => {
  it('come first, marked imported, and generated items never take their keys', () => {
    const model = defaultModel();
    const generated = generateSampleItems(model, new SampleCache());
    const taken = generated[3];
    if (taken === undefined) throw new Error('no sample');
    const mine = { ...taken.item, content: { S: 'my own words' } };
    const withFixed: DesignModel = { ...model, items: [{ entity: taken.entityId, item: mine }, { item: { PK: { S: 'LOOSE' }, SK: { S: 'ITEM' } } }] };
    const samples = generateSampleItems(withFixed, new SampleCache());
    expect(samples.slice(0, 2)).toEqual([
      { entityId: taken.entityId, item: mine, imported: true },
      { entityId: '', item: { PK: { S: 'LOOSE' }, SK: { S: 'ITEM' } }, imported: true },
    ]);
    expect(samples.length).toBe(generated.length + 1);
    expect(samples.filter((sample) => JSON.stringify(sample.item.PK) === JSON.stringify(taken.item.PK) && JSON.stringify(sample.item.SK) === JSON.stringify(taken.item.SK))).toHaveLength(1);
  });
});

describe('fixed items apart from the design', () => {
  it('come off every table and go back in the same places', () => {
    const [first, second] = [single('A'), single('B')];
    const design = designOfTables([{ ...first, items: [{ item: { id: { N: '1' } } }] }, { ...second, items: [{ entity: 'e', item: { id: { N: '2' } } }] }]);
    const bare = withoutFixedItems(design);
    expect(fixedItemLists(bare)).toEqual([undefined, undefined]);
    expect(withFixedItems(bare, fixedItemLists(design).map((items) => items ?? []))).toEqual(design);
  });
});
