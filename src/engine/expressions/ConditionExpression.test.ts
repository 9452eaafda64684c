import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../AttributeValue';
import { compileExpressions, evaluateCondition } from './index';

const item: Item = {
  a: { N: '5' },
  s: { S: 'hello' },
  bin: { B: 'AQIDBA==' },
  l: { L: [{ N: '1' }, { S: 'x' }, { M: { q: { N: '2' } } }] },
  m: { M: { b: { M: { c: { S: 'deep' } } } } },
  ss: { SS: ['a', 'b'] },
  ns: { NS: ['1', '2.5'] },
};

function check(expression: string, values?: Record<string, AttributeValue>, names?: Record<string, string>, target: Item | null = item): boolean {
  const { condition } = compileExpressions('PutItem', {
    ConditionExpression: expression,
    ...(values ? { ExpressionAttributeValues: values } : {}),
    ...(names ? { ExpressionAttributeNames: names } : {}),
  });
  return evaluateCondition(condition!, target ?? undefined);
}

describe('evaluateCondition', () => {
  it.each([
    ['a = :v', { ':v': { N: '5.0' } }, true],
    ['a = :v', { ':v': { S: '5' } }, false],
    ['a <> :v', { ':v': { S: '5' } }, true],
    ['absent <> :v', { ':v': { N: '1' } }, true],
    ['absent = :v', { ':v': { N: '1' } }, false],
    ['a < :v', { ':v': { N: '10' } }, true],
    ['a < :v', { ':v': { S: '9' } }, false],
    ['a BETWEEN :lo AND :hi', { ':lo': { N: '5' }, ':hi': { N: '5' } }, true],
    ['a IN (:x, :y)', { ':x': { N: '1' }, ':y': { N: '5' } }, true],
    ['begins_with(bin, :p)', { ':p': { B: 'AQI=' } }, true],
    ['contains(ns, :p)', { ':p': { N: '2.50' } }, true],
    ['contains(l, :p)', { ':p': { M: { q: { N: '2' } } } }, true],
    ['contains(s, :p)', { ':p': { S: 'ell' } }, true],
    ['size(l) = :v', { ':v': { N: '3' } }, true],
    ['size(a) = :v', { ':v': { N: '1' } }, false],
    ['attribute_type(ss, :t)', { ':t': { S: 'SS' } }, true],
    ['l[2].q = :v AND m.b.c = :w', { ':v': { N: '2' }, ':w': { S: 'deep' } }, true],
    ['a = :x OR a = :v AND s = :no', { ':x': { N: '5' }, ':v': { N: '1' }, ':no': { S: 'no' } }, true],
    ['(a = :x OR a = :v) AND s = :no', { ':x': { N: '5' }, ':v': { N: '1' }, ':no': { S: 'no' } }, false],
  ] as [string, Record<string, AttributeValue>, boolean][])('%s → %s', (expression, values, expected) => {
    expect(check(expression, values)).toBe(expected);
  });

  it('resolves attribute names, including ones with dots', () => {
    expect(check('attribute_exists(#d)', undefined, { '#d': 'a.b' }, { 'a.b': { S: 'x' } })).toBe(true);
    expect(check('attribute_exists(a.b)', undefined, undefined, { 'a.b': { S: 'x' } })).toBe(false);
  });

  it('treats a missing item as having no attributes', () => {
    expect(check('attribute_not_exists(pk)', undefined, undefined, null)).toBe(true);
    expect(check('a = :v', { ':v': { N: '5' } }, undefined, null)).toBe(false);
  });
});

describe('condition validation', () => {
  it.each([
    ['size(a)', 'The function is not allowed to be used this way in an expression; function: size'],
    ['foo(a)', 'Invalid function name; function: foo'],
    ['a = a', 'The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]'],
    ['contains(a)', 'Incorrect number of operands for operator or function; operator or function: contains, number of operands: 1'],
    ['attribute_exists(:v)', 'Operator or function requires a document path; operator or function: attribute_exists'],
    ['begins_with(a, :v)', 'Incorrect operand type for operator or function; operator or function: begins_with, operand type: N'],
    ['((a = :v))', 'The expression has redundant parentheses;'],
    ['action = :v', 'Attribute name is a reserved keyword; reserved keyword: action'],
    ['a = :w AND action = :v', 'Attribute name is a reserved keyword; reserved keyword: action'],
    ['a = :w AND a = a', 'An expression attribute value used in expression is not defined; attribute value: :w'],
  ])('%s', (expression, message) => {
    expect(() => check(expression, { ':v': { N: '1' } })).toThrow(`Invalid ConditionExpression: ${message}`);
  });
});
