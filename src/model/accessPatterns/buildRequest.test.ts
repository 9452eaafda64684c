import { describe, expect, it } from 'vitest';
import { socialMediaModel } from '../examples/socialMedia';
import type { AccessPattern } from '../types';
import { AccessPatternError, buildRequest, requestTemplate } from './buildRequest';

const model = socialMediaModel();
const find = (id: string): AccessPattern => {
  const p = model.accessPatterns.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id}`);
  return p;
};

describe('buildRequest', () => {
  it('fills TableName and substitutes parameters in a Query', () => {
    expect(buildRequest(model, find('ap-getUserPosts'), { userId: 'u1' })).toEqual({
      operation: 'Query',
      input: {
        TableName: 'SocialMediaApp',
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': { S: 'USER#u1' }, ':sk': { S: 'POST#' } },
        ScanIndexForward: false,
        Limit: 20,
      },
    });
  });

  it('fills IndexName from the pattern index when the request leaves it out', () => {
    const p: AccessPattern = { ...find('ap-getRecentPosts'), request: { KeyConditionExpression: 'GSI1PK = :pk' } };
    expect(buildRequest(model, p, {}).input).toEqual({ TableName: 'SocialMediaApp', IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk' });
  });

  it('names the table in RequestItems and in every transaction action', () => {
    const batch = buildRequest(model, find('ap-batchGetProfilesAndPost'), { userId: 'u1', postId: 'p1' }).input;
    expect(batch).toEqual({
      RequestItems: {
        SocialMediaApp: {
          Keys: [
            { PK: { S: 'USER#u1' }, SK: { S: 'PROFILE' } },
            { PK: { S: 'POST#p1' }, SK: { S: 'METADATA' } },
          ],
        },
      },
    });
    const tx = buildRequest(model, find('ap-createPost'), { userId: 'u1', postId: 'p9', description: 'Hi' }).input;
    const items = tx.TransactItems as Record<string, Record<string, unknown>>[];
    expect(items.map((i) => Object.values(i)[0]?.TableName)).toEqual(['SocialMediaApp', 'SocialMediaApp']);
    expect(items[0]?.Put?.Item).toMatchObject({ SK: { S: 'POST#p9' }, description: { S: 'Hi' } });
  });

  it('keeps number values as wire strings but types whole-placeholder Limit and BOOL values', () => {
    const p: AccessPattern = {
      id: 'x',
      name: 'Typed',
      operation: 'Query',
      parameters: [
        { name: 'n', type: 'N' },
        { name: 'flag', type: 'BOOL' },
      ],
      request: {
        KeyConditionExpression: 'PK = :pk',
        FilterExpression: 'likesCount > :n AND active = :f',
        ExpressionAttributeValues: { ':pk': { S: 'X' }, ':n': { N: '{{n}}' }, ':f': { BOOL: '{{flag}}' } },
        Limit: '{{n}}',
      },
    };
    const input = buildRequest(model, p, { n: '5', flag: 'true' }).input;
    expect(input.ExpressionAttributeValues).toEqual({ ':pk': { S: 'X' }, ':n': { N: '5' }, ':f': { BOOL: true } });
    expect(input.Limit).toBe(5);
  });

  it('says which parameter is missing, undeclared or malformed', () => {
    const posts = find('ap-getUserPosts');
    expect(() => buildRequest(model, posts, {})).toThrow(new AccessPatternError('Parameter "userId" has no value', '/parameters/0'));
    const undeclared: AccessPattern = { ...posts, parameters: [] };
    expect(() => buildRequest(model, undeclared, {})).toThrow('Placeholder {{userId}} is not a parameter of "Get a user\'s posts"');
    const numeric: AccessPattern = { ...posts, parameters: [{ name: 'userId', type: 'N' }] };
    expect(() => buildRequest(model, numeric, { userId: 'abc' })).toThrow('Parameter "userId" must be a number, got "abc"');
  });

  it('leaves placeholders in the template for the generated access layer', () => {
    const template = requestTemplate(model, find('ap-findUserByUsername'));
    expect(template.ExpressionAttributeValues).toEqual({ ':username': { S: '{{username}}' } });
    expect(template.TableName).toBe('SocialMediaApp');
  });

  it('reports an index that is gone', () => {
    const p: AccessPattern = { ...find('ap-getRecentPosts'), index: 'gsi-gone', request: { KeyConditionExpression: 'a = :a' } };
    expect(() => buildRequest(model, p, {})).toThrow('targets an index that is not in the design');
  });
});
