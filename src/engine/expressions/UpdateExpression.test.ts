import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../AttributeValue';
import { applyUpdate, compileExpressions } from './index';

const item: Item = {
  pk: { S: 'k' },
  a: { N: '5' },
  s: { S: 'hello' },
  l: { L: [{ N: '1' }, { S: 'x' }, { N: '3' }] },
  m: { M: { n: { N: '3' } } },
  ss: { SS: ['a', 'b'] },
};

function update(expression: string, values?: Record<string, AttributeValue>, target: Item | undefined = item): Item {
  const { update: actions } = compileExpressions(
    'UpdateItem',
    { UpdateExpression: expression, ...(values ? { ExpressionAttributeValues: values } : {}) },
    { partitionKey: 'pk' },
  );
  return applyUpdate(actions!, target, ['pk']);
}

describe('applyUpdate', () => {
  it('evaluates every SET operand against the item before the update', () => {
    expect(update('SET a = :v, s = a', { ':v': { N: '1' } })).toMatchObject({ a: { N: '1' }, s: { N: '5' } });
  });

  it('does arithmetic exactly', () => {
    expect(update('SET a = a + :v', { ':v': { N: '0.1' } }).a).toEqual({ N: '5.1' });
    expect(update('SET a = :v - a', { ':v': { N: '0.3' } }).a).toEqual({ N: '-4.7' });
  });

  it('removes list elements by their original indexes and appends past the end', () => {
    expect(update('REMOVE l[0], l[2]').l).toEqual({ L: [{ S: 'x' }] });
    expect(update('SET l[9] = :v', { ':v': { S: 'end' } }).l).toEqual({ L: [{ N: '1' }, { S: 'x' }, { N: '3' }, { S: 'end' }] });
  });

  it('adds to numbers and sets and deletes from sets', () => {
    const updated = update('ADD m.n :one, ss :more, fresh :one', { ':one': { N: '1' }, ':more': { SS: ['c'] } });
    expect(updated.m).toEqual({ M: { n: { N: '4' } } });
    expect(updated.fresh).toEqual({ N: '1' });
    expect(updated.ss).toEqual({ SS: ['a', 'b', 'c'] });
    expect(update('DELETE ss :gone', { ':gone': { SS: ['a', 'z'] } }).ss).toEqual({ SS: ['b'] });
  });

  it('drops a set emptied by DELETE', () => {
    expect(update('DELETE ss :all', { ':all': { SS: ['a', 'b'] } })).not.toHaveProperty('ss');
  });

  it('never modifies the stored item', () => {
    const before = JSON.stringify(item);
    update('SET m.n = :v REMOVE l[0] ADD ss :s', { ':v': { N: '0' }, ':s': { SS: ['z'] } });
    expect(JSON.stringify(item)).toBe(before);
  });

  it.each([
    ['SET s = s + :v', { ':v': { N: '1' } }, 'An operand in the update expression has an incorrect data type'],
    ['SET a.b = :v', { ':v': { N: '1' } }, 'The document path provided in the update expression is invalid for update'],
    ['SET q = zz + :v', { ':v': { N: '1' } }, 'The provided expression refers to an attribute that does not exist in the item'],
    ['ADD s :v', { ':v': { N: '1' } }, 'An operand in the update expression has an incorrect data type'],
    ['SET a = :v + :v', { ':v': { N: '9E+125' } }, 'Number overflow. Attempting to store a number with magnitude larger than supported range'],
  ] as [string, Record<string, AttributeValue>, string][])('%s fails with DynamoDB’s message', (expression, values, message) => {
    expect(() => update(expression, values)).toThrow(message);
  });
});

describe('update validation', () => {
  it.each([
    ['SET a = :v, a = :v', 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]'],
    ['SET l[0].a = :v, l.b = :v', 'Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [l, [0], a], path two: [l, b]'],
    ['SET a = :v SET b = :v', 'Invalid UpdateExpression: The "SET" section can only be used once in an update expression;'],
    ['SET q = size(a)', 'Invalid UpdateExpression: The function is not allowed in an update expression; function: size'],
    ['ADD q :s', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND'],
    ['DELETE q :v', 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND'],
    ['SET pk = :v', 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key'],
  ])('%s', (expression, message) => {
    const values = { ':v': { N: '1' } as AttributeValue, ':s': { S: 'x' } as AttributeValue };
    const used = Object.fromEntries(Object.entries(values).filter(([key]) => expression.includes(key)));
    expect(() => update(expression, Object.keys(used).length > 0 ? used : undefined)).toThrow(message);
  });
});
