// `tablesmith serve`. Also an entry point of its own: bin/tablesmith.js runs it without the
// rest of the command line (exporters, importers, validation), so the command that has to
// start fast loads only the server and the engine.
import { parseArgs } from 'node:util';
import { startServer } from '../server/index';
import { parseMemorySize } from '../server/MemoryBudget';
import { failureReport, UsageError } from './errors';
import { escapeControlKeepingLines } from './terminal';

export const SERVE_USAGE = `  tablesmith serve [--port <n>] [--host <host>] [--model <model.json>] [--db-path <dir>]
                   [--cors <origin>[,<origin>]] [--allow-host <name>[,<name>]] [--max-memory <size>]
      --db-path: keep every table in <dir> (journaled to disk); in memory only without it
      --cors: web origins allowed besides pages on localhost, as DynamoDB Local's -cors (* for any)
      --allow-host: Host names accepted besides localhost and IP addresses (against DNS rebinding)
      --max-memory: refuse writes past this heap use, e.g. 2GB (default: 3/4 of V8's heap limit)
`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/** Serves until SIGINT or SIGTERM; resolves to the exit code. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      model: { type: 'string' },
      'db-path': { type: 'string' },
      cors: { type: 'string' },
      'allow-host': { type: 'string' },
      'max-memory': { type: 'string' },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError('--port must be a port number');
  const maxMemoryBytes = values['max-memory'] === undefined ? undefined : parseMemorySize(values['max-memory']);
  if (values['max-memory'] !== undefined && maxMemoryBytes === undefined) throw new UsageError('--max-memory must be a size such as 512MB or 2GB');
  const cors = list(values.cors);
  const allowedHosts = list(values['allow-host']);
  const started = await startServer({
    ...(port !== undefined ? { port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.model !== undefined ? { modelPath: values.model } : {}),
    ...(values['db-path'] !== undefined ? { dbPath: values['db-path'] } : {}),
    ...(cors !== undefined ? { cors } : {}),
    ...(allowedHosts !== undefined ? { allowedHosts } : {}),
    ...(maxMemoryBytes !== undefined ? { maxMemoryBytes } : {}),
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void started.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** `tablesmith serve …` as its own entry point; resolves to the exit code. */
export async function serveMain(args: string[], io: Io = processIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`Usage:\n${SERVE_USAGE}`);
    return 0;
  }
  try {
    return await serveCommand(args);
  } catch (error) {
    io.stderr(escapeControlKeepingLines(failureReport('serve', error, `Usage:\n${SERVE_USAGE}`)));
    return 1;
  }
}
