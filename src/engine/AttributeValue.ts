// DynamoDB's AttributeValue in its JSON wire shape (B and BS are base64 strings), with the
// rules DynamoDB applies to it: ordering, equality, size and input validation. Numbers are
// exact decimals (decimal.js); a JS float would silently lose DynamoDB's 38 digits.
import Decimal from 'decimal.js';
import { attributeMap, member } from './AttributeMap';
import { validationError } from './errors';
import { requestSetOrder } from './SetOrder';

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Record<string, AttributeValue> }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type Item = Record<string, AttributeValue>;
export type ScalarType = 'S' | 'N' | 'B';
export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'M' | 'L' | 'SS' | 'NS' | 'BS';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

const TYPE_NAMES: ReadonlySet<string> = new Set(ATTRIBUTE_TYPES);

/** The type names DynamoDB's error messages use ("operand type: STRING_SET"). */
export const TYPE_DISPLAY_NAMES: Record<AttributeType, string> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  BOOL: 'BOOLEAN',
  NULL: 'NULL',
  M: 'MAP',
  L: 'LIST',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
};

export function typeOf(v: AttributeValue): AttributeType {
  if ('S' in v) return 'S';
  if ('N' in v) return 'N';
  if ('B' in v) return 'B';
  if ('BOOL' in v) return 'BOOL';
  if ('NULL' in v) return 'NULL';
  if ('M' in v) return 'M';
  if ('L' in v) return 'L';
  if ('SS' in v) return 'SS';
  if ('NS' in v) return 'NS';
  return 'BS';
}

// ---------------------------------------------------------------------------------------
// Base64 (no Buffer: the engine runs in the browser too)

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) BASE64_LOOKUP[BASE64_ALPHABET.charCodeAt(i)] = i;

export function isValidBase64(text: string): boolean {
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text);
}

export function base64Decode(text: string): Uint8Array {
  if (!isValidBase64(text)) throw validationError(`Invalid base64 binary value: ${JSON.stringify(text.slice(0, 64))}`);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = BASE64_LOOKUP[text.charCodeAt(i)] ?? 0;
    const b = BASE64_LOOKUP[text.charCodeAt(i + 1)] ?? 0;
    const c = text[i + 2] === '=' ? 0 : (BASE64_LOOKUP[text.charCodeAt(i + 2)] ?? 0);
    const d = text[i + 3] === '=' ? 0 : (BASE64_LOOKUP[text.charCodeAt(i + 3)] ?? 0);
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (triple >> 16) & 0xff;
    if (o < out.length) out[o++] = (triple >> 8) & 0xff;
    if (o < out.length) out[o++] = triple & 0xff;
  }
  return out;
}

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64_ALPHABET[(triple >> 18) & 63];
    out += BASE64_ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : BASE64_ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : BASE64_ALPHABET[triple & 63];
  }
  return out;
}

/** Byte length of a base64 string without decoding it. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}

// ---------------------------------------------------------------------------------------
// Numbers

/**
 * Parsing is exact whatever the precision; the precision bounds arithmetic, and 400 digits
 * keep every sum of two in-range numbers (1E+125 + 1E-130 spans 256 digits) exact, so the
 * 38-digit check sees the true result.
 */
export const DynamoDecimal = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
export type DynamoDecimal = Decimal;

const NUMBER_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * DynamoDB parses numbers with Java's BigDecimal, which accepts every Unicode decimal digit
 * of the BMP ("١" is 1). Unicode lays digits out in runs of whole 0–9 blocks, so a digit's value is its
 * distance from the start of its run, modulo 10.
 */
function asciiDigits(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) as number;
    // BigDecimal reads UTF-16 code units: digits outside the BMP are not digits to it.
    if (code > 0xffff) return digit;
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  });
}

function numberError(): never {
  throw validationError('A value provided cannot be converted into a number');
}

/** Parses a DynamoDB number, enforcing DynamoDB's precision and range with its messages. */
export function parseNumber(input: string): Decimal {
  if (typeof input !== 'string') numberError();
  const text = asciiDigits(input);
  if (!NUMBER_SYNTAX.test(text)) numberError();
  let value: Decimal;
  try {
    value = new DynamoDecimal(text);
  } catch {
    numberError();
  }
  if (!value.isFinite()) numberError();
  return checkNumberRange(value);
}

/** Applies DynamoDB's 38-digit precision and 1E-130..9.99E+125 range to a computed number. */
export function checkNumberRange(value: Decimal): Decimal {
  if (value.isZero()) return value;
  if (value.sd() > 38) throw validationError('DynamoDB only supports precision up to 38 digits');
  const exponent = value.e;
  if (exponent > 125) throw validationError('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (exponent < -130) throw validationError('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  return value;
}

/** DynamoDB's canonical text of a number: plain notation, no exponent, no redundant zeros. */
export function formatNumber(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

// Already-canonical text (the common case when items are written back) skips decimal.js.
const CANONICAL_NUMBER = /^-?(?:0|[1-9]\d{0,125})(?:\.\d{0,129}[1-9])?$/;

function isCanonical(text: string): boolean {
  if (!CANONICAL_NUMBER.test(text) || text === '-0') return false;
  const digits = text.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 38;
}

export function normalizeNumber(text: string): string {
  if (typeof text === 'string' && isCanonical(text)) return text;
  return formatNumber(parseNumber(text));
}

// DynamoDB Local keeps the text of most numbers the way Java's BigDecimal holds them: an
// unscaled integer and a scale ("1.50" is 150 with scale 2, "2e1" is 2 with scale -1). Only
// top-level numbers of a written item and the members of sets merged by ADD are normalized;
// SET values keep their text, arithmetic keeps the larger scale ("1.000" - "0.5" = "0.500")
// and number sets nested in documents print in BigDecimal.toString() form ("2E+1").
interface ScaledDecimal {
  negative: boolean;
  /** Unscaled digits without leading zeros ("0" for zero). */
  digits: string;
  scale: number;
}

const SCALED_SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function scaledOf(text: string): ScaledDecimal {
  const match = SCALED_SYNTAX.exec(asciiDigits(text));
  if (match === null) numberError();
  const fraction = match[3] ?? '';
  const digits = ((match[2] ?? '') + fraction).replace(/^0+(?=\d)/, '');
  return { negative: match[1] === '-' && /[1-9]/.test(digits), digits, scale: fraction.length - Number(match[4] ?? 0) };
}

/** Java's BigDecimal.toPlainString(). */
function plainString({ negative, digits, scale }: ScaledDecimal): string {
  const sign = negative ? '-' : '';
  if (scale <= 0) return digits === '0' ? '0' : sign + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Java's BigDecimal.toString(): plain unless the exponent is positive or below -6. */
function javaString(value: ScaledDecimal): string {
  const adjusted = value.digits.length - 1 - value.scale;
  if (value.scale >= 0 && adjusted >= -6) return plainString(value);
  const mantissa = value.digits.length > 1 ? `${value.digits[0]}.${value.digits.slice(1)}` : value.digits;
  return `${value.negative ? '-' : ''}${mantissa}E${adjusted > 0 ? '+' : ''}${adjusted}`;
}

/** A number set member as DynamoDB Local prints it when it does not normalize it. */
export function javaNumberString(text: string): string {
  return javaString(scaledOf(text));
}

/**
 * `a + b` or `a - b` the way DynamoDB computes it: exact, with the larger scale of the two
 * operands, checked against DynamoDB's precision and range.
 */
export function addNumbers(a: string, b: string, subtract = false): string {
  const x = scaledOf(a);
  const y = scaledOf(b);
  const sum = subtract ? cachedNumber(a).minus(cachedNumber(b)) : cachedNumber(a).plus(cachedNumber(b));
  checkNumberRange(sum);
  const scale = Math.max(x.scale, y.scale);
  const unscaled = sum.times(new DynamoDecimal(10).pow(scale)).abs().toFixed(0);
  return plainString({ negative: sum.isNegative() && !sum.isZero(), digits: unscaled, scale });
}

// Comparing numbers is on the hot path of Query and Scan; parsed values are cached by text.
const numberCache = new Map<string, Decimal>();
function cachedNumber(text: string): Decimal {
  let value = numberCache.get(text);
  if (value === undefined) {
    if (numberCache.size > 50_000) numberCache.clear();
    value = new DynamoDecimal(asciiDigits(text));
    numberCache.set(text, value);
  }
  return value;
}

// A decimal of at most 15 significant digits converts to a distinct double, in order, so
// short numbers (nearly all real data) compare as doubles.
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

function isShortNumber(text: string): boolean {
  const digits = text.length - (text.startsWith('-') ? 1 : 0) - (text.includes('.') ? 1 : 0);
  return digits <= 15 && PLAIN_DECIMAL.test(text);
}

export function compareNumbers(a: string, b: string): number {
  if (a === b) return 0;
  if (isShortNumber(a) && isShortNumber(b)) {
    const x = Number(a);
    const y = Number(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return cachedNumber(a).comparedTo(cachedNumber(b));
}

// ---------------------------------------------------------------------------------------
// Ordering and equality

const encoder = new TextEncoder();

/** Compares strings by their UTF-8 bytes, as DynamoDB orders S values. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals UTF-8 byte order except where surrogate pairs meet U+E000..U+FFFF.
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate && (x >= 0xe000 || y >= 0xe000)) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length === b.length ? 0 : 1;
}

export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const x = base64Decode(a);
  const y = base64Decode(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

export function binaryBeginsWith(value: string, prefix: string): boolean {
  const bytes = base64Decode(value);
  const head = base64Decode(prefix);
  return head.length <= bytes.length && head.every((byte, i) => bytes[i] === byte);
}

/**
 * Orders two scalar values of the same type (S, N or B) as DynamoDB sorts keys.
 * Values of different or non-scalar types have no order: the caller checks types first.
 */
export function compareValues(a: AttributeValue, b: AttributeValue): number {
  if ('S' in a && 'S' in b) return compareStrings(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  throw new TypeError(`compareValues: cannot order ${typeOf(a)} and ${typeOf(b)}`);
}

function setEquals(a: string[], b: string[], key: (member: string) => string): boolean {
  if (a.length !== b.length) return false;
  const members = new Set(a.map(key));
  return b.every((member) => members.has(key(member)));
}

export function numberKey(text: string): string {
  return formatNumber(cachedNumber(text));
}

export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && compareNumbers(a.N, b.N) === 0;
  if ('B' in a) return 'B' in b && (a.B === b.B || compareBinary(a.B, b.B) === 0);
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('SS' in a) return 'SS' in b && setEquals(a.SS, b.SS, (m) => m);
  if ('NS' in a) return 'NS' in b && setEquals(a.NS, b.NS, numberKey);
  if ('BS' in a) return 'BS' in b && setEquals(a.BS, b.BS, (m) => base64Encode(base64Decode(m)));
  if ('L' in a) {
    if (!('L' in b) || a.L.length !== b.L.length) return false;
    return a.L.every((element, i) => valuesEqual(element, b.L[i] as AttributeValue));
  }
  if (!('M' in b)) return false;
  const keys = Object.keys(a.M);
  if (keys.length !== Object.keys(b.M).length) return false;
  return keys.every((key) => {
    const other = member(b.M, key);
    return other !== undefined && valuesEqual(a.M[key] as AttributeValue, other);
  });
}

// ---------------------------------------------------------------------------------------
// Size, by DynamoDB's rules (verified against DynamoDB Local's 400 KB item limit)

// Most attribute names and values are ASCII, which the regular-expression engine confirms
// faster than a loop over char codes.
const ASCII = /^[\x00-\x7f]*$/;

export function utf8Length(text: string): number {
  if (ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Numbers are stored as base-100 digit pairs plus one byte (and one more when negative). */
const MAX_NUMBER_PAIRS = 20;

export function numberSize(text: string): number {
  const value = cachedNumber(text);
  if (value.isZero()) return 1;
  const digits = value.sd();
  const exponent = value.e;
  const pairs = Math.floor(exponent / 2) - Math.floor((exponent - digits + 1) / 2) + 1;
  // A negative number ends with a terminator byte, unless its digits fill all 20 pairs.
  return pairs + 1 + (value.isNegative() && pairs < MAX_NUMBER_PAIRS ? 1 : 0);
}

export function attributeValueSize(v: AttributeValue): number {
  if ('S' in v) return utf8Length(v.S);
  if ('N' in v) return numberSize(v.N);
  if ('B' in v) return base64ByteLength(v.B);
  if ('BOOL' in v || 'NULL' in v) return 1;
  if ('SS' in v) return v.SS.reduce((sum, member) => sum + utf8Length(member), 0);
  if ('NS' in v) return v.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if ('BS' in v) return v.BS.reduce((sum, member) => sum + base64ByteLength(member), 0);
  if ('L' in v) return v.L.reduce((sum, element) => sum + 1 + attributeValueSize(element), 3);
  return 3 + mapSize(v.M, 1);
}

function mapSize(map: Record<string, AttributeValue>, perElement: number): number {
  let size = 0;
  for (const name in map) size += perElement + utf8Length(name) + attributeValueSize(map[name] as AttributeValue);
  return size;
}

export function itemSize(item: Item): number {
  return mapSize(item, 0);
}

// ---------------------------------------------------------------------------------------
// Input validation, in DynamoDB Local's order and words

const INVALID = 'One or more parameter values were invalid: ';

function javaListText(members: unknown[]): string {
  return `[${members.map(String).join(', ')}]`;
}

/**
 * How numbers of a validated value are kept: `item` normalizes top-level N and NS (an item
 * or key being written), `document` keeps N as sent and prints NS members as BigDecimal does
 * (values nested in documents, ExpressionAttributeValues), as DynamoDB Local stores them.
 */
export type NumberForm = 'item' | 'document';

/**
 * Checks one AttributeValue from a request and returns it with its numbers in `form`.
 * Throws DynamoDB's ValidationException for empty or multi-typed values, NULL:false,
 * empty or duplicated sets, bad numbers and bad base64.
 */
export function validateAttributeValue(raw: unknown, form: NumberForm = 'document'): AttributeValue {
  // A value standing alone (an expression value, a legacy comparison value) may nest one
  // level deeper than an item's attribute, as in DynamoDB Local: only where it is written
  // does it count from the item's top (see the UpdateExpression nesting check).
  return validateNestedValue(raw, form, 0);
}

/** How deep a value may nest: an item's attribute is at level 1, the members of its M or L at 2. */
export const MAX_NESTING_LEVEL = 32;

// Checked on the way down, so no input, however deep, recurses past the limit.
function validateNestedValue(raw: unknown, form: NumberForm, level: number): AttributeValue {
  if (level > MAX_NESTING_LEVEL) {
    throw validationError('Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
  const record = raw as Record<string, unknown>;
  let found: AttributeType | undefined;
  // Walking the value's own members (usually one) is cheaper than probing all ten types.
  for (const type in record) {
    if (!TYPE_NAMES.has(type) || record[type] === undefined || record[type] === null) continue;
    if (found !== undefined) {
      throw validationError('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
    }
    found = type as AttributeType;
  }
  if (found === undefined) {
    throw validationError('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
  const payload = record[found];
  switch (found) {
    case 'S':
      return { S: String(payload) };
    case 'N': {
      const normalized = normalizeNumber(String(payload));
      return { N: form === 'item' ? normalized : String(payload) };
    }
    case 'B':
      return { B: validateBinary(payload) };
    case 'BOOL':
      return { BOOL: payload === true || payload === 'true' };
    case 'NULL':
      if (payload !== true && payload !== 'true') throw validationError(INVALID + 'Null attribute value types must have the value of true');
      return { NULL: true };
    case 'M':
      return { M: validateAttributeMap(payload, 'document', level + 1) };
    case 'L':
      if (!Array.isArray(payload)) throw validationError('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
      return { L: payload.map((element) => validateNestedValue(element, 'document', level + 1)) };
    case 'SS':
      return { SS: requestSetOrder('SS', validateStringSet(payload)) };
    case 'NS':
      return { NS: requestSetOrder('NS', validateNumberSet(payload, form)) };
    case 'BS':
      return { BS: requestSetOrder('BS', validateBinarySet(payload)) };
  }
}

function validateBinary(payload: unknown): string {
  const text = String(payload);
  if (!isValidBase64(text)) throw validationError(`Invalid base64 binary value: ${JSON.stringify(text.slice(0, 64))}`);
  return text;
}

function asArray(payload: unknown): unknown[] {
  if (!Array.isArray(payload)) throw validationError('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  return payload;
}

function validateStringSet(payload: unknown): string[] {
  const members = asArray(payload).map(String);
  if (members.length === 0) throw validationError(INVALID + 'An string set  may not be empty');
  if (new Set(members).size !== members.length) {
    throw validationError(`${INVALID}Input collection ${javaListText(members)} contains duplicates`);
  }
  return members;
}

function validateNumberSet(payload: unknown, form: NumberForm): string[] {
  const members = asArray(payload);
  if (members.length === 0) throw validationError(INVALID + 'An number set  may not be empty');
  const seen = new Set<string>();
  return members.map((member) => {
    const normalized = normalizeNumber(String(member));
    if (seen.has(normalized)) throw validationError('Input collection contains duplicates');
    seen.add(normalized);
    return form === 'item' ? normalized : javaNumberString(String(member));
  });
}

function validateBinarySet(payload: unknown): string[] {
  const members = asArray(payload).map(validateBinary);
  if (members.length === 0) throw validationError(INVALID + 'Binary sets should not be empty');
  const canonical = members.map((member) => base64Encode(base64Decode(member)));
  if (new Set(canonical).size !== canonical.length) {
    throw validationError(INVALID + 'Input collection of type BS contains duplicates.');
  }
  return members;
}

function validateAttributeMap(payload: unknown, form: NumberForm, level: number): Record<string, AttributeValue> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw validationError('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
  const out = attributeMap<AttributeValue>();
  const members = payload as Record<string, unknown>;
  for (const name in members) {
    if (!Object.hasOwn(members, name)) continue;
    if (name === '') throw validationError('Empty attribute name');
    out[name] = validateNestedValue(members[name], form, level);
  }
  return out;
}

/** Validates every value of an item or key being written or read; top-level numbers are normalized. */
export function validateItemValues(item: unknown): Item {
  return validateAttributeMap(item, 'item', 1);
}
