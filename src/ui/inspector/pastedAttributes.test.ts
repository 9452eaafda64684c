import { describe, expect, it } from 'vitest';
import { pastedAttributes } from './EntityInspector';

describe('attributes from the keyboard', () => {
  it('reads pasted lines as names, with a type when a second cell names one', () => {
    expect(pastedAttributes('rating\tN\r\nreviewer\n\n  reviewedAt , s \nnotes\tfree text\n')).toEqual([
      { name: 'rating', type: 'N' },
      { name: 'reviewer' },
      { name: 'reviewedAt', type: 'S' },
      { name: 'notes' },
    ]);
  });
});
