// `tablesmith serve`: the engine as a local DynamoDB endpoint speaking the JSON 1.0
// protocol, for the AWS SDKs, the AWS CLI and NoSQL tools pointed at `--endpoint-url`.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeControl } from '../cli/terminal';
import { createDatabases } from './Databases';
import { listen } from './HttpServer';
import { Journal, JOURNAL_FILE } from './Journal';
import { defaultMemoryBudget, formatMegabytes, heapLimitBytes, MemoryBudget } from './MemoryBudget';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** A Tablesmith model file: its table is created and seeded in every new database. */
  modelPath?: string;
  /** Origins allowed besides the app on loopback (`--cors`); `*` for any. */
  cors?: readonly string[];
  /** Host header names accepted besides loopback names and IP literals (`--allow-host`). */
  allowedHosts?: readonly string[];
  /** Keep every database in this directory (`--db-path`); in memory only when absent. */
  dbPath?: string;
  /** Heap budget in bytes (`--max-memory`); below V8's heap limit. */
  maxMemoryBytes?: number;
  /** TTL sweep and stream retention period in milliseconds of wall time (default 1000). */
  maintenanceIntervalMs?: number;
  /** No start-up lines on stdout. */
  quiet?: boolean;
}

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Marks `dir` as used by this process, so two servers never append to one journal. A lock
 * left by a process that no longer runs (a `kill -9`) is taken over.
 */
function lockDirectory(dir: string): () => void {
  const path = join(dir, 'LOCK');
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processRuns(holder)) {
        throw new Error(`${escapeControl(dir)} is in use by another tablesmith serve (process ${holder})`, { cause: error });
      }
      rmSync(path, { force: true });
    }
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function startServer(options: ServerOptions = {}): Promise<StartedServer> {
  const say = options.quiet ? () => {} : (line: string) => console.log(line);
  const warn = options.quiet ? () => {} : (line: string) => console.warn(line);
  // Loaded only for --model: the model code (sample data, its faker) would double the start-up time.
  const seed =
    options.modelPath === undefined ? undefined : (await import('./ModelSeed')).loadModelSeed(await readFile(options.modelPath, 'utf8'), options.modelPath);
  const limit = options.maxMemoryBytes ?? defaultMemoryBudget();
  if (limit >= heapLimitBytes()) {
    throw new Error(
      `--max-memory ${formatMegabytes(limit)} is not below V8's heap limit of ${formatMegabytes(heapLimitBytes())}; ` +
        'choose less, or raise the limit with NODE_OPTIONS=--max-old-space-size=<MB>',
    );
  }
  let unlock: (() => void) | undefined;
  let journal: Journal | undefined;
  if (options.dbPath !== undefined) {
    mkdirSync(options.dbPath, { recursive: true });
    unlock = lockDirectory(options.dbPath);
  }
  try {
    if (options.dbPath !== undefined) journal = await Journal.open(options.dbPath);
    const databases = createDatabases({
      seed,
      memoryBudget: new MemoryBudget(limit),
      ...(journal ? { journal } : {}),
      ...(options.maintenanceIntervalMs !== undefined ? { maintenanceIntervalMs: options.maintenanceIntervalMs } : {}),
    });
    let storage = 'Tables are kept in memory only and are lost when the server stops; keep them with --db-path DIR.';
    if (options.dbPath !== undefined) {
      const journalPath = join(options.dbPath, JOURNAL_FILE);
      const replayed = databases.replay(journalPath);
      storage = `Tables are kept in ${escapeControl(options.dbPath)} (${replayed.records} journaled change(s) replayed).`;
      if (replayed.tornBytes > 0) {
        storage += `\nDropped an incomplete last write (${replayed.tornBytes} bytes) from ${escapeControl(journalPath)}: it was never acknowledged.`;
      }
      if (replayed.diverged > 0) {
        storage += `\nWarning: ${replayed.diverged} journaled change(s) did not apply as they first did (a different --model, or another Tablesmith version?).`;
      }
    }
    const server = await listen({
      port: options.port ?? 8000,
      host: options.host,
      cors: options.cors,
      allowedHosts: options.allowedHosts,
      engineFor: (scope) => databases.engineFor(scope),
    });
    if (server.beyondLoopback) {
      warn(
        `Warning: ${escapeControl(server.boundUrl)} is reachable from other machines, and requests are not authenticated: ` +
          'anyone who can reach it can read and change every table. Bind to 127.0.0.1 unless that is what you want.',
      );
    }
    // One write, so whoever waits for the listening line has the lines about storage too.
    say(
      [
        `Tablesmith DynamoDB endpoint listening on ${escapeControl(server.boundUrl)}`,
        storage,
        `Memory budget ${formatMegabytes(limit)} (--max-memory); writes beyond it are refused.`,
      ].join('\n'),
    );
    return {
      url: server.url,
      close: async () => {
        await server.close();
        await databases.close();
        unlock?.();
      },
    };
  } catch (error) {
    await journal?.close();
    unlock?.();
    throw error;
  }
}
