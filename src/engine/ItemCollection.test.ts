import { describe, expect, it } from 'vitest';
import type { AttributeValue } from './AttributeValue';
import { ItemCollection, type StoredEntry } from './ItemCollection';

function entry(sort: string, tieHash = '', tieRange = ''): StoredEntry {
  return { sort, tieHash, tieRange, item: { k: { S: sort } }, size: sort.length, readSize: sort.length };
}

function sorts(collection: ItemCollection, forward = true): string[] {
  const start = forward ? collection.first() : collection.end();
  return [...collection.walk(start, forward)].map((e) => `${e.sort}|${e.tieHash}|${e.tieRange}`);
}

describe('ItemCollection', () => {
  it('keeps thousands of entries sorted across chunk splits, in both directions', () => {
    const collection = new ItemCollection();
    const keys = Array.from({ length: 3000 }, (_, i) => String((i * 7919) % 3000).padStart(5, '0'));
    for (const key of keys) collection.put(entry(key));
    const expected = [...keys].sort().map((k) => `${k}||`);
    expect(sorts(collection)).toEqual(expected);
    expect(sorts(collection, false)).toEqual([...expected].reverse());
    expect(collection.count).toBe(3000);
  });

  it('walks between two positions in both directions, across chunks', () => {
    const collection = new ItemCollection();
    const keys = Array.from({ length: 3000 }, (_, i) => String(i).padStart(5, '0'));
    for (const key of keys) collection.put(entry(key));
    const at = (key: string) => collection.seek((e) => e.sort < key);
    const walked = (from: string, forward: boolean, to: string) => [...collection.walk(at(from), forward, at(to))].map((e) => e.sort);
    expect(walked('00400', true, '02100')).toEqual(keys.slice(400, 2100));
    expect(walked('02100', false, '00400')).toEqual(keys.slice(400, 2100).reverse());
    expect(walked('00700', true, '00700')).toEqual([]);
    expect(walked('00700', false, '00700')).toEqual([]);
    expect([...collection.walk(at('02998'), true)].map((e) => e.sort)).toEqual(['02998', '02999']);
    expect([...collection.walk(at('00002'), false)].map((e) => e.sort)).toEqual(['00001', '00000']);
  });

  it('finds where a walk of at most n entries leaves a contiguous range, in both directions', () => {
    const collection = new ItemCollection();
    const keys = Array.from({ length: 1500 }, (_, i) => String(i).padStart(5, '0'));
    for (const key of keys) collection.put(entry(key));
    const at = (key: string) => collection.seek((e) => e.sort < key);
    const walk = (from: string, count: number, forward: boolean, beyond: (sort: string) => boolean) =>
      [...collection.walk(at(from), forward, collection.seekWithin(at(from), count, forward, (e) => beyond(e.sort)))].map((e) => e.sort);
    const above = (sort: string) => sort >= '01000';
    expect(walk('00500', 20, true, above)).toEqual(keys.slice(500, 520));
    expect(walk('00990', 20, true, above)).toEqual(keys.slice(990, 1000));
    expect(walk('00300', 900, true, above)).toEqual(keys.slice(300, 1000));
    expect(walk('01490', 20, true, () => false)).toEqual(keys.slice(1490));
    expect(walk('01200', 5, true, above)).toEqual([]);
    const below = (sort: string) => sort < '00512';
    expect(walk('01000', 20, false, below)).toEqual(keys.slice(980, 1000).reverse());
    expect(walk('00520', 20, false, below)).toEqual(keys.slice(512, 520).reverse());
    expect(walk('00010', 20, false, () => false)).toEqual(keys.slice(0, 10).reverse());
    expect(walk('00500', 0, true, above)).toEqual([]);
  });

  it('replaces an entry with the same keys and tracks bytes', () => {
    const collection = new ItemCollection();
    collection.put(entry('a'));
    const old = collection.put({ ...entry('a'), size: 10 });
    expect(old?.size).toBe(1);
    expect(collection.count).toBe(1);
    expect(collection.bytes).toBe(10);
  });

  it('orders index entries by sort key, then base table keys', () => {
    const collection = new ItemCollection();
    collection.put(entry('x', 'b', '2'));
    collection.put(entry('x', 'a', '9'));
    collection.put(entry('w', 'z', '1'));
    collection.put(entry('x', 'b', '1'));
    expect(sorts(collection)).toEqual(['w|z|1', 'x|a|9', 'x|b|1', 'x|b|2']);
    expect(collection.find('x', 'b', '1')?.tieRange).toBe('1');
    expect(collection.find('x', 'b', '3')).toBeUndefined();
  });

  it('removes entries, dropping empty chunks, and seeks from the middle', () => {
    const collection = new ItemCollection();
    for (let i = 0; i < 1200; i++) collection.put(entry(String(i).padStart(4, '0')));
    for (let i = 0; i < 1200; i += 2) expect(collection.remove(entry(String(i).padStart(4, '0')))).toBeDefined();
    expect(collection.remove(entry('0000'))).toBeUndefined();
    expect(collection.count).toBe(600);
    const from = collection.seek((e) => e.sort < '0600');
    expect([...collection.walk(from, true)].slice(0, 2).map((e) => e.sort)).toEqual(['0601', '0603']);
    expect([...collection.walk(from, false)].slice(0, 2).map((e) => e.sort)).toEqual(['0599', '0597']);
  });

  it('orders entries sharing a sort key by their tie order, computed only when keys meet', () => {
    const computed: string[] = [];
    const text = (value: AttributeValue | undefined) => (value && 'S' in value ? value.S : '');
    const collection = new ItemCollection((item) => {
      computed.push(text(item.k));
      return text(item.t);
    });
    const tied = (sort: string, tieHash: string, tie: string): StoredEntry => ({ ...entry(sort, tieHash), item: { k: { S: tieHash }, t: { S: tie } } });
    collection.put(tied('x', 'a', '3'));
    collection.put(tied('y', 'b', '1'));
    expect(computed).toEqual([]);
    collection.put(tied('x', 'c', '1'));
    collection.put(tied('x', 'd', '2'));
    expect(sorts(collection)).toEqual(['x|c|', 'x|d|', 'x|a|', 'y|b|']);
    expect(computed).not.toContain('b');
    expect(new Set(computed).size).toBe(computed.length);
    const probe = { sort: 'x', tieHash: 'd', tieRange: '', item: { t: { S: '2' } } };
    expect(collection.at(collection.seekKey(probe))?.tieHash).toBe('d');
    expect(collection.at(collection.seekKey(probe, true))?.tieHash).toBe('a');
    expect(collection.remove({ ...probe, item: { k: { S: 'd' }, t: { S: '2' } } })?.tieHash).toBe('d');
    expect(sorts(collection, false)).toEqual(['y|b|', 'x|a|', 'x|c|']);
  });
});
