// One load-generator process of bench:serve: its own SDK DynamoDBClient and keep-alive agent,
// driven by the orchestrator over IPC. Inputs are built before `go` so the timed window holds
// only what any SDK caller pays per request (middleware, serialization, signing, HTTP, parsing).
import { Agent } from 'node:http';
import { BatchWriteItemCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { GeneratorMessage, GeneratorReply, PhaseOperation } from './protocol';
import { BATCH_SIZE, batchWriteInput, putItemInput, queryInput, type Operation } from './workload';

let url = '';
/** One client shared by every request loop, or (after `clients`) one per loop. */
let dbs: DynamoDBClient[] = [];
let table = '';
let inFlight = 1;
let pending: { requests: Request[] } | undefined;

/** A built request: given the client of the loop that sends it, resolves to the items it wrote or read. */
type Request = (client: DynamoDBClient) => Promise<number>;

function reply(message: GeneratorReply): void {
  process.send?.(message);
}

function sdkClient(maxSockets: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets }) },
  });
}

/** The mixed workload: 4 in 10 requests put a post, 5 query a feed page, 1 writes a 25-item batch. */
function mixedOperation(i: number): Operation {
  const slot = i % 10;
  return slot < 4 ? 'put' : slot < 9 ? 'query' : 'batch';
}

/** Builds request `i` of `op`. */
function request(op: PhaseOperation, i: number): Request {
  if (op === 'mixed') return request(mixedOperation(i), i);
  switch (op) {
    case 'put': {
      const input = putItemInput(table, i);
      return async (client) => (await client.send(new PutItemCommand(input)), 1);
    }
    case 'query': {
      const input = queryInput(table, i);
      return async (client) => (await client.send(new QueryCommand(input))).Count ?? 0;
    }
    case 'batch': {
      const input = batchWriteInput(table, i);
      return async (client) => {
        const output = await client.send(new BatchWriteItemCommand(input));
        // Only items the server accepted count; unprocessed ones are work it declined.
        const unprocessed = Object.values(output.UnprocessedItems ?? {}).reduce((sum, writes) => sum + writes.length, 0);
        return BATCH_SIZE - unprocessed;
      };
    }
  }
}

async function go(requests: Request[]): Promise<GeneratorReply> {
  let next = 0;
  let items = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, loop) => {
      const client = dbs[loop % dbs.length] as DynamoDBClient;
      while (next < requests.length) {
        const sent = performance.now();
        // Read the count before adding: `items += await …` would add to a stale `items`.
        const done = await (requests[next++] as Request)(client);
        latenciesMs.push(performance.now() - sent);
        items += done;
      }
    }),
  );
  return { kind: 'done', requests: requests.length, items, elapsedMs: performance.now() - started, latenciesMs };
}

async function handle(message: GeneratorMessage): Promise<GeneratorReply | undefined> {
  switch (message.kind) {
    case 'connect':
      url = message.url;
      table = message.table;
      inFlight = message.inFlight;
      dbs = [sdkClient(message.inFlight)];
      return { kind: 'ready' };
    case 'clients':
      for (const db of dbs) db.destroy();
      dbs = Array.from({ length: message.count }, () => sdkClient(1));
      inFlight = message.count;
      return { kind: 'ready' };
    case 'build':
      pending = { requests: Array.from({ length: message.count }, (_, i) => request(message.op, message.first + i)) };
      return { kind: 'built' };
    case 'go': {
      if (!pending) throw new Error('go before build');
      const { requests } = pending;
      pending = undefined;
      return go(requests);
    }
    case 'exit':
      for (const db of dbs) db.destroy();
      process.disconnect();
      return undefined;
  }
}

process.on('message', (message: GeneratorMessage) => {
  handle(message).then(
    (answer) => answer && reply(answer),
    (error: unknown) => reply({ kind: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
