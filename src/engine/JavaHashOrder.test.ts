import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaHashSetOrder, javaStringHash } from './JavaHashOrder';

describe('javaStringHash', () => {
  it('is Java String.hashCode over UTF-16 code units, in int32', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'));
    expect(javaStringHash('status')).toBe(-892481550);
    expect(javaStringHash('😀')).toBe(0xd83d * 31 + 0xde00);
  });
});

describe('javaHashMapOrder', () => {
  it('orders by spread bucket, then by insertion within a bucket', () => {
    // 'p' (112) is in bucket 0, 'a' and 'q' (97, 113) share bucket 1.
    expect(javaHashSetOrder(['q', 'b', 'a', 'p'])).toEqual(['p', 'q', 'a', 'b']);
    expect(javaHashSetOrder(['a', 'q', 'a'])).toEqual(['a', 'q']);
  });

  it('grows the table past three quarters full', () => {
    // 13 keys: a table of 32, where 'a' (1) and 'q' (17) no longer share a bucket.
    const keys = ['q', 'a', ...Array.from({ length: 11 }, (_, i) => `x${i}`)];
    expect(javaHashSetOrder(keys).indexOf('a')).toBeLessThan(javaHashSetOrder(keys).indexOf('q'));
    expect(javaHashSetOrder(['q', 'a'])).toEqual(['q', 'a']);
  });

  it('takes any hash', () => {
    expect(javaHashMapOrder([3, 1, 2], (n) => 16 - n)).toEqual([3, 2, 1]);
    expect(javaHashMapOrder([3, 1, 2], (n) => n * 16)).toEqual([3, 1, 2]);
  });
});
