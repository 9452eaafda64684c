// bench:engine — the engine against DynamoDB Local on the seed's social-media table (one GSI):
// loading 100,000 items with BatchWriteItem, and Query `PK = :pk AND begins_with(SK, :p)`
// Limit 20 directly, through the SDK with engineHandler, through the SDK with a no-op
// handler, and against DynamoDB Local. Ends with one JSON line of figures.
import { socialBenchTable } from './socialTable';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { HttpResponse, type HttpHandler } from '@smithy/protocol-http';
import { createEngine, engineHandler } from '../src/engine';
import type { Item } from '../src/engine/AttributeValue';
import { startDynamoDBLocal } from '../src/testing/dynamodbLocal';
import { median } from './stats';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 3_000);
const LOCAL_QUERIES = Number(process.env.BENCH_LOCAL_QUERIES ?? 300);
const USERS = Math.max(1, Math.round(ITEMS / 100));
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };


/** The seed's SocialMediaApp entities: per user a profile, posts, followers and followings. */
function socialItems(): Item[] {
  const items: Item[] = [];
  const pad = (n: number) => String(n).padStart(6, '0');
  for (let u = 0; items.length < ITEMS; u = (u + 1) % USERS) {
    const user = `USER#${pad(u)}`;
    const n = Math.floor(items.length / USERS);
    if (n === 0) {
      items.push({ PK: { S: user }, SK: { S: 'PROFILE' }, username: { S: `user${u}` }, email: { S: `user${u}@example.com` }, createdAt: { S: '2024-01-01T00:00:00Z' }, followers: { N: String(u % 500) } });
    } else if (n % 3 === 0) {
      items.push({ PK: { S: user }, SK: { S: `FOLLOWER#${pad((u + n) % USERS)}` }, since: { S: '2024-02-02T00:00:00Z' } });
    } else {
      const post = `${pad(u)}-${pad(n)}`;
      items.push({
        PK: { S: user },
        SK: { S: `POST#${post}` },
        GSI1PK: { S: `POST#${post}` },
        GSI1SK: { S: 'METADATA' },
        title: { S: `Post ${n} by user ${u}` },
        content: { S: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2) },
        likes: { N: String((u * 31 + n) % 1000) },
        tags: { SS: ['dynamodb', `t${n % 7}`] },
      });
    }
  }
  return items;
}

function toSdk(item: Item): Record<string, never> {
  // Wire B/BS are base64; the seed items have none, so the wire shape is the SDK shape.
  return item as Record<string, never>;
}

async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

function batches(items: Item[]): Item[][] {
  const out: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) out.push(items.slice(i, i + 25));
  return out;
}

async function loadLocal(client: DynamoDBClient, name: string, items: Item[]): Promise<void> {
  const queue = batches(items);
  const workers = Array.from({ length: 8 }, async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      let pending: Record<string, unknown> = { [name]: batch.map((item) => ({ PutRequest: { Item: toSdk(item) } })) };
      while (Object.keys(pending).length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: pending as never }));
        pending = (out.UnprocessedItems ?? {}) as Record<string, unknown>;
      }
    }
  });
  await Promise.all(workers);
}

function queryInput(name: string, i: number) {
  const user = `USER#${String((i * 7919) % USERS).padStart(6, '0')}`;
  return { TableName: name, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)', ExpressionAttributeValues: { ':pk': { S: user }, ':p': { S: 'POST#' } }, Limit: 20 };
}

async function queriesPerSecond(count: number, run: (i: number) => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < Math.min(1000, count); i++) await run(i);
  const { ms } = await time(async () => {
    for (let i = 0; i < count; i++) await run(i);
  });
  return (count / ms) * 1000;
}

const ROUNDS = 10;

/**
 * Two SDK clients timed call by call in alternation: on a shared machine the load changes
 * from second to second, and alternating exposes both to the same load. The calls run in
 * rounds; the ratio of a to b is the median of the rounds' ratios, so a burst of load in one
 * round does not decide it.
 */
async function interleavedPerSecond(count: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>): Promise<{ a: number; b: number; ratio: number }> {
  for (let i = 0; i < 300; i++) {
    await a(i);
    await b(i);
  }
  const rounds: { msA: number; msB: number }[] = [];
  const perRound = Math.ceil(count / ROUNDS);
  for (let i = 0; i < count; i++) {
    if (i % perRound === 0) rounds.push({ msA: 0, msB: 0 });
    const round = rounds[rounds.length - 1] as { msA: number; msB: number };
    let start = performance.now();
    await a(i);
    round.msA += performance.now() - start;
    start = performance.now();
    await b(i);
    round.msB += performance.now() - start;
  }
  const total = (key: 'msA' | 'msB') => rounds.reduce((sum, round) => sum + round[key], 0);
  return { a: (count / total('msA')) * 1000, b: (count / total('msB')) * 1000, ratio: median(rounds.map((round) => round.msB / round.msA)) };
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main(): Promise<void> {
  const items = socialItems();
  const name = 'Social';

  const heapBefore = heapMB();
  const engine = createEngine();
  engine.CreateTable(socialBenchTable(name) as never);
  const engineLoad = await time(() => {
    for (const batch of batches(items)) engine.BatchWriteItem({ RequestItems: { [name]: batch.map((Item) => ({ PutRequest: { Item } })) } });
  });
  const heapAfter = heapMB();

  const direct = await queriesPerSecond(QUERIES * 10, (i) => engine.Query(queryInput(name, i)));
  const viaHandler = new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: engineHandler(engine) });
  const canned = new TextEncoder().encode(JSON.stringify(engine.Query(queryInput(name, 0))));
  const noop: HttpHandler = {
    handle: async () => ({ response: new HttpResponse({ statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: canned }) }),
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({}),
  } as HttpHandler;
  const viaNoop = new DynamoDBClient({ region: 'us-east-1', credentials, requestHandler: noop });
  const sdk = await interleavedPerSecond(
    QUERIES,
    (i) => viaHandler.send(new QueryCommand(queryInput(name, i) as never)),
    (i) => viaNoop.send(new QueryCommand(queryInput(name, i) as never)),
  );

  const local = await startDynamoDBLocal();
  try {
    const client = new DynamoDBClient({ endpoint: local.endpoint, region: 'us-east-1', credentials });
    await client.send(new CreateTableCommand(socialBenchTable(name)));
    const localLoad = await time(() => loadLocal(client, name, items));
    const localQuery = await queriesPerSecond(LOCAL_QUERIES, (i) => client.send(new QueryCommand(queryInput(name, i) as never)));
    const figures = {
      items: ITEMS,
      engineLoadMs: Math.round(engineLoad.ms),
      localLoadMs: Math.round(localLoad.ms),
      loadSpeedup: Number((localLoad.ms / engineLoad.ms).toFixed(1)),
      engineQueryPerSec: Math.round(direct),
      sdkEngineQueryPerSec: Math.round(sdk.a),
      sdkNoopQueryPerSec: Math.round(sdk.b),
      localQueryPerSec: Math.round(localQuery),
      querySpeedupDirectVsLocal: Number((direct / localQuery).toFixed(1)),
      sdkEngineVsNoop: Number(sdk.ratio.toFixed(3)),
      heapMBPer100kItems: Number((((heapAfter - heapBefore) * 100_000) / ITEMS).toFixed(1)),
      targets: { loadSpeedup: 25, querySpeedupDirectVsLocal: 100, sdkEngineVsNoop: 0.8 },
    };
    console.log(JSON.stringify(figures));
  } finally {
    await local.stop();
  }
}

await main();
