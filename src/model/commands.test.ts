import { describe, expect, it } from 'vitest';
import {
  addAttribute,
  addEntity,
  addIndex,
  addRelationship,
  deleteAttribute,
  deleteEntity,
  deleteIndex,
  deleteRelationship,
  duplicateEntity,
  moveAttribute,
  renameAttribute,
  renameEntity,
  renamePlaceholder,
  setKeyTemplate,
  setSampleSeed,
  uniqueId,
  updateAttribute,
  updateEntity,
  updateIndex,
  updateRelationship,
  updateTable,
} from './commands';
import { socialMediaModel } from './examples/socialMedia';
import { blankModel } from './examples';
import { defaultGenerator } from './defaultGenerator';
import { parseModel } from './parse';
import type { DesignModel } from './types';
import { validateModel } from './validate';

function frozen(): DesignModel {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };
  return deepFreeze(socialMediaModel());
}

const entityOf = (model: DesignModel, id: string) => {
  const entity = model.entities.find((e) => e.id === id);
  if (entity === undefined) throw new Error(`no ${id}`);
  return entity;
};

/** Every command result must still be a schema-valid document. */
function expectValidShape(model: DesignModel) {
  const parsed = parseModel(JSON.parse(JSON.stringify(model)));
  expect('issues' in parsed ? parsed.issues : []).toEqual([]);
}

describe('commands', () => {
  it('make readable unique ids', () => {
    expect(uniqueId('ent', 'Order Item', new Set())).toBe('ent-Order-Item');
    expect(uniqueId('ent', 'order', new Set(['ent-order', 'ent-order-2']))).toBe('ent-order-3');
  });

  it('addEntity adds a keyed entity with a unique name, without touching the input', () => {
    const model = frozen();
    const next = addEntity(addEntity(model, { name: 'Order' }), { name: 'Order', position: { x: 1, y: 2 } });
    expect(model.entities).toHaveLength(7);
    const [order, order2] = next.entities.slice(-2);
    expect(order).toMatchObject({ id: 'ent-order', name: 'Order', typeAttribute: 'entityType', keys: { partitionKey: 'ORDER#{{orderId}}', sortKey: 'ORDER' } });
    expect(order2).toMatchObject({ id: 'ent-order2', name: 'Order2', position: { x: 1, y: 2 } });
    expectValidShape(next);
    expect(validateModel(next).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('renameEntity and updateEntity change only that entity', () => {
    const model = frozen();
    const next = updateEntity(renameEntity(model, { entityId: 'ent-post', name: 'Article' }), {
      entityId: 'ent-post',
      patch: { sampleCount: 3, description: undefined },
    });
    expect(entityOf(next, 'ent-post')).toMatchObject({ name: 'Article', sampleCount: 3 });
    expect('description' in entityOf(next, 'ent-post')).toBe(false);
    expect(next.entities[0]).toBe(model.entities[0]);
  });

  it('duplicateEntity copies with fresh ids and rewires its own references', () => {
    const model = frozen();
    const next = duplicateEntity(model, { entityId: 'ent-like' });
    const copy = next.entities[7]!;
    expect(copy.name).toBe('LikeCopy');
    expect(copy.id).toBe('ent-likeCopy');
    const ownRelationships = new Set(copy.relationships.map((r) => r.id));
    expect(ownRelationships.has('rel-like-post')).toBe(false);
    for (const attribute of copy.attributes) {
      if (attribute.generator.kind === 'reference') expect(ownRelationships.has(attribute.generator.relationship)).toBe(true);
    }
    const ids = next.entities.flatMap((e) => [e.id, ...e.attributes.map((a) => a.id), ...e.relationships.map((r) => r.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expectValidShape(next);
  });

  it('deleteEntity removes relationships to it and gives dependent attributes plain generators', () => {
    const model = frozen();
    const next = deleteEntity(model, { entityId: 'ent-like' });
    expect(next.entities.map((e) => e.id)).not.toContain('ent-like');
    const likesCount = entityOf(next, 'ent-post').attributes.find((a) => a.name === 'likesCount');
    expect(likesCount?.generator).toEqual({ kind: 'integer', min: 0, max: 1000 });
    const withoutPost = deleteEntity(model, { entityId: 'ent-post' });
    expect(entityOf(withoutPost, 'ent-like').relationships.map((r) => r.id)).toEqual(['rel-like-user']);
    expect(entityOf(withoutPost, 'ent-like').attributes.find((a) => a.name === 'postId')?.generator).toEqual({ kind: 'uuid' });
    expect(withoutPost.accessPatterns.filter((p) => p.entity === 'ent-post')).toEqual([]);
    expect(validateModel(withoutPost).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('addAttribute guesses a generator; updateAttribute re-picks one when the type changes', () => {
    const model = frozen();
    const added = addAttribute(model, { entityId: 'ent-post', name: 'authorEmail' });
    const attribute = entityOf(added, 'ent-post').attributes.at(-1)!;
    expect(attribute).toMatchObject({ id: 'attr-post-authorEmail', name: 'authorEmail', type: 'S', required: true, generator: { kind: 'email' } });
    const retyped = updateAttribute(added, { entityId: 'ent-post', attributeId: attribute.id, patch: { type: 'N' } });
    expect(entityOf(retyped, 'ent-post').attributes.at(-1)?.generator).toEqual({ kind: 'integer', min: 0, max: 1000 });
    const kept = updateAttribute(model, { entityId: 'ent-post', attributeId: 'attr-post-likesCount', patch: { type: 'S' } });
    expect(entityOf(kept, 'ent-post').attributes.find((a) => a.name === 'likesCount')?.generator.kind).toBe('count');
  });

  it('renameAttribute rewrites templates, references, foreign keys and projections', () => {
    const model = frozen();
    const next = renameAttribute(model, { entityId: 'ent-userProfile', attributeId: 'attr-userProfile-userId', name: 'uid' });
    const profile = entityOf(next, 'ent-userProfile');
    expect(profile.keys.partitionKey).toBe('USER#{{uid}}');
    expect(profile.keys.indexes['gsi-GSI2']).toEqual({ partitionKey: '{{username}}', sortKey: 'USER#{{uid}}' });
    const post = entityOf(next, 'ent-post');
    expect(post.attributes.find((a) => a.name === 'userId')?.generator).toEqual({ kind: 'reference', relationship: 'rel-post-user', attribute: 'uid' });
    expect(post.relationships[0]?.foreignKeys).toEqual([{ attribute: 'userId', targetAttribute: 'uid' }]);
    // Post still has userId, so GSI3's projection keeps it.
    expect(next.globalSecondaryIndexes[2]?.projection.nonKeyAttributes).toContain('userId');
    // The rename adds no problem: the example's own design-smell warnings stay as they were.
    const problems = (m: DesignModel) => validateModel(m).filter((i) => i.severity !== 'info');
    expect(problems(next)).toEqual(problems(model));

    const title = renameAttribute(model, { entityId: 'ent-postMetadata', attributeId: 'attr-postMetadata-title', name: 'headline' });
    expect(title.globalSecondaryIndexes[2]?.projection.nonKeyAttributes).toEqual(['PK', 'SK', 'userId', 'headline']);
  });

  it('renamePlaceholder keeps the rest of the template as typed', () => {
    expect(renamePlaceholder('A#{{ id }}#{{id}}#{{idx}}', 'id', 'key')).toBe('A#{{key}}#{{key}}#{{idx}}');
    expect(renamePlaceholder('A#{{id', 'id', 'key')).toBe('A#{{id');
  });

  it('deleteAttribute and moveAttribute', () => {
    const model = frozen();
    const moved = moveAttribute(model, { entityId: 'ent-like', attributeId: 'attr-like-timestamp', toIndex: 0 });
    expect(entityOf(moved, 'ent-like').attributes.map((a) => a.name)).toEqual(['timestamp', 'postId', 'userId']);
    const deleted = deleteAttribute(model, { entityId: 'ent-like', attributeId: 'attr-like-userId' });
    expect(entityOf(deleted, 'ent-like').attributes.map((a) => a.name)).toEqual(['postId', 'timestamp']);
    expect(validateModel(deleted).find((i) => i.code === 'template.unknownPlaceholder')?.path).toBe('/entities/3/keys/sortKey');
  });

  it('setKeyTemplate sets and clears table and index templates', () => {
    const model = frozen();
    const inIndex = setKeyTemplate(model, { entityId: 'ent-post', indexId: 'gsi-GSI1', key: 'partitionKey', template: 'POST' });
    expect(entityOf(inIndex, 'ent-post').keys.indexes['gsi-GSI1']).toEqual({ partitionKey: 'POST' });
    const cleared = setKeyTemplate(inIndex, { entityId: 'ent-post', indexId: 'gsi-GSI1', key: 'partitionKey', template: '' });
    expect(entityOf(cleared, 'ent-post').keys.indexes).toEqual({});
    const table = setKeyTemplate(model, { entityId: 'ent-post', key: 'sortKey', template: 'POST#{{createdAt}}' });
    expect(entityOf(table, 'ent-post').keys.sortKey).toBe('POST#{{createdAt}}');
  });

  it('addRelationship adds foreign-key attributes that reference the target', () => {
    const model = addEntity(frozen(), { name: 'Bookmark' });
    const next = addRelationship(model, { entityId: 'ent-bookmark', target: 'ent-post' });
    const bookmark = entityOf(next, 'ent-bookmark');
    expect(bookmark.relationships).toEqual([
      { id: 'rel-bookmark-post', name: 'post', target: 'ent-post', cardinality: 'many-to-one', foreignKeys: [{ attribute: 'userId', targetAttribute: 'userId' }] },
    ]);
    expect(bookmark.attributes.at(-1)).toMatchObject({ name: 'userId', generator: { kind: 'reference', relationship: 'rel-bookmark-post', attribute: 'userId' } });
    const renamed = updateRelationship(next, { entityId: 'ent-bookmark', relationshipId: 'rel-bookmark-post', patch: { cardinality: 'one-to-one' } });
    expect(entityOf(renamed, 'ent-bookmark').relationships[0]?.cardinality).toBe('one-to-one');
    const removed = deleteRelationship(next, { entityId: 'ent-bookmark', relationshipId: 'rel-bookmark-post' });
    expect(entityOf(removed, 'ent-bookmark').relationships).toEqual([]);
    expect(entityOf(removed, 'ent-bookmark').attributes.at(-1)?.generator).toEqual({ kind: 'uuid' });
  });

  it('addIndex, updateIndex (carrying a rename into patterns) and deleteIndex', () => {
    const model = frozen();
    const added = addIndex(addIndex(model, { kind: 'GSI' }), { kind: 'LSI' });
    expect(added.globalSecondaryIndexes.at(-1)).toEqual({
      id: 'gsi-GSI4',
      name: 'GSI4',
      partitionKey: { name: 'GSI4PK', type: 'S' },
      sortKey: { name: 'GSI4SK', type: 'S' },
      projection: { type: 'ALL' },
    });
    expect(added.localSecondaryIndexes).toEqual([{ id: 'lsi-LSI1', name: 'LSI1', sortKey: { name: 'LSI1SK', type: 'S' }, projection: { type: 'ALL' } }]);
    expectValidShape(added);

    const renamed = updateIndex(model, { indexId: 'gsi-GSI1', patch: { name: 'ByTime' } });
    expect(renamed.globalSecondaryIndexes[0]?.name).toBe('ByTime');
    const pattern = renamed.accessPatterns.find((p) => p.index === 'gsi-GSI1');
    expect(pattern?.request.IndexName).toBe('ByTime');

    const deleted = deleteIndex(model, { indexId: 'gsi-GSI1' });
    expect(deleted.globalSecondaryIndexes.map((g) => g.id)).toEqual(['gsi-GSI2', 'gsi-GSI3']);
    expect(deleted.entities.some((e) => 'gsi-GSI1' in e.keys.indexes)).toBe(false);
    expect(deleted.accessPatterns.some((p) => p.index === 'gsi-GSI1')).toBe(false);
    expect(validateModel(deleted).filter((i) => i.code.startsWith('keys.unknownIndex') || i.code === 'pattern.unknownIndex')).toEqual([]);
  });

  it('updateTable and setSampleSeed', () => {
    const model = frozen();
    const next = setSampleSeed(updateTable(model, { patch: { billing: { mode: 'PAY_PER_REQUEST' }, streamViewType: undefined } }), { seed: 9.7 });
    expect(next.table.billing).toEqual({ mode: 'PAY_PER_REQUEST' });
    expect('streamViewType' in next.table).toBe(false);
    expect(next.sampleSeed).toBe(9);
    expectValidShape(next);
  });

  it('throws on ids that do not exist, for the store to catch as a bug', () => {
    expect(() => renameEntity(frozen(), { entityId: 'nope', name: 'x' })).toThrow('no entity "nope"');
    expect(() => deleteIndex(frozen(), { indexId: 'nope' })).toThrow('no index "nope"');
  });
});

describe('renaming an attribute whose generator was guessed from its name', () => {
  it('guesses again from the new name, and leaves a chosen generator alone', () => {
    let model = addEntity(blankModel(), { name: 'Order' });
    const entityId = model.entities[0]?.id ?? '';
    model = addAttribute(model, { entityId, name: 'attribute1' });
    const attributeId = model.entities[0]?.attributes.at(-1)?.id ?? '';
    const renamed = renameAttribute(model, { entityId, attributeId, name: 'createdAt' });
    expect(renamed.entities[0]?.attributes.at(-1)?.generator).toEqual(defaultGenerator('createdAt', 'S'));
    const chosen = updateAttribute(model, { entityId, attributeId, patch: { generator: { kind: 'constant', value: 'x' } } });
    expect(renameAttribute(chosen, { entityId, attributeId, name: 'createdAt' }).entities[0]?.attributes.at(-1)?.generator).toEqual({ kind: 'constant', value: 'x' });
  });
});
