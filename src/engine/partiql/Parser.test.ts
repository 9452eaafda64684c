import { describe, expect, it } from 'vitest';
import { DynamoDBError } from '../errors';
import { parseStatement } from './Parser';

function errorOf(statement: string): string {
  try {
    parseStatement(statement);
  } catch (error) {
    if (error instanceof DynamoDBError) return `${error.errorName}: ${error.message}`;
    throw error;
  }
  throw new Error(`parsed: ${statement}`);
}

describe('PartiQL parser', () => {
  it('parses SELECT with projection, index, WHERE and ORDER BY', () => {
    const { statement, parameterCount } = parseStatement(
      `SELECT v, "n".x[2] FROM "Music"."byArtist" WHERE pk = ? AND sk >= 10 ORDER BY sk DESC`,
    );
    expect(parameterCount).toBe(1);
    expect(statement).toMatchObject({
      kind: 'select',
      projection: [
        { segments: [{ kind: 'attribute', name: 'v' }] },
        { segments: [{ kind: 'attribute', name: 'n' }, { kind: 'attribute', name: 'x' }, { kind: 'index', index: 2 }] },
      ],
      from: { table: 'Music', index: 'byArtist' },
      where: {
        kind: 'and',
        left: { kind: 'compare', operator: '=', right: { kind: 'parameter', index: 0 } },
        right: { kind: 'compare', operator: '>=', right: { kind: 'literal', value: { N: '10' } } },
      },
      orderBy: [{ descending: true }],
    });
  });

  it('is case-insensitive for keywords but keeps names', () => {
    const { statement } = parseStatement(`select * from Tab where Pk='a'`);
    expect(statement).toMatchObject({ kind: 'select', projection: undefined, from: { table: 'Tab' }, where: { left: { segments: [{ name: 'Pk' }] } } });
  });

  it('gives AND precedence over OR, and NOT over AND', () => {
    const { statement } = parseStatement(`SELECT * FROM t WHERE a = 1 OR NOT b = 2 AND c = 3`);
    expect(statement).toMatchObject({
      where: { kind: 'or', left: { kind: 'compare' }, right: { kind: 'and', left: { kind: 'not' }, right: { kind: 'compare' } } },
    });
  });

  it('parses BETWEEN, IN, IS [NOT] MISSING/NULL, functions and !=', () => {
    const { statement } = parseStatement(
      `SELECT * FROM t WHERE a BETWEEN 1 AND 5 AND b IN ['x', ?] AND c IS NOT MISSING AND d IS NULL AND begins_with(e, 'p') AND f != 2`,
    );
    const text = JSON.stringify(statement);
    for (const kind of ['"between"', '"in"', '"is"', '"function"']) expect(text).toContain(kind);
    expect(text).toContain('"negated":true');
    expect(text).toContain('"operator":"<>"');
  });

  it('parses INSERT values: maps, lists, sets, numbers, booleans, null, escaped quotes', () => {
    const { statement, parameterCount } = parseStatement(
      `INSERT INTO "t" VALUE {'pk': 'it''s', 'n': -1.50, 'l': [1, 'a', TRUE, null], 's': <<'x', 'y'>>, 'm': {'k': ?}}`,
    );
    expect(parameterCount).toBe(1);
    expect(statement).toMatchObject({
      kind: 'insert',
      table: 't',
      item: {
        kind: 'map',
        entries: [
          { key: 'pk', value: { value: { S: "it's" } } },
          { key: 'n', value: { value: { N: '-1.5' } } },
          { key: 'l', value: { kind: 'list', items: [{ value: { N: '1' } }, { value: { S: 'a' } }, { value: { BOOL: true } }, { value: { NULL: true } }] } },
          { key: 's', value: { kind: 'set', items: [{ value: { S: 'x' } }, { value: { S: 'y' } }] } },
          { key: 'm', value: { kind: 'map', entries: [{ key: 'k', value: { kind: 'parameter', index: 0 } }] } },
        ],
      },
    });
  });

  it('parses UPDATE with several SET and REMOVE clauses and RETURNING', () => {
    const { statement } = parseStatement(
      `UPDATE t SET a = a + 1, b = list_append(b, [2]) SET c = 'x' REMOVE d, e[1] WHERE pk = 'k' RETURNING MODIFIED NEW *`,
    );
    expect(statement).toMatchObject({
      kind: 'update',
      set: [
        { value: { kind: 'arithmetic', operator: '+' } },
        { value: { kind: 'call', name: 'list_append' } },
        { value: { kind: 'literal', value: { S: 'x' } } },
      ],
      remove: [{ segments: [{ name: 'd' }] }, { segments: [{ name: 'e' }, { index: 1 }] }],
      returning: 'MODIFIED_NEW',
    });
  });

  it('parses DELETE and EXISTS', () => {
    expect(parseStatement(`DELETE FROM t WHERE pk = 1 RETURNING ALL OLD *`).statement).toMatchObject({ kind: 'delete', returning: 'ALL_OLD' });
    expect(parseStatement(`EXISTS(SELECT * FROM t WHERE pk = 1)`).statement).toMatchObject({ kind: 'exists', select: { kind: 'select' } });
  });

  it('reports malformed statements with the statement text, as DynamoDB does', () => {
    for (const bad of [
      'SELEC * FROM t',
      'SELECT * FROM t WHERE',
      'SELECT *, v FROM t',
      "INSERT INTO t VALUES {'pk':'a'}",
      "INSERT INTO t VALUE {'pk': 1.2.3}",
      "SELECT * FROM t WHERE v = 'unterminated",
      'UPDATE t WHERE pk = 1',
      'SELECT * FROM t extra',
    ]) {
      expect(errorOf(bad)).toBe(`ValidationException: Statement wasn't well formed, can't be processed: ${bad}`);
    }
  });

  it('positions semantic errors as line:column:length', () => {
    expect(errorOf(`INSERT INTO Ptab VALUE {'pk':'c','sk':1, 'pk':'d'}`)).toBe(
      'ValidationException: Duplicate keys in tuple. Key: pk under root at 1:42:4',
    );
    expect(errorOf('SELECT COUNT(*) FROM Ptab')).toBe('ValidationException: Unexpected path component at 1:8:5');
  });

  it('rejects numbers DynamoDB cannot store', () => {
    expect(errorOf('SELECT * FROM t WHERE sk = 1e200')).toBe(
      'ValidationException: Number overflow. Attempting to store a number with magnitude larger than supported range',
    );
  });
});
