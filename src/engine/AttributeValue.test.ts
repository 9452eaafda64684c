import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNumbers,
  attributeValueSize,
  javaNumberString,
  validateAttributeValue,
  base64Decode,
  base64Encode,
  compareStrings,
  compareValues,
  formatNumber,
  itemSize,
  normalizeNumber,
  numberSize,
  parseNumber,
  typeOf,
  utf8Length,
  validateItemValues,
  valuesEqual,
} from './AttributeValue';
import { DynamoDBError } from './errors';

function utf8Compare(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
  }
  return Math.sign(x.length - y.length);
}

describe('normalizeNumber', () => {
  it.each([
    ['1.0', '1'],
    ['-0', '0'],
    ['0.000', '0'],
    ['1e2', '100'],
    ['00012', '12'],
    ['+5', '5'],
    ['-1.50', '-1.5'],
    ['.5', '0.5'],
    ['1.', '1'],
    ['100e-2', '1'],
    ['1E-130', `0.${'0'.repeat(129)}1`],
    ['١٢', '12'],
  ])('%s becomes %s', (input, output) => {
    expect(normalizeNumber(input)).toBe(output);
  });

  it.each([
    ['abc', 'A value provided cannot be converted into a number'],
    ['', 'A value provided cannot be converted into a number'],
    [' 1', 'A value provided cannot be converted into a number'],
    ['1e', 'A value provided cannot be converted into a number'],
    ['Infinity', 'A value provided cannot be converted into a number'],
    ['123456789012345678901234567890123456789', 'DynamoDB only supports precision up to 38 digits'],
    ['1E+126', 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
    ['1E-131', 'Number underflow. Attempting to store a number with magnitude smaller than supported range'],
  ])('rejects %j', (input, message) => {
    expect(() => normalizeNumber(input)).toThrow(message);
  });
});

describe('ordering', () => {
  it('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    expect(compareStrings('\uffff', '😀')).toBe(-1);
    expect('\uffff' < '😀').toBe(false);
    expect(compareStrings('Z', 'a')).toBe(-1);
    expect(compareStrings('a', 'a#')).toBe(-1);
  });

  it('agrees with a byte-wise UTF-8 comparison for any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(compareStrings(a, b)).toBe(utf8Compare(a, b));
      }),
    );
  });

  it('orders numbers numerically and binaries by unsigned bytes', () => {
    expect(compareValues({ N: '10' }, { N: '9' })).toBe(1);
    expect(compareValues({ N: '-10' }, { N: '-9' })).toBe(-1);
    expect(compareValues({ N: '1.0' }, { N: '1' })).toBe(0);
    expect(compareValues({ B: '/w==' }, { B: 'fw==' })).toBe(1);
    expect(compareValues({ B: 'AQ==' }, { B: 'AQI=' })).toBe(-1);
  });

  it('refuses to order values of different types', () => {
    expect(() => compareValues({ S: '1' }, { N: '1' })).toThrow(TypeError);
  });
});

describe('valuesEqual', () => {
  it('compares numbers numerically and sets as sets', () => {
    expect(valuesEqual({ N: '1.50' }, { N: '1.5' })).toBe(true);
    expect(valuesEqual({ SS: ['a', 'b'] }, { SS: ['b', 'a'] })).toBe(true);
    expect(valuesEqual({ NS: ['1', '2.0'] }, { NS: ['2', '1.00'] })).toBe(true);
    expect(valuesEqual({ NS: ['1'] }, { NS: ['1', '2'] })).toBe(false);
    expect(valuesEqual({ L: [{ S: 'a' }, { S: 'b' }] }, { L: [{ S: 'b' }, { S: 'a' }] })).toBe(false);
    expect(valuesEqual({ M: { a: { N: '1' } } }, { M: { a: { N: '1.0' } } })).toBe(true);
    expect(valuesEqual({ M: { a: { N: '1' } } }, { M: { b: { N: '1' } } })).toBe(false);
    expect(valuesEqual({ S: '1' }, { N: '1' })).toBe(false);
  });
});

describe('size', () => {
  it.each([
    ['1', 2],
    ['12', 2],
    ['123', 3],
    ['-123', 4],
    ['1.5', 3],
    ['0.001', 2],
    ['0', 1],
    ['12345678901234567890123456789012345678', 20],
    ['-12345678901234567890123456789012345678', 21],
    ['-9.2684814521742879811602236400922996101', 21],
    ['-926848145.21742879811602236400922996101', 21],
    ['-9.268481452174287981160223640092299610', 21],
  ])('number %s takes %i bytes', (text, size) => {
    expect(numberSize(text)).toBe(size);
  });

  it('sizes documents with 3 bytes of overhead plus 1 per element', () => {
    expect(attributeValueSize({ M: { ab: { S: 'x' } } })).toBe(7);
    expect(attributeValueSize({ L: [{ S: 'x' }, { N: '1' }] })).toBe(8);
    expect(attributeValueSize({ SS: ['a', 'bc'] })).toBe(3);
    expect(attributeValueSize({ B: 'AAAA' })).toBe(3);
    expect(itemSize({ pk: { S: 'é' }, n: { NULL: true } })).toBe(2 + 2 + 1 + 1);
  });

  it('counts UTF-8 bytes, surrogate pairs included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const text = base64Encode(bytes);
        expect(base64Decode(text)).toEqual(bytes);
        expect(text).toBe(globalThis.btoa(String.fromCharCode(...bytes)));
      }),
    );
  });

  it('rejects malformed base64', () => {
    expect(() => base64Decode('AAA')).toThrow(/Invalid base64/);
  });
});

describe('validateItemValues', () => {
  it('normalizes top-level numbers and keeps nested ones the way DynamoDB Local stores them, sets sorted', () => {
    expect(
      validateItemValues({ n: { N: '-1.50' }, s: { NS: ['2.50', '1e2'] }, a: { M: { b: { L: [{ N: '1.0' }, { NS: ['2e1', '0.0000001', '1.50'] }] } } } }),
    ).toEqual({
      n: { N: '-1.5' },
      s: { NS: ['2.5', '100'] },
      a: { M: { b: { L: [{ N: '1.0' }, { NS: ['1E-7', '1.50', '2E+1'] }] } } },
    });
    expect(validateAttributeValue({ N: '2e1' })).toEqual({ N: '2e1' });
  });

  it('adds with the larger scale of the operands, like BigDecimal', () => {
    expect(addNumbers('1.000', '0.5', true)).toBe('0.500');
    expect(addNumbers('-5', '5.00')).toBe('0.00');
    expect(addNumbers('1e2', '0')).toBe('100');
    expect(addNumbers('1E+20', '1E+20')).toBe('200000000000000000000');
    expect(() => addNumbers('1E+125', '1E-130')).toThrow('DynamoDB only supports precision up to 38 digits');
    expect(javaNumberString('123.4500')).toBe('123.4500');
    expect(javaNumberString('-0.0')).toBe('0.0');
  });

  it.each([
    [{ SS: [] }, 'One or more parameter values were invalid: An string set  may not be empty'],
    [{ BS: [] }, 'One or more parameter values were invalid: Binary sets should not be empty'],
    [{ SS: ['a', 'a'] }, 'One or more parameter values were invalid: Input collection [a, a] contains duplicates'],
    [{ NS: ['1', '1.0'] }, 'Input collection contains duplicates'],
    [{ NULL: false }, 'One or more parameter values were invalid: Null attribute value types must have the value of true'],
    [{ S: 'a', N: '1' }, 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes'],
    [{}, 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes'],
    [{ M: { '': { S: 'x' } } }, 'Empty attribute name'],
  ])('rejects %j', (value, message) => {
    expect(() => validateItemValues({ v: value })).toThrow(message);
  });

  it('names every type', () => {
    expect(typeOf({ BS: ['AA=='] })).toBe('BS');
    expect(typeOf({ NULL: true })).toBe('NULL');
  });
});

describe('compareNumbers', () => {
  it('agrees with exact decimal comparison for short and long numbers alike', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,20}$/), fc.stringMatching(/^\d{0,20}$/))
      .map(([negative, whole, fraction]) => normalizeNumber(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`.slice(0, 38)));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const exact = Math.sign(Number(new Decimal(a).comparedTo(new Decimal(b))));
        expect(compareValues({ N: a }, { N: b })).toBe(exact);
      }),
    );
    expect(compareValues({ N: '9007199254740993' }, { N: '9007199254740992' })).toBe(1);
  });
});

describe('normalizeNumber fast path', () => {
  it('returns the same text as the exact path for any number', () => {
    const text = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,45}$/), fc.stringMatching(/^\d{0,45}$/), fc.option(fc.integer({ min: -140, max: 140 })))
      .filter(([, whole, fraction]) => whole.length + fraction.length > 0)
      .map(([sign, whole, fraction, exponent]) => `${sign}${whole}${fraction ? `.${fraction}` : ''}${exponent === null ? '' : `e${exponent}`}`);
    const exact = (input: string): string => {
      try {
        return formatNumber(parseNumber(input));
      } catch (error) {
        return (error as Error).message;
      }
    };
    const fast = (input: string): string => {
      try {
        return normalizeNumber(input);
      } catch (error) {
        return (error as Error).message;
      }
    };
    fc.assert(
      fc.property(text, (input) => {
        expect(fast(input)).toBe(exact(input));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('bad input', () => {
  it('only ever throws DynamoDBError from validateItemValues', () => {
    const value = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc
          .tuple(fc.constantFrom('S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS'), fc.anything({ maxDepth: 2 }))
          .map(([type, payload]) => ({ [type]: payload })),
        fc.record({ M: fc.oneof(fc.dictionary(fc.string(), tie('value')), fc.anything({ maxDepth: 1 })) }),
        fc.record({ L: fc.oneof(fc.array(tie('value'), { maxLength: 3 }), fc.anything({ maxDepth: 1 })) }),
        fc.anything({ maxDepth: 2 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (item) => {
        try {
          const valid = validateItemValues(item);
          itemSize(valid);
        } catch (error) {
          expect(error).toBeInstanceOf(DynamoDBError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
