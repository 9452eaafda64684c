// bench:serve: the same request mix through the AWS SDK over loopback HTTP against four
// endpoints in one run: Tablesmith's server, DynamoDB Local, dynalite, and a no-op HTTP
// server returning canned responses (the floor: SDK + HTTP cost with no database at all).
// Workload: PutItem, Query (`PK = :pk AND begins_with(SK, :p)`, Limit 20) and
// BatchWriteItem (25 items), each a bounded loop with a fixed number of requests in flight
// over keep-alive connections to 127.0.0.1, in interleaved rounds. Ends with one JSON line.
import { spawn } from 'node:child_process';
import { createServer, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { startServer } from '../src/server';
import { startDynamoDBLocal } from '../src/testing/dynamodbLocal';

const PUTS = Number(process.env.BENCH_PUTS ?? 3000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 3000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = 50;
const POSTS_PER_USER = 40;

interface Endpoint {
  name: string;
  url: string;
  /** Time from process start of the server code to listening, where measured. */
  startupMs?: number;
  stop(): Promise<void>;
}

interface Figures {
  putItemOpsPerSec: number;
  queryOpsPerSec: number;
  batchWriteItemsPerSec: number;
}

function client(url: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
    // The SDK builds its Node handler from these options; keep-alive so the run measures requests, not TCP setup.
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: IN_FLIGHT }) },
  });
}

function post(user: number, post: number): Record<string, AttributeValue> {
  return {
    PK: { S: `USER#${user}` },
    SK: { S: `POST#${String(post).padStart(6, '0')}` },
    postId: { S: `p${user}-${post}` },
    description: { S: 'A day at the beach with friends, sunsets and a long walk home.' },
    likesCount: { N: String((user * 7 + post) % 500) },
    createdAt: { S: new Date(Date.UTC(2024, 0, 1) + post * 60_000).toISOString() },
  };
}

/** Runs `count` calls of `task` with IN_FLIGHT at a time; returns calls per second. */
async function rate(count: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (count * 1000) / (performance.now() - start);
}

interface Prepared {
  put(i: number): Promise<unknown>;
  query(i: number): Promise<unknown>;
  batch(i: number): Promise<unknown>;
  close(): void;
}

/** Creates and seeds the table the mix runs against, and warms the connections and JIT. */
async function prepare(endpoint: Endpoint): Promise<Prepared> {
  const db = client(endpoint.url);
  const table = `bench_${Date.now()}`;
  await db.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (let user = 0; user < USERS; user++) {
    for (let chunk = 0; chunk < POSTS_PER_USER; chunk += 25) {
      const items = Array.from({ length: Math.min(25, POSTS_PER_USER - chunk) }, (_, i) => ({ PutRequest: { Item: post(user, chunk + i) } }));
      await db.send(new BatchWriteItemCommand({ RequestItems: { [table]: items } }));
    }
  }
  const prepared: Prepared = {
    query: (i) =>
      db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': { S: `USER#${i % USERS}` }, ':p': { S: 'POST#' } },
          Limit: 20,
        }),
      ),
    put: (i) => db.send(new PutItemCommand({ TableName: table, Item: post(1000 + (i % 500), i) })),
    batch: (i) =>
      db.send(
        new BatchWriteItemCommand({
          RequestItems: { [table]: Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: post(5000 + (i % 200), i * 25 + j) } })) },
        }),
      ),
    close: () => db.destroy(),
  };
  await rate(200, prepared.query);
  await rate(200, prepared.put);
  await rate(20, prepared.batch);
  return prepared;
}

async function measure(prepared: Prepared): Promise<Figures> {
  const putItemOpsPerSec = await rate(PUTS, prepared.put);
  const queryOpsPerSec = await rate(QUERIES, prepared.query);
  const batchWriteItemsPerSec = 25 * (await rate(BATCHES, prepared.batch));
  return { putItemOpsPerSec, queryOpsPerSec, batchWriteItemsPerSec };
}

/** The floor: canned, well-formed responses for each operation, checksummed like DynamoDB's. */
async function listenNoop(): Promise<string> {
  const queryItems = Array.from({ length: 20 }, (_, i) => post(0, i));
  const canned: Record<string, string> = {
    CreateTable: JSON.stringify({ TableDescription: { TableStatus: 'ACTIVE' } }),
    PutItem: '{}',
    Query: JSON.stringify({ Items: queryItems, Count: 20, ScannedCount: 20, LastEvaluatedKey: { PK: queryItems[19]?.PK, SK: queryItems[19]?.SK } }),
    BatchWriteItem: JSON.stringify({ UnprocessedItems: {} }),
  };
  const server = createServer({ keepAlive: true }, (request, response) => {
    request.resume();
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target']).split('.')[1] ?? '';
      const body = Buffer.from(canned[operation] ?? '{}');
      response.writeHead(200, {
        'Content-Type': 'application/x-amz-json-1.0',
        'x-amzn-RequestId': 'noop',
        'x-amz-crc32': crc32(body),
        'Content-Length': body.length,
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function listenDynalite(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (options: Record<string, number>) => import('node:http').Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function listenTablesmith(): Promise<string> {
  const server = await startServer({ port: 0, host: '127.0.0.1', quiet: true });
  return server.url;
}

const CHILDREN: Record<string, () => Promise<string>> = { noop: listenNoop, dynalite: listenDynalite, tablesmith: listenTablesmith };

// Every endpoint runs in its own process, as DynamoDB Local does, so none shares the
// client's event loop: the run compares servers, not scheduling luck.
async function startChild(name: string): Promise<Endpoint> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', name], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ url: string; startupMs: number }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; startupMs: number });
    });
    child.once('exit', (code) => reject(new Error(`${name} endpoint exited with code ${code}`)));
  });
  return {
    name,
    ...ready,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function startLocal(): Promise<Endpoint> {
  const local = await startDynamoDBLocal();
  return { name: 'dynamodbLocal', url: local.endpoint, stop: () => local.stop() };
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const listenAs = CHILDREN[process.argv[childIndex + 1] ?? ''];
  if (!listenAs) throw new Error(`unknown endpoint ${process.argv[childIndex + 1]}`);
  const started = performance.now();
  const url = await listenAs();
  console.log(JSON.stringify({ url, startupMs: performance.now() - started }));
} else {
  await run();
}

async function run(): Promise<void> {
  const endpoints = [await startChild('noop'), await startChild('tablesmith'), await startChild('dynalite'), await startLocal()];
  try {
    const prepared = await Promise.all(endpoints.map(prepare));
    // Rounds interleave the endpoints so a burst of load from elsewhere on the machine hits
    // all of them alike; each endpoint keeps its best round.
    const results: Record<string, Figures> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, endpoint] of endpoints.entries()) {
        const figures = await measure(prepared[i] as Prepared);
        const best = results[endpoint.name];
        results[endpoint.name] = best
          ? {
              putItemOpsPerSec: Math.max(best.putItemOpsPerSec, figures.putItemOpsPerSec),
              queryOpsPerSec: Math.max(best.queryOpsPerSec, figures.queryOpsPerSec),
              batchWriteItemsPerSec: Math.max(best.batchWriteItemsPerSec, figures.batchWriteItemsPerSec),
            }
          : figures;
        console.error(`round ${round + 1} ${endpoint.name}: ${JSON.stringify(figures)}`);
      }
    }
    for (const p of prepared) p.close();
    report(results, endpoints[1]?.startupMs ?? 0);
  } finally {
    await Promise.all(endpoints.map((endpoint) => endpoint.stop()));
  }
}

function report(results: Record<string, Figures>, startupMs: number): void {
  const round = (value: number) => Math.round(value * 100) / 100;
  const of = (name: string) => results[name] as Figures;
  const ts = of('tablesmith');
  const floor = of('noop');
  console.log(
    JSON.stringify({
      bench: 'serve',
      requests: { puts: PUTS, queries: QUERIES, batches: BATCHES, inFlight: IN_FLIGHT, rounds: ROUNDS },
      serverStartupMs: round(startupMs),
      endpoints: Object.fromEntries(Object.entries(results).map(([name, f]) => [name, {
        putItemOpsPerSec: Math.round(f.putItemOpsPerSec),
        queryOpsPerSec: Math.round(f.queryOpsPerSec),
        batchWriteItemsPerSec: Math.round(f.batchWriteItemsPerSec),
      }])),
      putItemVsFloor: round(ts.putItemOpsPerSec / floor.putItemOpsPerSec),
      queryVsFloor: round(ts.queryOpsPerSec / floor.queryOpsPerSec),
      dynamodbLocalPutItemVsFloor: round(of('dynamodbLocal').putItemOpsPerSec / floor.putItemOpsPerSec),
      dynamodbLocalQueryVsFloor: round(of('dynamodbLocal').queryOpsPerSec / floor.queryOpsPerSec),
      batchWriteVsDynalite: round(ts.batchWriteItemsPerSec / of('dynalite').batchWriteItemsPerSec),
      batchWriteVsDynamodbLocal: round(ts.batchWriteItemsPerSec / of('dynamodbLocal').batchWriteItemsPerSec),
      // The ceiling any server can reach in this run: the floor's BatchWriteItem rate over the others'.
      floorBatchWriteVsDynalite: round(floor.batchWriteItemsPerSec / of('dynalite').batchWriteItemsPerSec),
      floorBatchWriteVsDynamodbLocal: round(floor.batchWriteItemsPerSec / of('dynamodbLocal').batchWriteItemsPerSec),
      targets: { queryVsFloor: 0.85, putItemVsFloor: 0.85, batchWriteVsDynalite: 2, batchWriteVsDynamodbLocal: 5 },
    }),
  );
}
