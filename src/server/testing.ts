// For tests that run DynamoDB requests against the engine over real HTTP: starts the
// endpoint server on a free loopback port. `engineFor` exposes the database behind a
// credential, e.g. to subscribe to its streams or run its TTL sweep.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Engine } from '../engine';
import type { Oracle } from '../engine/testing/differential';
import { createDatabases } from './Databases';
import { listen } from './HttpServer';

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
