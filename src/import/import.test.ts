import { describe, expect, it } from 'vitest';
import { oneTableJson } from '../export/oneTable';
import { workbenchDocument } from '../export/workbench';
import { examples } from '../model/examples';
import { importDesign } from './index';

function workbenchFile(table: Record<string, unknown>, version = '3.0'): Record<string, unknown> {
  return { ModelName: 'Test', ModelMetadata: { Version: version }, DataModel: [table] };
}

const KEYS = { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } };

describe('NoSQL Workbench import', () => {
  it('infers entities and key templates from the key prefixes of table data', () => {
    const result = importDesign(
      workbenchFile({
        TableName: 'Social',
        KeyAttributes: KEYS,
        GlobalSecondaryIndexes: [{ IndexName: 'GSI1', KeyAttributes: { PartitionKey: { AttributeName: 'GSI1PK', AttributeType: 'S' } }, Projection: { ProjectionType: 'KEYS_ONLY' } }],
        TableData: [
          { PK: { S: 'USER#u1' }, SK: { S: 'PROFILE' }, userId: { S: 'u1' }, email: { S: 'a@x.io' } },
          { PK: { S: 'USER#u2' }, SK: { S: 'PROFILE' }, userId: { S: 'u2' }, email: { S: 'b@x.io' } },
          { PK: { S: 'USER#u1' }, SK: { S: 'POST#p1' }, postId: { S: 'p1' }, GSI1PK: { S: 'POST#p1' } },
          { PK: { S: 'USER#u2' }, SK: { S: 'POST#p2' }, postId: { S: 'p2' }, GSI1PK: { S: 'POST#p2' } },
        ],
      }),
    );
    if (!('model' in result)) throw new Error(JSON.stringify(result.errors));
    const entities = result.model.entities.map((entity) => [entity.name, entity.keys.partitionKey, entity.keys.sortKey, entity.keys.indexes]);
    expect(entities).toEqual([
      ['UserProfile', 'USER#{{userId}}', 'PROFILE', {}],
      ['UserPost', 'USER#{{userId}}', 'POST#{{postId}}', { 'gsi-gsi1': { partitionKey: 'POST#{{postId}}' } }],
    ]);
    // The posts carry no userId attribute, so the import adds the one their key is built from.
    expect(result.model.entities[1]?.attributes.map((attribute) => attribute.name).sort()).toEqual(['postId', 'userId']);
    expect(result.model.globalSecondaryIndexes[0]?.projection).toEqual({ type: 'KEYS_ONLY' });
  });

  it('uses facets as entities and template aliases as key templates', () => {
    const result = importDesign(
      workbenchFile({
        TableName: 'T',
        KeyAttributes: KEYS,
        NonKeyAttributes: [{ AttributeName: 'orderId', AttributeType: 'S' }],
        TableFacets: [{ FacetName: 'Order', KeyAttributeAlias: { PartitionKeyAlias: 'ORDER#{{orderId}}', SortKeyAlias: 'META' }, NonKeyAttributes: ['orderId'] }],
      }),
    );
    if (!('model' in result)) throw new Error(JSON.stringify(result.errors));
    expect(result.model.entities[0]?.keys).toEqual({ partitionKey: 'ORDER#{{orderId}}', sortKey: 'META', indexes: {} });
  });

  it('names what is wrong and where, and returns no model', () => {
    const result = importDesign(
      workbenchFile({
        TableName: 'T',
        KeyAttributes: { PartitionKey: { AttributeName: 'PK', AttributeType: 'X' } },
        TableData: [{ PK: 'plain' }],
      }),
    );
    expect(result).toEqual({
      errors: [
        { path: '/DataModel/0/KeyAttributes/PartitionKey/AttributeType', message: 'table partition key AttributeType must be one of S, N, B, found "X"' },
        { path: '/DataModel/0/TableData/0/PK', message: 'attribute "PK" is not a DynamoDB attribute value like {"S": "text"}' },
      ],
    });
  });

  it('rejects format versions it does not know', () => {
    const result = importDesign(workbenchFile({ TableName: 'T', KeyAttributes: KEYS }, '4.0'));
    expect(result).toEqual({ errors: [{ path: '/ModelMetadata/Version', message: 'format version "4.0" is not supported (1.0 to 3.x are)' }] });
  });

  it('reports invalid JSON and unknown documents', () => {
    expect(importDesign('{"DataModel": [')).toMatchObject({ errors: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
    expect(importDesign('{"hello": 1}')).toMatchObject({ errors: [{ path: '', message: expect.stringContaining('found hello') }] });
  });

  it('round-trips every built-in example through its own Workbench export', () => {
    for (const example of examples) {
      const result = importDesign(workbenchDocument(example.model), { from: 'workbench' });
      if (!('model' in result)) throw new Error(JSON.stringify(result.errors));
      const keys = (model: typeof example.model): unknown => model.entities.map((entity) => [entity.name, entity.keys.partitionKey, entity.keys.sortKey]);
      expect(keys(result.model)).toEqual(keys(example.model));
      expect(result.model.globalSecondaryIndexes.map((index) => index.name)).toEqual(example.model.globalSecondaryIndexes.map((index) => index.name));
    }
  });
});

describe('OneTable import', () => {
  it('round-trips the key templates of every built-in example through its OneTable export', () => {
    for (const example of examples) {
      const result = importDesign(oneTableJson(example.model), { from: 'onetable', tableName: example.model.table.name });
      if (!('model' in result)) throw new Error(JSON.stringify(result.errors));
      const keys = (model: typeof example.model): unknown =>
        model.entities.map((entity) => [
          entity.name,
          entity.keys.partitionKey,
          entity.keys.sortKey,
          // Index ids differ between designs; the index names carry the meaning.
          Object.fromEntries(
            Object.entries(entity.keys.indexes)
              .filter(([, templates]) => templates.partitionKey || templates.sortKey)
              .map(([id, templates]) => [[...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].find((index) => index.id === id)?.name, templates]),
          ),
        ]);
      expect(keys(result.model)).toEqual(keys(example.model));
      expect(result.model.table.partitionKey).toEqual(example.model.table.partitionKey);
    }
  });

  it('turns value templates into key templates and the type field into the type attribute', () => {
    const result = importDesign({
      indexes: { primary: { hash: 'pk', sort: 'sk' }, gs1: { hash: 'gs1pk', sort: 'gs1sk', project: ['gs1pk', 'gs1sk', 'name'] }, ls1: { type: 'local', sort: 'ls1sk' } },
      models: {
        User: {
          pk: { type: 'string', value: '${_type}#${id}' },
          sk: { type: 'string', value: 'PROFILE' },
          gs1pk: { type: 'string', value: 'NAME#${name}' },
          id: { type: 'string', generate: 'ulid' },
          name: { type: 'string', required: true },
          status: { type: 'string', enum: ['on', 'off'] },
        },
      },
    });
    if (!('model' in result)) throw new Error(JSON.stringify(result.errors));
    const user = result.model.entities[0];
    expect(user?.keys).toEqual({ partitionKey: 'User#{{id}}', sortKey: 'PROFILE', indexes: { 'gsi-gs1': { partitionKey: 'NAME#{{name}}' } } });
    expect(user?.typeAttribute).toBe('_type');
    expect(user?.attributes.map((a) => [a.name, a.type, a.required, a.generator.kind])).toEqual([
      ['id', 'S', true, 'ulid'],
      ['name', 'S', true, 'personName'],
      ['status', 'S', false, 'enum'],
    ]);
    expect(result.model.globalSecondaryIndexes[0]?.projection).toEqual({ type: 'INCLUDE', nonKeyAttributes: ['name'] });
    expect(result.model.localSecondaryIndexes[0]?.sortKey).toEqual({ name: 'ls1sk', type: 'S' });
    const again = importDesign(oneTableJson(result.model));
    expect('model' in again && again.model.entities).toEqual(result.model.entities);
  });

  it('locates bad fields', () => {
    const result = importDesign({ indexes: { primary: { hash: 'pk' } }, models: { User: { pk: { type: 'text', value: 'U#${id}' } } } });
    expect(result).toEqual({ errors: [{ path: '/models/User/pk/type', message: expect.stringContaining('"text" is not a OneTable type') }] });
  });
});
