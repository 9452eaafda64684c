import { describe, expect, it } from 'vitest';
import type { FixedItem } from '../model/types';
import { ITEMS_PER_CHUNK, postInChunks } from './itemChunks';

describe('postInChunks', () => {
  it('posts every item once, in order, in chunks, the last one marked', async () => {
    const items: FixedItem[] = Array.from({ length: ITEMS_PER_CHUNK * 2 + 1 }, (_, i) => ({ item: { id: { N: String(i) } } }));
    const posted: { size: number; last: boolean }[] = [];
    const received: FixedItem[] = [];
    await postInChunks(items, (chunk, last) => {
      posted.push({ size: chunk.length, last });
      received.push(...chunk);
    });
    expect(posted).toEqual([
      { size: ITEMS_PER_CHUNK, last: false },
      { size: ITEMS_PER_CHUNK, last: false },
      { size: 1, last: true },
    ]);
    expect(received).toEqual(items);
  });

  it('posts one empty last chunk when there are no items, so the receiver knows it has them all', async () => {
    const posted: [number, boolean][] = [];
    await postInChunks([], (chunk, last) => posted.push([chunk.length, last]));
    expect(posted).toEqual([[0, true]]);
  });
});
