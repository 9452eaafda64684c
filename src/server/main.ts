// `npm run serve -- [--port 8000] [--host 127.0.0.1] [--model design.json]`
import { parseArgs } from 'node:util';
import { startServer } from './index';

const HELP = `Usage: npm run serve -- [--port 8000] [--host 127.0.0.1] [--model design.json]

Serves Tablesmith's DynamoDB engine as a local endpoint (DynamoDB JSON 1.0 protocol,
DynamoDB and DynamoDB Streams APIs). Point any SDK or the AWS CLI at it with
--endpoint-url; any credentials are accepted, and each access key + region gets its own
tables, as with DynamoDB Local.

  --port   TCP port (default 8000; 0 picks a free one)
  --host   interface to listen on (default 127.0.0.1)
  --model  a Tablesmith model file: every new database starts with its table and sample items`;

async function main(): Promise<void> {
  let values: { port?: string; host?: string; model?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, model: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = values.port === undefined ? 8000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535, got "${values.port}"`);
    process.exitCode = 2;
    return;
  }
  const server = await startServer({ port, host: values.host, modelPath: values.model });
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`tablesmith serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
