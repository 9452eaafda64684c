// BatchGetItem validation order. DynamoDB Local reads the request table by table as sent
// (values, repeated keys, the key limit), then checks tables in java.util.HashMap order of their
// names and each table's keys in java.util.HashSet order of the key maps' hashCode.
import { BatchGetItemCommand, CreateTableCommand, PutItemCommand, type AttributeValue, type BatchGetItemCommandInput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';
import { keyTable } from './testing/tables';


let oracle: Oracle;
/** pk S + sk N. */
let pair: string;
/** pk S, a second table for multi-table requests. */
let single: string;

const S = (text: string): AttributeValue => ({ S: text });
const N = (text: string): AttributeValue => ({ N: text });
const B = (...bytes: number[]): AttributeValue => ({ B: Uint8Array.from(bytes) });

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  pair = oracle.table('batchget-pair');
  single = oracle.table('batchget-single');
  await same(oracle, CreateTableCommand, keyTable(pair, ['pk', 'S'], ['sk', 'N']));
  await same(oracle, CreateTableCommand, keyTable(single, ['pk', 'S']));
  await same(oracle, PutItemCommand, { TableName: pair, Item: { pk: S('k0'), sk: N('0') } });
});

async function refused(RequestItems: NonNullable<BatchGetItemCommandInput['RequestItems']>): Promise<void> {
  const result = await same(oracle, BatchGetItemCommand, { RequestItems });
  expect('error' in result).toBe(true);
}

describe('which invalid key DynamoDB Local reports first', () => {
  // In each list the first invalid key is not the one Local reports.
  it('orders keys by the hash of their strings, numbers as sent and bytes', async () => {
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: S('') }, { pk: S('k1'), sk: S('') }, { pk: S('k2'), sk: N('2') }, { pk: S('k3'), sk: N('3'), x: S('b') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0') }, { pk: S(''), sk: N('1') }, { pk: S('k2'), sk: N('2') }, { pk: S('k3') }, { pk: S('k4') }, { pk: S('k5'), sk: S('a') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('1') }, { sk: N('1') }, { pk: S('k2'), sk: N('1e2') }, { pk: S('k3'), sk: N('100') }, { pk: N('2.50'), sk: N('4') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0'), x: N('1e2') }, { pk: S('k1'), a: N('1e2') }, { pk: S('k2'), a: N('2.50') }, { pk: S('k3'), a: N('100') }, { pk: S('k4'), sk: N('2.50') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: B(1) }, { pk: S('k1'), sk: N('1'), x: B(0x80) }, { pk: B(), sk: N('2') }, { pk: S('k3'), sk2: B(0, 0x80) }, { pk: S('k4'), sk: N('4') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0') }, { pk: S('k1'), sk: N('1') }, { pk: B(0xff), sk: N('2') }] } });
  });

  it('hashes sets in sorted order: strings, numbers by value as Java prints them, bytes signed', async () => {
    await refused({ [pair]: { Keys: [{ pk: S('k0') }, { pk: S('k1'), sk: N('1') }, { pk: S('k2'), a: { SS: ['zz', 'é', 'a'] } }, { pk: S('k3'), sk2: { SS: ['zz', 'é', 'a'] } }, { pk: S('k4'), sk2: { SS: ['a', 'b'] } }, { pk: S('k5') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0') }, { pk: { SS: ['zz', 'é', 'a'] }, sk: N('1') }, { pk: S('k2'), sk: N('2'), x: { SS: ['b', 'a'] } }, { pk: S('k3'), sk2: { SS: ['zz', 'é', 'a'] } }, { pk: S('k4'), sk: N('4') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0'), x: { NS: ['10', '9'] } }, { pk: S('k1'), a: { NS: ['2.50', '+4', '0.001'] } }, { pk: S('k2') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk2: { NS: ['2.50', '+4', '0.001'] } }, { pk: { NS: ['10', '9'] }, sk: N('1') }, { sk: N('2') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0') }, { pk: S('k1'), sk: N('1') }, { pk: S('k2'), sk: N('2'), x: { BS: [Uint8Array.from([1]), Uint8Array.from([0x80])] } }, { pk: S('k3'), sk: { BS: [Uint8Array.from([0x80]), Uint8Array.from([1])] } }] } });
  });

  it('hashes booleans, nulls, maps and lists', async () => {
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0') }, { pk: S('k1'), sk2: { BOOL: false } }, { pk: S('k2'), sk: N('2') }, { sk: N('3') }, { pk: S('k4'), sk: N('4') }, { pk: S('k5'), sk: N('5'), x: { BOOL: true } }] } });
    await refused({ [pair]: { Keys: [{ pk: { NULL: true }, sk: N('0') }, { pk: S('k1') }, { pk: S('k2') }, { pk: S('k3') }, { pk: S('k4'), sk2: { NULL: true } }, { pk: { NULL: true }, sk: N('5') }] } });
    const map: AttributeValue = { M: { a: S('x'), n: N('1') } };
    await refused({ [pair]: { Keys: [{ pk: S('k0'), a: map }, { pk: S('k1'), sk: map }, { pk: S('k2'), sk: N('2') }, { pk: S('k3'), sk: N('3'), x: map }] } });
    const list: AttributeValue = { L: [S('x'), { BOOL: false }] };
    await refused({ [pair]: { Keys: [{ pk: list, sk: N('0') }, { pk: S('k1'), sk: N('1'), x: list }, { pk: S('k2'), sk: N('2') }, { pk: S('k3'), sk: N('3') }, { pk: S('k4'), sk: N('4') }, { sk: N('5') }] } });
  });

  it('reads every table as sent before checking tables in hash order of their names', async () => {
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('x') }] }, [single]: { Keys: [] } });
    await refused({ [single]: { Keys: [] }, [pair]: { Keys: [{ pk: S('k0'), sk: N('x') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0') }, {}, { pk: N('1'), sk: N('0') }] } });
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0') }, { pk: S('k0'), sk: N('0') }, { pk: S('k0'), sk: N('x') }] } });
    for (const missing of ['zz', 'a-missing-table', 'missing.2', 'Q']) {
      await refused({ [pair]: { Keys: [{ pk: N('1'), sk: N('0') }] }, [oracle.table(missing)]: { Keys: [{ pk: S('a') }] }, [single]: { Keys: [{ pk: S('a'), x: S('b') }] } });
    }
    await refused({ [pair]: { Keys: [{ pk: S('k0'), sk: N('0') }] }, [single]: { Keys: [{ pk: N('1') }], ProjectionExpression: 'a..b' } });
  });
});
