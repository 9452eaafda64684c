import { describe, expect, it } from 'vitest';
import { examples } from '../model/examples';
import { socialMediaModel } from '../model/examples/socialMedia';
import { exampleParameters } from '../model/accessPatterns';
import { generateSampleItems } from '../model/sampleData';
import type { AccessPattern } from '../model/types';
import { runPattern } from './patternsRun';

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
    if (!writes) expect(outcome.items.length).toBeGreaterThan(0);
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

  it('runs writes on a fresh engine each time', async () => {
    const create = find('ap-createPost');
    const params = exampleParameters(model, create, samples);
    const once = await runPattern(model, samples, create, params);
    const twice = await runPattern(model, samples, create, params);
    expect(once.ok && twice.ok).toBe(true);
    const get = find('ap-getUserProfile');
    const profile = await runPattern(model, samples, get, { userId: params.userId ?? '' });
    const original = samples.find((s) => s.entityId === 'ent-userProfile' && (s.item.userId as { S: string }).S === params.userId);
    expect(profile.ok && profile.items[0]?.postsCount).toEqual(original?.item.postsCount);
  });

  it('names a missing parameter before sending anything', async () => {
    const outcome = await runPattern(model, samples, find('ap-getUserProfile'), {});
    expect(outcome).toMatchObject({ ok: false, errorName: 'Pattern error', message: 'Parameter "userId" has no value' });
  });
});
