import { describe, expect, it } from 'vitest';
import type { SelectStatement, UpdateStatement } from './Ast';
import { parseStatement } from './Parser';
import { ExpressionBuilder, primaryKeyOf } from './Translate';

const where = (text: string) => (parseStatement(`SELECT * FROM t WHERE ${text}`).statement as SelectStatement).where;

describe('PartiQL to DynamoDB expressions', () => {
  it('rewrites conditions with name and value placeholders', () => {
    const builder = new ExpressionBuilder([{ S: 'p' }]);
    const text = builder.condition(where(`a.b[2] = ? AND (c IS NOT MISSING OR d IS NULL) AND e IN [1, 2] AND NOT begins_with(f, 'x')`) as never);
    expect(text).toBe(
      '(((#n0.#n1[2] = :v0) AND ((NOT attribute_not_exists(#n2)) OR (attribute_type(#n3, :v1)))) AND (#n4 IN (:v2, :v3))) AND (NOT (begins_with(#n5, :v4)))',
    );
    expect(builder.members()).toEqual({
      ExpressionAttributeNames: { '#n0': 'a', '#n1': 'b', '#n2': 'c', '#n3': 'd', '#n4': 'e', '#n5': 'f' },
      ExpressionAttributeValues: { ':v0': { S: 'p' }, ':v1': { S: 'NULL' }, ':v2': { N: '1' }, ':v3': { N: '2' }, ':v4': { S: 'x' } },
    });
  });

  it('turns SET, set_add, set_delete and REMOVE into one UpdateExpression', () => {
    const statement = parseStatement(`UPDATE t SET a = a + 1, s = set_add(s, <<'x'>>), r = set_delete(r, <<1>>) REMOVE z WHERE pk = 'k'`).statement as UpdateStatement;
    const builder = new ExpressionBuilder([]);
    expect(builder.update(statement)).toBe('SET #n0 = #n0 + :v0 REMOVE #n3 ADD #n1 :v1 DELETE #n2 :v2');
    expect(builder.values).toEqual({ ':v0': { N: '1' }, ':v1': { SS: ['x'] }, ':v2': { NS: ['1'] } });
  });

  it('finds the full primary key among top-level equalities and keeps the rest as conditions', () => {
    const schema = { hash: { name: 'pk', type: 'S' as const }, range: { name: 'sk', type: 'N' as const } };
    const builder = new ExpressionBuilder([]);
    const found = primaryKeyOf(where(`v = 1 AND sk = 3 AND 'a' = pk`), schema, builder);
    expect(found?.key).toEqual({ pk: { S: 'a' }, sk: { N: '3' } });
    expect(found?.rest).toHaveLength(1);
    expect(primaryKeyOf(where(`pk = 'a' OR sk = 3`), schema, builder)).toBeUndefined();
    expect(() => primaryKeyOf(where(`pk = 'a' AND sk = 'x'`), schema, builder)).toThrow(
      "Key attribute's data type should match its data type in table's schema: Key sk",
    );
  });
});
