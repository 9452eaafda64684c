import { describe, expect, it } from 'vitest';
import { workbenchJson } from '../export/workbench';
import { defaultModel } from '../model/examples';
import { validateModel } from '../model/validate';
import { importFile } from './importFile';

const twoTables = JSON.stringify({
  ModelName: 'Shop',
  ModelMetadata: { Version: '3.0' },
  DataModel: [
    {
      TableName: 'Widgets',
      KeyAttributes: { PartitionKey: { AttributeName: 'Widget_Id', AttributeType: 'N' } },
      NonKeyAttributes: [{ AttributeName: 'blob', AttributeType: 'B' }],
      TableData: [{ Widget_Id: { N: '7' }, blob: { B: 'AAEC' } }],
    },
    {
      TableName: 'constructor',
      KeyAttributes: { PartitionKey: { AttributeName: 'pk', AttributeType: 'S' }, SortKey: { AttributeName: 'sk', AttributeType: 'S' } },
      TableData: [{ pk: { S: 'A#1' }, sk: { S: 'META' }, note: { S: 'ünïcode "quoted"' } }],
    },
  ],
});

describe('importFile', () => {
  it('reads a Workbench file through the same entry point as a model file, and says what it found', () => {
    const result = importFile(twoTables, 'shop.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.summary).toBe('Imported "shop.json", read as a NoSQL Workbench model: 2 tables (Widgets, constructor), 2 entities, 2 items of the file kept as they are.');
    expect(result.model.table.partitionKey).toEqual({ name: 'Widget_Id', type: 'N' });
    expect(result.model.items).toEqual([{ entity: expect.any(String), item: { Widget_Id: { N: '7' }, blob: { B: 'AAEC' } } }]);
    expect(result.model.otherTables?.[0]?.items?.[0]?.item).toEqual({ pk: { S: 'A#1' }, sk: { S: 'META' }, note: { S: 'ünïcode "quoted"' } });
    const widget = result.model.entities[0];
    expect(widget?.attributes.find((attribute) => attribute.name === 'blob')?.type).toBe('B');
    // A plain Number key stays the Number attribute it is, not a made-up string id.
    expect(widget?.keys.partitionKey).toBe('{{Widget_Id}}');
    expect(widget?.attributes.find((attribute) => attribute.name === 'Widget_Id')?.type).toBe('N');
  });

  it('imports a plain-keyed table (keys name and time) into one entity that validates without errors', () => {
    const file = JSON.stringify({
      ModelName: 'Log',
      DataModel: [
        {
          TableName: 'Log2019',
          KeyAttributes: { PartitionKey: { AttributeName: 'name', AttributeType: 'S' }, SortKey: { AttributeName: 'time', AttributeType: 'N' } },
          TableData: [
            { name: { S: 'alpha' }, time: { N: '1' } },
            { name: { S: 'beta' }, time: { N: '2' } },
          ],
        },
      ],
    });
    const result = importFile(file, 'log.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.model.entities.map((entity) => [entity.keys.partitionKey, entity.keys.sortKey])).toEqual([['{{name}}', '{{time}}']]);
    expect(validateModel(result.model).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('reads a Tablesmith model file', () => {
    const model = defaultModel();
    const result = importFile(JSON.stringify(model), 'social.tablesmith.json');
    expect(result).toMatchObject({ model, summary: expect.stringContaining('read as a Tablesmith model') });
  });

  it('reads a Scan dump, choosing and naming the key attributes', () => {
    const dump = JSON.stringify({ Items: [{ PK: { S: 'U#1' }, SK: { S: 'PROFILE' }, name: { S: 'Ann' } }, { PK: { S: 'U#1' }, SK: { S: 'ORDER#9' }, total: { N: '5' } }], Count: 2 });
    const result = importFile(dump, 'scan.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.summary).toContain('read as a DynamoDB JSON items');
    expect(result.model.table.sortKey?.name).toBe('SK');
    expect(result.model.items).toHaveLength(2);
    expect(result.warnings.join(' ')).toContain('chose PK (S) as the partition key and SK (S) as the sort key');
    // Templates read from the items are named, for the user to check.
    expect(result.warnings.filter((warning) => warning.includes('key templates read from its'))).toHaveLength(result.model.entities.length);
  });

  it('reads an S3 export, one item per line', () => {
    const lines = ['{"Item":{"id":{"S":"a"},"n":{"N":"1"}}}', '{"Item":{"id":{"S":"b"},"n":{"N":"2"}}}'].join('\n');
    const result = importFile(lines, 'export.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.model.table.partitionKey).toEqual({ name: 'id', type: 'S' });
    expect(result.model.items).toHaveLength(2);
  });

  it('round-trips a design with fixed items through a Workbench export', () => {
    const first = importFile(twoTables, 'shop.json');
    if ('error' in first) throw new Error(first.error);
    const second = importFile(workbenchJson(first.model), 'again.json');
    if ('error' in second) throw new Error(second.error);
    expect(second.model.items).toEqual(first.model.items);
    expect(second.model.otherTables).toEqual(first.model.otherTables);
    expect(second.model.entities).toEqual(first.model.entities);
  });

  it('says what is wrong with a file it cannot read, and where', () => {
    expect(importFile('{"hello": 1}', 'x.json')).toEqual({ error: expect.stringContaining('not a file Tablesmith reads') });
    expect(importFile('{"DataModel": [', 'x.json')).toEqual({ error: expect.stringMatching(/"x.json" is not valid JSON: .* at line 1, column 16/) });
  });

  it('says when items of the file repeat a primary key, as the table holds one item per key', () => {
    const file = JSON.stringify({
      ModelName: 'Flights',
      DataModel: [
        {
          TableName: 'Bookings',
          KeyAttributes: { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } },
          TableData: [
            { PK: { S: 'BOOKING#1' }, SK: { S: 'FLIGHT#LH1' }, seat: { S: '12A' } },
            { PK: { S: 'BOOKING#1' }, SK: { S: 'FLIGHT#LH1' }, seat: { S: '14C' } },
            { PK: { S: 'BOOKING#2' }, SK: { S: 'FLIGHT#LH1' }, seat: { S: '3F' } },
          ],
        },
      ],
    });
    const result = importFile(file, 'flights.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.model.items).toHaveLength(3);
    expect(result.warnings.join(' ')).toContain('1 item(s) repeat the primary key of an earlier one');
    expect(result.warnings.join(' ')).toContain('the table holds 2 items');
  });
});
