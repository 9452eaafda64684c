// The `tablesmith` command line: export a design, import NoSQL Workbench / OneTable files,
// validate a design, and serve the engine as a local DynamoDB endpoint. Every failure is a
// located message on stderr and a non-zero exit code; nothing is written on failure.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { IDENTITY_CHOICES, PRINCIPAL_TAG_CHOICE } from '../export/iamPolicy';
import { EXPORT_FORMATS, exportDefinition, exportFiles, type ExportFormat, type ExportOptions } from '../export/index';
import { TABLE_RESOURCES, type TableResource } from '../export/tableSchema';
import { IMPORT_FORMATS, importDesign, type ImportFormat } from '../import/index';
import { parseModel } from '../model/parse';
import type { DesignModel, ModelIssue } from '../model/types';
import { validateDesign } from '../model/validateDesign';
import { tableNamed, tableNames } from '../model/tables';
import { escapeControl, escapeControlKeepingLines } from './terminal';

export const USAGE = `Usage:
  tablesmith export <model.json> --format ${EXPORT_FORMATS.join('|')}
                    [--table <name>] [--resource table|global-table] [--with-policy] [--out <dir>]
                    [--region <region>] [--account <id>] [--leading-keys [--identity <who>]
                    [--identity-attribute <parameter>]]
      --table: one table of a design that holds several (else --out writes a file per table)
      --resource: cdk and CloudFormation; both default to table (Table / AWS::DynamoDB::Table)
      --with-policy: cdk and CloudFormation also get the IAM policy as an AWS::IAM::ManagedPolicy
      --region, --account: the IAM policy's ARNs (REGION and ACCOUNT_ID placeholders without them)
      --identity: ${IDENTITY_CHOICES.map((choice) => choice.id).join('|')}|${PRINCIPAL_TAG_CHOICE}<key>|'\${policy:variable}'
                  (default cognito); --identity and --identity-attribute imply --leading-keys
  tablesmith import <file> [--from ${IMPORT_FORMATS.join('|')}] [--table <name>] [--out <model.json>]
      reads a Tablesmith model, a NoSQL Workbench model (every table, or the one named by --table),
      a OneTable schema or DynamoDB JSON items (a Scan dump or an S3 export's lines), told apart by content
  tablesmith validate <model.json>
  tablesmith serve [--port <n>] [--host <host>] [--model <model.json>] [--db-path <dir>]
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

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

function located(file: string, issue: { path: string; message: string; severity?: string }): string {
  return `${escapeControl(file)}:${issue.path === '' ? '/' : escapeControl(issue.path)}: ${issue.severity ?? 'error'}: ${escapeControl(issue.message)}\n`;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${escapeControl(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Reads and checks a design file; undefined (after reporting) when it is unusable. */
async function loadDesign(path: string, io: Io): Promise<{ model: DesignModel; issues: ModelIssue[] } | undefined> {
  const parsed = parseModel(await readText(path));
  if ('issues' in parsed) {
    for (const issue of parsed.issues) io.stderr(located(path, issue));
    return undefined;
  }
  return { model: parsed.model, issues: [...parsed.notes, ...validateDesign(parsed.model)] };
}

function single(positionals: string[], what: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new UsageError(`expected one ${what}`);
  return positionals[0];
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      resource: { type: 'string' },
      out: { type: 'string' },
      'with-policy': { type: 'boolean' },
      'leading-keys': { type: 'boolean' },
      identity: { type: 'string' },
      'identity-attribute': { type: 'string' },
      region: { type: 'string' },
      account: { type: 'string' },
      table: { type: 'string' },
    },
  });
  const path = single(positionals, 'model file');
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const resource = values.resource as TableResource | undefined;
  if (resource !== undefined && !TABLE_RESOURCES.includes(resource)) throw new UsageError('--resource must be table or global-table');
  const design = await loadDesign(path, io);
  if (design === undefined) return 1;
  const errors = design.issues.filter((issue) => issue.severity === 'error');
  for (const issue of design.issues) if (issue.severity !== 'info') io.stderr(located(path, issue));
  if (errors.length > 0) {
    io.stderr(`${path}: not exported: fix the ${errors.length} error(s) above first\n`);
    return 1;
  }
  const definition = exportDefinition(format);
  const options: ExportOptions = {
    ...(resource !== undefined ? { resource } : {}),
    accessPolicy: values['with-policy'] === true,
    leadingKeys: values['leading-keys'] === true || values.identity !== undefined || values['identity-attribute'] !== undefined,
    ...(values.identity !== undefined ? { identity: values.identity } : {}),
    ...(values['identity-attribute'] !== undefined ? { identityAttribute: values['identity-attribute'] } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
    ...(values.account !== undefined ? { account: values.account } : {}),
  };
  const model = chosenTable(design.model, values.table);
  let files: { fileName: string; text: string; notes: string[] }[];
  try {
    files = exportFiles(definition, model, options);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const file of files) for (const note of file.notes) io.stderr(`note: ${escapeControl(note)}\n`);
  if (values.out === undefined) {
    const [only, ...more] = files;
    if (only === undefined || more.length > 0) {
      throw new UsageError(`${escapeControl(path)} holds ${tableNames(model).length} tables (${tableNames(model).map(escapeControl).join(', ')}): choose one with --table <name>, or write a file per table with --out <dir>`);
    }
    io.stdout(only.text);
    return 0;
  }
  await mkdir(values.out, { recursive: true });
  for (const file of files) {
    const target = join(values.out, file.fileName);
    await writeFile(target, file.text);
    io.stderr(`wrote ${escapeControl(target)}\n`);
  }
  return 0;
}

/** The design, or only its table named by `--table`. */
function chosenTable(model: DesignModel, name: string | undefined): DesignModel {
  if (name === undefined) return model;
  const table = tableNamed(model, name);
  if (table === undefined) throw new UsageError(`no table named ${escapeControl(JSON.stringify(name))}; the design holds ${tableNames(model).map((table) => escapeControl(JSON.stringify(table))).join(', ')}`);
  return table;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, out: { type: 'string' }, table: { type: 'string' } },
  });
  const path = single(positionals, 'file to import');
  const from = values.from as ImportFormat | undefined;
  if (from !== undefined && !IMPORT_FORMATS.includes(from)) throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')}`);
  const stem = basename(path, extname(path));
  const result = importDesign(await readText(path), {
    ...(from !== undefined ? { from } : {}),
    ...(values.table !== undefined ? { table: values.table, tableName: values.table } : {}),
    name: stem,
  });
  if ('errors' in result) {
    for (const error of result.errors) io.stderr(located(path, error));
    return 1;
  }
  for (const warning of result.warnings) io.stderr(located(path, { ...warning, severity: 'warning' }));
  const text = `${JSON.stringify(result.model, null, 2)}\n`;
  if (values.out === undefined) io.stdout(text);
  else {
    await writeFile(values.out, text);
    io.stderr(`wrote ${values.out}\n`);
  }
  return 0;
}

async function validateCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const path = single(positionals, 'model file');
  const design = await loadDesign(path, io);
  if (design === undefined) return 1;
  for (const issue of design.issues) if (issue.severity !== 'info') io.stderr(located(path, issue));
  const errors = design.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = design.issues.filter((issue) => issue.severity === 'warning').length;
  io.stdout(`${escapeControl(path)}: ${errors === 0 ? 'valid' : 'invalid'} (${errors} error(s), ${warnings} warning(s))\n`);
  return errors === 0 ? 0 : 1;
}

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

async function serveCommand(args: string[], io: Io): Promise<number> {
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
  // Loaded on demand: the other commands need neither the HTTP server nor the engine.
  const { startServer } = await import('../server/index');
  const { parseMemorySize } = await import('../server/MemoryBudget');
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

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  export: exportCommand,
  import: importCommand,
  validate: validateCommand,
  serve: serveCommand,
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], output: Io = processIo): Promise<number> {
  // Every message on stderr passes through here: names in it (files, tables, entities) can
  // hold terminal control characters, which are written out instead of obeyed.
  const io: Io = { stdout: output.stdout, stderr: (text) => output.stderr(escapeControlKeepingLines(text)) };
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.stderr(`unknown command ${JSON.stringify(command)}\n${USAGE}`);
    return 1;
  }
  try {
    return await run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tablesmith ${command}: ${message}\n${error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? USAGE : ''}`);
    return 1;
  }
}
