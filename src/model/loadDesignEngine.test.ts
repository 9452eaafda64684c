import { describe, expect, it } from 'vitest';
import { examples } from './examples';
import { socialMediaModel } from './examples/socialMedia';
import { loadDesignEngine } from './loadDesignEngine';
import { computePreview } from './preview';
import { generateSampleItems, SampleCache } from './sampleData';
import { toCreateTableInput } from './createTableInput';

describe('loadDesignEngine', () => {
  it.each(examples.map((example) => [example.id, example.model] as const))('loads %s so the engine holds what the preview shows', (_, model) => {
    const items = generateSampleItems(model, new SampleCache());
    const preview = computePreview(model, items);
    const { engine, loaded, failures } = loadDesignEngine(model, items);
    expect(failures).toEqual([]);
    expect(loaded).toBe(items.length);
    const description = engine.DescribeTable({ TableName: model.table.name }).Table;
    expect(description?.ItemCount).toBe(preview.table.itemCount);

    const pk = model.table.partitionKey.name;
    for (const collection of preview.table.collections.slice(0, 5)) {
      const result = engine.Query({
        TableName: model.table.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pk },
        ExpressionAttributeValues: { ':pk': collection.partitionKey },
      });
      expect(result.Items).toEqual(collection.items.map((i) => i.item));
    }
    for (const index of preview.indexes) {
      const collection = index.collections[0];
      if (collection === undefined) continue;
      const result = engine.Query({
        TableName: model.table.name,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey.name },
        ExpressionAttributeValues: { ':pk': collection.partitionKey },
      });
      expect(result.Items).toEqual(collection.items.map((i) => i.item));
    }
  });

  it('reports items DynamoDB refuses with its own message and loads the rest', () => {
    const model = socialMediaModel();
    const items = generateSampleItems(model, new SampleCache()).slice(0, 30);
    const broken = [...items];
    broken[3] = { entityId: 'ent-userProfile', item: { ...items[3]!.item, GSI1SK: { N: '5' } } };
    const { loaded, failures } = loadDesignEngine(model, broken);
    expect(loaded).toBe(29);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error).toMatch(/^ValidationException: /);
  });

  it('lets a later item with the same key win, as a second write would', () => {
    const model = socialMediaModel();
    const [first] = generateSampleItems(model, new SampleCache());
    if (first === undefined) throw new Error('no items');
    const again = { ...first, item: { ...first.item, bio: { S: 'second' } } };
    const { engine, loaded } = loadDesignEngine(model, [first, again]);
    expect(loaded).toBe(2);
    const stored = engine.GetItem({ TableName: model.table.name, Key: { PK: first.item.PK!, SK: first.item.SK! } });
    expect(stored.Item?.bio).toEqual({ S: 'second' });
  });

  it('builds the CreateTable request from the design', () => {
    const input = toCreateTableInput(socialMediaModel());
    expect(input).toMatchObject({
      TableName: 'SocialMediaApp',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      SSESpecification: { Enabled: true, SSEType: 'KMS' },
    });
    expect(input.AttributeDefinitions).toHaveLength(8);
    expect(input.GlobalSecondaryIndexes?.[2]).toEqual({
      IndexName: 'GSI3',
      KeySchema: [
        { AttributeName: 'GSI3PK', KeyType: 'HASH' },
        { AttributeName: 'GSI3SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['PK', 'SK', 'userId', 'title'] },
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50 },
    });
  });
});
