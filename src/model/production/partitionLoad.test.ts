import { describe, expect, it } from 'vitest';
import { PARTITION_WRITE_UNITS_PER_SECOND } from '../../engine/PartitionThroughput';
import { examples } from '../examples';
import { socialMediaModel } from '../examples/socialMedia';
import { generateSampleItems, SampleCache } from '../sampleData';
import { buildRequest } from '../accessPatterns';
import { loadDesignEngine } from '../loadDesignEngine';
import { computePartitionLoad } from './partitionLoad';
import { applyWriteSharding, suggestWriteSharding } from './writeSharding';

const guide = socialMediaModel();
const samples = generateSampleItems(guide, new SampleCache());
const quiet = { itemCounts: {}, rates: {} };

describe('computePartitionLoad', () => {
  it("flags the guide's GSI1PK = POST first: every post in one index partition", () => {
    const load = computePartitionLoad(guide, samples, quiet);
    const [first] = load.flagged;
    expect(first).toMatchObject({ indexName: 'GSI1', keyAttribute: 'GSI1PK', template: 'POST', partitions: 1, lowCardinality: true });
    expect(first?.itemsPerPartition).toBe(200);
    expect(load.groups[0]?.id).toBe(first?.id);
  });

  it('counts partitions from the expected counts and the key templates, not from the samples', () => {
    const load = computePartitionLoad(guide, samples, { itemCounts: { 'ent-userProfile': 1_000_000, 'ent-post': 20_000_000 }, rates: {} });
    const userPosts = load.groups.find((g) => g.indexId === 'table' && g.template === 'USER#{{userId}}');
    // Posts reference users, so their partitions are as many as the users; GSI3's status has two values.
    expect(userPosts?.partitions).toBe(1_000_000);
    expect(load.groups.find((g) => g.indexName === 'GSI3')).toMatchObject({ partitions: 2, lowCardinality: true });
    expect(userPosts?.lowCardinality).toBe(false);
  });

  it('puts every write of a constant GSI key on one partition and marks it throttled past 1,000 WCU', () => {
    const load = computePartitionLoad(guide, samples, { itemCounts: {}, rates: { 'ap-batchWritePost': 2000 } });
    const posts = load.groups.find((g) => g.indexName === 'GSI1' && g.template === 'POST');
    expect(posts?.writeUnitsPerSecond).toBeGreaterThanOrEqual(2000);
    expect(posts?.throttled).toBe(true);
    expect(posts?.heat).toBe((posts?.writeUnitsPerSecond ?? 0) / PARTITION_WRITE_UNITS_PER_SECOND);
    expect(posts?.patterns.map((p) => p.name)).toEqual(['Batch write a post and its metadata']);
    expect(load.groups[0]?.id).toBe(posts?.id);
  });

  it('charges two index writes when an update changes an index key', () => {
    const retitle = {
      id: 'ap-status',
      name: 'Set status',
      operation: 'UpdateItem' as const,
      entity: 'ent-postMetadata',
      parameters: [{ name: 'postId', type: 'S' as const }],
      request: { Key: { PK: { S: 'POST#{{postId}}' }, SK: { S: 'METADATA' } }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'TRENDING' } } },
    };
    const retag = { ...retitle, id: 'ap-tags', name: 'Set tags', request: { ...retitle.request, ExpressionAttributeNames: { '#s': 'tags' } } };
    const model = { ...guide, accessPatterns: [retitle, retag] };
    const gsi3 = (rates: Record<string, number>) => computePartitionLoad(model, samples, { itemCounts: {}, rates }).groups.find((g) => g.indexName === 'GSI3');
    expect(gsi3({ 'ap-status': 10 })?.writeUnitsPerSecond).toBe(2 * (gsi3({ 'ap-tags': 10 })?.writeUnitsPerSecond ?? 0));
  });

  it('lists a Scan as unplaced rather than guessing its partition', () => {
    const scan = { id: 'ap-scan', name: 'Everything', operation: 'Scan' as const, parameters: [], request: {} };
    const load = computePartitionLoad({ ...guide, accessPatterns: [scan] }, samples, { itemCounts: {}, rates: { 'ap-scan': 1 } });
    expect(load.unplaced.map((u) => u.patternId)).toEqual(['ap-scan']);
  });
});

describe('write sharding', () => {
  const traffic = { itemCounts: {}, rates: { 'ap-batchWritePost': 500, 'ap-getRecentPosts': 10 } };

  it('after 10 shards the hottest GSI1 partition carries a tenth of the writes', () => {
    const before = computePartitionLoad(guide, samples, traffic).groups.find((g) => g.indexName === 'GSI1' && g.template === 'POST');
    const sharded = applyWriteSharding(guide, { indexId: 'gsi-GSI1', template: 'POST', shards: 10 });
    const after = computePartitionLoad(sharded, samples, traffic).groups.find((g) => g.indexName === 'GSI1' && g.template === 'POST#{{shard}}');
    expect(after?.partitions).toBe(10);
    expect(after?.lowCardinality).toBe(false);
    expect(after?.writeUnitsPerSecond).toBeCloseTo((before?.writeUnitsPerSecond ?? 0) / 10, 10);
    expect(after?.writeUnitsPerSecond).toBeGreaterThan(0);
  });

  it('adds the shard attribute, rewrites the templates and the patterns that query or write the key', () => {
    const sharded = applyWriteSharding(guide, { indexId: 'gsi-GSI1', template: 'POST', shards: 10 });
    const metadata = sharded.entities.find((e) => e.id === 'ent-postMetadata');
    expect(metadata?.keys.indexes['gsi-GSI1']?.partitionKey).toBe('POST#{{shard}}');
    expect(metadata?.attributes.find((a) => a.name === 'shard')).toMatchObject({ type: 'N', generator: { kind: 'integer', min: 0, max: 9 } });
    expect(sharded.entities.find((e) => e.id === 'ent-userProfile')?.keys.indexes['gsi-GSI1']?.partitionKey).toBe('USER');
    const recent = sharded.accessPatterns.find((p) => p.id === 'ap-getRecentPosts');
    expect(recent?.request.ExpressionAttributeValues).toEqual({ ':pk': { S: 'POST#{{shard}}' } });
    expect(recent?.parameters).toContainEqual({ name: 'shard', type: 'N', example: '0' });
    expect(JSON.stringify(sharded.accessPatterns.find((p) => p.id === 'ap-batchWritePost')?.request)).toContain('"GSI1PK":{"S":"POST#{{shard}}"}');
    expect(guide.entities.find((e) => e.id === 'ent-postMetadata')?.keys.indexes['gsi-GSI1']?.partitionKey).toBe('POST');
  });

  it('gives sample items a shard in the key, and the sharded query finds one shard of the posts', () => {
    const sharded = applyWriteSharding(guide, { indexId: 'gsi-GSI1', template: 'POST', shards: 4 });
    const shardedSamples = generateSampleItems(sharded, new SampleCache());
    const keys = new Set(shardedSamples.filter((s) => s.entityId === 'ent-postMetadata').map((s) => (s.item.GSI1PK as { S: string }).S));
    expect([...keys].sort()).toEqual(['POST#0', 'POST#1', 'POST#2', 'POST#3']);
    const { engine } = loadDesignEngine(sharded, shardedSamples);
    const recent = sharded.accessPatterns.find((p) => p.id === 'ap-getRecentPosts');
    if (!recent) throw new Error('no recent posts pattern');
    const { input } = buildRequest(sharded, recent, { shard: '2' });
    const page = engine.Query({ ...input, Limit: undefined } as Parameters<typeof engine.Query>[0]);
    const inShard = shardedSamples.filter((s) => s.entityId === 'ent-postMetadata' && (s.item.GSI1PK as { S: string }).S === 'POST#2');
    expect(page.Count).toBe(inShard.length);
    expect(page.Count).toBeGreaterThan(0);
  });

  it('suggests the change with its effect and the read fan-out it costs', () => {
    const group = computePartitionLoad(guide, samples, traffic).flagged[0];
    if (!group) throw new Error('GSI1 is not flagged');
    const suggestion = suggestWriteSharding(guide, samples, traffic, group, 10);
    expect(suggestion).toMatchObject({ shardedTemplate: 'POST#{{shard}}', shards: 10 });
    expect(suggestion?.after.writeUnitsPerSecond).toBeCloseTo((suggestion?.before.writeUnitsPerSecond ?? 0) / 10, 10);
    expect(suggestion?.readers).toEqual([{ patternId: 'ap-getRecentPosts', name: 'Get recent posts', queriesPerCall: 10 }]);
    expect(suggestion?.writers.map((w) => w.patternId)).toEqual(['ap-batchWritePost']);
  });

  it('names the shard attribute apart from one the entity already has, whatever its name', () => {
    const taken = { ...guide, entities: guide.entities.map((e) => (e.id === 'ent-postMetadata' ? { ...e, attributes: [...e.attributes, { id: 'x', name: 'shard', type: 'S' as const, required: true, generator: { kind: 'uuid' as const } }] } : e)) };
    const sharded = applyWriteSharding(taken, { indexId: 'gsi-GSI1', template: 'POST', shards: 4 });
    expect(sharded.entities.find((e) => e.id === 'ent-postMetadata')?.keys.indexes['gsi-GSI1']?.partitionKey).toBe('POST#{{shard2}}');
  });

  it('refuses a shard count below 2 and a key that is not constant', () => {
    expect(() => applyWriteSharding(guide, { indexId: 'gsi-GSI1', template: 'POST', shards: 1 })).toThrow(/whole number/);
    const group = computePartitionLoad(guide, samples, quiet).groups.find((g) => g.indexName === 'GSI3');
    expect(group && suggestWriteSharding(guide, samples, quiet, group)).toBeUndefined();
  });
});

describe('every built-in example', () => {
  it('gets a finite load for every partition key of the table and each GSI, with traffic on every pattern', () => {
    for (const example of examples) {
      const model = example.model;
      const exampleSamples = generateSampleItems(model, new SampleCache());
      const rates = Object.fromEntries(model.accessPatterns.map((p) => [p.id, 10]));
      const load = computePartitionLoad(model, exampleSamples, { itemCounts: {}, rates });
      expect(load.indexes.map((i) => i.name), example.name).toEqual([model.table.name, ...model.globalSecondaryIndexes.map((g) => g.name)]);
      for (const group of load.groups) {
        for (const figure of [group.partitions, group.items, group.itemsPerPartition, group.readUnitsPerSecond, group.writeUnitsPerSecond, group.heat]) {
          expect(Number.isFinite(figure), `${example.name} ${group.indexName} ${group.template}`).toBe(true);
        }
      }
      const placed = new Set(load.groups.flatMap((g) => g.patterns.map((p) => p.patternId)));
      const unplaced = new Set(load.unplaced.map((u) => u.patternId));
      expect(model.accessPatterns.filter((p) => !placed.has(p.id) && !unplaced.has(p.id)).map((p) => p.name), example.name).toEqual([]);
    }
  });
});
