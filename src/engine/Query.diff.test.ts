import { BatchWriteItemCommand, CreateTableCommand, PutItemCommand, QueryCommand, type AttributeValue, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createOracle, output, same, type Oracle } from './testing/differential';
import { socialTable } from './testing/tables';

type Item = Record<string, AttributeValue>;

let oracle: Oracle;
let social: string;
let ordering: string;

async function load(table: string, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await same(oracle, BatchWriteItemCommand, { RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } });
  }
}

/** Follows LastEvaluatedKey on both sides, comparing every page. */
async function allPages(input: QueryCommandInput): Promise<number> {
  let start: Item | undefined;
  let pages = 0;
  do {
    const page = output<{ LastEvaluatedKey?: Item }>(await same(oracle, QueryCommand, { ...input, ExclusiveStartKey: start }));
    start = page.LastEvaluatedKey;
    pages++;
  } while (start && pages < 200);
  return pages;
}

/** A GSI keyed on `g` and `range`, projecting ALL. */
const gsi = (IndexName: string, range: string) => ({ IndexName, KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' as const }, { AttributeName: range, KeyType: 'RANGE' as const }], Projection: { ProjectionType: 'ALL' as const } });

const strings = ['a', 'B', 'aa', 'a b', 'é', 'z', '\u00ff', '\u0800', '\ue000', '\uffff', '😀', '𝄞', '0', '~', 'A#1', 'A#10', 'A#2'];
const numbers = ['-1e10', '-100', '-99.99', '-1', '-0.001', '0', '0.001', '1', '1.5', '2', '10', '99.99', '100', '12345678901234567890123456789012345678', '1e100', '-1e-100'];
const binaries = [[0], [0, 0], [1], [127], [128], [255], [255, 0], [1, 2, 3], [0x80, 0x01]];

beforeAll(async () => {
  oracle = createOracle(inject('dynamodbLocalEndpoint'));
  social = oracle.table('social');
  await same(oracle, CreateTableCommand, socialTable(social));
  const items: Item[] = [];
  for (let u = 0; u < 3; u++) {
    items.push({ PK: { S: `USER#${u}` }, SK: { S: 'PROFILE' }, GSI2PK: { S: `NAME#${u}` }, name: { S: `user ${u}` } });
    for (let p = 0; p < 30; p++) {
      const id = String(p).padStart(3, '0');
      const post: Item = { PK: { S: `USER#${u}` }, SK: { S: `POST#${id}` }, title: { S: `post ${p} by ${u}` }, body: { S: 'b'.repeat(50 + p * 40) }, likes: { N: String((p * 7) % 31) } };
      // Every third post is featured: a sparse GSI1.
      if (p % 3 === 0) Object.assign(post, { GSI1PK: { S: 'FEATURED' }, GSI1SK: { S: `${id}#${u}` } });
      items.push(post);
    }
  }
  await load(social, items);

  ordering = oracle.table('order');
  await same(oracle, CreateTableCommand, {
    TableName: ordering,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'k', KeyType: 'HASH' },
      { AttributeName: 's', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'k', AttributeType: 'S' },
      { AttributeName: 's', AttributeType: 'S' },
      { AttributeName: 'n', AttributeType: 'N' },
      { AttributeName: 'b', AttributeType: 'B' },
    ],
    GlobalSecondaryIndexes: [
      { IndexName: 'ByNumber', KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }, { AttributeName: 'n', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'ByBinary', KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }, { AttributeName: 'b', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
    ],
  });
  const rows: Item[] = strings.map((s, i) => ({
    k: { S: 'K' },
    s: { S: s },
    ...(numbers[i] ? { n: { N: numbers[i] as string } } : {}),
    ...(binaries[i] ? { b: { B: new Uint8Array(binaries[i] as number[]) } } : {}),
  }));
  await load(ordering, rows);
});

describe('Query ordering', () => {
  it.each([true, false])('orders S by UTF-8 bytes, N numerically and B by unsigned bytes (forward %s)', async (ScanIndexForward) => {
    await same(oracle, QueryCommand, { TableName: ordering, KeyConditionExpression: 'k = :k', ExpressionAttributeValues: { ':k': { S: 'K' } }, ScanIndexForward });
    await same(oracle, QueryCommand, { TableName: ordering, IndexName: 'ByNumber', KeyConditionExpression: 'k = :k', ExpressionAttributeValues: { ':k': { S: 'K' } }, ScanIndexForward });
    await same(oracle, QueryCommand, { TableName: ordering, IndexName: 'ByBinary', KeyConditionExpression: 'k = :k', ExpressionAttributeValues: { ':k': { S: 'K' } }, ScanIndexForward });
  });

  it.each([
    ['s < :v', { ':v': { S: '\ue000' } }, undefined],
    ['s <= :v', { ':v': { S: 'a' } }, undefined],
    ['s > :v', { ':v': { S: '\uffff' } }, undefined],
    ['s >= :v', { ':v': { S: 'é' } }, undefined],
    ['s = :v', { ':v': { S: '😀' } }, undefined],
    ['s BETWEEN :a AND :b', { ':a': { S: 'B' }, ':b': { S: 'é' } }, undefined],
    ['begins_with(s, :p)', { ':p': { S: 'A#1' } }, undefined],
    ['begins_with(s, :p)', { ':p': { S: 'a' } }, undefined],
    ['n BETWEEN :a AND :b', { ':a': { N: '-99.99' }, ':b': { N: '1.5' } }, 'ByNumber'],
    ['n > :a', { ':a': { N: '-1' } }, 'ByNumber'],
    ['b < :a', { ':a': { B: new Uint8Array([128]) } }, 'ByBinary'],
    ['begins_with(b, :a)', { ':a': { B: new Uint8Array([255]) } }, 'ByBinary'],
  ] as const)('applies %s', async (condition, values, IndexName) => {
    for (const ScanIndexForward of [true, false]) {
      await same(oracle, QueryCommand, {
        TableName: ordering,
        IndexName,
        KeyConditionExpression: `k = :k AND ${condition}`,
        ExpressionAttributeValues: { ':k': { S: 'K' }, ...values },
        ScanIndexForward,
      });
    }
  });
});

describe('Query paging', () => {
  it.each([1, 2, 7, 30, 31])('pages a partition with Limit %i in both directions', async (Limit) => {
    for (const ScanIndexForward of [true, false]) {
      await allPages({ TableName: social, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': { S: 'USER#1' }, ':p': { S: 'POST#' } }, Limit, ScanIndexForward, ReturnConsumedCapacity: 'TOTAL' });
    }
  });

  it('pages a sparse GSI whose LastEvaluatedKey carries index and table keys', async () => {
    const pages = await allPages({ TableName: social, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :f', ExpressionAttributeValues: { ':f': { S: 'FEATURED' } }, Limit: 4, ReturnConsumedCapacity: 'INDEXES' });
    expect(pages).toBeGreaterThan(3);
    await allPages({ TableName: social, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :f AND GSI1SK > :s', ExpressionAttributeValues: { ':f': { S: 'FEATURED' }, ':s': { S: '012' } }, Limit: 5, ScanIndexForward: false });
  });

  it.each<[string, Partial<QueryCommandInput>]>([
    ['an empty partition key value', { KeyConditionExpression: 'PK = :e', ExpressionAttributeValues: { ':e': { S: '' } } }],
    ['an empty sort key prefix', { KeyConditionExpression: 'PK = :p AND begins_with(SK, :e)', ExpressionAttributeValues: { ':p': { S: 'USER#1' }, ':e': { S: '' } } }],
    ['an empty BETWEEN bound', { KeyConditionExpression: 'PK = :p AND SK BETWEEN :e AND :z', ExpressionAttributeValues: { ':p': { S: 'USER#1' }, ':e': { S: '' }, ':z': { S: 'z' } } }],
    ['an empty GSI key value', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :e', ExpressionAttributeValues: { ':e': { S: '' } } }],
    ['an empty GSI sort key value', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p AND GSI1SK < :e', ExpressionAttributeValues: { ':p': { S: 'FEATURED' }, ':e': { S: '' } } }],
    ['an empty partition key value beside a sort key value of the wrong type', { KeyConditionExpression: 'PK = :e AND SK = :n', ExpressionAttributeValues: { ':e': { S: '' }, ':n': { N: '1' } } }],
    ['an empty GSI key value beside a GSI sort key value of the wrong type', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :e AND GSI1SK > :n', ExpressionAttributeValues: { ':e': { S: '' }, ':n': { N: '1' } } }],
    ['an empty partition key value beside a non-key attribute', { KeyConditionExpression: 'PK = :e AND title = :t', ExpressionAttributeValues: { ':e': { S: '' }, ':t': { S: 't' } } }],
    ['a range condition on an empty partition key value', { KeyConditionExpression: 'PK > :e', ExpressionAttributeValues: { ':e': { S: '' } } }],
  ])('refuses %s in the key condition', async (_label, patch) => {
    await same(oracle, QueryCommand, { TableName: social, ...patch } as QueryCommandInput);
  });

  it('pages an LSI, fetching non-projected attributes from the table', async () => {
    await allPages({ TableName: social, IndexName: 'LSI1', KeyConditionExpression: 'PK = :pk AND likes >= :l', ExpressionAttributeValues: { ':pk': { S: 'USER#2' }, ':l': { N: '3' } }, Limit: 6, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, QueryCommand, { TableName: social, IndexName: 'LSI1', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#2' } }, Select: 'ALL_ATTRIBUTES', Limit: 5, ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, QueryCommand, { TableName: social, IndexName: 'LSI1', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#2' } }, ProjectionExpression: 'body, title', Limit: 5, ReturnConsumedCapacity: 'INDEXES', ConsistentRead: true });
  });

  it('stops pages at 1 MB', async () => {
    const big = oracle.table('big');
    await same(oracle, CreateTableCommand, { ...socialTable(big), GlobalSecondaryIndexes: undefined, LocalSecondaryIndexes: undefined, AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }, { AttributeName: 'SK', AttributeType: 'S' }] });
    for (let i = 0; i < 14; i++) {
      await same(oracle, PutItemCommand, { TableName: big, Item: { PK: { S: 'P' }, SK: { S: String(i).padStart(2, '0') }, blob: { S: 'x'.repeat(100_000) } } });
    }
    const pages = await allPages({ TableName: big, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': { S: 'P' } }, ReturnConsumedCapacity: 'TOTAL', Select: 'COUNT' });
    expect(pages).toBeGreaterThan(1);
    await allPages({ TableName: big, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': { S: 'P' } }, ScanIndexForward: false, ProjectionExpression: 'SK' });
  });
});

describe('Query pages that stop on the end of the key range', () => {
  it('omit LastEvaluatedKey only when the last item is an inclusive end bound', async () => {
    const name = oracle.table('range-end');
    await same(oracle, CreateTableCommand, { ...socialTable(name), GlobalSecondaryIndexes: undefined, LocalSecondaryIndexes: undefined, AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }, { AttributeName: 'SK', AttributeType: 'S' }] });
    for (const sk of ['a', 'b', 'c']) await same(oracle, PutItemCommand, { TableName: name, Item: { PK: { S: 'P' }, SK: { S: sk }, f: { S: 'x' } } });
    const cases: [string, Record<string, string>, number, boolean][] = [
      ['SK <= :a', { ':a': 'b' }, 2, true],
      ['SK <= :a', { ':a': 'bb' }, 2, true],
      ['SK <= :a', { ':a': 'b' }, 2, false],
      ['SK >= :a', { ':a': 'b' }, 2, false],
      ['SK >= :a', { ':a': 'b' }, 2, true],
      ['SK BETWEEN :a AND :b', { ':a': 'a', ':b': 'b' }, 2, true],
      ['SK BETWEEN :a AND :b', { ':a': 'b', ':b': 'c' }, 2, false],
      ['SK BETWEEN :a AND :b', { ':a': 'a', ':b': 'c' }, 2, true],
      ['SK = :a', { ':a': 'b' }, 1, true],
      ['begins_with(SK, :a)', { ':a': 'b' }, 1, true],
      ['SK < :a', { ':a': 'c' }, 2, true],
    ];
    for (const [condition, values, Limit, ScanIndexForward] of cases) {
      const ExpressionAttributeValues = Object.fromEntries([[':p', { S: 'P' }], ...Object.entries(values).map(([k, v]) => [k, { S: v }])]);
      await same(oracle, QueryCommand, { TableName: name, KeyConditionExpression: `PK = :p AND ${condition}`, ExpressionAttributeValues, Limit, ScanIndexForward });
    }
    await same(oracle, QueryCommand, { TableName: name, KeyConditionExpression: 'PK = :p AND SK <= :a', FilterExpression: 'f = :x', ExpressionAttributeValues: { ':p': { S: 'P' }, ':a': { S: 'c' }, ':x': { S: 'x' } }, Limit: 3, Select: 'COUNT' });
  });

  it('omit it on an index only when the index sorts by the table sort key', async () => {
    const name = oracle.table('index-range-end');
    const S = (s: string) => ({ S: s });
    await same(oracle, CreateTableCommand, {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
      AttributeDefinitions: ['PK', 'SK', 'g', 'lsk'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      GlobalSecondaryIndexes: [gsi('bySK', 'SK'), gsi('byPK', 'PK')],
      LocalSecondaryIndexes: [{ IndexName: 'byLsk', KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    });
    for (const k of ['a', 'b']) await same(oracle, PutItemCommand, { TableName: name, Item: { PK: S(k), SK: S(k), g: S('g'), lsk: S(k) } });
    const cases: [string, string, Record<string, string>, boolean][] = [
      ['bySK', 'g = :g AND SK <= :a', { ':g': 'g', ':a': 'a' }, true],
      ['bySK', 'g = :g AND SK >= :a', { ':g': 'g', ':a': 'b' }, false],
      ['byPK', 'g = :g AND PK <= :a', { ':g': 'g', ':a': 'a' }, true],
      ['byPK', 'g = :g AND PK BETWEEN :a AND :a', { ':g': 'g', ':a': 'a' }, true],
      ['byLsk', 'PK = :g AND lsk <= :a', { ':g': 'a', ':a': 'a' }, true],
      ['byLsk', 'PK = :g AND lsk >= :a', { ':g': 'b', ':a': 'b' }, false],
    ];
    for (const [IndexName, KeyConditionExpression, values, ScanIndexForward] of cases) {
      const ExpressionAttributeValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, S(v)]));
      await same(oracle, QueryCommand, { TableName: name, IndexName, KeyConditionExpression, ExpressionAttributeValues, Limit: 1, ScanIndexForward });
    }
  });
});

describe('Query start keys at the end of the key range', () => {
  it('refuse a start key on the closed end in the direction of travel, on the table sort key only', async () => {
    const name = oracle.table('start-at-end');
    const N = (n: string) => ({ N: n });
    await same(oracle, CreateTableCommand, {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'S' },
        ...['sk', 'lsk', 'hsk'].map((AttributeName) => ({ AttributeName, AttributeType: 'N' as const })),
      ],
      GlobalSecondaryIndexes: [gsi('bySk', 'sk'), gsi('byHsk', 'hsk')],
      LocalSecondaryIndexes: [{ IndexName: 'byLsk', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }],
    });
    for (const n of ['-2', '-1', '0', '1']) await same(oracle, PutItemCommand, { TableName: name, Item: { pk: { S: 'b' }, sk: N(n), lsk: N(n), hsk: N(n), g: { S: 'g' } } });
    const conditions: [string, Record<string, AttributeValue>][] = [
      ['BETWEEN :a AND :b', { ':a': N('-1'), ':b': N('0') }],
      ['<= :b', { ':b': N('0') }],
      ['>= :a', { ':a': N('-1') }],
      ['= :a', { ':a': N('-1') }],
    ];
    const targets: [string | undefined, string, string, (n: string) => Item][] = [
      [undefined, 'pk', 'sk', (n) => ({ pk: { S: 'b' }, sk: N(n) })],
      ['bySk', 'g', 'sk', (n) => ({ pk: { S: 'b' }, sk: N(n), g: { S: 'g' } })],
      ['byHsk', 'g', 'hsk', (n) => ({ pk: { S: 'b' }, sk: N(n), g: { S: 'g' }, hsk: N(n) })],
      ['byLsk', 'pk', 'lsk', (n) => ({ pk: { S: 'b' }, sk: N(n), lsk: N(n) })],
    ];
    for (const [IndexName, hash, range, startKey] of targets) {
      for (const [condition, values] of conditions) {
        for (const ScanIndexForward of [true, false]) {
          for (const start of ['-1', '0']) {
            await same(oracle, QueryCommand, {
              TableName: name,
              IndexName,
              KeyConditionExpression: `${hash} = :h AND ${range} ${condition}`,
              ExpressionAttributeValues: { ':h': { S: hash === 'g' ? 'g' : 'b' }, ...values },
              ScanIndexForward,
              ExclusiveStartKey: startKey(start),
            });
          }
        }
      }
    }
  });
});

describe('Query on a table without sort key', () => {
  it('never returns a LastEvaluatedKey, as a partition holds one item', async () => {
    const name = oracle.table('hash');
    await same(oracle, CreateTableCommand, { TableName: name, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] });
    await same(oracle, PutItemCommand, { TableName: name, Item: { id: { S: 'a' } } });
    await same(oracle, QueryCommand, { TableName: name, KeyConditionExpression: 'id = :v', ExpressionAttributeValues: { ':v': { S: 'a' } }, Limit: 1, ScanIndexForward: false });
  });
});

describe('Query projections, Select and filters', () => {
  const featured = { TableName: '', IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :f', ExpressionAttributeValues: { ':f': { S: 'FEATURED' } as AttributeValue } };
  it('returns only projected attributes from KEYS_ONLY and INCLUDE indexes', async () => {
    await same(oracle, QueryCommand, { ...featured, TableName: social, Limit: 3 });
    await same(oracle, QueryCommand, { ...featured, TableName: social, Limit: 3, Select: 'ALL_PROJECTED_ATTRIBUTES' });
    await same(oracle, QueryCommand, { TableName: social, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :n', ExpressionAttributeValues: { ':n': { S: 'NAME#1' } } });
    await same(oracle, QueryCommand, { ...featured, TableName: social, Select: 'COUNT', ReturnConsumedCapacity: 'INDEXES' });
    await same(oracle, QueryCommand, { ...featured, TableName: social, ProjectionExpression: 'title, PK', Limit: 2 });
  });

  it('filters after reading, counting scanned items and capacity', async () => {
    await same(oracle, QueryCommand, {
      TableName: social,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'likes > :l',
      ExpressionAttributeValues: { ':pk': { S: 'USER#0' }, ':l': { N: '6' } },
      ReturnConsumedCapacity: 'INDEXES',
    });
    await allPages({
      TableName: social,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'likes > :l',
      ExpressionAttributeValues: { ':pk': { S: 'USER#0' }, ':l': { N: '6' } },
      Limit: 4,
      ConsistentRead: true,
      ReturnConsumedCapacity: 'TOTAL',
    });
    await same(oracle, QueryCommand, { TableName: social, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'NOBODY' } }, ReturnConsumedCapacity: 'TOTAL' });
  });

  it.each<[string, Partial<QueryCommandInput>]>([
    ['a missing index', { IndexName: 'Nope' }],
    ['ConsistentRead on a GSI', { IndexName: 'GSI1', ConsistentRead: true, KeyConditionExpression: 'GSI1PK = :pk' }],
    ['ALL_ATTRIBUTES on a KEYS_ONLY GSI', { IndexName: 'GSI2', Select: 'ALL_ATTRIBUTES', KeyConditionExpression: 'GSI2PK = :pk' }],
    ['ALL_PROJECTED_ATTRIBUTES on the table', { Select: 'ALL_PROJECTED_ATTRIBUTES' }],
    ['SPECIFIC_ATTRIBUTES without a projection', { Select: 'SPECIFIC_ATTRIBUTES' }],
    ['ALL_ATTRIBUTES with a projection', { Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'PK' }],
    ['COUNT with a projection', { Select: 'COUNT', ProjectionExpression: 'PK' }],
    ['an unknown Select', { Select: 'SOME' as never }],
    ['Limit 0', { Limit: 0 }],
    ['no key condition', { KeyConditionExpression: undefined, ExpressionAttributeValues: undefined }],
    ['a start key of the wrong size', { ExclusiveStartKey: { PK: { S: 'USER#0' } } }],
    ['a start key in another partition', { ExclusiveStartKey: { PK: { S: 'USER#1' }, SK: { S: 'POST#001' } } }],
    ['a start key of the wrong type', { ExclusiveStartKey: { PK: { N: '1' }, SK: { S: 'POST#001' } } }],
    ['an index start key without index keys', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExclusiveStartKey: { PK: { S: 'USER#0' }, SK: { S: 'POST#001' } } }],
    ['a missing table', { TableName: 'nope-nope' }],
    ['a projection a KEYS_ONLY GSI lacks', { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ProjectionExpression: 'title, body, PK' }],
    ['a filter an INCLUDE GSI lacks', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', FilterExpression: 'body = :pk' }],
    ['a bad projection and ConsistentRead on a GSI', { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ConsistentRead: true, ProjectionExpression: 'a, a' }],
  ])('rejects %s with the same error', async (_label, patch) => {
    await same(oracle, QueryCommand, { TableName: social, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'USER#0' } }, ...patch });
  });
});
