// For tests that run DynamoDB requests against the engine over real HTTP: starts the
// endpoint server on a free loopback port. `engineFor` exposes the database behind a
// credential, e.g. to subscribe to its streams or run its TTL sweep.
import type { Engine } from '../engine';
import { createDatabases } from './Databases';
import { listen } from './HttpServer';

export interface TestServer {
  endpoint: string;
  engineFor(accessKeyId: string, region?: string): Engine;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  // The sweep is driven by tests themselves (with the engine's clock), never by a timer.
  const databases = createDatabases({ ttlSweepIntervalMs: 24 * 60 * 60 * 1000 });
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
