import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../engine/AttributeValue';
import { socialMediaModel } from './examples/socialMedia';
import { generateSampleItems, SampleCache, type SampleItem } from './sampleData';
import type { DesignModel, Entity } from './types';

const byEntity = (items: SampleItem[], id: string): Item[] => items.filter((s) => s.entityId === id).map((s) => s.item);
const text = (value: AttributeValue | undefined): string | undefined =>
  value === undefined ? undefined : 'S' in value ? value.S : 'N' in value ? value.N : undefined;

function tiny(entity: Partial<Entity> & Pick<Entity, 'attributes'>): DesignModel {
  const model = socialMediaModel();
  return {
    ...model,
    globalSecondaryIndexes: [],
    accessPatterns: [],
    entities: [{ id: 'ent-x', name: 'X', relationships: [], keys: { partitionKey: 'X#{{id}}', sortKey: 'X', indexes: {} }, sampleCount: 50, ...entity }],
  };
}

describe('generateSampleItems', () => {
  const model = socialMediaModel();
  const items = generateSampleItems(model, new SampleCache());

  it('makes sampleCount items per entity', () => {
    for (const entity of model.entities) expect(byEntity(items, entity.id)).toHaveLength(entity.sampleCount);
  });

  it('is deterministic for a seed, whatever the cache', () => {
    expect(generateSampleItems(model, new SampleCache())).toEqual(items);
    expect(generateSampleItems(model)).toEqual(items);
  });

  it('changes with the seed', () => {
    const other = generateSampleItems({ ...model, sampleSeed: 2 }, new SampleCache());
    expect(other).toHaveLength(items.length);
    expect(other[0]?.item.userId).not.toEqual(items[0]?.item.userId);
  });

  it('renders table and index keys from the templates and sets the entity type', () => {
    const profile = byEntity(items, 'ent-userProfile')[0]!;
    expect(text(profile.PK)).toBe(`USER#${text(profile.userId)}`);
    expect(profile.SK).toEqual({ S: 'PROFILE' });
    expect(profile.GSI1PK).toEqual({ S: 'USER' });
    expect(profile.GSI1SK).toEqual(profile.createdAt);
    expect(profile.GSI2PK).toEqual(profile.username);
    expect(text(profile.GSI2SK)).toBe(`USER#${text(profile.userId)}`);
    expect(profile.entityType).toEqual({ S: 'UserProfile' });
    expect(Object.keys(profile).slice(0, 6)).toEqual(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']);
    expect(text(profile.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('references existing items: each Like points at an existing Post and User', () => {
    const posts = new Set(byEntity(items, 'ent-post').map((p) => text(p.postId)));
    const users = new Set(byEntity(items, 'ent-userProfile').map((u) => text(u.userId)));
    for (const like of byEntity(items, 'ent-like')) {
      expect(posts.has(text(like.postId))).toBe(true);
      expect(users.has(text(like.userId))).toBe(true);
      expect(text(like.SK)).toBe(`LIKE#USER#${text(like.userId)}`);
    }
  });

  it('takes every referenced attribute from the same target item', () => {
    const posts = new Map(byEntity(items, 'ent-post').map((p) => [text(p.postId), p]));
    for (const metadata of byEntity(items, 'ent-postMetadata')) {
      const post = posts.get(text(metadata.postId));
      expect(metadata.userId).toEqual(post?.userId);
      expect(metadata.createdAt).toEqual(post?.createdAt);
    }
  });

  it('gives one-to-one references distinct targets', () => {
    const ids = byEntity(items, 'ent-postMetadata').map((m) => text(m.postId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('avoids duplicate combinations and self-references', () => {
    const followers = byEntity(items, 'ent-follower');
    const pairs = followers.map((f) => `${text(f.userId)}>${text(f.followerId)}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(followers.every((f) => text(f.userId) !== text(f.followerId))).toBe(true);
  });

  it('counts referencing items: followersCount equals the user’s follower items', () => {
    const followers = byEntity(items, 'ent-follower');
    for (const user of byEntity(items, 'ent-userProfile')) {
      const expected = followers.filter((f) => text(f.userId) === text(user.userId)).length;
      expect(user.followersCount).toEqual({ N: String(expected) });
    }
    const likes = byEntity(items, 'ent-like');
    for (const post of byEntity(items, 'ent-post')) {
      expect(Number(text(post.likesCount))).toBe(likes.filter((l) => text(l.postId) === text(post.postId)).length);
    }
  });

  it('mirrors Follower items as Following items', () => {
    const follows = new Set(byEntity(items, 'ent-follower').map((f) => `${text(f.followerId)}>${text(f.userId)}`));
    for (const following of byEntity(items, 'ent-following')) {
      expect(follows.has(`${text(following.userId)}>${text(following.followingId)}`)).toBe(true);
    }
  });

  it('leaves optional attributes out of some items and keeps required ones in all', () => {
    const profiles = byEntity(items, 'ent-userProfile');
    const withBio = profiles.filter((p) => p.bio !== undefined).length;
    expect(withBio).toBeGreaterThan(0);
    expect(withBio).toBeLessThan(profiles.length);
    expect(profiles.every((p) => p.email !== undefined)).toBe(true);
  });

  it('makes non-empty sets of distinct members', () => {
    for (const metadata of byEntity(items, 'ent-postMetadata')) {
      const tags = metadata.tags;
      if (tags === undefined || !('SS' in tags)) throw new Error('tags must be a string set');
      expect(tags.SS.length).toBeGreaterThan(0);
      expect(new Set(tags.SS).size).toBe(tags.SS.length);
    }
  });

  it('keeps other columns when one attribute changes, and other entities’ items when one entity changes', () => {
    const cache = new SampleCache();
    const before = generateSampleItems(model, cache);
    const edited: DesignModel = {
      ...model,
      entities: model.entities.map((e) =>
        e.id === 'ent-userProfile'
          ? { ...e, attributes: e.attributes.map((a) => (a.name === 'bio' ? { ...a, generator: { kind: 'sentence', words: 2 } } : a)) }
          : e,
      ),
    };
    const after = generateSampleItems(edited, cache);
    const beforeProfiles = byEntity(before, 'ent-userProfile');
    const afterProfiles = byEntity(after, 'ent-userProfile');
    expect(afterProfiles.map((p) => p.email)).toEqual(beforeProfiles.map((p) => p.email));
    expect(afterProfiles.map((p) => p.bio)).not.toEqual(beforeProfiles.map((p) => p.bio));
    const beforeLike = before.find((s) => s.entityId === 'ent-like');
    expect(after.find((s) => s.entityId === 'ent-like')).toBe(beforeLike);
  });

  it('keeps the first items when the count grows', () => {
    const more: DesignModel = { ...model, entities: model.entities.map((e) => (e.id === 'ent-userProfile' ? { ...e, sampleCount: 80 } : e)) };
    const grown = byEntity(generateSampleItems(more, new SampleCache()), 'ent-userProfile');
    expect(grown).toHaveLength(80);
    expect(grown.slice(0, 50).map((p) => p.email)).toEqual(byEntity(items, 'ent-userProfile').map((p) => p.email));
  });

  it('re-renders keys when a template changes', () => {
    const cache = new SampleCache();
    generateSampleItems(model, cache);
    const edited: DesignModel = {
      ...model,
      entities: model.entities.map((e) => (e.id === 'ent-post' ? { ...e, keys: { ...e.keys, sortKey: 'P#{{createdAt}}#{{postId}}' } } : e)),
    };
    const post = byEntity(generateSampleItems(edited, cache), 'ent-post')[0]!;
    expect(text(post.SK)).toBe(`P#${text(post.createdAt)}#${text(post.postId)}`);
  });

  it('gives each generator kind a value of the attribute type', () => {
    const model = tiny({
      attributes: [
        { id: 'a1', name: 'id', type: 'S', required: true, generator: { kind: 'ulid' } },
        { id: 'a2', name: 'price', type: 'N', required: true, generator: { kind: 'decimal', min: 1, max: 2, scale: 2 } },
        { id: 'a3', name: 'qty', type: 'N', required: true, generator: { kind: 'integer', min: 3, max: 3 } },
        { id: 'a4', name: 'ok', type: 'BOOL', required: true, generator: { kind: 'boolean' } },
        { id: 'a5', name: 'ttl', type: 'N', required: true, generator: { kind: 'epochSeconds' } },
        { id: 'a6', name: 'nums', type: 'NS', required: true, generator: { kind: 'set', of: { kind: 'integer', min: 1, max: 3 }, min: 1, max: 3 } },
        { id: 'a7', name: 'list', type: 'L', required: true, generator: { kind: 'list', of: { kind: 'integer', min: 1, max: 9 }, min: 2, max: 2 } },
        {
          id: 'a8',
          name: 'map',
          type: 'M',
          required: true,
          generator: { kind: 'map', fields: [{ name: 'n', type: 'N', generator: { kind: 'integer', min: 1, max: 1 } }] },
        },
        { id: 'a9', name: 'bin', type: 'B', required: true, generator: { kind: 'constant', value: 'hi' } },
        { id: 'a10', name: 'nothing', type: 'NULL', required: true, generator: { kind: 'constant', value: '' } },
        { id: 'a11', name: 'bad', type: 'N', required: true, generator: { kind: 'email' } },
        { id: 'a12', name: 'idCopy', type: 'S', required: true, generator: { kind: 'copy', attribute: 'id' } },
        { id: 'a13', name: 'role', type: 'S', required: true, generator: { kind: 'enum', values: ['A', 'B'] } },
      ],
    });
    for (const { item } of generateSampleItems(model, new SampleCache())) {
      expect(text(item.id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(text(item.price)).toMatch(/^[12](\.\d{1,2})?$/);
      expect(item.qty).toEqual({ N: '3' });
      expect(typeof (item.ok as { BOOL: boolean }).BOOL).toBe('boolean');
      expect(Number(text(item.ttl))).toBeGreaterThan(1_893_456_000);
      expect((item.nums as { NS: string[] }).NS.length).toBeGreaterThan(0);
      expect((item.list as { L: AttributeValue[] }).L).toHaveLength(2);
      expect(item.map).toEqual({ M: { n: { N: '1' } } });
      expect(item.bin).toEqual({ B: 'aGk=' });
      expect(item.nothing).toEqual({ NULL: true });
      expect(item.bad).toBeUndefined();
      expect(item.idCopy).toEqual(item.id);
      expect(['A', 'B']).toContain(text(item.role));
    }
  });

  it('leaves a number key out when its template yields text', () => {
    const model = tiny({
      attributes: [{ id: 'a1', name: 'id', type: 'S', required: true, generator: { kind: 'uuid' } }],
      keys: { partitionKey: 'X#{{id}}', sortKey: 'X', indexes: { g: { partitionKey: 'P', sortKey: '{{id}}' } } },
    });
    model.globalSecondaryIndexes = [{ id: 'g', name: 'Gidx', partitionKey: { name: 'GPK', type: 'S' }, sortKey: { name: 'GSK', type: 'N' }, projection: { type: 'ALL' } }];
    const [first] = generateSampleItems(model, new SampleCache());
    expect(first?.item.GPK).toEqual({ S: 'P' });
    expect(first?.item.GSK).toBeUndefined();
  });

  it('survives generators faker cannot satisfy', () => {
    const model = tiny({
      attributes: [
        { id: 'a1', name: 'id', type: 'S', required: true, generator: { kind: 'uuid' } },
        { id: 'a2', name: 'huge', type: 'N', required: true, generator: { kind: 'integer', min: 1e300, max: 1e301 } },
        { id: 'a3', name: 'long', type: 'L', required: true, generator: { kind: 'list', of: { kind: 'boolean' }, min: 40, max: 30 } },
      ],
    });
    const [first] = generateSampleItems(model, new SampleCache());
    expect(first?.item.id).toBeDefined();
    expect((first?.item.long as { L: unknown[] }).L).toHaveLength(25);
  });

  it('survives broken references and cycles without throwing', () => {
    const model = tiny({
      attributes: [
        { id: 'a1', name: 'id', type: 'S', required: true, generator: { kind: 'uuid' } },
        { id: 'a2', name: 'other', type: 'S', required: true, generator: { kind: 'reference', relationship: 'nope', attribute: 'id' } },
        { id: 'a3', name: 'n', type: 'N', required: true, generator: { kind: 'count', relationship: 'self' } },
        { id: 'a4', name: 'loop', type: 'S', required: true, generator: { kind: 'copy', attribute: 'loop' } },
      ],
      relationships: [{ id: 'self', name: 'parent', target: 'ent-x', cardinality: 'many-to-one', foreignKeys: [] }],
    });
    const items = generateSampleItems(model, new SampleCache());
    expect(items).toHaveLength(50);
    expect(items[0]?.item.other).toBeUndefined();
    expect(items.reduce((sum, s) => sum + Number(text(s.item.n)), 0)).toBe(50);
  });
});
