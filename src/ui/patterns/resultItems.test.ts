import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../../model/examples/socialMedia';
import { attributeNames, describeWrite, formatValue } from './resultItems';

const model = socialMediaModel();
const key = { PK: { S: 'USER#u1' }, SK: { S: 'PROFILE' } };
const profile = { ...key, username: { S: 'ann' }, postsCount: { N: '8' }, tags: { SS: ['a'] } };

describe('describeWrite', () => {
  it('marks the attributes an update added, changed and removed', () => {
    const after = { ...key, username: { S: 'ann' }, postsCount: { N: '9' }, bio: { S: 'hi' } };
    expect(describeWrite(model, { key, before: profile, after })).toEqual({
      change: 'updated',
      rows: [
        { name: 'PK', before: key.PK, after: key.PK, change: 'unchanged' },
        { name: 'SK', before: key.SK, after: key.SK, change: 'unchanged' },
        { name: 'bio', after: { S: 'hi' }, change: 'added' },
        { name: 'postsCount', before: { N: '8' }, after: { N: '9' }, change: 'changed' },
        { name: 'tags', before: { SS: ['a'] }, change: 'removed' },
        { name: 'username', before: { S: 'ann' }, after: { S: 'ann' }, change: 'unchanged' },
      ],
    });
  });

  it('tells a created, a deleted, an untouched and a missing item apart', () => {
    expect(describeWrite(model, { key, after: profile })).toMatchObject({ change: 'created', rows: expect.arrayContaining([expect.objectContaining({ name: 'postsCount', change: 'added' })]) });
    const deleted = describeWrite(model, { key, before: profile });
    expect(deleted.change).toBe('deleted');
    expect(deleted.rows.every((row) => row.change === 'removed')).toBe(true);
    expect(describeWrite(model, { key, before: profile, after: { ...profile } }).change).toBe('unchanged');
    expect(describeWrite(model, { key })).toEqual({ change: 'absent', rows: [] });
  });
});

describe('result items', () => {
  it('orders attributes with the table keys first and shows values as text', () => {
    expect(attributeNames(model, [{ b: { S: 'x' }, SK: { S: 's' }, a: { N: '1' } }, { PK: { S: 'p' } }])).toEqual(['PK', 'SK', 'a', 'b']);
    expect(formatValue({ M: { n: { N: '1' }, l: { L: [{ BOOL: true }, { NULL: true }] }, s: { SS: ['a', 'b'] } } })).toBe('{n: 1, l: [true, null], s: {a, b}}');
  });
});
