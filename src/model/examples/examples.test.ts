import { describe, expect, it } from 'vitest';
import { parseModel } from '../parse';
import { generateSampleItems, SampleCache } from '../sampleData';
import { computePreview } from '../preview';
import { validateModel } from '../validate';
import { defaultModel, examples } from './index';

describe('built-in examples', () => {
  // Design smells an example may show on purpose: reserved-word attributes, a hot or
  // low-cardinality index partition, a Scan kept as a report. Any other warning is a mistake.
  const SMELLS = new Set(['attribute.reservedWord', 'keys.hotPartition', 'keys.lowCardinality', 'pattern.operation']);

  it.each(examples.map((example) => [example.id, example] as const))('%s is schema-valid, free of errors, and warns only of design smells', (_, example) => {
    const parsed = parseModel(JSON.stringify(example.model));
    expect('issues' in parsed ? parsed.issues : []).toEqual([]);
    const samples = generateSampleItems(example.model, new SampleCache());
    const problems = validateModel(example.model, samples).filter((issue) => issue.severity === 'error' || (issue.severity === 'warning' && !SMELLS.has(issue.code)));
    expect(problems).toEqual([]);
  });

  it.each(examples.map((example) => [example.id, example] as const))('%s generates items DynamoDB would store, none rejected', (_, example) => {
    const items = generateSampleItems(example.model, new SampleCache());
    const preview = computePreview(example.model, items);
    expect(preview.rejected).toEqual([]);
    expect(preview.table.itemCount).toBe(items.length - preview.overwritten);
    expect(preview.overwritten).toBeLessThan(items.length / 100);
  });

  it('uses distinct example ids and defaults to SocialMediaApp', () => {
    expect(new Set(examples.map((example) => example.id)).size).toBe(examples.length);
    expect(defaultModel().name).toBe('SocialMediaApp');
  });

  it('hands out a fresh default model each time', () => {
    const first = defaultModel();
    first.entities.pop();
    expect(defaultModel().entities).toHaveLength(7);
  });
});

describe('SocialMediaApp follows the seed guide', () => {
  const model = defaultModel();
  const entity = (id: string) => model.entities.find((candidate) => candidate.id === id);

  it('has the seed table, keys, capacity, auto scaling, stream and encryption', () => {
    expect(model.table.name).toBe('SocialMediaApp');
    expect(model.table.partitionKey).toEqual({ name: 'PK', type: 'S' });
    expect(model.table.sortKey).toEqual({ name: 'SK', type: 'S' });
    expect(model.table.billing).toEqual({
      mode: 'PROVISIONED',
      read: {
        units: 100,
        autoScaling: { minCapacity: 5, maxCapacity: 1000, targetUtilization: 70, scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 300 },
      },
      write: {
        units: 50,
        autoScaling: { minCapacity: 5, maxCapacity: 500, targetUtilization: 70, scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 300 },
      },
    });
    expect(model.table.streamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(model.table.encryption).toEqual({ type: 'AWS_MANAGED' });
  });

  it('has the seed GSIs with their projections', () => {
    expect(model.globalSecondaryIndexes.map((gsi) => [gsi.id, gsi.name, gsi.partitionKey.name, gsi.sortKey?.name, gsi.projection])).toEqual([
      ['gsi-GSI1', 'GSI1', 'GSI1PK', 'GSI1SK', { type: 'ALL' }],
      ['gsi-GSI2', 'GSI2', 'GSI2PK', 'GSI2SK', { type: 'KEYS_ONLY' }],
      ['gsi-GSI3', 'GSI3', 'GSI3PK', 'GSI3SK', { type: 'INCLUDE', nonKeyAttributes: ['PK', 'SK', 'userId', 'title'] }],
    ]);
  });

  it('has the seed entities with exactly the seed key templates', () => {
    expect(model.entities.map((e) => [e.id, e.keys.partitionKey, e.keys.sortKey])).toEqual([
      ['ent-userProfile', 'USER#{{userId}}', 'PROFILE'],
      ['ent-post', 'USER#{{userId}}', 'POST#{{postId}}'],
      ['ent-postMetadata', 'POST#{{postId}}', 'METADATA'],
      ['ent-like', 'POST#{{postId}}', 'LIKE#USER#{{userId}}'],
      ['ent-comment', 'POST#{{postId}}', 'COMMENT#{{commentId}}'],
      ['ent-follower', 'USER#{{userId}}', 'FOLLOWER#{{followerId}}'],
      ['ent-following', 'USER#{{userId}}', 'FOLLOWING#{{followingId}}'],
    ]);
  });

  it('declares the seed attributes of every entity', () => {
    const seedAttributes: Record<string, string[]> = {
      'ent-userProfile': ['username', 'email', 'bio', 'followersCount'],
      'ent-post': ['description', 'imageUrl', 'likesCount', 'createdAt'],
      'ent-postMetadata': ['userId', 'description', 'imageUrl', 'tags'],
      'ent-like': ['timestamp'],
      'ent-comment': ['userId', 'content', 'createdAt'],
      'ent-follower': ['followedAt'],
      'ent-following': ['followedAt'],
    };
    for (const [id, names] of Object.entries(seedAttributes)) {
      expect(entity(id)?.attributes.map((a) => a.name)).toEqual(expect.arrayContaining(names));
    }
  });

  it('puts users and posts in GSI1 and users by username in GSI2, as the seed examples show', () => {
    expect(entity('ent-userProfile')?.keys.indexes['gsi-GSI1']).toEqual({ partitionKey: 'USER', sortKey: '{{createdAt}}' });
    expect(entity('ent-userProfile')?.keys.indexes['gsi-GSI2']).toEqual({ partitionKey: '{{username}}', sortKey: 'USER#{{userId}}' });
    expect(entity('ent-postMetadata')?.keys.indexes['gsi-GSI1']).toEqual({ partitionKey: 'POST', sortKey: '{{createdAt}}' });
  });
});
