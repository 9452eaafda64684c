import { describe, expect, it } from 'vitest';
import { attributeMap, attributeMapOf, isAttributeMap, member } from './AttributeMap';

const WORDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__', '__defineGetter__', 'isPrototypeOf'];

describe('attributeMap', () => {
  it('holds nothing until written, whatever the name', () => {
    const map = attributeMap<number>();
    for (const word of WORDS) {
      expect(map[word]).toBeUndefined();
      expect(word in map).toBe(false);
    }
    expect(Object.keys(map)).toEqual([]);
  });

  it('keeps every name as an own member, __proto__ included', () => {
    const map = attributeMapOf(WORDS.map((word, i) => [word, i] as const));
    expect(Object.keys(map)).toEqual(WORDS);
    expect(WORDS.map((word) => map[word])).toEqual(WORDS.map((_, i) => i));
    expect(JSON.parse(JSON.stringify(map)) as unknown).toEqual(JSON.parse(`{${WORDS.map((word, i) => `"${word}":${i}`).join(',')}}`));
    expect(isAttributeMap(map)).toBe(true);
    expect(isAttributeMap({})).toBe(false);
  });
});

describe('member', () => {
  it('reads only own members of any record', () => {
    const parsed = JSON.parse('{"__proto__":1,"a":2}') as Record<string, number>;
    expect(member(parsed, '__proto__')).toBe(1);
    expect(member(parsed, 'a')).toBe(2);
    for (const word of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) expect(member(parsed, word)).toBeUndefined();
  });
});
