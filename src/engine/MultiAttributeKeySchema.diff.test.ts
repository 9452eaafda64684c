// Multi-attribute GSI keys in CreateTable, UpdateTable and DescribeTable: which key schemas
// DynamoDB Local 3.3 accepts, which it refuses and in what words and order.
import {
  CreateTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateTableCommand,
  type AttributeDefinition,
  type AttributeValue,
  type CreateTableCommandInput,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';

let oracle: Oracle;
beforeAll(() => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
});

const TYPES: Record<string, 'S' | 'N' | 'B'> = { pk: 'S', sk: 'S', a: 'S', b: 'N', c: 'B', d: 'S', e: 'N', f: 'S', g: 'B', h: 'S', i: 'S' };

/** "Ha Hb Rc" is a key schema of HASH a, HASH b, RANGE c; X marks an element of no key type. */
function keySchema(spec: string): KeySchemaElement[] {
  if (spec === '') return [];
  return spec.split(' ').map((element) => ({
    AttributeName: element.slice(1),
    KeyType: ({ H: 'HASH', R: 'RANGE' } as const)[element[0] as 'H' | 'R'] ?? ('SORT' as never),
  }));
}

/** Definitions of exactly the attributes the schemas name, unless some are left out on purpose. */
function definitions(specs: readonly string[], undefinedNames: readonly string[] = []): AttributeDefinition[] {
  const names = new Set(specs.flatMap((spec) => keySchema(spec).map((element) => element.AttributeName as string)));
  return [...names].filter((name) => !undefinedNames.includes(name)).map((name) => ({ AttributeName: name, AttributeType: TYPES[name] ?? 'S' }));
}

interface TableSpec {
  table?: string;
  gsi?: string;
  lsi?: string;
  undefinedNames?: string[];
}

function createTable(label: string, spec: TableSpec): CreateTableCommandInput {
  const table = spec.table ?? 'Hpk Rsk';
  const specs = [table, spec.gsi ?? '', spec.lsi ?? ''];
  return {
    TableName: oracle.table(label),
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: keySchema(table),
    AttributeDefinitions: definitions(specs, spec.undefinedNames),
    ...(spec.gsi !== undefined ? { GlobalSecondaryIndexes: [{ IndexName: 'multi', KeySchema: keySchema(spec.gsi), Projection: { ProjectionType: 'ALL' } }] } : {}),
    ...(spec.lsi !== undefined ? { LocalSecondaryIndexes: [{ IndexName: 'local', KeySchema: keySchema(spec.lsi), Projection: { ProjectionType: 'ALL' } }] } : {}),
  };
}

describe('CreateTable with multi-attribute GSI keys', () => {
  it.each([
    ['two partition-key attributes', 'Ha Hb'],
    ['four partition-key attributes', 'Ha Hb Hc Hd'],
    ['one partition-key and four sort-key attributes', 'Ha Rb Rc Rd Re'],
    ['four and four', 'Ha Hb Hc Hd Re Rf Rg Rh'],
    ['the table key among the parts', 'Hpk Ha Rsk Rb'],
  ])('accepts %s and describes the key as given', async (_label, gsi) => {
    const input = createTable('accept', { gsi });
    await same(oracle, CreateTableCommand, input);
    const described = output<{ Table: { GlobalSecondaryIndexes: { KeySchema: KeySchemaElement[] }[] } }>(
      await same(oracle, DescribeTableCommand, { TableName: input.TableName }),
    );
    expect(described.Table.GlobalSecondaryIndexes[0]?.KeySchema).toEqual(keySchema(gsi));
  });

  it.each([
    ['five partition-key attributes', { gsi: 'Ha Hb Hc Hd He' }],
    ['five partition-key and one sort-key attribute', { gsi: 'Ha Hb Hc Hd He Rf' }],
    ['five sort-key attributes', { gsi: 'Ha Rb Rc Rd Re Rf' }],
    ['more than eight elements', { gsi: 'Ha Hb Hc Hd Re Rf Rg Rh Ri' }],
    ['more than eight elements, one repeated', { gsi: 'Ha Hb Hc Hd Re Rf Rg Rh Ra' }],
    ['a sort-key attribute first', { gsi: 'Rb Ha' }],
    ['a partition-key attribute after a sort-key attribute', { gsi: 'Ha Hb Rc Hd' }],
    ['a misplaced partition key among too many', { gsi: 'Ha Rb Hc Hd He Hf' }],
    ['a repeated partition-key attribute', { gsi: 'Ha Ha' }],
    ['an attribute in both keys', { gsi: 'Ha Hb Ra' }],
    ['a repeated sort-key attribute', { gsi: 'Ha Rb Rb' }],
    ['a repeated attribute among too many partition keys', { gsi: 'Ha Hb Hc Hd Ha' }],
    ['a repeated attribute out of order', { gsi: 'Ha Rb Ha' }],
    ['only sort-key attributes', { gsi: 'Ra Rb' }],
    ['only sort-key attributes, too many', { gsi: 'Ra Rb Rc Rd Re' }],
    ['an empty key schema', { gsi: '' }],
    ['an undefined second partition-key attribute', { gsi: 'Ha Hz', undefinedNames: ['z'] }],
    ['an undefined sort-key attribute', { gsi: 'Ha Rb Rz', undefinedNames: ['z'] }],
    ['too many partition keys, one undefined', { gsi: 'Ha Hb Hc Hd Hz', undefinedNames: ['z'] }],
    ['an undefined attribute out of order', { gsi: 'Ha Rb Hz', undefinedNames: ['z'] }],
    ['a table with two partition-key attributes', { table: 'Hpk Hsk' }],
    ['a table with three key attributes', { table: 'Hpk Rsk Ra' }],
    ['a table with two sort-key attributes only', { table: 'Rpk Rsk' }],
    ['a table with its sort key first', { table: 'Rsk Hpk' }],
    ['a table with a repeated attribute', { table: 'Hpk Hpk' }],
    ['an LSI with two sort-key attributes', { lsi: 'Hpk Ra Rb' }],
    ['an LSI with two partition-key attributes', { lsi: 'Hpk Ha' }],
    ['an LSI with its sort key first', { lsi: 'Ra Hpk' }],
  ] as [string, TableSpec][])('refuses %s as DynamoDB Local does', async (label, spec) => {
    const answer = await same(oracle, CreateTableCommand, createTable('refuse', spec));
    expect('error' in answer && answer.error.name, label).toBe('ValidationException');
  });

  it('counts every part of a multi-attribute key against the attribute definitions', async () => {
    const input = createTable('unused', { gsi: 'Ha Hb Rc' });
    await same(oracle, CreateTableCommand, { ...input, AttributeDefinitions: [...(input.AttributeDefinitions ?? []), { AttributeName: 'd', AttributeType: 'S' }] });
    await same(oracle, CreateTableCommand, { ...input, AttributeDefinitions: input.AttributeDefinitions?.filter((definition) => definition.AttributeName !== 'c') });
  });
});

// Both sides build and drop indexes in the background; a client polls DescribeTable until done.
async function untilIndexes(name: string, done: (statuses: (string | undefined)[]) => boolean): Promise<void> {
  for (const client of [oracle.local, oracle.engine]) {
    for (let attempt = 0; ; attempt++) {
      const table = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
      if (done((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexStatus))) break;
      if (attempt === 100) throw new Error(`${name}: index changes not done`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('UpdateTable creating a multi-attribute GSI', () => {
  it('adds one to a table with items, refuses bad ones, describes it and backfills it', async () => {
    const input = createTable('update', {});
    await same(oracle, CreateTableCommand, input);
    for (let i = 0; i < 12; i++) {
      const item: Record<string, AttributeValue> = { pk: { S: `p${i % 3}` }, sk: { S: `s${i}` }, a: { S: `a${i % 2}` }, b: { N: String(i % 4) }, c: { B: new Uint8Array([i]) }, d: { S: `d${i % 5}` } };
      // Sparse: without d the item is not in the new index.
      if (i % 5 === 4) delete item.d;
      await same(oracle, PutItemCommand, { TableName: input.TableName, Item: item });
    }
    const create = (spec: string, undefinedNames: string[] = []) => ({
      TableName: input.TableName,
      AttributeDefinitions: definitions([spec], undefinedNames),
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: `by-${spec.replaceAll(' ', '')}`, KeySchema: keySchema(spec), Projection: { ProjectionType: 'KEYS_ONLY' as const } } }],
    });
    for (const refused of ['Ha Hb Hc Hd He', 'Ha Rb Rc Rd Re Rf', 'Rb Ha', 'Ha Ha', 'Ha Hb Hc Hd Re Rf Rg Rh Ri']) {
      await same(oracle, UpdateTableCommand, create(refused));
    }
    await same(oracle, UpdateTableCommand, create('Ha Hz', ['z']));
    await same(oracle, UpdateTableCommand, create('Ha Hb Rc Rd'));
    const described = output<{ Table: { AttributeDefinitions: AttributeDefinition[] } }>(await same(oracle, DescribeTableCommand, { TableName: input.TableName }));
    expect(described.Table.AttributeDefinitions.map((definition) => definition.AttributeName)).toEqual(expect.arrayContaining(['a', 'b', 'c', 'd']));
    await untilIndexes(input.TableName as string, (statuses) => statuses.every((status) => status === 'ACTIVE'));
    for (const ScanIndexForward of [true, false]) {
      const page = output<{ Items: unknown[] }>(
        await same(oracle, QueryCommand, {
          TableName: input.TableName,
          IndexName: 'by-HaHbRcRd',
          KeyConditionExpression: 'a = :a AND b = :b',
          ExpressionAttributeValues: { ':a': { S: 'a1' }, ':b': { N: '1' } },
          ScanIndexForward,
        }),
      );
      expect(page.Items.length).toBeGreaterThan(0);
    }
    await same(oracle, ScanCommand, { TableName: input.TableName, IndexName: 'by-HaHbRcRd' });
    // Dropping it drops the definitions of its parts that nothing else keys on.
    await same(oracle, UpdateTableCommand, { TableName: input.TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-HaHbRcRd' } }] });
    await untilIndexes(input.TableName as string, (statuses) => statuses.length === 0);
    await same(oracle, DescribeTableCommand, { TableName: input.TableName });
  });
});
