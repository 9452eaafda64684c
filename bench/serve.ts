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
// every round) of bounded request counts; each endpoint keeps its best round, since load from
// elsewhere on the machine can only slow a round down.
//
// The machine may have few cores, so clients and server compete for CPU. The run therefore
// also reads each process's CPU time from /proc during BatchWriteItem and reports the server's
// CPU per 1,000 items and the cores servers and clients used: when the clients' cores plus the
// server's reach the machine's, the wall-clock rate is bounded by the machine, not the server.
// Ends with one JSON line of figures.
import { cpus, loadavg } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cpuSeconds, spawnTs, startLocal, startNodeEndpoint, stopProcess, type Endpoint, type EndpointName } from './serve/endpoints';
import type { GeneratorMessage, GeneratorReply } from './serve/protocol';
import { BATCH_SIZE, batchWriteInput, seedBatches, tableDefinition, type Operation } from './serve/workload';

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

const CLIENTS = setting('BENCH_CLIENTS', 2);
const IN_FLIGHT = setting('BENCH_IN_FLIGHT', 8);
const ROUNDS = setting('BENCH_ROUNDS', 3);
/** Requests per round, split evenly across the load generators. */
const REQUESTS: Record<Operation, number> = {
  put: setting('BENCH_PUTS', 3000),
  query: setting('BENCH_QUERIES', 3000),
  batch: setting('BENCH_BATCHES', 400),
};
const WARM_UP: Record<Operation, number> = { put: 600, query: 600, batch: 200 };
const OPERATIONS: Operation[] = ['put', 'query', 'batch'];

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

function startGenerator(): Generator {
  const child = spawnTs('./loadGenerator.ts', [], ['ignore', 'inherit', 'inherit', 'ipc']);
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

/** An endpoint with its table seeded and its own load generators connected. */
class Target {
  private next: Record<Operation, number> = { put: 0, query: 0, batch: 0 };

  private constructor(
    readonly endpoint: Endpoint,
    private readonly generators: Generator[],
  ) {}

  static async connect(endpoint: Endpoint): Promise<Target> {
    const table = `bench_${endpoint.name}_${Date.now()}`;
    const seeder = new DynamoDBClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 1 });
    try {
      await seeder.send(new CreateTableCommand(tableDefinition(table)));
      for (const batch of seedBatches(table)) await seeder.send(new BatchWriteItemCommand(batch));
    } finally {
      seeder.destroy();
    }
    const generators = Array.from({ length: CLIENTS }, startGenerator);
    const target = new Target(endpoint, generators);
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

type Best = Record<Operation, PhaseResult>;

function better(current: PhaseResult | undefined, candidate: PhaseResult): PhaseResult {
  return current === undefined || candidate.rate > current.rate ? candidate : current;
}

async function run(): Promise<void> {
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const endpoints: Endpoint[] = [];
  const targets: Target[] = [];
  try {
    for (const name of ['noop', 'tablesmith', 'dynalite'] as const) endpoints.push(await startNodeEndpoint(name));
    endpoints.push(await startLocal());
    for (const endpoint of endpoints) targets.push(await Target.connect(endpoint));
    for (const target of targets) for (const op of OPERATIONS) await target.phase(op, WARM_UP[op]);
    const best = new Map<EndpointName, Partial<Best>>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
      for (const target of order) {
        const results = best.get(target.endpoint.name) ?? {};
        const line: string[] = [];
        for (const op of OPERATIONS) {
          const result = await target.phase(op, REQUESTS[op]);
          results[op] = better(results[op], result);
          line.push(`${op} ${Math.round(result.rate)}/s (server ${(result.serverCpuSeconds / result.wallSeconds).toFixed(2)} cores, clients ${(result.clientCpuSeconds / result.wallSeconds).toFixed(2)})`);
        }
        best.set(target.endpoint.name, results);
        console.error(`round ${round + 1} ${target.endpoint.name}: ${line.join('; ')}`);
      }
    }
    report(best as Map<EndpointName, Best>, endpoints.find((endpoint) => endpoint.name === 'tablesmith')?.startupMs ?? 0, loadAverageAtStart);
  } finally {
    await Promise.all(targets.map((target) => target.close()));
    await Promise.all(endpoints.map((endpoint) => endpoint.stop()));
  }
}

function report(best: Map<EndpointName, Best>, startupMs: number, loadAverageAtStart: number): void {
  const two = (value: number) => Math.round(value * 100) / 100;
  const of = (name: EndpointName) => best.get(name) as Best;
  const ts = of('tablesmith');
  const floor = of('noop');
  const local = of('dynamodbLocal');
  const dynalite = of('dynalite');
  const cpuPer1k = (result: PhaseResult) => (result.serverCpuSeconds * 1e6) / result.items;
  const ratios = {
    putItemVsFloor: two(ts.put.rate / floor.put.rate),
    queryVsFloor: two(ts.query.rate / floor.query.rate),
    dynamodbLocalPutItemVsFloor: two(local.put.rate / floor.put.rate),
    dynamodbLocalQueryVsFloor: two(local.query.rate / floor.query.rate),
    batchWriteVsDynalite: two(ts.batch.rate / dynalite.batch.rate),
    batchWriteVsDynamodbLocal: two(ts.batch.rate / local.batch.rate),
    // The ceiling any server could show in this run: the floor's rate over the peers'.
    floorBatchWriteVsDynalite: two(floor.batch.rate / dynalite.batch.rate),
    floorBatchWriteVsDynamodbLocal: two(floor.batch.rate / local.batch.rate),
    // Server CPU per item, peer over ours: the server's own work, whatever the clients cost.
    batchWriteCpuEfficiencyVsDynalite: two(cpuPer1k(dynalite.batch) / cpuPer1k(ts.batch)),
    batchWriteCpuEfficiencyVsDynamodbLocal: two(cpuPer1k(local.batch) / cpuPer1k(ts.batch)),
  };
  const target = (value: number, minimum: number) => ({ value, minimum, met: value >= minimum });
  console.log(
    JSON.stringify({
      bench: 'serve',
      setup: {
        cores: cpus().length,
        loadAverageAtStart: two(loadAverageAtStart),
        processes: 'each endpoint and each load generator in its own process, sharing the cores; all on 127.0.0.1',
        loadGeneratorsPerEndpoint: CLIENTS,
        inFlightPerGenerator: IN_FLIGHT,
        requestsPerRound: { putItem: REQUESTS.put, query: REQUESTS.query, batchWriteItem: REQUESTS.batch },
        warmUp: { putItem: WARM_UP.put, query: WARM_UP.query, batchWriteItem: WARM_UP.batch },
        rounds: ROUNDS,
        itemsPerBatch: BATCH_SIZE,
        batchRequestBytes: JSON.stringify(batchWriteInput('bench_table', 0)).length,
        table: 'SocialMediaApp shape: PK/SK + GSI1 (ALL)',
      },
      serverStartupMs: two(startupMs),
      endpoints: Object.fromEntries(
        [...best].map(([name, results]) => [
          name,
          {
            putItemOpsPerSec: Math.round(results.put.rate),
            queryOpsPerSec: Math.round(results.query.rate),
            batchWriteItemsPerSec: Math.round(results.batch.rate),
            batchWriteServerCpuMsPer1kItems: two(cpuPer1k(results.batch)),
            batchWriteServerCores: two(results.batch.serverCpuSeconds / results.batch.wallSeconds),
            batchWriteClientCores: two(results.batch.clientCpuSeconds / results.batch.wallSeconds),
          },
        ]),
      ),
      ratios,
      targets: {
        putItemVsFloor: target(ratios.putItemVsFloor, 0.85),
        queryVsFloor: target(ratios.queryVsFloor, 0.85),
        batchWriteVsDynalite: target(ratios.batchWriteVsDynalite, 2),
        batchWriteVsDynamodbLocal: target(ratios.batchWriteVsDynamodbLocal, 5),
      },
    }),
  );
}

await run();
