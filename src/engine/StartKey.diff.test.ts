// ExclusiveStartKey checks of Query and Scan: DynamoDB Local's words, and which problem it
// reports first when a start key has several (size, then presence and type of each attribute,
// then empty values, table key before index key).
import { CreateTableCommand, PutItemCommand, QueryCommand, ScanCommand, type AttributeValue, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, same, type Oracle } from './testing/differential';

type Item = Record<string, AttributeValue>;

let oracle: Oracle;
/** pk S + sk B, LSI `lsi` (lsk S), GSI `gsi` (gpk S, gsk B), GSI `inverted` (sk, pk). */
let keyed: string;
/** pk B only, GSI `byName` (name S, pk B). */
let hashOnly: string;

const S = (text: string): AttributeValue => ({ S: text });
const B = (...bytes: number[]): AttributeValue => ({ B: Uint8Array.from(bytes) });
const N = (text: string): AttributeValue => ({ N: text });
const EMPTY_B = B();

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  keyed = oracle.table('startkey');
  hashOnly = oracle.table('startkey-hash');
  const key = (hash: string, range?: string) => [{ AttributeName: hash, KeyType: 'HASH' as const }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : [])];
  await same(oracle, CreateTableCommand, {
    TableName: keyed,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: key('pk', 'sk'),
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'B' },
      { AttributeName: 'lsk', AttributeType: 'S' },
      { AttributeName: 'gpk', AttributeType: 'S' },
      { AttributeName: 'gsk', AttributeType: 'B' },
    ],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', KeySchema: key('pk', 'lsk'), Projection: { ProjectionType: 'ALL' } }],
    GlobalSecondaryIndexes: [
      { IndexName: 'gsi', KeySchema: key('gpk', 'gsk'), Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'inverted', KeySchema: key('sk', 'pk'), Projection: { ProjectionType: 'KEYS_ONLY' } },
    ],
  });
  await same(oracle, CreateTableCommand, {
    TableName: hashOnly,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: key('pk'),
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'B' },
      { AttributeName: 'name', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [{ IndexName: 'byName', KeySchema: key('name', 'pk'), Projection: { ProjectionType: 'ALL' } }],
  });
  await same(oracle, PutItemCommand, { TableName: keyed, Item: { pk: S('a'), sk: B(1), lsk: S('l'), gpk: S('g'), gsk: B(2) } });
  await same(oracle, PutItemCommand, { TableName: hashOnly, Item: { pk: B(1), name: S('n') } });
});

/** Sends the start key with a Scan and with a Query on the partition it names; both must fail alike. */
async function refused(table: () => string, IndexName: string | undefined, ExclusiveStartKey: Item, extra: Partial<ScanCommandInput & QueryCommandInput> = {}): Promise<void> {
  const scan = await same(oracle, ScanCommand, { TableName: table(), IndexName, ExclusiveStartKey, ...extra });
  expect('error' in scan).toBe(true);
  const hashName = IndexName === 'gsi' ? 'gpk' : IndexName === 'inverted' ? 'sk' : IndexName === 'byName' ? 'name' : 'pk';
  const hashValue = IndexName === 'inverted' ? B(1) : table() === hashOnly && !IndexName ? B(1) : S('a');
  const query = await same(oracle, QueryCommand, {
    TableName: table(),
    IndexName,
    KeyConditionExpression: '#h = :h',
    ExpressionAttributeNames: { '#h': hashName },
    ExpressionAttributeValues: { ':h': hashValue },
    ExclusiveStartKey,
    ...extra,
  });
  expect('error' in query).toBe(true);
}

const tableKeyed = () => keyed;
const tableHashOnly = () => hashOnly;

describe('ExclusiveStartKey size', () => {
  it('refuses a table or LSI start key of another size as not the key schema size', async () => {
    await refused(tableKeyed, undefined, { pk: S('a') });
    await refused(tableKeyed, undefined, { pk: S('a'), sk: B(1), lsk: S('l') });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: B(1) });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: B(1), lsk: S('l'), gpk: S('g') });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: EMPTY_B });
    await refused(tableHashOnly, undefined, { pk: B(1), name: S('') });
  });

  it('calls a GSI start key of another size, or an empty one, merely invalid', async () => {
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: B(1) });
    await refused(tableKeyed, 'gsi', { pk: S(''), sk: B(1), gpk: S('g'), gsk: B(2), lsk: S('l') });
    await refused(tableKeyed, undefined, {});
    await refused(tableKeyed, 'lsi', {});
    await refused(tableHashOnly, undefined, {});
  });
});

describe('ExclusiveStartKey attributes', () => {
  it('checks presence and type attribute by attribute, table key first, before any empty value', async () => {
    await refused(tableKeyed, undefined, { pk: S(''), sk: S('x') });
    await refused(tableKeyed, undefined, { pk: N('1'), x: B(1) });
    await refused(tableKeyed, undefined, { x: S('a'), sk: N('1') });
    await refused(tableKeyed, 'lsi', { pk: S(''), sk: { BOOL: true }, x: S('l') });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: EMPTY_B, lsk: B(1) });
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: N('1'), x: S('g'), gsk: B(2) });
    await refused(tableKeyed, 'gsi', { pk: S('a'), x: B(1), gpk: B(1), gsk: B(2) });
    await refused(tableKeyed, 'inverted', { pk: S(''), sk: S('x') });
  });
});

describe('ExclusiveStartKey empty values', () => {
  it("words an empty value by the attribute's role, with the one-row sentence for a hash key", async () => {
    await refused(tableKeyed, undefined, { pk: S(''), sk: B(1) });
    await refused(tableKeyed, undefined, { pk: S('a'), sk: EMPTY_B });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: B(1), lsk: S('') });
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: B(1), gpk: S(''), gsk: B(2) });
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: B(1), gpk: S('g'), gsk: EMPTY_B });
    await refused(tableKeyed, 'inverted', { pk: S('a'), sk: EMPTY_B });
    await refused(tableHashOnly, undefined, { pk: EMPTY_B });
    await refused(tableHashOnly, 'byName', { pk: B(1), name: S('') });
  });

  it('reports the first empty value, table key before index key', async () => {
    await refused(tableKeyed, undefined, { pk: S(''), sk: EMPTY_B });
    await refused(tableKeyed, 'lsi', { pk: S('a'), sk: EMPTY_B, lsk: S('') });
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: EMPTY_B, gpk: S(''), gsk: EMPTY_B });
    await refused(tableKeyed, 'gsi', { pk: S('a'), sk: B(1), gpk: S(''), gsk: EMPTY_B });
    await refused(tableKeyed, 'inverted', { pk: S(''), sk: EMPTY_B });
    await refused(tableHashOnly, 'byName', { pk: EMPTY_B, name: S('') });
  });
});

describe('ExclusiveStartKey among the other checks', () => {
  it('checks the start key after the key condition and Limit, before its match and Select', async () => {
    const query = (ExclusiveStartKey: Item, extra: Partial<QueryCommandInput>) =>
      same(oracle, QueryCommand, { TableName: keyed, KeyConditionExpression: 'pk = :h', ExpressionAttributeValues: { ':h': S('a') }, ExclusiveStartKey, ...extra });
    await query({ pk: S('b'), sk: EMPTY_B }, {});
    await query({ pk: S(''), sk: B(1) }, { Select: 'COUNT', ProjectionExpression: 'a' });
    await query({ pk: S('a'), sk: EMPTY_B }, { Limit: 0 });
    await query({ pk: S('a'), sk: EMPTY_B }, { ExpressionAttributeValues: { ':h': S('') } });
    await query({ pk: S('a'), sk: EMPTY_B }, { KeyConditionExpression: 'pk = :h AND sk > :s', ExpressionAttributeValues: { ':h': S('a'), ':s': B(9) } });
  });

  it('checks a Scan start key before Select and segments', async () => {
    const scan = (ExclusiveStartKey: Item, extra: Partial<ScanCommandInput>) => same(oracle, ScanCommand, { TableName: keyed, ExclusiveStartKey, ...extra });
    await scan({ pk: S(''), sk: B(1) }, { Select: 'COUNT', ProjectionExpression: 'a' });
    await scan({ pk: S('a'), sk: EMPTY_B }, { Segment: 1 });
    await scan({ pk: S('a'), sk: EMPTY_B }, { Segment: 3, TotalSegments: 2 });
    await scan({ pk: S('a'), sk: EMPTY_B }, { Limit: 0 });
    await scan({ pk: S('a'), sk: EMPTY_B }, { IndexName: 'gsi', ConsistentRead: true });
  });
});
