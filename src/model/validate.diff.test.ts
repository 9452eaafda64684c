// validateModel's errors claim DynamoDB would refuse the design. Proof: the CreateTable
// request of each broken design is refused by DynamoDB Local, while the sound base design
// is accepted.
import { describe, expect, inject, it } from 'vitest';
import { toCreateTableInput } from './createTableInput';
import { MODEL_VERSION, type DesignModel } from './types';
import { validateModel } from './validate';
import { tableDesign } from './tableDesign';

const endpoint = inject('dynamodbLocalEndpoint');

async function createTable(input: unknown): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.CreateTable',
      authorization: 'AWS4-HMAC-SHA256 Credential=model/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(input),
  });
  return { ok: response.ok, body: (await response.json()) as Record<string, unknown> };
}

let counter = 0;

function base(change: (m: DesignModel) => void = () => {}): DesignModel {
  counter += 1;
  const model: DesignModel = {
    version: MODEL_VERSION,
    name: 'limits',
    table: tableDesign(`model-limits-${Date.now()}-${counter}`, { name: 'PK', type: 'S' }, { name: 'SK', type: 'S' }),
    globalSecondaryIndexes: [
      { id: 'g1', name: 'GSI1', partitionKey: { name: 'GSI1PK', type: 'S' }, sortKey: { name: 'GSI1SK', type: 'N' }, projection: { type: 'ALL' } },
    ],
    localSecondaryIndexes: [{ id: 'l1', name: 'LSI1', sortKey: { name: 'LSI1SK', type: 'S' }, projection: { type: 'KEYS_ONLY' } }],
    entities: [],
    accessPatterns: [],
    sampleSeed: 1,
  };
  change(model);
  return model;
}

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const broken: [string, string, (m: DesignModel) => void][] = [
  ['table.name', 'a table name with a space', (m) => (m.table.name = `bad name ${counter}`)],
  ['index.name', 'a two-character index name', (m) => (m.globalSecondaryIndexes[0]!.name = 'ab')],
  ['index.duplicateName', 'two indexes with one name', (m) => (m.localSecondaryIndexes[0]!.name = 'GSI1')],
  [
    'index.gsiCount',
    '21 GSIs',
    (m) => {
      for (let i = 2; i <= 21; i += 1) m.globalSecondaryIndexes.push({ id: `g${i}`, name: `GSI${i}`, partitionKey: { name: `G${i}`, type: 'S' }, projection: { type: 'KEYS_ONLY' } });
    },
  ],
  [
    'index.lsiCount',
    '6 LSIs',
    (m) => {
      for (let i = 2; i <= 6; i += 1) m.localSecondaryIndexes.push({ id: `l${i}`, name: `LSI${i}`, sortKey: { name: `L${i}`, type: 'S' }, projection: { type: 'KEYS_ONLY' } });
    },
  ],
  [
    'projection.limit',
    '101 projected attributes over two indexes',
    (m) => {
      m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: names(51, 'a') };
      m.localSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: names(50, 'b') };
    },
  ],
  ['projection.emptyInclude', 'INCLUDE without attributes', (m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: [] })],
  ['projection.duplicate', 'an attribute projected twice', (m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'INCLUDE', nonKeyAttributes: ['x', 'x'] })],
  ['projection.unexpectedAttributes', 'KEYS_ONLY with attributes', (m) => (m.globalSecondaryIndexes[0]!.projection = { type: 'KEYS_ONLY', nonKeyAttributes: ['x'] })],
  ['key.typeConflict', 'one key attribute with two types', (m) => (m.localSecondaryIndexes[0]!.sortKey = { name: 'GSI1SK', type: 'S' })],
  ['key.sameName', 'a GSI keyed twice on one attribute', (m) => (m.globalSecondaryIndexes[0]!.sortKey = { name: 'GSI1PK', type: 'S' })],
  ['key.nameLength', 'a 256-byte key attribute name', (m) => (m.globalSecondaryIndexes[0]!.partitionKey = { name: 'k'.repeat(256), type: 'S' })],
  ['lsi.needsTableSortKey', 'an LSI on a table without a sort key', (m) => delete m.table.sortKey],
  ['capacity.units', 'a table provisioned with 0 read capacity units', (m) => (m.table.billing = { mode: 'PROVISIONED', read: { units: 0 }, write: { units: 5 } })],
  [
    'capacity.units',
    'a GSI provisioned with 0 write capacity units',
    (m) => {
      m.table.billing = { mode: 'PROVISIONED', read: { units: 5 }, write: { units: 5 } };
      m.globalSecondaryIndexes[0]!.throughput = { read: { units: 5 }, write: { units: 0 } };
    },
  ],
];

describe('validateModel agrees with DynamoDB Local on CreateTable', () => {
  it('accepts the sound base design', async () => {
    const model = base();
    expect(validateModel(model).filter((i) => i.severity === 'error')).toEqual([]);
    const result = await createTable(toCreateTableInput(model));
    expect(result.body).toHaveProperty('TableDescription');
  });

  it.each(broken)('%s: %s is an error and DynamoDB refuses it', async (code, _, change) => {
    const model = base(change);
    expect(validateModel(model).filter((i) => i.severity === 'error').map((i) => i.code)).toContain(code);
    const result = await createTable(toCreateTableInput(model));
    expect(result.ok, JSON.stringify(result.body)).toBe(false);
    expect(result.body.__type).toMatch(/ValidationException$/);
  });

  it("only warns about an LSI on the table's own sort key, which DynamoDB accepts", async () => {
    const model = base((m) => (m.localSecondaryIndexes[0]!.sortKey = { name: 'SK', type: 'S' }));
    expect(validateModel(model).map((i) => [i.severity, i.code])).toEqual([['warning', 'lsi.sameSortKey']]);
    const result = await createTable(toCreateTableInput(model));
    expect(result.body).toHaveProperty('TableDescription');
  });
});
