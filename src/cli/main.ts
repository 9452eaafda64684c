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
import { failureReport, UsageError } from './errors';
import { SERVE_USAGE, serveCommand, type Io } from './serve';
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
${SERVE_USAGE}`;

export type { Io } from './serve';

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};


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

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  export: exportCommand,
  import: importCommand,
  validate: validateCommand,
  serve: (args) => serveCommand(args),
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
    io.stderr(failureReport(command, error, USAGE));
    return 1;
  }
}
