// One load-generator process of bench:serve: its own SDK DynamoDBClient and keep-alive agent,
// driven by the orchestrator over IPC. Inputs are built before `go` so the timed window holds
// only what any SDK caller pays per request (middleware, serialization, signing, HTTP, parsing).
import { Agent } from 'node:http';
import { BatchWriteItemCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { GeneratorMessage, GeneratorReply } from './protocol';
import { BATCH_SIZE, batchWriteInput, putItemInput, queryInput, type Operation } from './workload';

let db: DynamoDBClient | undefined;
let table = '';
let inFlight = 1;
let pending: { op: Operation; requests: (() => Promise<number>)[] } | undefined;

function reply(message: GeneratorReply): void {
  process.send?.(message);
}

function connected(): DynamoDBClient {
  if (!db) throw new Error('load generator used before connect');
  return db;
}

/** Builds request `i` of `op`; the returned call resolves to the items it wrote or read. */
function request(op: Operation, i: number): () => Promise<number> {
  const client = connected();
  switch (op) {
    case 'put': {
      const input = putItemInput(table, i);
      return async () => (await client.send(new PutItemCommand(input)), 1);
    }
    case 'query': {
      const input = queryInput(table, i);
      return async () => (await client.send(new QueryCommand(input))).Count ?? 0;
    }
    case 'batch': {
      const input = batchWriteInput(table, i);
      return async () => {
        const output = await client.send(new BatchWriteItemCommand(input));
        // Only items the server accepted count; unprocessed ones are work it declined.
        const unprocessed = Object.values(output.UnprocessedItems ?? {}).reduce((sum, writes) => sum + writes.length, 0);
        return BATCH_SIZE - unprocessed;
      };
    }
  }
}

async function go(requests: (() => Promise<number>)[]): Promise<GeneratorReply> {
  let next = 0;
  let items = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < requests.length) {
        // Read the count before adding: `items += await …` would add to a stale `items`.
        const done = await (requests[next++] as () => Promise<number>)();
        items += done;
      }
    }),
  );
  return { kind: 'done', requests: requests.length, items, elapsedMs: performance.now() - started };
}

async function handle(message: GeneratorMessage): Promise<GeneratorReply | undefined> {
  switch (message.kind) {
    case 'connect':
      table = message.table;
      inFlight = message.inFlight;
      db = new DynamoDBClient({
        endpoint: message.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
        maxAttempts: 1,
        requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: message.inFlight }) },
      });
      return { kind: 'ready' };
    case 'build':
      pending = { op: message.op, requests: Array.from({ length: message.count }, (_, i) => request(message.op, message.first + i)) };
      return { kind: 'built' };
    case 'go': {
      if (!pending) throw new Error('go before build');
      const { requests } = pending;
      pending = undefined;
      return go(requests);
    }
    case 'exit':
      db?.destroy();
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
