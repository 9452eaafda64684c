import { describe, expect, it } from 'vitest';
import { examples } from '../model/examples';
import { socialMediaModel } from '../model/examples/socialMedia';
import { exampleParameters } from '../model/accessPatterns';
import { generateSampleItems } from '../model/sampleData';
import type { AccessPattern } from '../model/types';
import { shopDesign, SHOP_IDS } from '../model/testing/shopDesign';
import { runPattern, type WrittenItem } from './patternsRun';

/** The written items without where they are in each index (the index-entry test checks those). */
function itemsOnly(written: readonly WrittenItem[] | undefined): WrittenItem[] | undefined {
  return written?.map(({ indexEntries: _entries, ...item }) => item);
}

const model = socialMediaModel();
const samples = generateSampleItems(model);
const find = (id: string): AccessPattern => {
  const p = model.accessPatterns.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id}`);
  return p;
};

const preloaded = examples.flatMap((example) => {
  const exampleSamples = generateSampleItems(example.model);
  return example.model.accessPatterns.map((p) => [`${example.model.name}: ${p.name}`, example.model, exampleSamples, p] as const);
});

describe('runPattern through the SDK and the engine', () => {
  it.each(preloaded)('runs "%s" with sample-data parameters', async (_name, exampleModel, exampleSamples, pattern) => {
    const outcome = await runPattern(exampleModel, exampleSamples, pattern, exampleParameters(exampleModel, pattern, exampleSamples));
    if (!outcome.ok) throw new Error(`${outcome.errorName}: ${outcome.message}`);
    const writes = ['TransactWriteItems', 'BatchWriteItem', 'PutItem', 'UpdateItem', 'DeleteItem'].includes(pattern.operation);
    if (writes) expect(outcome.written?.length).toBeGreaterThan(0);
    else expect(outcome.items.length).toBeGreaterThan(0);
    // Like DynamoDB Local (see patternsRun.diff.test.ts), the engine reports no ConsumedCapacity for ExecuteStatement.
    if (pattern.operation !== 'ExecuteStatement') expect(outcome.capacity.total).toBeGreaterThan(0);
  });

  it('returns only the wanted entity and honours Limit and ScanIndexForward', async () => {
    const posts = find('ap-getUserPosts');
    const outcome = await runPattern(model, samples, posts, exampleParameters(model, posts, samples));
    if (!outcome.ok) throw new Error(outcome.message);
    const keys = outcome.items.map((i) => (i.SK as { S: string }).S);
    expect(keys.every((k) => k.startsWith('POST#'))).toBe(true);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(outcome.count).toBe(outcome.items.length);
    expect(outcome.capacity.lines[0]).toMatchObject({ kind: 'table', name: 'SocialMediaApp' });
  });

  it('pages with LastEvaluatedKey', async () => {
    const recent = { ...find('ap-getRecentPosts'), request: { ...find('ap-getRecentPosts').request, Limit: 3 } };
    const first = await runPattern(model, samples, recent, {});
    if (!first.ok || !first.next) throw new Error('expected a first page with a next key');
    const second = await runPattern(model, samples, recent, {}, first.next);
    if (!second.ok) throw new Error(second.message);
    expect(second.items).toHaveLength(3);
    expect(second.items[0]).not.toEqual(first.items[0]);
  });

  it("reports DynamoDB's exception name and message", async () => {
    const broken: AccessPattern = { ...find('ap-getUserPosts'), request: { ...find('ap-getUserPosts').request, KeyConditionExpression: 'PK = :pk AND begins_with(SK :sk)' } };
    const outcome = await runPattern(model, samples, broken, { userId: 'x' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errorName).toBe('ValidationException');
    expect(outcome.message).toMatch(/^Invalid KeyConditionExpression: Syntax error; token: ":sk"/);
  });

  const profileOf = (userId: string) =>
    samples.find((s) => s.entityId === 'ent-userProfile' && (s.item.userId as { S: string }).S === userId)?.item;

  it('reads back what a transaction wrote, each run from the sample data, without charging for the reads', async () => {
    const create = find('ap-createPost');
    const params = exampleParameters(model, create, samples);
    const userId = params.userId ?? '';
    const profile = profileOf(userId);
    const counted = String(Number((profile?.postsCount as { N: string }).N) + 1);
    for (let run = 0; run < 2; run++) {
      const outcome = await runPattern(model, samples, create, params);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(itemsOnly(outcome.written)).toEqual([
        {
          key: { PK: { S: `USER#${userId}` }, SK: { S: 'POST#post-new-0001' } },
          after: { PK: { S: `USER#${userId}` }, SK: { S: 'POST#post-new-0001' }, postId: { S: 'post-new-0001' }, userId: { S: userId }, description: { S: 'New post' } },
        },
        { key: { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } }, before: profile, after: { ...profile, postsCount: { N: counted } } },
      ]);
      // Two transactional writes of one unit each on the table, one on GSI1 (the profile is in it); no reads.
      expect(outcome.capacity).toEqual({
        total: 6,
        lines: [
          { name: 'SocialMediaApp', kind: 'table', total: 4 },
          { name: 'GSI1', kind: 'GSI', total: 2 },
        ],
      });
    }
    const get = find('ap-getUserProfile');
    const read = await runPattern(model, samples, get, { userId });
    expect(read.ok && read.items[0]?.postsCount).toEqual(profile?.postsCount);
    expect(read.ok && read.written).toBeUndefined();
  });

  it('reads back batch puts and deletes, once per key', async () => {
    const userId = exampleParameters(model, find('ap-getUserProfile'), samples).userId ?? '';
    const profile = { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } };
    const batch: AccessPattern = {
      id: 'ap-batch',
      name: 'Batch',
      operation: 'BatchWriteItem',
      parameters: [],
      request: {
        RequestItems: {
          '{{table}}': [{ DeleteRequest: { Key: profile } }, { PutRequest: { Item: { PK: { S: 'NEW' }, SK: { S: 'ONE' } } } }],
        },
      },
    };
    const outcome = await runPattern(model, samples, batch, {});
    if (!outcome.ok) throw new Error(outcome.message);
    expect(itemsOnly(outcome.written)).toEqual([
      { key: profile, before: profileOf(userId) },
      { key: { PK: { S: 'NEW' }, SK: { S: 'ONE' } }, after: { PK: { S: 'NEW' }, SK: { S: 'ONE' } } },
    ]);
  });

  it('reads back a condition check unchanged and a deleted item as gone', async () => {
    const userId = exampleParameters(model, find('ap-getUserProfile'), samples).userId ?? '';
    const key = { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } };
    const post = samples.find((s) => s.entityId === 'ent-post')?.item;
    const postKey = { PK: post?.PK, SK: post?.SK };
    const transaction: AccessPattern = {
      id: 'ap-tx',
      name: 'Check and delete',
      operation: 'TransactWriteItems',
      parameters: [],
      request: {
        TransactItems: [{ ConditionCheck: { Key: key, ConditionExpression: 'attribute_exists(PK)' } }, { Delete: { Key: postKey } }],
      },
    };
    const outcome = await runPattern(model, samples, transaction, {});
    if (!outcome.ok) throw new Error(outcome.message);
    expect(itemsOnly(outcome.written)).toEqual([
      { key, before: profileOf(userId), after: profileOf(userId) },
      { key: postKey, before: post },
    ]);
  });

  it('shows nothing as written when the write fails', async () => {
    const userId = exampleParameters(model, find('ap-getUserProfile'), samples).userId ?? '';
    const put: AccessPattern = {
      id: 'ap-put',
      name: 'Put a taken key',
      operation: 'PutItem',
      parameters: [],
      request: { Item: { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } }, ConditionExpression: 'attribute_not_exists(PK)' },
    };
    expect(await runPattern(model, samples, put, {})).toMatchObject({ ok: false, errorName: 'ConditionalCheckFailedException' });
    // Read on its own, the key would fail with a ValidationException; the write's own error is what shows.
    const badKey: AccessPattern = { ...put, operation: 'TransactWriteItems', request: { TransactItems: [{ Put: { Item: { PK: { N: '1' }, SK: { S: 'x' } } } }] } };
    expect(await runPattern(model, samples, badKey, {})).toMatchObject({
      ok: false,
      errorName: 'TransactionCanceledException',
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]',
    });
  });

  describe('PartiQL', () => {
    const userId = exampleParameters(model, find('ap-getUserProfile'), samples).userId ?? '';
    const statement = (Statement: string, Parameters?: unknown[]): AccessPattern => ({
      id: 'ap-partiql',
      name: 'PartiQL',
      operation: 'ExecuteStatement',
      parameters: [],
      request: { Statement, ...(Parameters ? { Parameters } : {}) },
    });

    it('reads back the item an UPDATE names, on an engine of its own', async () => {
      const update = statement('UPDATE "{{table}}" SET username = ? WHERE PK = ? AND SK = ?', [{ S: 'renamed' }, { S: `USER#${userId}` }, { S: 'PROFILE' }]);
      const outcome = await runPattern(model, samples, update, {});
      if (!outcome.ok) throw new Error(outcome.message);
      const profile = profileOf(userId);
      expect(itemsOnly(outcome.written)).toEqual([{ key: { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } }, before: profile, after: { ...profile, username: { S: 'renamed' } } }]);
      const read = await runPattern(model, samples, statement(`SELECT * FROM "{{table}}" WHERE PK = 'USER#${userId}' AND SK = 'PROFILE'`), {});
      expect(read.ok && read.items).toEqual([profile]);
      expect(read.ok && read.written).toBeUndefined();
    });

    it('reads back the item an INSERT writes and the one a DELETE removes', async () => {
      const insert = await runPattern(model, samples, statement(`INSERT INTO "{{table}}" VALUE {'PK': 'NEW', 'SK': ?, 'n': 1}`, [{ S: 'ONE' }]), {});
      expect(insert.ok && itemsOnly(insert.written)).toEqual([{ key: { PK: { S: 'NEW' }, SK: { S: 'ONE' } }, after: { PK: { S: 'NEW' }, SK: { S: 'ONE' }, n: { N: '1' } } }]);
      const remove = await runPattern(model, samples, statement(`DELETE FROM "{{table}}" WHERE PK = 'USER#${userId}' AND SK = 'PROFILE'`), {});
      expect(remove.ok && itemsOnly(remove.written)).toEqual([{ key: { PK: { S: `USER#${userId}` }, SK: { S: 'PROFILE' } }, before: profileOf(userId) }]);
    });
  });

  it('names a missing parameter before sending anything', async () => {
    const outcome = await runPattern(model, samples, find('ap-getUserProfile'), {});
    expect(outcome).toMatchObject({ ok: false, errorName: 'Pattern error', message: 'Parameter "userId" has no value' });
  });
});

describe('where a write leaves its item in each index', () => {
  it('shows a created order in GSI1, and an order put without GSI keys as out of it', async () => {
    const model = shopDesign();
    const samples = generateSampleItems(model);
    const put = (item: Record<string, unknown>): AccessPattern => ({
      id: 'ap-put',
      name: 'Put an order',
      operation: 'PutItem',
      entity: SHOP_IDS.order,
      parameters: [],
      request: { Item: item },
    });
    const keys = { PK: { S: 'CUSTOMER#c-new' }, SK: { S: 'ORDER#o-new' } };
    const indexed = await runPattern(model, samples, put({ ...keys, GSI1PK: { S: 'STATUS#PLACED' }, GSI1SK: { S: 'ORDER#2026-01-01' } }), {});
    if (!indexed.ok) throw new Error(indexed.message);
    expect(indexed.written?.[0]?.indexEntries).toEqual([{ index: 'GSI1', kind: 'GSI', entry: expect.objectContaining({ ...keys, GSI1PK: { S: 'STATUS#PLACED' } }) }]);
    const dropped = await runPattern(model, samples, put(keys), {});
    if (!dropped.ok) throw new Error(dropped.message);
    expect(dropped.written?.[0]?.indexEntries).toEqual([{ index: 'GSI1', kind: 'GSI' }]);
  });
});
