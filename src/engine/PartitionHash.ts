// DynamoDB Local's key hashes, which decide the order a Scan walks partitions in, which
// parallel-scan segment holds an item, and the order of index entries that share an index
// key. DynamoDB Local 3.3 stores each item with the SHA-1 of a fixed salt and the key's bytes
// (LocalDBUtils.getHashValue) and a Scan reads `ORDER BY hashValue`; segments split the
// 160-bit hash space evenly (ScanFunction.getSegmentBeginningHashKey).
// A hash is kept as a 20-character string of byte values, so native string comparison
// orders hashes as SQLite's unsigned BLOB comparison does.
import { sha1 } from '@noble/hashes/legacy.js';
import { base64Decode, normalizeNumber, utf8Encode, type AttributeValue } from './AttributeValue';
import { keyScalar, type KeyType } from './KeySchema';

const SALT = utf8Encode('LocalDdb');

// A loop: spreading the bytes into String.fromCharCode is several times slower.
function byteString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

function stringBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * A number as DynamoDB encodes it (LocalDBUtils.encodeBigDecimal): one byte of sign and
 * base-100 exponent, then base-100 digit pairs (each + 1); negatives are complemented and,
 * when shorter than 20 pairs, closed by 102, so that byte order is numeric order.
 */
export function numberBytes(text: string): Uint8Array {
  const plain = normalizeNumber(text);
  if (plain === '0') return Uint8Array.of(0x80);
  const negative = plain.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? plain.slice(1) : plain).split('.');
  // The exponent places the decimal point before the first significant digit (0.d1d2… × 10^e).
  const zeros = whole === '0' ? fraction.length - fraction.replace(/^0+/, '').length : 0;
  let exponent = whole === '0' ? -zeros : whole.length;
  const digits = (whole === '0' ? fraction.slice(zeros) : whole + fraction).replace(/0+$/, '');
  // Digits pair up from the decimal point, so an odd exponent gets a leading zero digit.
  const odd = exponent % 2 !== 0;
  if (odd) exponent++;
  const paired = odd ? `0${digits}` : digits;
  const pairs = Math.ceil(paired.length / 2);
  const terminated = negative && pairs < 20;
  const bytes = new Uint8Array(1 + pairs + (terminated ? 1 : 0));
  bytes[0] = negative ? ~(192 + exponent / 2) & 0xff : (192 + exponent / 2) & 0xff;
  for (let i = 0; i < pairs; i++) {
    const pair = (paired.charCodeAt(2 * i) - 48) * 10 + (i * 2 + 1 < paired.length ? paired.charCodeAt(2 * i + 1) - 48 : 0);
    bytes[i + 1] = negative ? 101 - pair : pair + 1;
  }
  if (terminated) bytes[pairs + 1] = 102;
  return bytes;
}

/** The bytes DynamoDB Local hashes for a key value: UTF-8 text, raw binary, encoded number. */
export function keyBytes(value: AttributeValue, type: KeyType): Uint8Array {
  const scalar = keyScalar(value, type) ?? '';
  if (type === 'S') return utf8Encode(scalar);
  if (type === 'B') return base64Decode(scalar);
  return numberBytes(scalar);
}

/** DynamoDB Local's hashValue (of a partition key) or rangeValue (of a sort key). */
export function keyHash(value: AttributeValue, type: KeyType): string {
  return byteString(sha1.create().update(SALT).update(keyBytes(value, type)).digest());
}

/** DynamoDB Local's hashRangeValue: the salted hash of the two key hashes. */
export function combinedHash(hash: string, range: string): string {
  return byteString(sha1.create().update(SALT).update(stringBytes(hash)).update(stringBytes(range)).digest());
}

const MAX_HASH = (1n << 160n) - 1n;

function hashString(value: bigint): string {
  return value.toString(16).padStart(40, '0').replace(/../g, (hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The inclusive hash range of one parallel-scan segment. */
export interface SegmentBounds {
  readonly first: string;
  readonly last: string;
}

export function segmentBounds(segment: number, total: number): SegmentBounds {
  const width = MAX_HASH / BigInt(total);
  const first = width * BigInt(segment);
  const last = segment + 1 === total ? MAX_HASH : width * BigInt(segment + 1) - 1n;
  return { first: hashString(first), last: hashString(last) };
}

export function inSegment(hash: string, bounds: SegmentBounds): boolean {
  return hash >= bounds.first && hash <= bounds.last;
}
