import {
  BatchExecuteStatementCommand,
  CreateTableCommand,
  ExecuteStatementCommand,
  ExecuteTransactionCommand,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, localOutcome, outcome, same, type Oracle, type Outcome } from '../testing/differential';
import { keyTable } from '../testing/tables';

let oracle: Oracle;
let T: string;
let G: string;

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  T = oracle.table('pql');
  G = oracle.table('pqlgsi');
  await same(oracle, CreateTableCommand, keyTable(T, ['pk', 'S'], ['sk', 'N']));
  await same(oracle, CreateTableCommand, {
    TableName: G,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'owner', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'byOwner', KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
  });
  for (let i = 0; i < 6; i++) {
    await same(oracle, PutItemCommand, {
      TableName: T,
      Item: { pk: { S: 'a' }, sk: { N: String(i) }, v: { S: `x${i}` }, n: { N: String(i * 10) }, tags: { SS: ['t', `t${i}`] } },
    });
  }
  await same(oracle, PutItemCommand, { TableName: T, Item: { pk: { S: 'b' }, sk: { N: '1' }, m: { M: { deep: { L: [{ N: '1' }, { S: 'two' }] } } } } });
  for (const [id, owner] of [['g1', 'ann'], ['g2', 'ann'], ['g3', 'bob']]) {
    await same(oracle, PutItemCommand, { TableName: G, Item: { id: { S: id as string }, owner: { S: owner as string } } });
  }
});

// NextToken is opaque (it embeds a creation time); only its presence is compared.
function view(result: Outcome): unknown {
  if ('error' in result) return result;
  const { NextToken, ...rest } = result.output as { NextToken?: string };
  return { output: { ...rest, ...(NextToken ? { NextToken: '<token>' } : {}) } };
}

async function both(make: () => unknown): Promise<[Outcome, Outcome]> {
  const [local, engine] = await Promise.all([localOutcome(oracle.local, make), outcome(oracle.engine, make())]);
  expect(view(engine), JSON.stringify(make(), null, 0).slice(0, 300)).toEqual(view(local));
  return [local, engine];
}

const statement = (Statement: string, extra: { Parameters?: AttributeValue[]; Limit?: number; NextToken?: string; ConsistentRead?: boolean; ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' } = {}) =>
  new ExecuteStatementCommand({ Statement, ...extra });

describe('ExecuteStatement against DynamoDB Local', () => {
  it('answers SELECTs on keys, non-key conditions, projections, indexes and ORDER BY', async () => {
    const selects = [
      `SELECT * FROM "${T}" WHERE pk = 'a'`,
      `SELECT v, n FROM "${T}" WHERE pk = 'a' AND sk > 2`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND sk BETWEEN 1 AND 3`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND sk >= 1 AND n < 40`,
      `SELECT * FROM "${T}" WHERE pk = 'a' ORDER BY sk DESC`,
      `select * from "${T}" where pk='a' and sk=0`,
      `SELECT * FROM "${T}" WHERE "pk" = 'a' AND contains(tags, 't3')`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND (n = 10 OR n = 50)`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND NOT v = 'x0' AND n <> 20`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND v IN ['x1', 'x4']`,
      `SELECT * FROM "${T}" WHERE pk = 'b' AND m IS NOT MISSING`,
      `SELECT m.deep[1] FROM "${T}" WHERE pk = 'b'`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND v IS MISSING`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND size(v) > 1 AND attribute_type(n, 'N')`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND begins_with(v, 'x')`,
      `SELECT * FROM "${G}"."byOwner" WHERE owner = 'ann'`,
      `SELECT id FROM "${G}" WHERE id = 'g3'`,
      `SELECT id FROM "${G}" WHERE id IN ['g3', 'g1', 'none']`,
      `SELECT id FROM "${G}" WHERE id = 'g3' OR id = 'g1'`,
    ];
    for (const text of selects) await both(() => statement(text));
  });

  it('binds ? parameters', async () => {
    await both(() => statement(`SELECT * FROM "${T}" WHERE pk = ? AND sk = ?`, { Parameters: [{ S: 'a' }, { N: '2' }] }));
    await both(() => statement(`SELECT * FROM "${T}" WHERE pk = ?`, { Parameters: [{ S: 'a' }, { S: 'b' }] }));
    await both(() => statement(`SELECT * FROM "${T}" WHERE pk = ?`));
  });

  it('pages with Limit and NextToken on Query and Scan', async () => {
    for (const text of [`SELECT * FROM "${T}" WHERE pk = 'a'`, `SELECT pk, sk FROM "${G}" WHERE owner = 'ann'`, `SELECT pk, sk FROM "${T}" WHERE pk IN ['b', 'a'] AND sk < 3`]) {
      let tokens: [string | undefined, string | undefined] = [undefined, undefined];
      for (let page = 0; page < 5; page++) {
        const [local, engine] = await Promise.all([
          localOutcome(oracle.local, () => statement(text, { Limit: 2, ...(tokens[0] ? { NextToken: tokens[0] } : {}) })),
          outcome(oracle.engine, statement(text, { Limit: 2, ...(tokens[1] ? { NextToken: tokens[1] } : {}) })),
        ]);
        expect(view(engine)).toEqual(view(local));
        const next = (result: Outcome) => ('output' in result ? (result.output as { NextToken?: string }).NextToken : undefined);
        tokens = [next(local), next(engine)];
        if (!tokens[0]) break;
      }
    }
  });

  it('writes with INSERT, UPDATE (SET, REMOVE, arithmetic, set_add) and DELETE, RETURNING included', async () => {
    const writes = [
      `INSERT INTO "${T}" VALUE {'pk': 'w', 'sk': 1, 'l': [1, 'a', <<'s'>>], 'f': 1.50, 'z': -0, 'b': true, 'nl': null, 'mm': {'k': [1]}}`,
      `INSERT INTO "${T}" VALUE {'pk': 'w', 'sk': 1}`,
      `UPDATE "${T}" SET v = 'new' WHERE pk = 'w' AND sk = 1`,
      `UPDATE "${T}" SET f = f + 5 REMOVE b WHERE pk = 'w' AND sk = 1 RETURNING ALL NEW *`,
      `UPDATE "${T}" SET s = set_add(s, <<'a', 'b'>>) WHERE pk = 'w' AND sk = 1 RETURNING MODIFIED NEW *`,
      `UPDATE "${T}" SET s = set_delete(s, <<'a'>>) SET q = 1, r = 2 WHERE pk = 'w' AND sk = 1 RETURNING MODIFIED OLD *`,
      `UPDATE "${T}" SET v = 'x' WHERE pk = 'nobody' AND sk = 1`,
      `UPDATE "${T}" SET v = 'x' WHERE pk = 'w' AND sk = 1 AND v = 'other'`,
      `UPDATE "${T}" SET l = list_append(l, [2]) WHERE pk = 'w' AND sk = 1 RETURNING ALL OLD *`,
      `UPDATE "${T}" SET mm.x = 2, mm.k[0] = mm.k[0] + 1 WHERE pk = 'w' AND sk = 1 RETURNING ALL NEW *`,
      `DELETE FROM "${T}" WHERE pk = 'w' AND sk = 1 AND v = 'nomatch'`,
      `DELETE FROM "${T}" WHERE pk = 'nobody' AND sk = 1`,
      `DELETE FROM "${T}" WHERE pk = 'w' AND sk = 1 RETURNING ALL OLD *`,
    ];
    for (const text of writes) await both(() => statement(text));
    await both(() => statement(`INSERT INTO "${T}" VALUE {'pk': ?, 'sk': ?, 'doc': ?}`, { Parameters: [{ S: 'p' }, { N: '9' }, { M: { a: { N: '1' } } }] }));
    await same(oracle, GetItemCommand, { TableName: T, Key: { pk: { S: 'p' }, sk: { N: '9' } } });
    await both(() => statement(`UPDATE "${T}" SET v = 'x' WHERE pk = 'p' AND sk = 9 AND doc.a = 2`, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
  });

  it('reports errors as DynamoDB Local does', async () => {
    const bad = [
      `SELEC * FROM "${T}"`,
      `SELECT * FROM "${T}" WHERE`,
      `SELECT *, v FROM "${T}"`,
      `SELECT * FROM "no-such-table"`,
      `SELECT * FROM "${T}"."noIndex"`,
      `SELECT * FROM "${T}" WHERE pk = 1`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 'str'`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND sk > 'x'`,
      `SELECT * FROM "${T}" WHERE v = MISSING`,
      `SELECT * FROM "${T}" WHERE foo(v)`,
      `SELECT * FROM "${T}" WHERE pk = 'a' ORDER BY v`,
      `SELECT * FROM "${T}" ORDER BY sk`,
      `SELECT COUNT(*) FROM "${T}"`,
      `SELECT * FROM "${T}" WHERE sk = 1e200`,
      `SELECT * FROM "${T}" WHERE pk = 'a' AND begins_with(sk, 1)`,
      `INSERT INTO "${T}" VALUE {'pk': 'e1'}`,
      `INSERT INTO "${T}" VALUE {'pk': 1, 'sk': 1}`,
      `INSERT INTO "${T}" VALUE {'pk': 'e2', 'sk': 1, 'pk': 'e3'}`,
      `INSERT INTO "${T}" VALUE {'pk': 'e4', 'sk': 1, 'e': <<1, 'a'>>}`,
      `INSERT INTO "${T}" VALUE {'pk': 'e5', 'sk': 1, 'e': <<>>}`,
      `INSERT INTO "${T}" VALUE {'pk': 'e6', 'sk': 1, 'm': MISSING}`,
      `INSERT INTO "${T}" VALUE {'pk': '', 'sk': 5}`,
      `INSERT INTO "${T}" VALUES {'pk': 'e7', 'sk': 5}`,
      `INSERT INTO "${T}" VALUE [1]`,
      `UPDATE "${T}" SET pk = 'x' WHERE pk = 'a' AND sk = 1`,
      `UPDATE "${T}" SET v = 1 WHERE pk = 'a'`,
      `UPDATE "${T}" SET v = 1`,
      `UPDATE "${T}" SET v = 1 WHERE pk = 1 AND sk = 1`,
      `UPDATE "${T}" SET v = list_append(v, [1]) WHERE pk = 'a' AND sk = 0`,
      `DELETE FROM "${T}" WHERE pk = 'a'`,
      `DELETE FROM "${T}" WHERE pk = 'a' AND sk > 0`,
      `EXISTS(SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 0)`,
      ``,
    ];
    for (const text of bad) {
      const [local] = await both(() => statement(text));
      expect('error' in local, text).toBe(true);
    }
    await both(() => statement(`SELECT * FROM "${T}" WHERE pk = 'a'`, { NextToken: 'garbage' }));
    await both(() => statement(`SELECT * FROM "${T}" WHERE pk = 'a'`, { Limit: 0 }));
  });
});

describe('BatchExecuteStatement against DynamoDB Local', () => {
  it('reads single items, with an error entry for each bad statement', async () => {
    await both(
      () =>
        new BatchExecuteStatementCommand({
          Statements: [
            { Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 1` },
            { Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 99` },
            { Statement: `SELECT v FROM "${T}" WHERE pk = ? AND sk = ?`, Parameters: [{ S: 'a' }, { N: '2' }] },
            { Statement: `SELECT * FROM "${T}" WHERE pk = 'a'` },
            { Statement: `SELECT * FROM "no-such-table" WHERE pk = 'a' AND sk = 1` },
            { Statement: 'SELEC x' },
            { Statement: `SELECT * FROM "${T}" WHERE pk = ? AND sk = 1` },
          ],
        }),
    );
  });

  it('writes each statement on its own', async () => {
    await both(
      () =>
        new BatchExecuteStatementCommand({
          Statements: [
            { Statement: `INSERT INTO "${T}" VALUE {'pk': 'bw', 'sk': 1}` },
            { Statement: `INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1}` },
            { Statement: `UPDATE "${T}" SET q = 1 WHERE pk = 'zz' AND sk = 1` },
            { Statement: `UPDATE "${T}" SET q = 1 WHERE pk = 'a' AND sk = 0 AND v = 'no'`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
            { Statement: `UPDATE "${T}" SET v = 'q' WHERE pk = 'a' AND sk = 5 RETURNING ALL NEW *` },
          ],
        }),
    );
  });

  it('rejects empty, mixed, duplicate and oversized batches', async () => {
    const batches = [
      [],
      [{ Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 1` }, { Statement: `INSERT INTO "${T}" VALUE {'pk': 'mx', 'sk': 1}` }],
      [{ Statement: `INSERT INTO "${T}" VALUE {'pk': 'dd', 'sk': 1}` }, { Statement: `INSERT INTO "${T}" VALUE {'pk': 'dd', 'sk': 1}` }],
      Array.from({ length: 26 }, (_, i) => ({ Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = ${i}` })),
      Array.from({ length: 26 }, (_, i) => ({ Statement: `INSERT INTO "${T}" VALUE {'pk': 'many', 'sk': ${i}}` })),
    ];
    for (const Statements of batches) {
      const [local] = await both(() => new BatchExecuteStatementCommand({ Statements }));
      expect('error' in local).toBe(true);
    }
  });
});

describe('ExecuteTransaction against DynamoDB Local', () => {
  it('reads as TransactGetItems and writes as TransactWriteItems, all or nothing', async () => {
    await both(
      () =>
        new ExecuteTransactionCommand({
          TransactStatements: [{ Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 1` }, { Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 99` }],
        }),
    );
    await both(
      () =>
        new ExecuteTransactionCommand({
          TransactStatements: [
            { Statement: `INSERT INTO "${T}" VALUE {'pk': 'tx', 'sk': 1}` },
            { Statement: `UPDATE "${T}" SET q = 2 WHERE pk = 'a' AND sk = 1` },
            { Statement: `EXISTS(SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 2 AND v = 'x2')` },
            { Statement: `DELETE FROM "${T}" WHERE pk = 'a' AND sk = 3` },
          ],
        }),
    );
    await both(
      () =>
        new ExecuteTransactionCommand({
          TransactStatements: [
            { Statement: `INSERT INTO "${T}" VALUE {'pk': 'a', 'sk': 1}` },
            { Statement: `UPDATE "${T}" SET q = 2 WHERE pk = 'zz' AND sk = 1` },
            { Statement: `EXISTS(SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 2 AND v = 'nope')` },
            { Statement: `DELETE FROM "${T}" WHERE pk = 'a' AND sk = 0 AND v = 'no'`, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
            { Statement: `DELETE FROM "${T}" WHERE pk = 'a' AND sk = 4` },
          ],
        }),
    );
    await same(oracle, GetItemCommand, { TableName: T, Key: { pk: { S: 'a' }, sk: { N: '4' } } });
  });

  it('is idempotent per ClientRequestToken', async () => {
    const make = (sk: number) => () =>
      new ExecuteTransactionCommand({ TransactStatements: [{ Statement: `INSERT INTO "${T}" VALUE {'pk': 'idem', 'sk': ${sk}}` }], ClientRequestToken: `tok-${T}` });
    await both(make(1));
    await both(make(1));
    await both(make(2));
  });

  it('rejects invalid transactions with DynamoDB Local’s messages', async () => {
    const transactions = [
      [],
      [{ Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 1` }, { Statement: `INSERT INTO "${T}" VALUE {'pk': 'g', 'sk': 1}` }],
      [{ Statement: `SELECT * FROM "${T}" WHERE pk = 'a'` }],
      [{ Statement: `EXISTS(SELECT * FROM "${T}" WHERE pk = 'a' AND sk = 2)` }],
      [{ Statement: `SELECT * FROM "no-such-table" WHERE pk = 'a' AND sk = 1` }],
      [{ Statement: `INSERT INTO "${T}" VALUE {'pk': 'f', 'sk': 1}` }, { Statement: `INSERT INTO "${T}" VALUE {'pk': 'f', 'sk': 1}` }],
      Array.from({ length: 101 }, (_, i) => ({ Statement: `SELECT * FROM "${T}" WHERE pk = 'a' AND sk = ${i}` })),
    ];
    for (const TransactStatements of transactions) {
      const [local] = await both(() => new ExecuteTransactionCommand({ TransactStatements }));
      expect('error' in local).toBe(true);
    }
  });
});
