// For tests that run DynamoDB requests against the engine over real HTTP: starts the
// endpoint server on a free loopback port. `engineFor` exposes the database behind a
// credential, e.g. to subscribe to its streams or run its TTL sweep.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Engine } from '../../engine';
import type { Oracle } from '../../engine/testing/differential';
import { createDatabases } from '../Databases';
import { listen } from '../HttpServer';

export interface TestServer {
  endpoint: string;
  engineFor(accessKeyId: string, region?: string): Engine;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  // The sweep is driven by tests themselves (with the engine's clock), never by a timer.
  const databases = createDatabases({ maintenanceIntervalMs: 24 * 60 * 60 * 1000 });
  const server = await listen({ port: 0, host: '127.0.0.1', engineFor: (scope) => databases.engineFor(scope) });
  return {
    endpoint: server.url,
    engineFor: (accessKeyId, region = 'us-east-1') => databases.engineFor({ accessKeyId, region }).engine,
    close: async () => {
      databases.close();
      await server.close();
    },
  };
}

/**
 * A differential oracle whose engine side is the endpoint server over HTTP, so any
 * differential case can be run against "the engine as `tablesmith serve` serves it".
 */
export async function startHttpOracle(localEndpoint: string): Promise<{ oracle: Oracle; server: TestServer; close(): Promise<void> }> {
  const server = await startTestServer();
  const credentials = { accessKeyId: 'differential', secretAccessKey: 'differential' };
  const run = `h${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  let counter = 0;
  const oracle: Oracle = {
    local: new DynamoDBClient({ endpoint: localEndpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
    engine: new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 }),
    core: server.engineFor(credentials.accessKeyId),
    table: (label) => `${run}-${label}-${++counter}`,
    reconciled: new Set(),
  };
  return {
    oracle,
    server,
    close: async () => {
      oracle.local.destroy();
      oracle.engine.destroy();
      await server.close();
    },
  };
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
  /** Sends `signal` and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const BIN = fileURLToPath(new URL('../../../bin/tablesmith.js', import.meta.url));

/** Runs `tablesmith serve --port 0 …args` as a user would, resolving once it listens. */
export function startServeProcess(args: readonly string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(output)?.[1];
      if (match) {
        resolve({
          url: match.replace('//0.0.0.0:', '//127.0.0.1:'),
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`tablesmith serve exited with ${code} before listening:\n${output}`)));
  });
}
