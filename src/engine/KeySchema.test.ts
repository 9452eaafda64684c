import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Encode, compareValues, normalizeNumber, type AttributeValue } from './AttributeValue';
import { keyToken, partitionToken } from './KeySchema';

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function tokenOrder(a: AttributeValue, b: AttributeValue, type: 'S' | 'N' | 'B'): number {
  const x = keyToken(a, type);
  const y = keyToken(b, type);
  return x < y ? -1 : x > y ? 1 : 0;
}

const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 38n - 1n }), fc.integer({ min: -120, max: 80 }))
  .map(([negative, digits, exponent]) => normalizeNumber(`${negative ? '-' : ''}${digits}e${exponent}`));

describe('key tokens', () => {
  it('order strings as DynamoDB does (UTF-8 bytes), surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(tokenOrder({ S: a }, { S: b }, 'S')).toBe(sign(compareValues({ S: a }, { S: b })));
      }),
    );
    expect(tokenOrder({ S: '\uffff' }, { S: '😀' }, 'S')).toBe(-1);
    expect(tokenOrder({ S: '\ue000' }, { S: '\ud7ff' }, 'S')).toBe(1);
  });

  it('order numbers numerically across signs, scales and precision', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(tokenOrder({ N: a }, { N: b }, 'N')).toBe(sign(compareValues({ N: a }, { N: b })));
      }),
    );
    const sorted = ['-1e10', '-100', '-99.99', '-1', '-0.001', '0', '0.001', '1', '1.5', '10', '1e100'];
    const byToken = [...sorted].reverse().sort((a, b) => tokenOrder({ N: a }, { N: b }, 'N'));
    expect(byToken).toEqual(sorted);
  });

  it('order binaries by unsigned bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
        const x = { B: base64Encode(a) };
        const y = { B: base64Encode(b) };
        expect(tokenOrder(x, y, 'B')).toBe(sign(compareValues(x, y)));
      }),
    );
  });

  it('give equal numbers one partition whatever their spelling', () => {
    expect(partitionToken({ N: '1.50' }, 'N')).toBe(partitionToken({ N: '15e-1' }, 'N'));
    expect(partitionToken({ N: '0' }, 'N')).toBe(partitionToken({ N: '-0.0' }, 'N'));
  });
});
