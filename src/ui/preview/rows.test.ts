import { describe, expect, it } from 'vitest';
import type { IndexPreview } from '../../model/preview';
import { toPlain } from './attributeText';
import { buildRows } from './rows';

const view: IndexPreview = {
  id: 'table',
  kind: 'TABLE',
  name: 'T',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  projection: { type: 'ALL' },
  itemCount: 3,
  size: 30,
  absentCount: 0,
  collections: [
    {
      partitionKey: { S: 'USER#1' },
      size: 20,
      items: [
        { entityId: 'user', size: 10, item: { PK: { S: 'USER#1' }, SK: { S: 'PROFILE' }, name: { S: 'Ada' } } },
        { entityId: 'post', size: 10, item: { PK: { S: 'USER#1' }, SK: { S: 'POST#1' }, title: { S: 'Hello' } } },
      ],
    },
    { partitionKey: { S: 'USER#2' }, size: 10, items: [{ entityId: 'user', size: 10, item: { PK: { S: 'USER#2' }, SK: { S: 'PROFILE' }, name: { S: 'Bob' } } }] },
  ],
};

describe('preview rows', () => {
  it('puts each collection header before its items, in order', () => {
    const rows = buildRows(view, { search: '', entities: new Set() }, ['PK', 'SK']);
    expect(rows.map((r) => r.key)).toEqual(['c:USER#1', 'i:USER#1\u0000PROFILE', 'i:USER#1\u0000POST#1', 'c:USER#2', 'i:USER#2\u0000PROFILE']);
  });

  it('filters by entity and search, dropping empty collections and counting what is shown', () => {
    const posts = buildRows(view, { search: '', entities: new Set(['post']) }, ['PK', 'SK']);
    expect(posts.map((r) => r.key)).toEqual(['c:USER#1', 'i:USER#1\u0000POST#1']);
    expect(posts[0]).toMatchObject({ kind: 'collection', shown: 1 });
    const bob = buildRows(view, { search: 'bOB', entities: new Set() }, ['PK', 'SK']);
    expect(bob.map((r) => r.key)).toEqual(['c:USER#2', 'i:USER#2\u0000PROFILE']);
    expect(buildRows(view, { search: 'title', entities: new Set() }, ['PK', 'SK'])).toHaveLength(2);
  });

  it('keeps numbers exact in plain JSON', () => {
    expect(toPlain({ N: '12.5' })).toBe(12.5);
    expect(toPlain({ N: '12345678901234567890123' })).toBe('12345678901234567890123');
    expect(toPlain({ M: { a: { L: [{ NULL: true }, { BOOL: false }, { NS: ['1', '2'] }] } } })).toEqual({ a: [null, false, [1, 2]] });
  });
});
