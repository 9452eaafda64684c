import { describe, expect, it } from 'vitest';
import { combinedHash, inSegment, keyHash, numberBytes, segmentBounds } from './PartitionHash';

const hex = (hash: string) => Array.from(hash, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

// hashValue columns read from DynamoDB Local 3.3's SQLite file (-dbPath) after PutItem.
const NUMBER_HASHES: [string, string][] = [
  ['0', '86bda0276f70d53ac1923831b7b96effd90aa3c8'],
  ['1', '2daa972c7195fce1dd0918a8541309b6fba8ae80'],
  ['2', '0a2f34047e56358890252ef803c9715c5a043691'],
  ['10', '4b7bb1f90385d2d0a97ef559336201f833fc00fa'],
  ['100', '75ad759e6b33cd8ad82fe0e66778faf9bbb5f268'],
  ['1.5', 'a5e7584d4355bfe5a1acc02411b15e4eb1243a92'],
  ['0.001', '2df67d019dc2e475fa457baea28cb32e37455d3c'],
  ['99.99', 'd6a7bd6e06f27e375f86ff4b7ccce1304ceddbdd'],
  ['-1', 'b14b75f4c179860dfc9ad3d42c5b1d6d5d732ca3'],
  ['-0.5', '453150536144d7f228adce8def273cec3ded2384'],
  ['-0.001', '65e13c913103d7e3ab6d88fbfd41ff3e845093f3'],
  ['-99.99', '628b35281d3605cdecf937599920121ae727c3a3'],
  ['-100', '1b70951d12e5fffb0a1d045c4061f7464afc71be'],
  ['-1e10', 'e4a196353d155db917afb30f7d700f51da7a13f2'],
  ['1e100', 'b0db628162c7c91119e718763f46cf2f0cba86e6'],
  ['-1e-100', '990d56f70006094bea38d047f5e5438203e7604c'],
  ['1E-130', '33c212978ed5fd74a543ac6782a19f7db7d782c1'],
  ['9.9999999999999999999999999999999999999E+125', '44e64254635db9f5caa4b0fd0424244e4c38c8cd'],
  ['12345678901234567890123456789012345678', 'ac891eea6ddd564e0167f10162bc85af553362d5'],
  ['-12345678901234567890123456789012345678', '9c0ebbb8a8e813177502edb20e5ea3322acc52c5'],
];

describe('PartitionHash', () => {
  it.each(NUMBER_HASHES)('hashes the number %s as DynamoDB Local does', (n, expected) => {
    expect(hex(keyHash({ N: n }, 'N'))).toBe(expected);
  });

  it('hashes strings as UTF-8 and binaries as their bytes', () => {
    expect(hex(keyHash({ S: 'a' }, 'S'))).toBe('ff7ab1ad619cdd528515c971e51312f453310ce0');
    expect(hex(keyHash({ S: 'é' }, 'S'))).toBe('d0555afb63a2354dabd84ec72c260f8bd8ddaecb');
    expect(hex(keyHash({ S: '😀' }, 'S'))).toBe('2e1071fdbeccd13f3db2dd149903fb7bad220748');
    expect(hex(keyHash({ B: 'AAA=' }, 'B'))).toBe('c2c3ff683ea8baf5d4230258992361d1956bc0c2');
    expect(hex(keyHash({ B: '/w==' }, 'B'))).toBe('3f0c72145b6fe9e4925a6e33b160f829614f87aa');
  });

  it('hashes a hash and range pair as DynamoDB Local hashRangeValue', () => {
    const pair = combinedHash(keyHash({ B: 'AAA=' }, 'B'), keyHash({ N: '1' }, 'N'));
    expect(hex(pair)).toBe('21aa24cbda52a47df78e007ca2546cbda50ddf1e');
  });

  it('encodes equal numbers alike and keeps byte order numeric', () => {
    expect(numberBytes('1.50')).toEqual(numberBytes('15e-1'));
    const ordered = ['-1e10', '-100', '-99.99', '-1', '-0.5', '-0.001', '0', '0.001', '1', '1.5', '2', '10', '99.99', '100', '1e100'];
    const bytes = ordered.map((n) => String.fromCharCode(...numberBytes(n)));
    expect([...bytes].sort()).toEqual(bytes);
  });

  it('splits the hash space into inclusive segments that meet without gaps', () => {
    for (const total of [1, 2, 3, 7, 1000]) {
      const bounds = Array.from({ length: total }, (_, segment) => segmentBounds(segment, total));
      expect(hex(bounds[0]?.first ?? '')).toBe('0'.repeat(40));
      expect(hex(bounds[total - 1]?.last ?? '')).toBe('f'.repeat(40));
      for (let s = 1; s < total; s++) expect(BigInt(`0x${hex(bounds[s]?.first ?? '')}`)).toBe(BigInt(`0x${hex(bounds[s - 1]?.last ?? '')}`) + 1n);
    }
    const half = segmentBounds(0, 2);
    expect(inSegment(keyHash({ S: 'a' }, 'S'), half)).toBe(false);
    expect(inSegment(keyHash({ S: '😀' }, 'S'), half)).toBe(true);
  });
});
