import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode, compareValues, type AttributeValue } from './AttributeValue';
import type { KeyAttribute } from './KeySchema';
import { partPrefixToken, partsToken } from './MultiAttributeKey';

const ATTRIBUTES: KeyAttribute[] = [
  { name: 's', type: 'S' },
  { name: 'n', type: 'N' },
  { name: 'b', type: 'B' },
];

// Short texts over few characters, NUL and the code units around the surrogates among them,
// so that equal parts, prefixes and NUL escapes all occur.
const text = fc.array(fc.constantFrom('\u0000', '\u0001', 'a', 'b', '\ud7ff', '\ue000', '\uffff', '😀'), { maxLength: 3 }).map((units) => units.join(''));
const bytes = fc.uint8Array({ maxLength: 3 }).map((array) => array.map((byte) => [0, 1, 127, 255][byte % 4] as number));
const key = fc.record({
  s: text.map((S): AttributeValue => ({ S })),
  n: fc.constantFrom('-10', '-1.5', '0', '1', '1.5', '10').map((N): AttributeValue => ({ N })),
  b: bytes.map((array): AttributeValue => ({ B: base64Encode(array) })),
});

function tupleOrder(a: Record<string, AttributeValue>, b: Record<string, AttributeValue>): number {
  for (const { name } of ATTRIBUTES) {
    const order = compareValues(a[name] as AttributeValue, b[name] as AttributeValue);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

describe('multi-attribute key tokens', () => {
  it('order keys part by part, each part in its type’s order', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        const x = partsToken(a, ATTRIBUTES) as string;
        const y = partsToken(b, ATTRIBUTES) as string;
        expect(x < y ? -1 : x > y ? 1 : 0).toBe(tupleOrder(a, b));
      }),
    );
  });

  it('start with the prefix token of a part’s leading characters', () => {
    fc.assert(
      fc.property(text, text, (head, tail) => {
        const whole = partsToken({ s: { S: head + tail } }, [{ name: 's', type: 'S' }]) as string;
        expect(whole.startsWith(partPrefixToken({ S: head }, 'S'))).toBe(true);
      }),
    );
    expect((partsToken({ s: { S: 'a' } }, [{ name: 's', type: 'S' }]) as string).startsWith(partPrefixToken({ S: 'a\u0000' }, 'S'))).toBe(false);
  });

  it('leave out an item lacking a part or holding it in another type', () => {
    expect(partsToken({ s: { S: 'a' }, n: { N: '1' } }, ATTRIBUTES)).toBeUndefined();
    expect(partsToken({ s: { S: 'a' }, n: { S: '1' }, b: { B: 'AA==' } }, ATTRIBUTES)).toBeUndefined();
  });
});
