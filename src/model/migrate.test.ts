import { describe, expect, it } from 'vitest';
import { defaultModel } from './examples';
import { migrateModel, type DesignV0 } from './migrate';
import { MODEL_VERSION } from './types';
import { parseModel } from './parse';
import { validateModel } from './validate';

/** The seed guide's own `singleTableSchema` plus GSI1, as a pre-release (v0) file held it. */
const seedV0: DesignV0 = {
  tableName: 'SocialMediaApp',
  primaryKey: { partitionKey: 'PK', sortKey: 'SK' },
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: 'ALL' },
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'INCLUDE', projectedAttributes: ['userId'] },
  ],
  entities: {
    userProfile: { PK: 'USER#{{userId}}', SK: 'PROFILE', GSI1PK: 'USER', GSI1SK: '{{createdAt}}', attributes: ['username', 'email', 'bio', 'followersCount'] },
    userPost: { PK: 'USER#{{userId}}', SK: 'POST#{{postId}}', attributes: ['description', 'imageUrl', 'likesCount', 'createdAt'] },
    postLike: { PK: 'POST#{{postId}}', SK: 'LIKE#USER#{{userId}}', attributes: ['timestamp'] },
  },
};

describe('migrateModel', () => {
  it('climbs from the seed-like v0 format to a valid current design', () => {
    const result = parseModel(JSON.stringify(seedV0));
    if (!('model' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.migratedFrom).toBe(0);
    const { model } = result;
    expect(model.version).toBe(MODEL_VERSION);
    expect(model.table).toMatchObject({ name: 'SocialMediaApp', partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'SK', type: 'S' } });
    expect(model.globalSecondaryIndexes.map((gsi) => [gsi.id, gsi.projection])).toEqual([
      ['gsi-GSI1', { type: 'ALL' }],
      ['gsi-GSI3', { type: 'INCLUDE', nonKeyAttributes: ['userId'] }],
    ]);
    const profile = model.entities[0];
    expect(profile?.keys).toEqual({
      partitionKey: 'USER#{{userId}}',
      sortKey: 'PROFILE',
      indexes: { 'gsi-GSI1': { partitionKey: 'USER', sortKey: '{{createdAt}}' } },
    });
    // Placeholders name attributes the old format left implicit.
    expect(profile?.attributes.map((a) => a.name)).toEqual(['createdAt', 'userId', 'username', 'email', 'bio', 'followersCount']);
    expect(model.entities[2]?.attributes.map((a) => a.name)).toEqual(['userId', 'postId', 'timestamp']);
    expect(validateModel(model).filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(result.notes.map((note) => note.code)).toEqual(['migrate.fromV0']);
  });

  it('keeps a v0 key field that matches no key as an attribute, with a note', () => {
    const result = migrateModel({ ...seedV0, entities: { thing: { PK: 'T#{{id}}', SK: 'X', GSI9PK: 'NINE' } } });
    if (!('document' in result)) throw new Error('migration failed');
    const entity = (result.document as { entities: { attributes: { name: string; generator: unknown }[] }[] }).entities[0];
    expect(entity?.attributes).toContainEqual(expect.objectContaining({ name: 'GSI9PK', generator: { kind: 'constant', value: 'NINE' } }));
    expect(result.notes[0]).toMatchObject({ severity: 'info', path: '/entities/0', code: 'migrate.unknownKey' });
  });

  it('treats version 0 and a missing version alike', () => {
    const a = migrateModel({ ...seedV0, version: 0 });
    const b = migrateModel(seedV0);
    expect(a).toEqual(b);
  });

  it('reports a v0 document too broken to migrate', () => {
    expect(migrateModel({ version: 0, primaryKey: { partitionKey: 'PK' }, entities: {} })).toEqual({
      issues: [{ severity: 'error', path: '', code: 'migrate.failed', message: 'could not migrate from format version 0: "tableName" is missing' }],
    });
  });

  it('rejects versions that are not whole numbers', () => {
    expect(migrateModel({ version: '1' })).toEqual({
      issues: [{ severity: 'error', path: '/version', code: 'migrate.badVersion', message: 'version must be a whole number, not "1"' }],
    });
    expect(migrateModel({ version: 0.5 })).toMatchObject({ issues: [{ code: 'migrate.badVersion' }] });
  });

  it('leaves a current document as it is', () => {
    const doc = { version: MODEL_VERSION, name: 'x' };
    expect(migrateModel(doc)).toEqual({ document: doc, fromVersion: MODEL_VERSION, notes: [] });
  });

  it('reads a version 1 design, which had one table and no fixed items, as it was', () => {
    const model = defaultModel();
    const result = parseModel({ ...model, version: 1 });
    if (!('model' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result).toEqual({ model, migratedFrom: 1, notes: [] });
  });
});
