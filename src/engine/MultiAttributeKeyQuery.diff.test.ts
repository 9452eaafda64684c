// Reading and writing through GSIs with multi-attribute keys, against DynamoDB Local 3.3:
// which items an index holds, Query's key conditions and their errors, order across several
// sort-key attributes, pages and start keys, projections, capacity, Scan and PartiQL.
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  ExecuteStatementCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type Condition,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';

type Item = Record<string, AttributeValue>;

let oracle: Oracle;
let matches: string;

const S = (text: string): AttributeValue => ({ S: text });
const N = (text: string): AttributeValue => ({ N: text });
const B = (...bytes: number[]): AttributeValue => ({ B: new Uint8Array(bytes) });

const rounds = ['-1', '0', '1.5', '2', '10'];
const brackets = ['a', 'B', 'a\u0000', 'ab', 'é', '😀', '\uffff'];
const seeds = [[0], [0, 0], [1, 2], [128], [255]];

/**
 * Matches keyed by pk (S) and sk (N). ByTournament: partition (tournament S, circuit S), sort
 * (round N, bracket S, seed B), keys only. ByPlayer: partition player, sort (played S, sk N: the
 * table's sort key among the parts), INCLUDE score. ByPair: partition (circuit S, round N), no
 * sort key, ALL.
 */
function matchItems(): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < 150; i++) {
    const item: Item = {
      pk: S(`M#${i % 11}`),
      sk: N(String(i)),
      tournament: S(i % 3 === 0 ? 'T2' : 'T1'),
      circuit: S(i % 4 === 0 ? 'us' : 'eu'),
      round: N(rounds[i % rounds.length] as string),
      bracket: S(brackets[(i * 3) % brackets.length] as string),
      seed: B(...(seeds[(i * 7) % seeds.length] as number[])),
      player: S(`P${i % 5}`),
      played: S(`2025-0${1 + (i % 3)}-1${i % 4}`),
      score: N(String((i * 37) % 101)),
      note: S('x'.repeat(i * 13)),
    };
    // Sparse: items lacking any key attribute of an index are not in it.
    if (i % 13 === 0) delete item.seed;
    if (i % 17 === 0) delete item.circuit;
    if (i % 19 === 0) delete item.played;
    items.push(item);
  }
  return items;
}

const T1_EU = { ':t': S('T1'), ':r': S('eu') };

async function query(input: Partial<QueryCommandInput>, IndexName = 'ByTournament'): Promise<{ Items: Item[]; LastEvaluatedKey?: Item }> {
  return output(await same(oracle, QueryCommand, { TableName: matches, IndexName, ...input } as QueryCommandInput));
}

/** Follows LastEvaluatedKey on both sides, comparing every page; returns every item read. */
async function allPages<I extends QueryCommandInput | ScanCommandInput>(Command: typeof QueryCommand | typeof ScanCommand, input: I): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  let pages = 0;
  do {
    const page = output<{ Items: Item[]; LastEvaluatedKey?: Item }>(await same(oracle, Command as typeof QueryCommand, { ...input, ExclusiveStartKey: start } as QueryCommandInput));
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
    pages++;
  } while (start && pages < 200);
  return items;
}

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  matches = oracle.table('matches');
  await same(oracle, CreateTableCommand, {
    TableName: matches,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'N' },
      { AttributeName: 'tournament', AttributeType: 'S' },
      { AttributeName: 'circuit', AttributeType: 'S' },
      { AttributeName: 'round', AttributeType: 'N' },
      { AttributeName: 'bracket', AttributeType: 'S' },
      { AttributeName: 'seed', AttributeType: 'B' },
      { AttributeName: 'player', AttributeType: 'S' },
      { AttributeName: 'played', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'ByTournament',
        KeySchema: [
          { AttributeName: 'tournament', KeyType: 'HASH' },
          { AttributeName: 'circuit', KeyType: 'HASH' },
          { AttributeName: 'round', KeyType: 'RANGE' },
          { AttributeName: 'bracket', KeyType: 'RANGE' },
          { AttributeName: 'seed', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
      {
        IndexName: 'ByPlayer',
        KeySchema: [
          { AttributeName: 'player', KeyType: 'HASH' },
          { AttributeName: 'played', KeyType: 'RANGE' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['score'] },
      },
      {
        IndexName: 'ByPair',
        KeySchema: [
          { AttributeName: 'circuit', KeyType: 'HASH' },
          { AttributeName: 'round', KeyType: 'HASH' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  });
  const items = matchItems();
  for (let i = 0; i < items.length; i += 25) {
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [matches]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } });
  }
});

describe('Query on a multi-attribute key', () => {
  it('reads a partition in order across several sort-key attributes (N, then S, then B), both ways', async () => {
    for (const ScanIndexForward of [true, false]) {
      const page = await query({ KeyConditionExpression: 'tournament = :t AND circuit = :r', ExpressionAttributeValues: T1_EU, ScanIndexForward });
      expect(page.Items.length).toBeGreaterThan(50);
      // Keys only: the table key and every part of the index key, nothing else.
      expect(Object.keys(page.Items[0] as Item).sort()).toEqual(['bracket', 'circuit', 'pk', 'round', 'seed', 'sk', 'tournament']);
    }
  });

  it.each([
    ['round = :n', { ':n': N('2') }],
    ['round < :n', { ':n': N('1.5') }],
    ['round <= :n', { ':n': N('1.5') }],
    ['round > :n', { ':n': N('0') }],
    ['round >= :n', { ':n': N('0') }],
    ['round BETWEEN :a AND :b', { ':a': N('-1'), ':b': N('2') }],
    ['round = :n AND bracket = :s', { ':n': N('2'), ':s': S('a') }],
    ['round = :n AND bracket < :s', { ':n': N('10'), ':s': S('ab') }],
    ['round = :n AND bracket <= :s', { ':n': N('10'), ':s': S('a') }],
    ['round = :n AND bracket > :s', { ':n': N('-1'), ':s': S('a') }],
    ['round = :n AND bracket >= :s', { ':n': N('-1'), ':s': S('é') }],
    ['round = :n AND bracket BETWEEN :a AND :b', { ':n': N('0'), ':a': S('B'), ':b': S('ab') }],
    ['round = :n AND begins_with(bracket, :s)', { ':n': N('1.5'), ':s': S('a') }],
    ['round = :n AND begins_with(bracket, :s)', { ':n': N('1.5'), ':s': S('a\u0000') }],
    ['round = :n AND bracket = :s AND seed = :b', { ':n': N('2'), ':s': S('a'), ':b': B(128) }],
    ['round = :n AND bracket = :s AND seed < :b', { ':n': N('0'), ':s': S('é'), ':b': B(1, 2) }],
    ['round = :n AND bracket = :s AND seed > :b', { ':n': N('10'), ':s': S('B'), ':b': B(0) }],
    ['round = :n AND bracket = :s AND begins_with(seed, :b)', { ':n': N('-1'), ':s': S('😀'), ':b': B(0) }],
    ['round = :n AND bracket = :s AND seed BETWEEN :a AND :b', { ':n': N('1.5'), ':s': S('\uffff'), ':a': B(0, 0), ':b': B(255) }],
  ] as const)('applies %s', async (condition, values) => {
    for (const ScanIndexForward of [true, false]) {
      await query({ KeyConditionExpression: `tournament = :t AND circuit = :r AND ${condition}`, ExpressionAttributeValues: { ...T1_EU, ...values }, ScanIndexForward });
    }
  });

  it('queries a key with several partition-key attributes and no sort key, and one whose sort key holds the table sort key', async () => {
    await query({ KeyConditionExpression: 'circuit = :r AND round = :n', ExpressionAttributeValues: { ':r': S('eu'), ':n': N('1.5') }, ReturnConsumedCapacity: 'INDEXES' }, 'ByPair');
    await query({ KeyConditionExpression: '#r = :r AND round = :n', ExpressionAttributeNames: { '#r': 'circuit' }, ExpressionAttributeValues: { ':r': S('us'), ':n': N('10') }, ScanIndexForward: false }, 'ByPair');
    await query({ KeyConditionExpression: 'player = :p AND #d = :d AND sk > :k', ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: { ':p': S('P1'), ':d': S('2025-02-11'), ':k': N('20') } }, 'ByPlayer');
    await query({ KeyConditionExpression: 'player = :p AND begins_with(#d, :d)', ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: { ':p': S('P1'), ':d': S('2025-02') } }, 'ByPlayer');
  });

  it('accepts the legacy KeyConditions on the same rules', async () => {
    const eq = (value: AttributeValue) => ({ ComparisonOperator: 'EQ' as const, AttributeValueList: [value] });
    await query({ KeyConditions: { tournament: eq(S('T1')), circuit: eq(S('eu')), round: eq(N('2')), bracket: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [S('a')] } } });
    const refused: Record<string, Condition>[] = [{ tournament: eq(S('T1')), circuit: eq(S('eu')), bracket: eq(S('a')) }, { tournament: eq(S('T1')) }];
    for (const KeyConditions of refused) {
      const answer = await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditions });
      expect('error' in answer).toBe(true);
    }
  });

  it.each<[string, string, Record<string, AttributeValue>]>([
    ['a missing partition-key attribute', 'tournament = :t', { ':t': S('T1') }],
    ['every partition-key attribute missing', 'round = :n', { ':n': N('2') }],
    ['a range condition on a partition-key attribute', 'tournament = :t AND circuit > :r', T1_EU],
    ['begins_with on a partition-key attribute', 'tournament = :t AND begins_with(circuit, :r)', T1_EU],
    ['a skipped sort-key attribute', 'tournament = :t AND circuit = :r AND bracket = :s', { ...T1_EU, ':s': S('a') }],
    ['two skipped sort-key attributes', 'tournament = :t AND circuit = :r AND seed = :b', { ...T1_EU, ':b': B(0) }],
    ['a range condition on a middle attribute', 'tournament = :t AND circuit = :r AND round > :n AND bracket = :s', { ...T1_EU, ':n': N('0'), ':s': S('a') }],
    ['begins_with before the last attribute used', 'tournament = :t AND circuit = :r AND round = :n AND begins_with(bracket, :s) AND seed = :b', { ...T1_EU, ':n': N('0'), ':s': S('a'), ':b': B(0) }],
    ['BETWEEN before the last attribute used', 'tournament = :t AND circuit = :r AND round BETWEEN :a AND :n AND bracket = :s', { ...T1_EU, ':a': N('0'), ':n': N('2'), ':s': S('a') }],
    ['two conditions on one attribute', 'tournament = :t AND circuit = :r AND round > :n AND round < :m', { ...T1_EU, ':n': N('0'), ':m': N('9') }],
    ['a non-key attribute', 'tournament = :t AND circuit = :r AND round = :n AND pk = :p', { ...T1_EU, ':n': N('0'), ':p': S('M#1') }],
    ['more conditions than key attributes', 'tournament = :t AND circuit = :r AND round = :n AND bracket = :s AND seed = :b AND pk = :p', { ...T1_EU, ':n': N('0'), ':s': S('a'), ':b': B(0), ':p': S('M#1') }],
    ['a partition-key value of the wrong type', 'tournament = :t AND circuit = :n', { ':t': S('T1'), ':n': N('1') }],
    ['a sort-key value of the wrong type', 'tournament = :t AND circuit = :r AND round = :s', { ...T1_EU, ':s': S('2') }],
    ['a wrong type before a skipped attribute', 'tournament = :n AND circuit = :r AND bracket = :s', { ':n': N('1'), ':r': S('eu'), ':s': S('a') }],
    ['a skipped attribute before a wrong type', 'tournament = :t AND circuit = :r AND round > :s AND bracket = :n', { ...T1_EU, ':s': S('1'), ':n': N('1') }],
    ['a wrong type before a non-key attribute', 'tournament = :t AND circuit = :r AND round = :s AND pk = :p', { ...T1_EU, ':s': S('1'), ':p': S('M#1') }],
    ['an empty partition-key value', 'tournament = :t AND circuit = :e', { ':t': S('T1'), ':e': S('') }],
    ['an empty value before a wrong type', 'tournament = :e AND circuit = :n', { ':e': S(''), ':n': N('1') }],
    ['an empty sort-key value', 'tournament = :t AND circuit = :r AND round = :n AND bracket = :e', { ...T1_EU, ':n': N('0'), ':e': S('') }],
    ['an empty binary prefix', 'tournament = :t AND circuit = :r AND round = :n AND bracket = :s AND begins_with(seed, :e)', { ...T1_EU, ':n': N('0'), ':s': S('a'), ':e': B() }],
    ['begins_with on a number', 'tournament = :t AND circuit = :r AND begins_with(round, :n)', { ...T1_EU, ':n': N('1') }],
    ['OR between parts', 'tournament = :t OR circuit = :r', T1_EU],
  ])('refuses %s as DynamoDB Local does', async (_label, KeyConditionExpression, ExpressionAttributeValues) => {
    const answer = await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression, ExpressionAttributeValues });
    expect('error' in answer).toBe(true);
  });

  it('checks the values again when it reuses a compiled key condition', async () => {
    const KeyConditionExpression = 'tournament = :t AND circuit = :r AND round = :n AND bracket = :s';
    await query({ KeyConditionExpression, ExpressionAttributeValues: { ...T1_EU, ':n': N('2'), ':s': S('a') } });
    await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression, ExpressionAttributeValues: { ...T1_EU, ':n': N('2'), ':s': S('') } });
    await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression, ExpressionAttributeValues: { ':t': S(''), ':r': S('eu'), ':n': N('2'), ':s': S('') } });
  });

  it('refuses key attributes in a filter, naming the first in key schema order', async () => {
    for (const FilterExpression of ['bracket = :s AND circuit = :r', 'seed = :b AND bracket = :s', 'bracket = :s']) {
      await same(oracle, QueryCommand, {
        TableName: matches,
        IndexName: 'ByTournament',
        KeyConditionExpression: 'tournament = :t AND circuit = :r',
        FilterExpression,
        ExpressionAttributeValues: { ...T1_EU, ':s': S('a'), ':b': B(0) },
      });
    }
  });

  it('answers with the projection: attributes it does not hold are refused, a filter on INCLUDEd ones works', async () => {
    await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression: 'tournament = :t AND circuit = :r', ExpressionAttributeValues: T1_EU, ProjectionExpression: 'score' });
    await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression: 'tournament = :t AND circuit = :r', ExpressionAttributeValues: T1_EU, Select: 'ALL_ATTRIBUTES' });
    await query({ KeyConditionExpression: 'player = :p', FilterExpression: 'score > :s', ExpressionAttributeValues: { ':p': S('P2'), ':s': N('40') }, ProjectionExpression: 'pk, score, #d', ExpressionAttributeNames: { '#d': 'played' } }, 'ByPlayer');
    await query({ KeyConditionExpression: 'player = :p', ExpressionAttributeValues: { ':p': S('P3') }, Select: 'COUNT' }, 'ByPlayer');
  });
});

describe('Pages and start keys on a multi-attribute key', () => {
  it.each([1, 4, 9])('pages a partition with Limit %i in both directions, LastEvaluatedKey holding every key part', async (Limit) => {
    for (const ScanIndexForward of [true, false]) {
      const items = await allPages(QueryCommand, {
        TableName: matches,
        IndexName: 'ByTournament',
        KeyConditionExpression: 'tournament = :t AND circuit = :r AND round >= :n',
        ExpressionAttributeValues: { ...T1_EU, ':n': N('1.5') },
        Limit,
        ScanIndexForward,
      });
      await allPages(QueryCommand, { TableName: matches, IndexName: 'ByPair', KeyConditionExpression: 'circuit = :r AND round = :n', ExpressionAttributeValues: { ':r': S('eu'), ':n': N('2') }, Limit, ScanIndexForward, ReturnConsumedCapacity: 'TOTAL' });
      expect(items.length).toBeGreaterThan(Limit);
    }
  });

  it('pages a query whose range ends inside the partition', async () => {
    await allPages(QueryCommand, { TableName: matches, IndexName: 'ByTournament', KeyConditionExpression: 'tournament = :t AND circuit = :r AND round = :n AND bracket <= :s', ExpressionAttributeValues: { ...T1_EU, ':n': N('0'), ':s': S('ab') }, Limit: 2 });
    await allPages(QueryCommand, { TableName: matches, IndexName: 'ByPlayer', KeyConditionExpression: 'player = :p AND #d BETWEEN :a AND :b', ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: { ':p': S('P4'), ':a': S('2025-01'), ':b': S('2025-02-12') }, Limit: 3, ScanIndexForward: false });
  });

  it('ends a page on the range’s inclusive end as DynamoDB Local does when the last attribute used is the table sort key', async () => {
    const values = { ':p': S('P1'), ':d': S('2025-02-11'), ':k': N('121'), ':j': N('1') };
    for (const ScanIndexForward of [true, false]) {
      await allPages(QueryCommand, { TableName: matches, IndexName: 'ByPlayer', KeyConditionExpression: 'player = :p AND #d = :d AND sk BETWEEN :j AND :k', ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: values, Limit: 1, ScanIndexForward });
      await allPages(QueryCommand, { TableName: matches, IndexName: 'ByPlayer', KeyConditionExpression: `player = :p AND #d = :d AND sk ${ScanIndexForward ? '<=' : '>='} :k`, ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: { ':p': values[':p'], ':d': values[':d'], ':k': N('61') }, Limit: 1, ScanIndexForward });
    }
    // A start key on the closed end matches nothing.
    const onEnd = { pk: S('M#0'), sk: N('121'), player: S('P1'), played: S('2025-02-11') };
    await same(oracle, QueryCommand, { TableName: matches, IndexName: 'ByPlayer', KeyConditionExpression: 'player = :p AND #d = :d AND sk BETWEEN :j AND :k', ExpressionAttributeNames: { '#d': 'played' }, ExpressionAttributeValues: values, ExclusiveStartKey: onEnd });
  });

  it('refuses start keys that miss a part, have a wrong type, or lie outside the key condition', async () => {
    const first = await query({ KeyConditionExpression: 'tournament = :t AND circuit = :r', ExpressionAttributeValues: T1_EU, Limit: 3 });
    const start = first.LastEvaluatedKey as Item;
    const base = { TableName: matches, IndexName: 'ByTournament', ExpressionAttributeValues: T1_EU } as const;
    const { seed: _seed, ...withoutSeed } = start;
    for (const ExclusiveStartKey of [withoutSeed, { ...start, seed: S('x') }, { ...start, round: N('99') }, { ...start, extra: S('x') }, { ...start, bracket: S('') }, { ...start, circuit: S('') }, { ...start, tournament: S('') }]) {
      await same(oracle, QueryCommand, { ...base, KeyConditionExpression: 'tournament = :t AND circuit = :r', ExclusiveStartKey });
    }
    await same(oracle, QueryCommand, { ...base, KeyConditionExpression: 'tournament = :t AND circuit = :r', ExclusiveStartKey: { ...start, circuit: S('us') } });
    await same(oracle, QueryCommand, { ...base, KeyConditionExpression: 'tournament = :t AND circuit = :r AND round > :n', ExpressionAttributeValues: { ...T1_EU, ':n': N('5') }, ExclusiveStartKey: start });
  });
});

describe('Membership and Scan of a multi-attribute key', () => {
  it('scans each index in DynamoDB Local order, with segments and pages', async () => {
    for (const IndexName of ['ByTournament', 'ByPlayer', 'ByPair']) {
      // Only ByPair projects ALL: Local charges reads of the others by whole items (LocalDifferences: index-read-capacity).
      await allPages(ScanCommand, { TableName: matches, IndexName, Limit: 17, ...(IndexName === 'ByPair' ? { ReturnConsumedCapacity: 'INDEXES' } : {}) });
      await allPages(ScanCommand, { TableName: matches, IndexName, Segment: 1, TotalSegments: 3 });
    }
  });

  it('keeps an item in an index only while it has every key attribute, of the right type', async () => {
    const key = { pk: S('M#1'), sk: N('1000') };
    const byTournament = { KeyConditionExpression: 'tournament = :t AND circuit = :r AND round = :n', ExpressionAttributeValues: { ':t': S('T9'), ':r': S('eu'), ':n': N('7') } };
    await same(oracle, PutItemCommand, { TableName: matches, Item: { ...key, tournament: S('T9'), circuit: S('eu'), round: N('7'), bracket: S('z') } });
    expect((await query(byTournament)).Items).toHaveLength(0);
    await same(oracle, UpdateItemCommand, { TableName: matches, Key: key, UpdateExpression: 'SET seed = :b', ExpressionAttributeValues: { ':b': B(9) }, ReturnConsumedCapacity: 'INDEXES' });
    expect((await query(byTournament)).Items).toHaveLength(1);
    await same(oracle, UpdateItemCommand, { TableName: matches, Key: key, UpdateExpression: 'SET bracket = :s', ExpressionAttributeValues: { ':s': S('y') }, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, UpdateItemCommand, { TableName: matches, Key: key, UpdateExpression: 'REMOVE bracket', ReturnConsumedCapacity: 'INDEXES' });
    expect((await query(byTournament)).Items).toHaveLength(0);
    await same(oracle, UpdateItemCommand, { TableName: matches, Key: key, UpdateExpression: 'SET bracket = :s', ExpressionAttributeValues: { ':s': S('x') }, ReturnConsumedCapacity: 'TOTAL' });
    await same(oracle, DeleteItemCommand, { TableName: matches, Key: key, ReturnConsumedCapacity: 'INDEXES' });
    expect((await query(byTournament)).Items).toHaveLength(0);
  });

  it('refuses writes giving a key part the wrong type or an empty value', async () => {
    const item = { pk: S('M#2'), sk: N('2000'), tournament: S('T1'), circuit: S('eu'), round: N('1'), bracket: S('a'), seed: B(1) };
    await same(oracle, PutItemCommand, { TableName: matches, Item: { ...item, round: S('1') } });
    await same(oracle, PutItemCommand, { TableName: matches, Item: { ...item, seed: S('1') } });
    await same(oracle, PutItemCommand, { TableName: matches, Item: { ...item, bracket: S('') } });
    await same(oracle, PutItemCommand, { TableName: matches, Item: { ...item, seed: B() } });
    await same(oracle, UpdateItemCommand, { TableName: matches, Key: { pk: item.pk, sk: item.sk }, UpdateExpression: 'SET circuit = :n', ExpressionAttributeValues: { ':n': N('3') } });
  });
});

describe('PartiQL on a multi-attribute key', () => {
  it('refuses a SELECT on the index, as DynamoDB Local does, and reads the table', async () => {
    for (const Statement of [
      `SELECT * FROM "${matches}"."ByTournament" WHERE tournament = 'T1' AND circuit = 'eu'`,
      `SELECT pk FROM "${matches}"."ByTournament" WHERE tournament = 'T1' AND circuit = 'eu' AND round = 2 ORDER BY round DESC`,
      `SELECT * FROM "${matches}"."ByPair"`,
    ]) {
      await same(oracle, ExecuteStatementCommand, { Statement });
    }
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT * FROM "${matches}"."ByPair" WHERE circuit = 'eu'`, ConsistentRead: true });
    await same(oracle, ExecuteStatementCommand, { Statement: `SELECT * FROM "${matches}" WHERE pk = 'M#3'` });
  });
});
