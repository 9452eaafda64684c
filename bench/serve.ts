// bench:serve: the same request mix through the AWS SDK over loopback HTTP against four
// endpoints in one run: Tablesmith's server, DynamoDB Local, dynalite, and a no-op HTTP
// server returning canned responses (the floor: client + HTTP cost with no database at all).
//
// Setup: every endpoint is its own process; load comes from BENCH_CLIENTS load-generator
// processes per endpoint, each with its own SDK DynamoDBClient and keep-alive agent and
// BENCH_IN_FLIGHT requests in flight, all on 127.0.0.1. The mix is the seed's SocialMediaApp
// table (with GSI1): PutItem of a post, Query `PK = :pk AND begins_with(SK, :p)` Limit 20,
// and full 25-item BatchWriteItem batches of posts, likes and comments (bench/serve/workload.ts).
// Each endpoint gets a warm-up, then ROUNDS interleaved rounds (the endpoint order rotates
// every round) of bounded request counts.
//
// The machine has few cores, shared by the clients, the servers and whatever else runs on it,
// so the run reads every process's CPU time from /proc during each phase and reports three views:
// - `ratios` / `targets`: wall-clock rates, each endpoint's best round (other load only slows a
//   round down). `setup.loadAverage` says how busy the machine was.
// - `cpuBound`: requests per CPU-second of server + load generators together (median round), the
//   wall-clock ratio a machine given wholly to this run would show once its cores are saturated.
// - `serverWork`: BatchWriteItem server CPU per item (median round), peer's over ours: the
//   server's own work with the clients' cost taken out.
//
// Then, on the same endpoints: `serve --db-path` against the in-memory server (the durable
// endpoint `tablesmithDisk` is in every round above); 8, 32 and 128 concurrent SDK clients
// (each its own client and connection) running a mixed workload against Tablesmith, Tablesmith
// with --db-path and DynamoDB Local, with p50/p99 latency; cold start and idle memory of
// `tablesmith serve` beside a bare Node HTTP server; and the start-up of `serve --db-path` over
// a database of BENCH_DB_ITEMS (1,000,000) items.
// Ends with one JSON line of figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  BARE_NODE_SERVER,
  compareStartups,
  cpuSeconds,
  measureStartup,
  spawnTs,
  startLocal,
  startNodeEndpoint,
  stopProcess,
  TABLESMITH_BIN,
  type Endpoint,
  type EndpointName,
  type StartupFigures,
} from './serve/endpoints';
import { median } from './stats';
import type { GeneratorMessage, GeneratorReply } from './serve/protocol';
import { socialBenchTable } from './socialTable';
import { BATCH_SIZE, batchWriteInput, seedBatches, type Operation } from './serve/workload';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

const CLIENTS = setting('BENCH_CLIENTS', 2);
const IN_FLIGHT = setting('BENCH_IN_FLIGHT', 8);
const ROUNDS = setting('BENCH_ROUNDS', 4);
/** Requests per round, split evenly across the load generators. */
const REQUESTS: Record<Operation, number> = {
  put: setting('BENCH_PUTS', 1500),
  query: setting('BENCH_QUERIES', 1500),
  batch: setting('BENCH_BATCHES', 400),
};
// The SDK's request path takes thousands of calls to reach its steady JIT-compiled cost.
const WARM_UP: Record<Operation, number> = { put: 1500, query: 1500, batch: 800 };
const OPERATIONS: Operation[] = ['put', 'query', 'batch'];
const CONCURRENT_CLIENTS = [8, 32, 128];
const CONCURRENT_REQUESTS = setting('BENCH_CONCURRENT_REQUESTS', 2000);
const CONCURRENCY_ENDPOINTS: EndpointName[] = ['tablesmith', 'tablesmithDisk', 'dynamodbLocal'];
const DB_ITEMS = setting('BENCH_DB_ITEMS', 1_000_000);
// The SDK warns once per process that Node 20 support ends in 2027; nine copies would bury the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

interface PhaseResult {
  /** Requests per second, or items per second for BatchWriteItem. */
  rate: number;
  serverCpuSeconds: number;
  clientCpuSeconds: number;
  wallSeconds: number;
  items: number;
}

/** A load-generator process and a way to await its next reply. */
interface Generator {
  child: ChildProcess;
  send(message: GeneratorMessage): Promise<GeneratorReply>;
}

async function startGenerator(): Promise<Generator> {
  const child = await spawnTs('./loadGenerator.ts', [], ['ignore', 'inherit', 'inherit', 'ipc']);
  const waiting: ((reply: GeneratorReply) => void)[] = [];
  const failed: ((error: Error) => void)[] = [];
  child.on('message', (reply: GeneratorReply) => waiting.shift()?.(reply));
  child.once('exit', (code) => {
    for (const fail of failed) fail(new Error(`load generator exited with code ${code}`));
  });
  return {
    child,
    send: (message) =>
      new Promise((resolve, reject) => {
        failed.push(reject);
        waiting.push((reply) => {
          failed.splice(failed.indexOf(reject), 1);
          if (reply.kind === 'error') reject(new Error(`load generator: ${reply.message}`));
          else resolve(reply);
        });
        child.send(message);
      }),
  };
}

interface LatencyResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** The orchestrator's own client, for set-up and checks outside any timed phase. */
function seederClient(url: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
}

/** An endpoint with its table seeded and its own load generators connected. */
class Target {
  private next: Record<Operation | 'mixed', number> = { put: 0, query: 0, batch: 0, mixed: 10_000_000 };

  private constructor(
    readonly endpoint: Endpoint,
    private readonly table: string,
    private readonly generators: Generator[],
  ) {}

  static async connect(endpoint: Endpoint): Promise<Target> {
    const table = `bench_${endpoint.name}_${Date.now()}`;
    const seeder = seederClient(endpoint.url);
    try {
      await seeder.send(new CreateTableCommand(socialBenchTable(table)));
      for (const batch of seedBatches(table)) await seeder.send(new BatchWriteItemCommand(batch));
    } finally {
      seeder.destroy();
    }
    const generators = await Promise.all(Array.from({ length: CLIENTS }, startGenerator));
    const target = new Target(endpoint, table, generators);
    try {
      await Promise.all(generators.map((generator) => generator.send({ kind: 'connect', url: endpoint.url, table, inFlight: IN_FLIGHT })));
    } catch (error) {
      await target.close();
      throw error;
    }
    return target;
  }

  /** Runs `count` requests of `op` split across the generators, all released at once. */
  async phase(op: Operation, count: number): Promise<PhaseResult> {
    const share = Math.ceil(count / this.generators.length);
    await Promise.all(
      this.generators.map((generator) => {
        const first = this.next[op];
        this.next[op] += share;
        return generator.send({ kind: 'build', op, first, count: share });
      }),
    );
    const pids = this.generators.map((generator) => generator.child.pid as number);
    const clientCpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const serverCpuBefore = cpuSeconds(this.endpoint.pid);
    const started = performance.now();
    const replies = await Promise.all(this.generators.map((generator) => generator.send({ kind: 'go' })));
    const wallSeconds = (performance.now() - started) / 1000;
    const serverCpuSeconds = cpuSeconds(this.endpoint.pid) - serverCpuBefore;
    const clientCpuSeconds = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - clientCpuBefore;
    let items = 0;
    let requests = 0;
    for (const reply of replies) {
      if (reply.kind !== 'done') throw new Error(`unexpected reply ${reply.kind}`);
      items += reply.items;
      requests += reply.requests;
    }
    return { rate: (op === 'batch' ? items : requests) / wallSeconds, serverCpuSeconds, clientCpuSeconds, wallSeconds, items };
  }

  /** `clients` SDK clients (spread over the generators), each with one request in flight, running the mixed workload. */
  async concurrency(clients: number, count: number): Promise<LatencyResult> {
    const perGenerator = Math.ceil(clients / this.generators.length);
    await Promise.all(this.generators.map((generator) => generator.send({ kind: 'clients', count: perGenerator })));
    const share = Math.ceil(count / this.generators.length);
    await Promise.all(
      this.generators.map((generator) => {
        const first = this.next.mixed;
        this.next.mixed += share;
        return generator.send({ kind: 'build', op: 'mixed', first, count: share });
      }),
    );
    const started = performance.now();
    const replies = await Promise.all(this.generators.map((generator) => generator.send({ kind: 'go' })));
    const wallSeconds = (performance.now() - started) / 1000;
    const latencies = replies.flatMap((reply) => (reply.kind === 'done' ? reply.latenciesMs : [])).sort((a, b) => a - b);
    const two = (value: number) => Math.round(value * 100) / 100;
    return { requestsPerSec: Math.round(latencies.length / wallSeconds), p50Ms: two(percentile(latencies, 0.5)), p99Ms: two(percentile(latencies, 0.99)) };
  }

  /** Fails the run if the endpoint acknowledged batch writes it did not keep: fast but wrong is no figure. */
  async verify(): Promise<void> {
    if (this.endpoint.name === 'noop') return;
    const writes = batchWriteInput(this.table, 0).RequestItems?.[this.table] ?? [];
    const post = writes[1]?.PutRequest?.Item?.PK;
    const client = seederClient(this.endpoint.url);
    try {
      const output = await client.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': post ?? { S: '' } } }));
      const expected = writes.filter((write) => write.PutRequest?.Item?.PK?.S === post?.S).length;
      if (output.Count !== expected) throw new Error(`${this.endpoint.name} kept ${output.Count} of the ${expected} items batch 0 wrote to ${post?.S}`);
    } finally {
      client.destroy();
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.generators.map(async (generator) => {
        if (generator.child.connected) generator.child.send({ kind: 'exit' } satisfies GeneratorMessage);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await stopProcess(generator.child);
      }),
    );
  }
}

type Rounds = Record<Operation, PhaseResult[]>;

async function run(): Promise<void> {
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const endpoints: Endpoint[] = [];
  const targets: Target[] = [];
  try {
    for (const name of ['noop', 'tablesmith', 'tablesmithDisk', 'dynalite'] as const) endpoints.push(await startNodeEndpoint(name));
    endpoints.push(await startLocal());
    for (const endpoint of endpoints) targets.push(await Target.connect(endpoint));
    for (const target of targets) for (const op of OPERATIONS) await target.phase(op, WARM_UP[op]);
    const rounds = new Map<EndpointName, Rounds>(targets.map((target) => [target.endpoint.name, { put: [], query: [], batch: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
      for (const target of order) {
        const line: string[] = [];
        for (const op of OPERATIONS) {
          const result = await target.phase(op, REQUESTS[op]);
          rounds.get(target.endpoint.name)?.[op].push(result);
          line.push(`${op} ${Math.round(result.rate)}/s (server ${(result.serverCpuSeconds / result.wallSeconds).toFixed(2)} cores, clients ${(result.clientCpuSeconds / result.wallSeconds).toFixed(2)})`);
        }
        console.error(`round ${round + 1} ${target.endpoint.name}: ${line.join('; ')}`);
      }
    }
    for (const target of targets) await target.verify();
    const concurrency: Concurrency = {};
    for (const clients of CONCURRENT_CLIENTS) {
      for (const target of targets.filter((candidate) => CONCURRENCY_ENDPOINTS.includes(candidate.endpoint.name))) {
        const result = await target.concurrency(clients, CONCURRENT_REQUESTS);
        (concurrency[clients] ??= {})[target.endpoint.name] = result;
        console.error(`${clients} clients ${target.endpoint.name}: ${result.requestsPerSec}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
      }
    }
    await Promise.all(targets.splice(0).map((target) => target.close()));
    await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.stop()));
    const startups = await compareStartups({ bareNode: BARE_NODE_SERVER, tablesmith: [TABLESMITH_BIN, 'serve', '--port', '0'] });
    console.error(`cold start: bare Node ${Math.round(startups.bareNode?.ms ?? 0)} ms, tablesmith serve ${Math.round(startups.tablesmith?.ms ?? 0)} ms`);
    const database = await databaseStartup(DB_ITEMS);
    console.error(`serve --db-path over ${DB_ITEMS} items: made in ${Math.round(database.madeMs)} ms, started in ${Math.round(database.ms)} ms`);
    report(rounds, concurrency, startups, database, loadAverageAtStart);
  } finally {
    await Promise.all(targets.map((target) => target.close()));
    await Promise.all(endpoints.map((endpoint) => endpoint.stop()));
  }
}

type Concurrency = Record<number, Partial<Record<EndpointName, LatencyResult>>>;

/** Makes a `--db-path` database of `items` items, then times `tablesmith serve` starting over it. */
async function databaseStartup(items: number): Promise<StartupFigures & { madeMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-serve-1m-'));
  try {
    const maker = await spawnTs('./makeDatabase.ts', [dir, String(items)], ['ignore', 'pipe', 'inherit']);
    const made = await new Promise<{ ms: number }>((resolve, reject) => {
      let out = '';
      maker.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      maker.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { ms: number }) : reject(new Error(`makeDatabase exited with ${code}: ${out}`))));
    });
    return { ...(await measureStartup([TABLESMITH_BIN, 'serve', '--port', '0', '--db-path', dir])), madeMs: made.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fastest round: load from elsewhere on the machine can only slow a round down. */
function best(results: PhaseResult[]): PhaseResult {
  return results.reduce((fastest, result) => (result.rate > fastest.rate ? result : fastest));
}

/** Server CPU milliseconds per 1,000 items, the median over rounds (CPU time barely moves with contention). */
function serverCpuMsPer1k(results: PhaseResult[]): number {
  return median(results.map((result) => (result.serverCpuSeconds * 1e6) / result.items));
}

/**
 * Requests (items for BatchWriteItem) per CPU-second of the server and its load generators
 * together, the median over rounds: the rate a machine with these cores all to this run
 * would show, which the wall-clock rate cannot when other tenants take a varying share.
 */
function perCpuSecond(results: PhaseResult[]): number {
  return median(results.map((result) => (result.rate * result.wallSeconds) / (result.serverCpuSeconds + result.clientCpuSeconds)));
}

function report(
  rounds: Map<EndpointName, Rounds>,
  concurrency: Concurrency,
  startups: Record<string, StartupFigures>,
  database: StartupFigures & { madeMs: number },
  loadAverageAtStart: number,
): void {
  const two = (value: number) => Math.round(value * 100) / 100;
  const rate = (name: EndpointName, op: Operation) => best(rounds.get(name)?.[op] ?? []).rate;
  const cpu = (name: EndpointName) => serverCpuMsPer1k(rounds.get(name)?.batch ?? []);
  // The same comparisons, by wall-clock rate and by rate per CPU-second.
  const compared = (metric: (name: EndpointName, op: Operation) => number) => ({
    putItemVsFloor: two(metric('tablesmith', 'put') / metric('noop', 'put')),
    queryVsFloor: two(metric('tablesmith', 'query') / metric('noop', 'query')),
    dynamodbLocalPutItemVsFloor: two(metric('dynamodbLocal', 'put') / metric('noop', 'put')),
    dynamodbLocalQueryVsFloor: two(metric('dynamodbLocal', 'query') / metric('noop', 'query')),
    batchWriteVsDynalite: two(metric('tablesmith', 'batch') / metric('dynalite', 'batch')),
    batchWriteVsDynamodbLocal: two(metric('tablesmith', 'batch') / metric('dynamodbLocal', 'batch')),
  });
  const ratios = {
    ...compared(rate),
    // The ceiling any server could show in this run: the floor's rate over the peers'.
    floorBatchWriteVsDynalite: two(rate('noop', 'batch') / rate('dynalite', 'batch')),
    floorBatchWriteVsDynamodbLocal: two(rate('noop', 'batch') / rate('dynamodbLocal', 'batch')),
  };
  // The server's own work alone: items per server CPU-second, peer's CPU per item over ours.
  // Unlike the wall-clock rates it does not depend on what the clients or other tenants cost.
  const serverWork = {
    batchWriteVsDynalite: two(cpu('dynalite') / cpu('tablesmith')),
    batchWriteVsDynamodbLocal: two(cpu('dynamodbLocal') / cpu('tablesmith')),
  };
  const perCpu = (name: EndpointName, op: Operation) => perCpuSecond(rounds.get(name)?.[op] ?? []);
  const cpuBound = compared(perCpu);
  const target = (value: number, minimum: number) => ({ value, minimum, met: value >= minimum });
  const atMost = (value: number, maximum: number) => ({ value, maximum, met: value <= maximum });
  const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const bare = startups.bareNode ?? { ms: 0, idleRssBytes: 0 };
  const serve = startups.tablesmith ?? { ms: 0, idleRssBytes: 0 };
  const durable = {
    putItemDiskVsMemory: two(rate('tablesmithDisk', 'put') / rate('tablesmith', 'put')),
    queryDiskVsMemory: two(rate('tablesmithDisk', 'query') / rate('tablesmith', 'query')),
    batchWriteDiskVsMemory: two(rate('tablesmithDisk', 'batch') / rate('tablesmith', 'batch')),
  };
  console.log(
    JSON.stringify({
      bench: 'serve',
      setup: {
        cores: cpus().length,
        loadAverage: { atStart: two(loadAverageAtStart), atEnd: two(loadavg()[0] ?? 0) },
        processes: 'each endpoint and each load generator in its own process, all sharing the cores; 127.0.0.1 only',
        loadGeneratorsPerEndpoint: CLIENTS,
        inFlightPerGenerator: IN_FLIGHT,
        requestsPerRound: { putItem: REQUESTS.put, query: REQUESTS.query, batchWriteItem: REQUESTS.batch },
        warmUp: { putItem: WARM_UP.put, query: WARM_UP.query, batchWriteItem: WARM_UP.batch },
        rounds: ROUNDS,
        itemsPerBatch: BATCH_SIZE,
        batchRequestBytes: JSON.stringify(batchWriteInput('bench_table', 0)).length,
        table: 'SocialMediaApp: PK/SK + GSI1 (ALL); batches of posts, likes, comments',
        rates: 'best round; server CPU per item: median round',
      },
      startup: {
        serveCommandMs: Math.round(serve.ms),
        bareNodeServerMs: Math.round(bare.ms),
        idleRssMB: { serve: megabytes(serve.idleRssBytes), bareNodeServer: megabytes(bare.idleRssBytes) },
        withDatabase: { items: DB_ITEMS, madeMs: Math.round(database.madeMs), startMs: Math.round(database.ms), idleRssMB: megabytes(database.idleRssBytes) },
      },
      durable,
      concurrency: { workload: 'each client its own SDK client and connection, one request at a time: 40% PutItem, 50% Query, 10% 25-item BatchWriteItem', requests: CONCURRENT_REQUESTS, byClients: concurrency },
      endpoints: Object.fromEntries(
        [...rounds].map(([name, results]) => {
          const batch = best(results.batch);
          return [
            name,
            {
              putItemOpsPerSec: Math.round(best(results.put).rate),
              queryOpsPerSec: Math.round(best(results.query).rate),
              batchWriteItemsPerSec: Math.round(batch.rate),
              batchWriteServerCpuMsPer1kItems: two(serverCpuMsPer1k(results.batch)),
              batchWriteItemsPerServerCpuSec: Math.round(1e6 / serverCpuMsPer1k(results.batch)),
              batchWriteServerCores: two(batch.serverCpuSeconds / batch.wallSeconds),
              batchWriteClientCores: two(batch.clientCpuSeconds / batch.wallSeconds),
              perCpuSecond: { putItem: Math.round(perCpuSecond(results.put)), query: Math.round(perCpuSecond(results.query)), batchWriteItems: Math.round(perCpuSecond(results.batch)) },
            },
          ];
        }),
      ),
      ratios,
      cpuBound,
      serverWork,
      targets: {
        putItemVsFloor: target(ratios.putItemVsFloor, 0.85),
        queryVsFloor: target(ratios.queryVsFloor, 0.85),
        batchWriteVsDynalite: target(ratios.batchWriteVsDynalite, 2),
        batchWriteVsDynamodbLocal: target(ratios.batchWriteVsDynamodbLocal, 5),
        coldStartVsBareNode: atMost(two(serve.ms / bare.ms), 2),
        idleRssVsBareNode: atMost(two(serve.idleRssBytes / bare.idleRssBytes), 1.5),
        putItemDiskVsMemory: target(durable.putItemDiskVsMemory, 0.8),
      },
    }),
  );
}

await run();
