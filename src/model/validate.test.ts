import { describe, expect, it } from 'vitest';
import { MODEL_VERSION, type DesignModel, type Entity, type ModelIssue } from './types';
import { pointer, validateModel } from './validate';
import { tableDesign } from './tableDesign';
import { deleteEntity, deleteIndex } from './commands';
import { generateSampleItems, SampleCache } from './sampleData';
import { SHOP_IDS, shopDesign } from './testing/shopDesign';

function entity(id: string, name: string, partitionKey: string, sortKey: string | undefined, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    name,
    typeAttribute: 'entityType',
    attributes: [
      { id: `${id}-a1`, name: 'orderId', type: 'S', required: true, generator: { kind: 'uuid' } },
      { id: `${id}-a2`, name: 'createdAt', type: 'S', required: true, generator: { kind: 'isoDate' } },
      { id: `${id}-a3`, name: 'amount', type: 'N', required: true, generator: { kind: 'integer', min: 1, max: 9 } },
      { id: `${id}-a4`, name: 'note', type: 'S', required: false, generator: { kind: 'sentence' } },
      { id: `${id}-a5`, name: 'tags', type: 'SS', required: true, generator: { kind: 'set', of: { kind: 'uuid' }, min: 1, max: 2 } },
    ],
    relationships: [],
    keys: { partitionKey, ...(sortKey === undefined ? {} : { sortKey }), indexes: {} },
    sampleCount: 5,
    ...extra,
  };
}

function model(change: (m: DesignModel) => void = () => {}): DesignModel {
  const m: DesignModel = {
    version: MODEL_VERSION,
    name: 'Shop',
    table: tableDesign('Shop', { name: 'PK', type: 'S' }, { name: 'SK', type: 'S' }),
    globalSecondaryIndexes: [
      { id: 'gsi-1', name: 'GSI1', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'S' }, projection: { type: 'ALL' } },
    ],
    localSecondaryIndexes: [],
    entities: [entity('ent-order', 'Order', 'ORDER#{{orderId}}', 'ORDER')],
    accessPatterns: [],
    sampleSeed: 1,
  };
  m.entities[0]!.keys.indexes['gsi-1'] = { partitionKey: 'ORDER#{{orderId}}', sortKey: '{{createdAt}}' };
  change(m);
  return m;
}

function issue(issues: ModelIssue[], code: string): ModelIssue | undefined {
  return issues.find((candidate) => candidate.code === code);
}

describe('validateModel', () => {
  it('finds nothing wrong with a sound design', () => {
    expect(validateModel(model())).toEqual([]);
  });

  describe('key templates', () => {
    it('reports an unknown placeholder with its range and a suggestion', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.partitionKey = 'ORDER#{{orderID}}')));
      expect(issue(issues, 'template.unknownPlaceholder')).toEqual({
        severity: 'error',
        path: '/entities/0/keys/partitionKey',
        code: 'template.unknownPlaceholder',
        message: 'PK: {{orderID}} is not an attribute of Order (did you mean {{orderId}}?)',
        range: { start: 6, end: 17 },
      });
    });

    it('reports template syntax errors in place', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-1']!.sortKey = 'AT#{{createdAt')));
      expect(issue(issues, 'template.syntax')).toMatchObject({
        path: '/entities/0/keys/indexes/gsi-1/sortKey',
        message: 'GSI1SK (GSI1): "{{" at character 4 is not closed with "}}"',
        range: { start: 3, end: 14 },
      });
    });

    it('reports text in a number key', () => {
      const issues = validateModel(
        model((m) => {
          m.globalSecondaryIndexes[0]!.sortKey = { name: 'GSI1SK', type: 'N' };
          m.entities[0]!.keys.indexes['gsi-1']!.sortKey = 'AMT#{{amount}}';
        }),
      );
      expect(issue(issues, 'template.wrongType')).toMatchObject({
        severity: 'error',
        path: '/entities/0/keys/indexes/gsi-1/sortKey',
        range: { start: 0, end: 4 },
      });
      expect(issue(issues, 'template.wrongType')?.message).toContain('"AMT#" is not part of a number');
    });

    it('reports a string attribute in a number key, and accepts a number attribute or a numeric constant', () => {
      const withTemplate = (template: string) =>
        validateModel(
          model((m) => {
            m.globalSecondaryIndexes[0]!.sortKey = { name: 'GSI1SK', type: 'N' };
            m.entities[0]!.keys.indexes['gsi-1']!.sortKey = template;
          }),
        );
      expect(issue(withTemplate('{{createdAt}}'), 'template.wrongType')?.message).toBe('GSI1SK (GSI1) is a number (N) key, but {{createdAt}} is S');
      expect(issue(withTemplate('{{amount}}'), 'template.wrongType')).toBeUndefined();
      expect(issue(withTemplate('42'), 'template.wrongType')).toBeUndefined();
    });

    it('reports a set placeholder, which has no key text', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.sortKey = 'T#{{tags}}')));
      expect(issue(issues, 'template.nonScalarPlaceholder')?.path).toBe('/entities/0/keys/sortKey');
    });

    it('is an error for an optional attribute in the primary key and a sparse-index warning in an index key', () => {
      const table = validateModel(model((m) => (m.entities[0]!.keys.sortKey = 'N#{{note}}')));
      expect(issue(table, 'template.optionalInTableKey')).toMatchObject({ severity: 'error', path: '/entities/0/keys/sortKey' });
      const index = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-1']!.sortKey = '{{note}}')));
      expect(issue(index, 'template.optionalInIndexKey')).toMatchObject({ severity: 'warning', path: '/entities/0/keys/indexes/gsi-1/sortKey' });
    });

    it('notes numbers written into a string sort key', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.sortKey = 'AMT#{{amount}}')));
      expect(issue(issues, 'template.numberAsText')).toMatchObject({ severity: 'info', range: { start: 4, end: 14 } });
    });

    it('warns about a constant partition key (a hot partition), in the table and in an index', () => {
      const table = validateModel(model((m) => (m.entities[0]!.keys.partitionKey = 'ORDERS')));
      expect(issue(table, 'keys.hotPartition')).toMatchObject({ severity: 'warning', path: '/entities/0/keys/partitionKey' });
      const index = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-1']!.partitionKey = 'ORDERS')));
      expect(issue(index, 'keys.hotPartition')).toMatchObject({ severity: 'warning', path: '/entities/0/keys/indexes/gsi-1/partitionKey' });
    });

    it('warns about a partition key of few values (low cardinality), but not a deliberate write shard', () => {
      const few = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-1']!.partitionKey = 'AMT#{{amount}}')));
      expect(issue(few, 'keys.lowCardinality')).toMatchObject({
        severity: 'warning',
        path: '/entities/0/keys/indexes/gsi-1/partitionKey',
        message: expect.stringMatching(/^GSI1PK \(GSI1\) takes at most 9 values \(\{\{amount\}\}\), so Order items crowd into a few partitions/),
      });
      expect(issue(validateModel(model()), 'keys.lowCardinality')).toBeUndefined();
      const sharded = validateModel(
        model((m) => {
          m.entities[0]!.attributes[2]!.generator = { kind: 'integer', min: 0, max: 3 };
          m.entities[0]!.keys.indexes['gsi-1']!.partitionKey = 'SHARD#{{amount}}';
        }),
      );
      expect(issue(sharded, 'keys.lowCardinality')).toBeUndefined();
    });

    it('requires templates for the primary key', () => {
      const issues = validateModel(model((m) => delete m.entities[0]!.keys.sortKey));
      expect(issue(issues, 'keys.missingTableKey')).toMatchObject({ severity: 'error', path: '/entities/0/keys/sortKey' });
    });

    it('rejects a sort-key template when the table has no sort key', () => {
      const issues = validateModel(model((m) => delete m.table.sortKey));
      expect(issue(issues, 'keys.noTableSortKey')?.path).toBe('/entities/0/keys/sortKey');
    });

    it('rejects templates for an index that does not exist', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-9'] = { partitionKey: 'X' })));
      expect(issue(issues, 'keys.unknownIndex')?.path).toBe('/entities/0/keys/indexes/gsi-9');
    });
  });

  describe('sparse indexes', () => {
    it('says when an entity is not in an index at all', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.indexes = {})));
      expect(issue(issues, 'index.sparse')).toEqual({
        severity: 'info',
        path: '/entities/0/keys/indexes/gsi-1',
        code: 'index.sparse',
        message: 'Order sets no GSI1PK or GSI1SK, so its items are not in GSI1 (a sparse index)',
      });
    });

    it('warns when an entity sets only part of an index key', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.keys.indexes['gsi-1'] = { partitionKey: 'ORDERS' })));
      expect(issue(issues, 'index.partialKey')).toMatchObject({ severity: 'warning', path: '/entities/0/keys/indexes/gsi-1/sortKey' });
    });

    it('counts an attribute named like the index key as setting it', () => {
      const issues = validateModel(
        model((m) => {
          m.globalSecondaryIndexes[0]!.sortKey = { name: 'createdAt', type: 'S' };
          m.entities[0]!.keys.indexes['gsi-1'] = { partitionKey: 'ORDERS' };
        }),
      );
      expect(issue(issues, 'index.partialKey')).toBeUndefined();
    });
  });

  describe('sort-key collisions', () => {
    it('warns when begins_with on one entity also matches another in the same partition', () => {
      const issues = validateModel(
        model((m) => {
          m.entities[0]!.keys.sortKey = 'ORDER#{{createdAt}}';
          m.entities.push(entity('ent-item', 'OrderItem', 'ORDER#{{orderId}}', 'ORDER#ITEM#{{createdAt}}'));
        }),
      );
      expect(issue(issues, 'keys.sortKeyCollision')).toEqual({
        severity: 'warning',
        path: '/entities/0/keys/sortKey',
        code: 'keys.sortKeyCollision',
        message:
          'in the table, begins_with(SK, "ORDER#") for Order also returns OrderItem items (SK ORDER#ITEM#{{createdAt}}) in the same partition; give one of them a distinct prefix',
      });
    });

    it('does not warn when the partitions cannot meet or the prefixes differ', () => {
      const apart = validateModel(
        model((m) => {
          m.entities[0]!.keys.sortKey = 'ORDER#{{createdAt}}';
          m.entities.push(entity('ent-item', 'OrderItem', 'ITEM#{{orderId}}', 'ORDER#ITEM#{{createdAt}}'));
        }),
      );
      expect(issue(apart, 'keys.sortKeyCollision')).toBeUndefined();
      const distinct = validateModel(
        model((m) => {
          m.entities[0]!.keys.sortKey = 'ORDER#{{createdAt}}';
          m.entities.push(entity('ent-item', 'OrderItem', 'ORDER#{{orderId}}', 'ITEM#{{createdAt}}'));
        }),
      );
      expect(issue(distinct, 'keys.sortKeyCollision')).toBeUndefined();
    });

    it('warns, without an error, when two entities may share a partition and both use the sort key META', () => {
      const issues = validateModel(
        model((m) => {
          m.entities[0]!.keys.sortKey = 'META';
          m.entities.push(entity('ent-b', 'Other', 'ORDER#{{orderId}}', 'META'));
        }),
      );
      expect(issue(issues, 'keys.samePrimaryKey')).toMatchObject({
        severity: 'warning',
        path: '/entities/1/keys/sortKey',
        message: expect.stringContaining('Other and Order may share a partition and both use the sort key "META"'),
      });
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    });

    it('checks index keys too', () => {
      const issues = validateModel(
        model((m) => {
          m.entities.push(entity('ent-b', 'Other', 'OTHER#{{orderId}}', 'X'));
          m.entities[0]!.keys.indexes['gsi-1'] = { partitionKey: 'ALL', sortKey: 'A#{{createdAt}}' };
          m.entities[1]!.keys.indexes['gsi-1'] = { partitionKey: 'ALL', sortKey: 'A#B#{{createdAt}}' };
        }),
      );
      expect(issue(issues, 'keys.sortKeyCollision')?.path).toBe('/entities/0/keys/indexes/gsi-1/sortKey');
    });
  });

  describe('attributes', () => {
    it('warns about reserved words, saying why', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.attributes[3]!.name = 'status')));
      expect(issue(issues, 'attribute.reservedWord')).toMatchObject({
        severity: 'warning',
        path: '/entities/0/attributes/3/name',
        message: expect.stringContaining('ExpressionAttributeNames (#status)'),
      });
    });

    it('limits attribute names to 255 UTF-8 bytes', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.attributes[3]!.name = 'é'.repeat(128))));
      expect(issue(issues, 'attribute.nameLength')?.path).toBe('/entities/0/attributes/3/name');
    });

    it('rejects duplicate attribute names', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.attributes[3]!.name = 'amount')));
      expect(issue(issues, 'attribute.duplicate')?.path).toBe('/entities/0/attributes/3/name');
    });

    it('rejects an attribute whose type differs from the key it names', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.attributes[3]!.name = 'GSI1SK')));
      expect(issue(issues, 'attribute.keyType')).toBeUndefined();
      const typed = validateModel(
        model((m) => {
          m.entities[0]!.attributes[2]!.name = 'GSI1SK';
          m.entities[0]!.keys.indexes['gsi-1'] = { partitionKey: 'ORDERS' };
        }),
      );
      expect(issue(typed, 'attribute.keyType')?.path).toBe('/entities/0/attributes/2/type');
    });

    it('warns, without blocking an export, about generators that only change sample data: ranges, dates, references, counts and copies', () => {
      const issues = validateModel(
        model((m) => {
          const attributes = m.entities[0]!.attributes;
          attributes[2]!.generator = { kind: 'integer', min: 9, max: 1 };
          attributes[1]!.generator = { kind: 'isoDate', from: 'yesterday' };
          attributes[3]!.generator = { kind: 'reference', relationship: 'rel-x', attribute: 'id' };
          attributes.push({ id: 'c', name: 'n', type: 'N', required: true, generator: { kind: 'count', relationship: 'rel-y' } });
          attributes.push({ id: 'd', name: 'copy', type: 'S', required: true, generator: { kind: 'copy', attribute: 'missing' } });
        }),
      );
      expect(issues.filter((i) => i.code.startsWith('generator.')).map((i) => [i.severity, i.code, i.path])).toEqual([
        ['warning', 'generator.date', '/entities/0/attributes/1/generator/from'],
        ['warning', 'generator.range', '/entities/0/attributes/2/generator/min'],
        ['warning', 'generator.unknownRelationship', '/entities/0/attributes/3/generator/relationship'],
        ['warning', 'generator.unknownRelationship', '/entities/0/attributes/5/generator/relationship'],
        ['warning', 'generator.unknownAttribute', '/entities/0/attributes/6/generator/attribute'],
      ]);
      expect(issue(issues, 'generator.range')?.message).toBe('amount: minimum 9 is above maximum 1; sample values are drawn as if they were swapped');
    });

    it('warns when a number attribute gets a text generator', () => {
      const issues = validateModel(model((m) => (m.entities[0]!.attributes[2]!.generator = { kind: 'email' })));
      expect(issue(issues, 'generator.notNumeric')?.path).toBe('/entities/0/attributes/2/generator');
    });
  });

  describe('relationships', () => {
    it('warns about a relationship target that does not exist and foreign keys that name nothing (exports do not use them)', () => {
      const issues = validateModel(
        model((m) => {
          m.entities.push(entity('ent-b', 'Line', 'LINE#{{orderId}}', 'L'));
          m.entities[1]!.relationships = [
            { id: 'r1', name: 'order', target: 'ent-order', cardinality: 'many-to-one', foreignKeys: [{ attribute: 'nope', targetAttribute: 'nada' }] },
            { id: 'r2', name: 'ghost', target: 'ent-ghost', cardinality: 'many-to-one', foreignKeys: [] },
          ];
        }),
      );
      expect(issues.filter((i) => i.code.startsWith('relationship.')).map((i) => [i.severity, i.code, i.path])).toEqual([
        ['warning', 'relationship.unknownAttribute', '/entities/1/relationships/0/foreignKeys/0/attribute'],
        ['warning', 'relationship.unknownTargetAttribute', '/entities/1/relationships/0/foreignKeys/0/targetAttribute'],
        ['warning', 'relationship.unknownTarget', '/entities/1/relationships/1/target'],
      ]);
    });

    it('warns about reference cycles', () => {
      const issues = validateModel(
        model((m) => {
          m.entities.push(entity('ent-b', 'B', 'B#{{orderId}}', 'B'));
          m.entities[0]!.relationships = [{ id: 'ra', name: 'b', target: 'ent-b', cardinality: 'many-to-one', foreignKeys: [] }];
          m.entities[1]!.relationships = [{ id: 'rb', name: 'a', target: 'ent-order', cardinality: 'many-to-one', foreignKeys: [] }];
        }),
      );
      expect(issue(issues, 'relationship.cycle')?.message).toContain('Order → B → Order');
    });
  });

  describe('table and index limits', () => {
    it('checks table and index names', () => {
      const issues = validateModel(
        model((m) => {
          m.table.name = 'my table';
          m.globalSecondaryIndexes[0]!.name = 'ab';
        }),
      );
      expect(issues.filter((i) => i.code.endsWith('.name')).map((i) => i.path)).toEqual(['/table/name', '/globalSecondaryIndexes/0/name']);
    });

    it('allows at most 20 GSIs and 5 LSIs', () => {
      const issues = validateModel(
        model((m) => {
          for (let i = 2; i <= 21; i += 1) {
            m.globalSecondaryIndexes.push({ id: `gsi-${i}`, name: `GSI${i}`, partitionKey: { name: `G${i}`, type: 'S' }, projection: { type: 'KEYS_ONLY' } });
          }
          for (let i = 1; i <= 6; i += 1) {
            m.localSecondaryIndexes.push({ id: `lsi-${i}`, name: `LSI${i}`, sortKey: { name: `L${i}`, type: 'S' }, projection: { type: 'KEYS_ONLY' } });
          }
        }),
      );
      expect(issue(issues, 'index.gsiCount')).toMatchObject({ path: '/globalSecondaryIndexes', message: 'a table can have at most 20 global secondary indexes, not 21' });
      expect(issue(issues, 'index.lsiCount')?.path).toBe('/localSecondaryIndexes');
    });

    it('allows at most 100 projected attributes across all indexes', () => {
      const names = Array.from({ length: 60 }, (_, i) => `a${i}`);
      const issues = validateModel(
        model((m) => {
          m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: names };
          m.globalSecondaryIndexes.push({ id: 'gsi-2', name: 'GSI2', partitionKey: { name: 'G2', type: 'S' }, projection: { type: 'INCLUDE', nonKeyAttributes: names } });
        }),
      );
      expect(issue(issues, 'projection.limit')).toMatchObject({ path: '/globalSecondaryIndexes/1/projection/nonKeyAttributes' });
      expect(issue(issues, 'projection.limit')?.message).toContain('120');
    });

    it('checks INCLUDE lists', () => {
      const empty = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: [] })));
      expect(issue(empty, 'projection.emptyInclude')?.path).toBe('/globalSecondaryIndexes/0/projection/nonKeyAttributes');
      const twice = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: ['amount', 'amount'] })));
      expect(issue(twice, 'projection.duplicate')?.path).toBe('/globalSecondaryIndexes/0/projection/nonKeyAttributes/1');
      const stray = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'KEYS_ONLY', nonKeyAttributes: ['amount'] })));
      expect(issue(stray, 'projection.unexpectedAttributes')).toBeDefined();
      const unknown = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: ['amonut'] })));
      expect(issue(unknown, 'projection.unknownAttribute')?.severity).toBe('warning');
    });

    it('checks key attribute types across the table and indexes', () => {
      const issues = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.partitionKey = { name: 'SK', type: 'N' })));
      expect(issue(issues, 'key.typeConflict')?.path).toBe('/globalSecondaryIndexes/0/partitionKey/type');
    });

    it('checks key attribute name length', () => {
      const issues = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.partitionKey = { name: 'k'.repeat(256), type: 'S' })));
      expect(issue(issues, 'key.nameLength')?.path).toBe('/globalSecondaryIndexes/0/partitionKey/name');
    });

    it('needs a table sort key for an LSI, and a different one', () => {
      const noSortKey = validateModel(
        model((m) => {
          delete m.table.sortKey;
          delete m.entities[0]!.keys.sortKey;
          m.localSecondaryIndexes.push({ id: 'lsi-1', name: 'LSI1', sortKey: { name: 'createdAt', type: 'S' }, projection: { type: 'ALL' } });
        }),
      );
      expect(issue(noSortKey, 'lsi.needsTableSortKey')?.path).toBe('/localSecondaryIndexes/0');
      const same = validateModel(model((m) => m.localSecondaryIndexes.push({ id: 'lsi-1', name: 'LSI1', sortKey: { name: 'SK', type: 'S' }, projection: { type: 'ALL' } })));
      expect(issue(same, 'lsi.sameSortKey')?.path).toBe('/localSecondaryIndexes/0/sortKey/name');
    });

    it('checks auto scaling, tags, TTL and KMS keys', () => {
      const issues = validateModel(
        model((m) => {
          m.table.billing = {
            mode: 'PROVISIONED',
            read: { units: 5, autoScaling: { minCapacity: 10, maxCapacity: 5, targetUtilization: 70, scaleInCooldownSeconds: 0, scaleOutCooldownSeconds: 0 } },
            write: { units: 50, autoScaling: { minCapacity: 1, maxCapacity: 10, targetUtilization: 70, scaleInCooldownSeconds: 0, scaleOutCooldownSeconds: 0 } },
          };
          m.table.tags = [
            { key: 'aws:owner', value: 'x' },
            { key: 'team', value: 'a' },
            { key: 'team', value: 'b' },
          ];
          m.table.ttlAttribute = 'createdAt';
          m.table.encryption = { type: 'CUSTOMER_MANAGED', kmsKeyArn: 'my-key' };
        }),
      );
      expect(issues.filter((i) => i.severity !== 'info').map((i) => [i.code, i.path])).toEqual([
        ['autoScaling.range', '/table/billing/read/autoScaling/minCapacity'],
        ['autoScaling.units', '/table/billing/write/units'],
        ['ttl.type', '/entities/0/attributes/1/type'],
        ['encryption.kmsKey', '/table/encryption/kmsKeyArn'],
        ['tags.reservedPrefix', '/table/tags/0/key'],
        ['tags.duplicate', '/table/tags/2/key'],
      ]);
    });

    const scaling = { minCapacity: 1, maxCapacity: 10, targetUtilization: 70, scaleInCooldownSeconds: 60, scaleOutCooldownSeconds: 60 };

    it('holds table capacity and auto scaling to the bounds the schema and DynamoDB accept, at the fields', () => {
      const issues = validateModel(
        model((m) => {
          m.table.billing = {
            mode: 'PROVISIONED',
            read: { units: 0, autoScaling: { ...scaling, minCapacity: 0, targetUtilization: 95, scaleInCooldownSeconds: -1 } },
            write: { units: 2.5, autoScaling: { ...scaling, maxCapacity: 0, targetUtilization: 19.5, scaleOutCooldownSeconds: 0.5 } },
          };
        }),
      );
      expect(issues.filter((i) => i.severity !== 'info').map((i) => [i.severity, i.code, i.path])).toEqual([
        ['error', 'capacity.units', '/table/billing/read/units'],
        ['error', 'autoScaling.bounds', '/table/billing/read/autoScaling/minCapacity'],
        ['error', 'autoScaling.target', '/table/billing/read/autoScaling/targetUtilization'],
        ['error', 'autoScaling.cooldown', '/table/billing/read/autoScaling/scaleInCooldownSeconds'],
        ['error', 'capacity.units', '/table/billing/write/units'],
        ['error', 'autoScaling.bounds', '/table/billing/write/autoScaling/maxCapacity'],
        ['error', 'autoScaling.target', '/table/billing/write/autoScaling/targetUtilization'],
        ['error', 'autoScaling.cooldown', '/table/billing/write/autoScaling/scaleOutCooldownSeconds'],
      ]);
      expect(issue(issues, 'capacity.units')?.message).toBe('read capacity units must be a whole number of at least 1, not 0');
      expect(issue(issues, 'autoScaling.target')?.message).toBe('read auto scaling target utilization must be 20–90%, not 95%');
    });

    it('accepts the edges of the ranges', () => {
      const edges = (targetUtilization: number) => ({ units: 1, autoScaling: { ...scaling, minCapacity: 1, maxCapacity: 1, targetUtilization, scaleInCooldownSeconds: 0 } });
      const issues = validateModel(model((m) => (m.table.billing = { mode: 'PROVISIONED', read: edges(20), write: edges(90) })));
      expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
    });

    it('checks GSI capacity, and its bounds even when the on-demand table ignores it', () => {
      const throughput = { read: { units: 0 }, write: { units: 5, autoScaling: { ...scaling, minCapacity: 20, maxCapacity: 10 } } };
      const provisioned = validateModel(
        model((m) => {
          m.table.billing = { mode: 'PROVISIONED', read: { units: 5 }, write: { units: 5 } };
          m.globalSecondaryIndexes[0]!.throughput = throughput;
        }),
      );
      expect(provisioned.filter((i) => i.severity !== 'info').map((i) => [i.code, i.path])).toEqual([
        ['capacity.units', '/globalSecondaryIndexes/0/throughput/read/units'],
        ['autoScaling.range', '/globalSecondaryIndexes/0/throughput/write/autoScaling/minCapacity'],
      ]);
      const onDemand = validateModel(model((m) => (m.globalSecondaryIndexes[0]!.throughput = throughput)));
      expect(onDemand.filter((i) => i.severity !== 'info').map((i) => [i.code, i.path])).toEqual([
        ['index.throughputIgnored', '/globalSecondaryIndexes/0/throughput'],
        ['capacity.units', '/globalSecondaryIndexes/0/throughput/read/units'],
      ]);
    });
  });

  it('checks entity identity and access-pattern references', () => {
    const issues = validateModel(
      model((m) => {
        m.entities.push(entity('ent-order', 'order', 'X#{{orderId}}', 'Y'));
        m.accessPatterns.push({ id: 'ap', name: 'Get', operation: 'Query', index: 'gsi-x', entity: 'ent-x', parameters: [], request: {} });
      }),
    );
    expect(issues.filter((i) => i.severity !== 'info').map((i) => [i.severity, i.code, i.path])).toEqual([
      ['error', 'entity.duplicateName', '/entities/1/name'],
      ['error', 'entity.duplicateId', '/entities/1/id'],
      ['error', 'pattern.target', '/accessPatterns/0/index'],
      ['warning', 'pattern.entities', '/accessPatterns/0/entity'],
    ]);
  });

  describe('access patterns broken by a deletion', () => {
    const problems = (m: DesignModel) =>
      validateModel(m, generateSampleItems(m, new SampleCache()))
        .filter((i) => i.path.startsWith('/accessPatterns/'))
        .map((i) => [i.severity, i.path, i.message]);

    it('lists nothing for the intact design', () => {
      expect(problems(shopDesign())).toEqual([]);
    });

    it('lists each pattern of a deleted entity by name, and a parameter left with no value', () => {
      expect(problems(deleteEntity(shopDesign(), { entityId: SHOP_IDS.order }))).toEqual([
        ['error', '/accessPatterns/0/parameters', expect.stringMatching(/^access pattern "Orders by status": \{\{status\}\} has no value/)],
        ['warning', '/accessPatterns/0', `access pattern "Orders by status": Matches no entity's key templates: it returns nothing`],
        ['warning', '/accessPatterns/1', `access pattern "Get an order": Matches no entity's key templates: it returns nothing`],
      ]);
    });

    it('lists a pattern whose index was deleted as an error at its IndexName', () => {
      expect(problems(deleteIndex(shopDesign(), { indexId: SHOP_IDS.gsi }))).toEqual([
        ['error', '/accessPatterns/0/request/IndexName', 'access pattern "Orders by status": IndexName "GSI1" is not an index of Shop'],
      ]);
    });
  });

  it('escapes JSON pointer segments', () => {
    expect(pointer('entities', 0, 'keys', 'indexes', 'a/b~c')).toBe('/entities/0/keys/indexes/a~1b~0c');
  });
});
