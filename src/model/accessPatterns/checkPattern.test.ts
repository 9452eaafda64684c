import { describe, expect, it } from 'vitest';
import { examples } from '../examples';
import { socialMediaModel } from '../examples/socialMedia';
import { SHOP_IDS, shopDesign } from '../testing/shopDesign';
import type { AccessPattern } from '../types';
import { checkPattern, overallLevel, type Verdict } from './checkPattern';
import { generateSampleItems, SampleCache, type SampleItem } from '../sampleData';

const model = socialMediaModel();

function pattern(overrides: Partial<AccessPattern>): AccessPattern {
  return { id: 'ap-test', name: 'Test', operation: 'Query', parameters: [], request: {}, ...overrides };
}

const byCode = (verdicts: Verdict[], code: Verdict['code']) => verdicts.filter((v) => v.code === code);

const profile = (userId: string, extra: Record<string, unknown> = {}): SampleItem => ({
  entityId: 'ent-userProfile',
  item: { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' }, userId: { S: userId }, username: { S: `name-${userId}` }, ...extra },
});
const post = (userId: string, postId: string): SampleItem => ({
  entityId: 'ent-post',
  item: { PK: { S: `USER#${userId}` }, SK: { S: `POST#${postId}` }, userId: { S: userId }, postId: { S: postId }, description: { S: 'x'.repeat(2000) } },
});

describe('checkPattern', () => {
  it('passes every preloaded pattern of every example without errors or leaks', () => {
    for (const example of examples) {
      const samples = generateSampleItems(example.model, new SampleCache());
      for (const p of example.model.accessPatterns) {
        const verdicts = checkPattern(example.model, p, samples);
        const expected = p.operation === 'Scan' ? ['operation'] : [];
        expect(verdicts.filter((v) => v.level === 'error' || v.level === 'warning').map((v) => v.code), `${p.name}: ${JSON.stringify(verdicts)}`).toEqual(expected);
      }
    }
  });

  it('names the one entity a well-keyed query returns', () => {
    const posts = model.accessPatterns.find((p) => p.id === 'ap-getUserPosts');
    if (!posts) throw new Error('preloaded pattern missing');
    const verdicts = checkPattern(model, posts);
    expect(byCode(verdicts, 'entities')).toEqual([{ level: 'ok', code: 'entities', message: 'Returns Post items' }]);
  });

  it('flags a begins_with prefix that also matches another entity', () => {
    const leaky = pattern({
      entity: 'ent-follower',
      parameters: [{ name: 'userId', type: 'S' }],
      request: {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': { S: 'USER#{{userId}}' }, ':sk': { S: 'FOLLOW' } },
      },
    });
    const [entities] = byCode(checkPattern(model, leaky), 'entities');
    expect(entities?.level).toBe('warning');
    expect(entities?.message).toContain('Also returns Following items');
    expect(entities?.message).not.toContain('Post');
  });

  it('flags a partition-only query on a shared item collection', () => {
    const whole = pattern({
      entity: 'ent-like',
      request: { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'POST#1' } } },
    });
    const [entities] = byCode(checkPattern(model, whole), 'entities');
    expect(entities?.message).toMatch(/Also returns PostMetadata, Comment items/);
  });

  it('flags an attribute the index does not project', () => {
    const byUsername = pattern({
      index: 'gsi-GSI2',
      entity: 'ent-userProfile',
      parameters: [{ name: 'username', type: 'S' }],
      request: {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :u',
        ProjectionExpression: 'PK, #e',
        ExpressionAttributeNames: { '#e': 'email' },
        ExpressionAttributeValues: { ':u': { S: '{{username}}' } },
      },
    });
    const verdicts = checkPattern(model, byUsername);
    expect(byCode(verdicts, 'projection')).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/^Asks for email, which GSI2 projects KEYS_ONLY.*DynamoDB rejects/) }),
    ]);
    expect(overallLevel(verdicts)).toBe('error');
  });

  it('flags a filter on an attribute an INCLUDE projection leaves out, and accepts included ones', () => {
    const base = {
      index: 'gsi-GSI3',
      request: {
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :s',
        FilterExpression: 'contains(tags, :t)',
        ExpressionAttributeValues: { ':s': { S: 'TRENDING' }, ':t': { S: 'food' } },
      },
    };
    expect(byCode(checkPattern(model, pattern(base)), 'projection')[0]).toMatchObject({
      level: 'error',
      at: 'request/FilterExpression',
      message: expect.stringMatching(/^Filters on tags, which GSI3 projects INCLUDE \(PK, SK, userId, title\)/),
    });
    const fine = pattern({ ...base, request: { ...base.request, FilterExpression: 'begins_with(title, :t)', ProjectionExpression: 'title, userId' } });
    expect(byCode(checkPattern(model, fine), 'projection')[0]?.level).toBe('ok');
  });

  it('rejects a key condition on the wrong keys and an unknown index', () => {
    const wrong = pattern({
      request: { KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': { S: 'POST' } } },
    });
    expect(byCode(checkPattern(model, wrong), 'keyCondition')[0]?.message).toBe("SocialMediaApp's partition key is PK, not GSI1PK");
    const missing = pattern({ request: { IndexName: 'GSI9', KeyConditionExpression: 'a = :a' } });
    expect(checkPattern(model, missing)).toEqual([
      { level: 'error', code: 'target', at: 'request/IndexName', message: 'IndexName "GSI9" is not an index of SocialMediaApp' },
    ]);
    const undefinedValue = pattern({ request: { KeyConditionExpression: 'PK = :nope', ExpressionAttributeValues: {} } });
    expect(byCode(checkPattern(model, undefinedValue), 'keyCondition')[0]?.message).toBe(':nope is not defined in ExpressionAttributeValues');
  });

  it('flags a Scan with its cost', () => {
    const samples = [profile('a'), profile('b'), post('a', '1'), post('a', '2'), post('b', '3')];
    const scan = pattern({ operation: 'Scan', request: { FilterExpression: 'username = :u', ExpressionAttributeValues: { ':u': { S: 'x' } } } });
    const [operation] = byCode(checkPattern(model, scan, samples), 'operation');
    expect(operation?.level).toBe('warning');
    expect(operation?.message).toMatch(/^Scan reads every item in SocialMediaApp.*≈ 1 RCU per call \(eventually consistent; reads all 5 sample items/);
  });

  it('estimates RCU per call from the item sizes in one item collection', () => {
    const samples = [profile('a'), post('a', '1'), post('a', '2'), post('a', '3')];
    const posts = model.accessPatterns.find((p) => p.id === 'ap-getUserPosts');
    if (!posts) throw new Error('preloaded pattern missing');
    const [capacity] = byCode(checkPattern(model, posts, samples), 'capacity');
    // User a: three posts of ~2.1 KB = one 8 KB read, halved for eventual consistency.
    expect(capacity?.message).toMatch(/^≈ 1 RCU per call \(eventually consistent; about 3 matching items/);
    const strong = { ...posts, request: { ...posts.request, ConsistentRead: true } };
    expect(byCode(checkPattern(model, strong, samples), 'capacity')[0]?.message).toMatch(/^≈ 2 RCU per call \(strongly consistent/);
  });

  it('checks item keys of writes and reports undeclared placeholders', () => {
    const put = pattern({
      operation: 'PutItem',
      request: { Item: { PK: { S: 'USER#{{userId}}' }, SK: { S: 'FOLLOWER#{{other}}' } } },
      parameters: [{ name: 'userId', type: 'S' }],
    });
    const verdicts = checkPattern(model, put);
    expect(verdicts[0]).toEqual({ level: 'error', code: 'parameters', at: 'parameters', message: 'Uses {{other}} without declaring it as a parameter' });
    expect(byCode(verdicts, 'entities')[0]?.message).toBe('Writes Follower items');
    const badKey = pattern({ operation: 'GetItem', request: { Key: { PK: { S: 'USER#1' }, name: { S: 'x' } } } });
    expect(byCode(checkPattern(model, badKey), 'key').map((v) => v.message)).toEqual([
      'Key lacks SK',
      "Key has name, which is not part of the table's key",
    ]);
  });

  it('warns about a PartiQL SELECT without the partition key', () => {
    const statement = pattern({ operation: 'ExecuteStatement', request: { Statement: 'SELECT * FROM "SocialMediaApp" WHERE username = ?' } });
    expect(checkPattern(model, statement)[0]?.level).toBe('warning');
    const keyed = pattern({ operation: 'ExecuteStatement', request: { Statement: 'SELECT * FROM "SocialMediaApp" WHERE PK = ?' } });
    expect(checkPattern(model, keyed)[0]?.level).toBe('ok');
  });
});

describe('checkPattern on a design of its own', () => {
  const shop = shopDesign();
  const shopSamples = generateSampleItems(shop, new SampleCache());
  const ordersByStatus = (request: Record<string, unknown>, parameters: AccessPattern['parameters'] = [{ name: 'status', type: 'S' }]): AccessPattern =>
    pattern({ index: SHOP_IDS.gsi, entity: SHOP_IDS.order, parameters, request: { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ...request } });

  it('warns about a filter typo with the meant name, before anything runs', () => {
    const typo = ordersByStatus({
      FilterExpression: '#f > :t',
      ExpressionAttributeNames: { '#f': 'stauts' },
      ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{status}}' }, ':t': { S: 'A' } },
    });
    expect(byCode(checkPattern(shop, typo, shopSamples), 'attributes')).toEqual([
      {
        level: 'warning',
        code: 'attributes',
        at: 'request/FilterExpression',
        message: 'FilterExpression names stauts, which no entity defines and no key uses (did you mean status?); DynamoDB accepts it and finds no such attribute',
      },
    ]);
  });

  it('is an error when a placeholder has no value from an example or the sample items, and fine once one is typed', () => {
    const request = { ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{custmerId}}' } } };
    const untyped = ordersByStatus(request, [{ name: 'custmerId', type: 'S' }]);
    expect(byCode(checkPattern(shop, untyped, shopSamples), 'parameters')).toEqual([
      expect.objectContaining({ level: 'error', at: 'parameters', message: expect.stringMatching(/^\{\{custmerId\}\} has no value.*did you mean \{\{customerId\}\}/) }),
    ]);
    const typed = ordersByStatus(request, [{ name: 'custmerId', type: 'S', example: 'PAID' }]);
    expect(byCode(checkPattern(shop, typed, shopSamples), 'parameters')).toEqual([]);
    // Values come from same-named sample attributes, and without samples the check does not guess.
    expect(byCode(checkPattern(shop, ordersByStatus({ ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{status}}' } } }), shopSamples), 'parameters')).toEqual([]);
    expect(byCode(checkPattern(shop, untyped), 'parameters')).toEqual([]);
  });

  it('needs no value for an optional attribute of an item put, which is then left out', () => {
    // voucher's generator copies nothing, so neither the samples nor a new item give it a value.
    const withVoucher = (required: boolean) => {
      const m = shopDesign();
      m.entities.find((e) => e.id === SHOP_IDS.order)?.attributes.push({ id: 'attr-voucher', name: 'voucher', type: 'S', required, generator: { kind: 'copy', attribute: 'nothing' } });
      return m;
    };
    const create = pattern({
      operation: 'PutItem',
      entity: SHOP_IDS.order,
      parameters: ['customerId', 'orderId', 'batchNo', 'voucher'].map((name) => ({ name, type: 'S' as const })),
      request: { Item: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}#{{batchNo}}' }, voucher: { S: '{{voucher}}' } } },
    });
    const missing = (m: ReturnType<typeof shopDesign>) => byCode(checkPattern(m, create, generateSampleItems(m, new SampleCache())), 'parameters').map((v) => v.message.split(':')[0]);
    expect(missing(withVoucher(false))).toEqual(['{{batchNo}} has no value']);
    expect(missing(withVoucher(true))).toEqual(['{{batchNo}} has no value', '{{voucher}} has no value']);
  });

  it('rejects a bare reserved word and an undefined #ref, which DynamoDB refuses', () => {
    const bare = ordersByStatus({
      FilterExpression: 'status = :s AND #nope = :s',
      ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{status}}' }, ':s': { S: 'PAID' } },
    });
    expect(byCode(checkPattern(shop, bare), 'attributes').map((v) => [v.level, v.message.split(':')[0]])).toEqual([
      ['error', 'FilterExpression uses #nope, which ExpressionAttributeNames does not define'],
      ['error', 'FilterExpression writes status as a bare name, but it is a DynamoDB reserved word'],
    ]);
  });

  it('warns when a create leaves the order out of the GSI that "Orders by status" queries', () => {
    const create = pattern({
      name: 'Create order',
      operation: 'PutItem',
      entity: SHOP_IDS.order,
      parameters: ['customerId', 'orderId', 'status'].map((name) => ({ name, type: 'S' as const })),
      request: { Item: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}' }, status: { S: '{{status}}' } } },
    });
    expect(byCode(checkPattern(shop, create), 'indexes')).toEqual([
      {
        level: 'warning',
        code: 'indexes',
        at: 'request/Item',
        message:
          'Writes order items without GSI1PK and GSI1SK, so they are left out of GSI1, which "Orders by status" queries: set them from order\'s GSI1 key templates',
      },
    ]);
  });

  it('rates what an index does not project by what DynamoDB does: GSI projection rejected, GSI Scan filter matches nothing', () => {
    const keysOnly = shopDesign();
    const gsi = keysOnly.globalSecondaryIndexes[0];
    if (gsi) gsi.projection = { type: 'KEYS_ONLY' };
    const projecting = ordersByStatus({ ProjectionExpression: 'total', ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{status}}' } } });
    expect(byCode(checkPattern(keysOnly, projecting), 'projection').map((v) => v.level)).toEqual(['error']);
    const scan = pattern({ operation: 'Scan', index: SHOP_IDS.gsi, request: { IndexName: 'GSI1', FilterExpression: 'total > :t', ExpressionAttributeValues: { ':t': { N: '1' } } } });
    expect(byCode(checkPattern(keysOnly, scan), 'projection')).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('the filter matches nothing') }),
    ]);
  });
});
