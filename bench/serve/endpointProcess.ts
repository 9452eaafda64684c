// An endpoint of bench:serve in a process of its own, as DynamoDB Local is, so no server
// shares an event loop or a core's time slice with the load generators by construction.
// Prints one JSON line `{ url, startupMs }` when listening.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { startServer } from '../../src/server';
import { userPost } from './workload';

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The floor: canned, well-formed answers for each operation, checksummed like DynamoDB's. */
function listenNoop(): Promise<string> {
  const page = Array.from({ length: 20 }, (_, i) => userPost(0, i));
  const last = page[page.length - 1];
  const canned: Record<string, string> = {
    CreateTable: JSON.stringify({ TableDescription: { TableStatus: 'ACTIVE' } }),
    PutItem: '{}',
    Query: JSON.stringify({ Items: page, Count: page.length, ScannedCount: page.length, LastEvaluatedKey: { PK: last?.PK, SK: last?.SK } }),
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
  return listening(server);
}

function listenDynalite(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dynalite = require('dynalite') as (options: Record<string, number>) => Server;
  return listening(dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }));
}

async function listenTablesmith(): Promise<string> {
  return (await startServer({ port: 0, host: '127.0.0.1', quiet: true })).url;
}

/** `serve --db-path` in a fresh directory, removed when the run stops the process. */
async function listenTablesmithDisk(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-serve-db-'));
  process.once('SIGTERM', () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
  return (await startServer({ port: 0, host: '127.0.0.1', quiet: true, dbPath: dir })).url;
}

const LISTENERS: Record<string, () => Promise<string>> = {
  noop: listenNoop,
  dynalite: listenDynalite,
  tablesmith: listenTablesmith,
  tablesmithDisk: listenTablesmithDisk,
};

const name = process.argv[2] ?? '';
const listen = LISTENERS[name];
if (!listen) throw new Error(`unknown endpoint ${name}; expected one of ${Object.keys(LISTENERS).join(', ')}`);
const started = performance.now();
const url = await listen();
console.log(JSON.stringify({ url, startupMs: performance.now() - started }));
