// Arbitrary AttributeValues in the SDK's shape (B as bytes). Key values come from small
// domains so that random reads, conditions and updates hit the items random writes made;
// the domains hold the values where orderings disagree: UTF-16 vs UTF-8 strings, signed vs
// unsigned bytes, numbers equal after normalisation ('100' = '1e2' = '100.0').
import fc from 'fast-check';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { KeyType } from '../KeySchema';

export const KEY_STRINGS = ['a', 'b', 'ab', 'B', 'é', 'z', '中', '😀', '\uFFFF', '\uE000', 'a😀', 'a\uFFFF'] as const;
export const KEY_NUMBERS = [
  '0', '1', '-1', '2', '10', '100', '1e2', '100.0', '1.5', '-0.25', '0.001',
  '12345678901234567890123456789012345678', '-9.9E125', '1E-130', '9.9999999999999999999999999999999999999E+125',
] as const;
export const KEY_BYTES: readonly (readonly number[])[] = [[0], [1], [0, 0], [0x7f], [0x80], [0xff], [1, 2, 3], [0xff, 0]];

/** Numbers DynamoDB rejects: too many digits, out of range, not a number. */
export const INVALID_NUMBERS = ['123456789012345678901234567890123456789', '1e126', '1e-131', 'abc', '', '1.2.3', 'Infinity', '0x10'] as const;

/** `values`, with the first three drawn more often, so item collections hold several items. */
function concentrated<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constantFrom(...values.slice(0, 3)), weight: 1 }, { arbitrary: fc.constantFrom(...values), weight: 1 });
}

export const keyString = concentrated(KEY_STRINGS);
export const keyNumber = fc.oneof({ arbitrary: concentrated(KEY_NUMBERS), weight: 3 }, { arbitrary: fc.integer({ min: -20, max: 20 }).map(String), weight: 1 });
export const keyBytes = concentrated(KEY_BYTES).map((bytes) => Uint8Array.from(bytes));

export function keyValue(type: KeyType): fc.Arbitrary<AttributeValue> {
  if (type === 'S') return keyString.map((S) => ({ S }));
  if (type === 'N') return keyNumber.map((N) => ({ N }));
  return keyBytes.map((B) => ({ B }));
}

/** A key value DynamoDB refuses: empty S/B, wrong type, or a number it cannot store. */
export function invalidKeyValue(type: KeyType): fc.Arbitrary<AttributeValue> {
  const wrongType = fc.constantFrom<AttributeValue>(
    ...([{ S: 'a' }, { N: '1' }, { B: Uint8Array.from([1]) }, { BOOL: true }, { SS: ['a'] }, { NULL: true }] as AttributeValue[]).filter(
      (value) => !(type in value),
    ),
  );
  const empty: fc.Arbitrary<AttributeValue> =
    type === 'S' ? fc.constant({ S: '' }) : type === 'B' ? fc.constant({ B: new Uint8Array(0) }) : fc.constantFrom(...INVALID_NUMBERS).map((N) => ({ N }));
  return fc.oneof(wrongType, empty);
}

const text = fc.oneof(
  { arbitrary: keyString, weight: 4 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 6 }), weight: 3 },
  // Large strings push items over the 1 KB write and 4 KB read capacity steps.
  { arbitrary: fc.integer({ min: 900, max: 5000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 38n - 1n }), fc.integer({ min: -40, max: 40 }))
  .map(([negative, digits, exponent]) => `${negative ? '-' : ''}${digits}e${exponent}`);

const number = fc.oneof(
  { arbitrary: keyNumber, weight: 5 },
  { arbitrary: fc.constantFrom('-0', '0.0', '00012', '+5', '5.', '.5', '1E+2', '-1e-130'), weight: 1 },
  { arbitrary: decimal, weight: 1 },
);

const bytes = fc.oneof(keyBytes, fc.uint8Array({ maxLength: 5 }));

const base64Key = (value: Uint8Array): string => Array.from(value).join(',');

const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
  text.map((S) => ({ S })),
  number.map((N) => ({ N })),
  bytes.map((B) => ({ B })),
  fc.boolean().map((BOOL) => ({ BOOL })),
  fc.constant({ NULL: true }),
);

// Sets must be non-empty with distinct members; NS members are distinct integers so that
// no two are equal after normalisation ('1' and '1.0' would be duplicates).
const sets: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.uniqueArray(fc.oneof(keyString, fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
  fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 4 }).map((ns) => ({ NS: ns.map(String) })),
  fc.uniqueArray(bytes.filter((b) => b.length > 0), { minLength: 1, maxLength: 3, selector: base64Key }).map((BS) => ({ BS })),
);

export const MAP_KEYS = ['x', 'y', 'z', 'a', '__proto__', 'hasOwnProperty'] as const;

const { value: anyValue } = fc.letrec<{ value: AttributeValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: sets, weight: 2 },
    { arbitrary: fc.dictionary(fc.constantFrom(...MAP_KEYS), tie('value'), { maxKeys: 3 }).map((M) => ({ M })), weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })), weight: 2 },
  ),
}));

/** Any valid AttributeValue of the ten types, nested up to three levels. */
export const attributeValue: fc.Arbitrary<AttributeValue> = anyValue;

/**
 * A document nested around DynamoDB's 32-level limit: as an item's attribute (level 1) its
 * innermost value sits at `levels`, so 33 and 34 must be refused and 30 to 32 kept.
 */
export const deepValue: fc.Arbitrary<AttributeValue> = fc
  .tuple(fc.integer({ min: 30, max: 34 }), fc.constantFrom('M', 'L'), fc.constantFrom(...MAP_KEYS))
  .map(([levels, kind, name]) => {
    let value: AttributeValue = { S: 'deep' };
    for (let level = 1; level < levels; level++) value = kind === 'M' ? { M: { [name]: value } } : { L: [value] };
    return value;
  });

/** Values DynamoDB rejects anywhere in an item. */
export const invalidAttributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.constantFrom(...INVALID_NUMBERS).map((N): AttributeValue => ({ N })),
  fc.constantFrom<AttributeValue>(
    { SS: [] },
    { NS: ['1', '1.0'] },
    { SS: ['a', 'a'] },
    { NS: ['1', 'x'] },
    { BS: [] },
    { M: { x: { NS: [] } } },
  ),
);

/**
 * Operand values for expressions: mostly scalars items hold, so comparisons hit; now and
 * then any value, which DynamoDB often refuses as an operand (its error is compared too).
 */
export const expressionValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  { arbitrary: keyString.map((S) => ({ S })), weight: 30 },
  { arbitrary: keyNumber.map((N) => ({ N })), weight: 30 },
  { arbitrary: keyBytes.map((B) => ({ B })), weight: 10 },
  { arbitrary: attributeValue, weight: 4 },
);
