// The order DynamoDB Local returns set members in. A set has no order in DynamoDB, but clients
// print and compare what they get, so the engine answers in Local's order. Local sorts a set
// when it reads one from a request (an item, a key, an expression value) with Java's natural
// orders: strings by UTF-16 code unit, numbers by value, binaries byte by byte as signed bytes.
// A set that ADD or DELETE rebuilds is sorted by stored bytes instead: strings by UTF-8 byte,
// binaries as unsigned bytes, numbers still by value.
import { base64Decode, compareBinary, compareNumbers, compareStrings } from './AttributeValue';

export type SetType = 'SS' | 'NS' | 'BS';

function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareSignedBinary(a: string, b: string): number {
  const x = base64Decode(a);
  const y = base64Decode(b);
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const d = (((x[i] as number) << 24) >> 24) - (((y[i] as number) << 24) >> 24);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length;
}

/** Members of a set read from a request, in Local's order (sorts `members` in place). */
export function requestSetOrder(type: SetType, members: string[]): string[] {
  if (members.length < 2) return members;
  return members.sort(type === 'SS' ? compareUtf16 : type === 'NS' ? compareNumbers : compareSignedBinary);
}

/** Members of a set rebuilt by ADD or DELETE, in Local's order (sorts `members` in place). */
export function rebuiltSetOrder(type: SetType, members: string[]): string[] {
  if (members.length < 2) return members;
  return members.sort(type === 'SS' ? compareStrings : type === 'NS' ? compareNumbers : compareBinary);
}
