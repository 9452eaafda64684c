import { describe, expect, it } from 'vitest';
import { isReservedWord } from '../../engine/ReservedWords';
import { newAttributeName } from '../../store/commands';
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

  it('names a new attribute with a free name that is not a DynamoDB reserved word', () => {
    const first = newAttributeName(new Set(['id']));
    expect(isReservedWord(first)).toBe(false);
    const second = newAttributeName(new Set(['id', first]));
    expect(second).not.toBe(first);
    expect(isReservedWord(second)).toBe(false);
  });
});
