// Differential tests of AttributeValue.ts against DynamoDB Local: number normalization,
// value validation messages and item size (probed at the 400 KB item limit, which DynamoDB
// enforces with exactly this size formula).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { itemSize, normalizeNumber, validateItemValues, type AttributeValue, type Item } from './AttributeValue';
import { DynamoDBError } from './errors';
import { callLocal, createTable, type LocalTable } from './expressions/testing/localOracle';

const table: LocalTable = {
  name: `attribute-values-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  partitionKey: 'pk',
  sortKey: 'sk',
  sortKeyType: 'S',
};
const MAX_ITEM_SIZE = 400 * 1024;
let endpoint: string;
let counter = 0;

beforeAll(async () => {
  endpoint = inject('dynamodbLocalEndpoint');
  await createTable(endpoint, table);
});

function key(): Item {
  return { pk: { S: 'p' }, sk: { S: String(++counter) } };
}

async function put(item: Item | Record<string, unknown>): Promise<string | undefined> {
  const body = await callLocal(endpoint, 'PutItem', { TableName: table.name, Item: item });
  return typeof body.__type === 'string' ? String(body.Message) : undefined;
}

function mine(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DynamoDBError) return error.message;
    throw error;
  }
}

describe('numbers', () => {
  const inputs = [
    '1.0', '-0', '0', '1e2', '0.000', '00012', '+5', '-1.50', '1.', '.5', '-0.0e5', '100e-2', '1E-130', '0.1E-129',
    '9.9999999999999999999999999999999999999E+125', '12345678901234567890123456789012345678',
    '1234567890123456789012345678901234567800000', '-98765.4321e-3', '5E+3', '0.00000000000000000000000000000000000000001',
    '1E-131', '1E+126', '-1E+126', '123456789012345678901234567890123456789', '1000000000000000000000000000000000000000001',
    'abc', '', '  1', '1e', '0x10', 'NaN', 'Infinity', '1e-1000', '1234567890123456789012345678901234567890e200', '--1', '1e+', '١', '१२३.४', '𝟙𝟚', '1٫5',
  ];
  it.each(inputs)('normalizes %j like DynamoDB Local', async (text) => {
    const k = key();
    const error = await put({ ...k, v: { N: text } });
    expect(mine(() => normalizeNumber(text))).toBe(error);
    if (error === undefined) {
      const body = await callLocal(endpoint, 'GetItem', { TableName: table.name, Key: k });
      expect(normalizeNumber(text)).toBe(((body.Item as Item).v as { N: string }).N);
    }
  });
});

describe('value validation', () => {
  const values: unknown[] = [
    { SS: [] }, { NS: [] }, { BS: [] }, { SS: ['a', 'a'] }, { SS: ['b', 'a', 'b'] }, { NS: ['1', '1.0'] }, { NS: ['1', 'x', '1'] },
    { NS: ['1', '1', 'x'] }, { NS: ['1E+200', '1234567890123456789012345678901234567890'] }, { BS: ['AA==', 'AA=='] }, { NULL: false },
    { S: 'a', N: '1' }, {}, { X: '1' }, { M: { a: { SS: [] } } }, { L: [{ NULL: false }] }, { M: { '': { S: 'x' } } },
    { L: [{ S: 'a', N: '1' }] }, { SS: null }, { S: null }, { M: null }, { N: '1e-131' }, { S: '' }, { B: '' }, { SS: [''] },
    { BS: [''] }, { L: [] }, { M: {} }, { BOOL: false }, { NULL: true }, { NS: ['1', '2'] },
  ];
  it.each(values)('validates %j like DynamoDB Local', async (value) => {
    expect(mine(() => validateItemValues({ v: value }))).toBe(await put({ ...key(), v: value }));
  });

  it('reports the first invalid attribute of an item', async () => {
    for (const item of [
      { a: { SS: [] }, b: { NULL: false } },
      { b: { NULL: false }, a: { SS: [] } },
      { b: { N: 'x' }, a: { SS: [] } },
      { a: { SS: ['a', 'a'] }, b: { S: 'x', N: '1' } },
      { '': { S: 'x' } },
    ]) {
      expect(mine(() => validateItemValues(item))).toBe(await put({ ...key(), ...item }));
    }
  });
});

describe('item size', () => {
  const values: AttributeValue[] = [
    { N: '1' }, { N: '10' }, { N: '100' }, { N: '12' }, { N: '123' }, { N: '-1' }, { N: '-12' }, { N: '-123' }, { N: '0.1' },
    { N: '0.01' }, { N: '1.5' }, { N: '12345678901234567890123456789012345678' }, { N: '0' }, { N: '1E+125' }, { N: '1.23' },
    { N: '0.001' }, { N: '1000' }, { N: '-0.00012345' }, { N: '98765.4321' }, { BOOL: true }, { NULL: true }, { B: 'AAAA' },
    { B: 'AAA=' }, { S: 'é' }, { S: '😀' }, { S: 'a\u0000b' }, { M: {} }, { L: [] }, { M: { ab: { S: 'x' } } },
    { L: [{ S: 'x' }, { N: '1' }] }, { SS: ['a', 'bc'] }, { NS: ['1', '123'] }, { BS: ['AA==', 'AAA='] },
    { M: { a: { M: { b: { L: [] } } } } }, { L: [{ NULL: true }] }, { S: '' }, { B: '' }, { NS: ['-1', '0.5'] },
    { M: { 'ключ': { L: [{ M: { x: { BOOL: false } } }] } } },
    // Negative numbers whose digits fill all 20 base-100 pairs have no terminator byte.
    { N: '-9.2684814521742879811602236400922996101' }, { N: '-926848145.21742879811602236400922996101' },
    { N: '-12345678901234567890123456789012345678' }, { N: '-1234567890123456789012345678901234567.8' },
  ];
  // pk "p" (2+1), sk (2 + digits), v (1 + size), x (1 + padding): fill to exactly 400 KB.
  it.each(values)('sizes %j like DynamoDB Local', async (value) => {
    const base = key();
    const padding = MAX_ITEM_SIZE - itemSize({ ...base, v: value, x: { S: '' } });
    const item = (length: number): Item => ({ ...base, v: value, x: { S: 'a'.repeat(length) } });
    expect(itemSize(item(padding))).toBe(MAX_ITEM_SIZE);
    expect(await put(item(padding))).toBeUndefined();
    expect(await put(item(padding + 1))).toBe('Item size has exceeded the maximum allowed size');
  });
});
