// `tablesmith serve`: the engine as a local DynamoDB endpoint speaking the JSON 1.0
// protocol, for the AWS SDKs, the AWS CLI and NoSQL tools pointed at `--endpoint-url`.
import { readFile } from 'node:fs/promises';
import { createDatabases } from './Databases';
import { listen } from './HttpServer';
import { loadModelSeed } from './ModelSeed';

export interface ServerOptions {
  port?: number;
  host?: string;
  /** A Tablesmith model file: its table is created and seeded in every new database. */
  modelPath?: string;
  /** TTL sweep period in milliseconds of wall time (default 1000). */
  ttlSweepIntervalMs?: number;
  /** No startup line on stdout. */
  quiet?: boolean;
}

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<StartedServer> {
  const seed = options.modelPath === undefined ? undefined : loadModelSeed(await readFile(options.modelPath, 'utf8'), options.modelPath);
  const databases = createDatabases({ seed, ttlSweepIntervalMs: options.ttlSweepIntervalMs });
  const server = await listen({ port: options.port ?? 8000, host: options.host, engineFor: (scope) => databases.engineFor(scope) });
  if (!options.quiet) console.log(`Tablesmith DynamoDB endpoint listening on ${server.url}`);
  return {
    url: server.url,
    close: async () => {
      databases.close();
      await server.close();
    },
  };
}
