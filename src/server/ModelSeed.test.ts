import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { examples } from '../model/examples';
import { generateSampleItems } from '../model/sampleData';
import { toCreateTableInput } from '../model/createTableInput';
import { designOfTables } from '../model/tables';
import { loadModelSeed, seedEngine } from './ModelSeed';

describe('serve --model', () => {
  for (const example of examples) {
    it(`creates the table of the ${example.model.name} example and writes all its sample items`, () => {
      const engine = createEngine();
      const { items, rejected } = seedEngine(engine, example.model);
      expect(rejected).toEqual([]);
      expect(items).toBe(generateSampleItems(example.model).length);
      const table = engine.DescribeTable({ TableName: example.model.table.name }).Table;
      expect(table?.ItemCount).toBe(items);
      // DescribeTable lists indexes in DynamoDB's order, not the model's.
      const names = (list: { IndexName?: string }[] | undefined) => (list ?? []).map((index) => index.IndexName).sort();
      expect(names(table?.GlobalSecondaryIndexes)).toEqual(example.model.globalSecondaryIndexes.map((index) => index.name).sort());
      expect(names(table?.LocalSecondaryIndexes)).toEqual(example.model.localSecondaryIndexes.map((index) => index.name).sort());
      const ttl = engine.DescribeTimeToLive({ TableName: example.model.table.name }).TimeToLiveDescription;
      expect(ttl?.AttributeName).toBe(example.model.table.ttlAttribute);
      expect(table?.StreamSpecification?.StreamViewType).toBe(example.model.table.streamViewType);
    });
  }

  it('maps billing, projections and tags onto the CreateTable request', () => {
    const model = structuredClone(examples[0]?.model);
    if (!model) throw new Error('no example model');
    model.table.billing = { mode: 'PROVISIONED', read: { units: 7 }, write: { units: 3 } };
    model.table.tags = [{ key: 'team', value: 'core' }];
    const input = toCreateTableInput(model);
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
    for (const index of input.GlobalSecondaryIndexes ?? []) expect(index.ProvisionedThroughput).toBeDefined();
    const engine = createEngine();
    seedEngine(engine, model);
    const arn = engine.DescribeTable({ TableName: model.table.name }).Table?.TableArn ?? '';
    expect(engine.ListTagsOfResource({ ResourceArn: arn }).Tags).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it('refuses a file that is not a model, saying where it is wrong', () => {
    expect(() => loadModelSeed('{"version": 1, "name": 5}', 'design.json')).toThrow(/^design\.json is not a usable Tablesmith model:\n {2}\//);
    expect(() => loadModelSeed('not json', 'design.json')).toThrow(/not valid JSON/);
  });

  it('creates every table of a design of several tables, with its fixed items', () => {
    const [first, second] = [examples[0]?.model, examples[1]?.model];
    if (!first || !second) throw new Error('no example models');
    const mine = { ...second, table: { ...second.table, name: 'constructor' }, items: [{ item: { PK: { S: 'MINE#1' }, SK: { S: 'FIXED' } } }] };
    const design = designOfTables([first, mine]);
    const engine = createEngine();
    loadModelSeed(JSON.stringify(design), 'design.json')(engine);
    expect(engine.ListTables({}).TableNames?.sort()).toEqual([first.table.name, 'constructor'].sort());
    expect(engine.GetItem({ TableName: 'constructor', Key: { PK: { S: 'MINE#1' }, SK: { S: 'FIXED' } } }).Item).toEqual({ PK: { S: 'MINE#1' }, SK: { S: 'FIXED' } });
  });
});
