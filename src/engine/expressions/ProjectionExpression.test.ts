import { describe, expect, it } from 'vitest';
import type { Item } from '../AttributeValue';
import { compileExpressions, projectItem } from './index';

const item: Item = {
  a: { N: '1' },
  l: { L: [{ S: 'zero' }, { S: 'one' }, { M: { q: { N: '2' }, r: { N: '3' } } }, { S: 'three' }] },
  m: { M: { b: { M: { c: { S: 'deep' }, d: { S: 'other' } } } } },
};

function project(expression: string, names?: Record<string, string>): Item {
  const { projection } = compileExpressions('GetItem', { ProjectionExpression: expression, ...(names ? { ExpressionAttributeNames: names } : {}) });
  return projectItem(projection!, item);
}

describe('projectItem', () => {
  it('keeps the requested nested paths only', () => {
    expect(project('m.b.c, a')).toEqual({ m: { M: { b: { M: { c: { S: 'deep' } } } } }, a: { N: '1' } });
  });

  it('packs selected list elements in index order', () => {
    expect(project('l[3], l[2].q, l[0]')).toEqual({ l: { L: [{ S: 'zero' }, { M: { q: { N: '2' } } }, { S: 'three' }] } });
  });

  it('skips paths that lead nowhere', () => {
    expect(project('absent, l[9], m.x, a.b')).toEqual({});
  });

  it('rejects overlapping and conflicting paths', () => {
    expect(() => project('m, m.b')).toThrow('Invalid ProjectionExpression: Two document paths overlap with each other');
    expect(() => project('m.b, m[0]')).toThrow('Invalid ProjectionExpression: Two document paths conflict with each other');
    expect(() => project('status')).toThrow('Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status');
  });
});
