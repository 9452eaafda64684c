import { describe, expect, it } from 'vitest';
import { parseCondition, parseProjection, parseUpdate, type SyntaxCondition } from './Parser';

function shape(node: SyntaxCondition): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${shape(node.left)} ${node.kind.toUpperCase()} ${shape(node.right)})`;
    case 'not':
      return `NOT ${shape(node.operand)}`;
    case 'parenthesis':
      return `[${shape(node.inner)}]`;
    case 'compare':
      return node.operator;
    case 'between':
      return 'BETWEEN';
    case 'in':
      return `IN${node.list.length}`;
    case 'function':
      return node.call.name.text;
  }
}

describe('condition grammar', () => {
  it.each([
    ['a = :v OR b = :v AND c = :v', '(= OR (= AND =))'],
    ['NOT a = :v AND b = :v', '(NOT = AND =)'],
    ['NOT (a = :v AND b = :v)', 'NOT [(= AND =)]'],
    ['a = :v and b = :v or not c = :v', '((= AND =) OR NOT =)'],
    ['(a) = :v', '='],
    ['(size(a)) >= :v', '>='],
    ['a BETWEEN :a AND :b AND c IN (:x, :y)', '(BETWEEN AND IN2)'],
    ['attribute_exists(#n[0].b) OR begins_with(a, :p)', '(attribute_exists OR begins_with)'],
  ])('%s parses as %s', (source, expected) => {
    expect(shape(parseCondition('ConditionExpression', source))).toBe(expected);
  });

  it.each([
    ['a > ', 'token: "<EOF>", near: "> "'],
    ['a = :v AND', 'token: "<EOF>", near: "AND"'],
    ['(a = :v', 'token: "<EOF>", near: ":v"'],
    ['a = :v)', 'token: ")", near: ":v)"'],
    ['a == :v', 'token: "=", near: "== :v"'],
    ['a $ :v', 'token: "$", near: "a $ :v"'],
    ['a.b[x] = :v', 'token: "x", near: "[x]"'],
    ['a IN ()', 'token: ")", near: "()"'],
    ['a = :v AND 1a = :v', 'token: "1", near: "AND 1a"'],
    ['a = :v AND _a = :v', 'token: "_", near: "AND _a"'],
    ['a[-1] = :v', 'token: "-", near: "[-1"'],
    ['s = :v + :v', 'token: "+", near: ":v + :v"'],
  ])('reports %j like DynamoDB', (source, detail) => {
    expect(() => parseCondition('ConditionExpression', source)).toThrow(`Invalid ConditionExpression: Syntax error; ${detail}`);
  });

  it('rejects empty and oversized expressions', () => {
    expect(() => parseCondition('FilterExpression', '')).toThrow('Invalid FilterExpression: The expression can not be empty;');
    const big = Array.from({ length: 700 }, () => 'a = :v').join(' OR ');
    expect(() => parseCondition('FilterExpression', big)).toThrow(
      'Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 6996',
    );
  });
});

describe('update grammar', () => {
  it('parses every clause, case-insensitively', () => {
    const update = parseUpdate('set a = b + :v, c = list_append(if_not_exists(c, :e), :l) remove d[1] add n :one delete s :set');
    expect(update.clauses.map((clause) => [clause.name, clause.actions.length])).toEqual([
      ['SET', 2],
      ['REMOVE', 1],
      ['ADD', 1],
      ['DELETE', 1],
    ]);
  });

  it.each([
    ['SET a = a x b', 'token: "x", near: "a x b"'],
    ['SET', 'token: "<EOF>", near: "SET"'],
    ['SET q = :v + :v + :v', 'token: "+", near: ":v + :v"'],
    ['ADD q a', 'token: "a", near: "q a"'],
    ['   ', 'token: "<EOF>", near: "   "'],
  ])('reports %j like DynamoDB', (source, detail) => {
    expect(() => parseUpdate(source)).toThrow(`Invalid UpdateExpression: Syntax error; ${detail}`);
  });
});

describe('projection grammar', () => {
  it('parses paths with names, placeholders and indexes', () => {
    expect(parseProjection('a, #b.c[2][3], d . e').map((path) => path.elements.length)).toEqual([1, 4, 2]);
  });

  it('rejects values and trailing commas', () => {
    expect(() => parseProjection('a,')).toThrow('Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","');
    expect(() => parseProjection(':v')).toThrow('Invalid ProjectionExpression: Syntax error; token: ":v", near: ":v"');
  });
});
