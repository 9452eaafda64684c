import { describe, expect, it } from 'vitest';
import type { KeySchema } from '../KeySchema';
import { partiqlWrittenKey } from './WrittenKey';

const schema: KeySchema = { hash: { name: 'PK', type: 'S' }, range: { name: 'SK', type: 'S' } };

describe('partiqlWrittenKey', () => {
  it('reads the key of an INSERT, UPDATE and DELETE, parameters included', () => {
    expect(partiqlWrittenKey(`INSERT INTO "t" VALUE {'PK': 'U#1', 'SK': ?, 'n': 1}`, [{ S: 'P#1' }], schema)).toEqual({ key: { PK: { S: 'U#1' }, SK: { S: 'P#1' } } });
    expect(partiqlWrittenKey(`UPDATE "t" SET n = 2 WHERE PK = ? AND SK = 'P#1'`, [{ S: 'U#1' }], schema)).toEqual({ key: { PK: { S: 'U#1' }, SK: { S: 'P#1' } } });
    expect(partiqlWrittenKey(`DELETE FROM "t" WHERE SK = 'P#1' AND PK = 'U#1'`, undefined, schema)).toEqual({ key: { PK: { S: 'U#1' }, SK: { S: 'P#1' } } });
  });

  it('is undefined for reads and for text that does not parse', () => {
    expect(partiqlWrittenKey(`SELECT * FROM "t" WHERE PK = 'U#1'`, undefined, schema)).toBeUndefined();
    expect(partiqlWrittenKey('UPDATE WHERE', undefined, schema)).toBeUndefined();
  });

  it('has no key for a write without a whole key or with missing parameters', () => {
    expect(partiqlWrittenKey(`DELETE FROM "t" WHERE PK = 'U#1'`, undefined, schema)).toEqual({ key: undefined });
    expect(partiqlWrittenKey(`DELETE FROM "t" WHERE PK = ? AND SK = ?`, [{ S: 'U#1' }], schema)).toEqual({ key: undefined });
  });
});
