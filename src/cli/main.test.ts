// The CLI as a user runs it: `node bin/tablesmith.js …` on temp files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { cloudFormationTemplate } from '../export/cloudFormation';
import { examples } from '../model/examples';
import { shopDesign } from '../model/testing/shopDesign';
import { startServeProcess } from '../server/testing/TestServer';

const BIN = resolve(__dirname, '../../bin/tablesmith.js');
const dir = mkdtempSync(join(tmpdir(), 'tablesmith-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const model = examples[0]?.model;
if (model === undefined) throw new Error('no built-in example');
const modelPath = join(dir, 'model.json');
writeFileSync(modelPath, JSON.stringify(model));

// Each case starts Node and tsx a few times; the default 5 s is too short on a loaded machine.
describe('tablesmith CLI', { timeout: 120_000 }, () => {
  it('validates a good design with exit 0', () => {
    const result = run('validate', modelPath);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('valid (0 error(s)');
  });

  it('rejects a broken design with located messages and a non-zero exit', () => {
    const broken = structuredClone(model);
    broken.table.name = 'x';
    (broken.table.partitionKey as { type: string }).type = 'Q';
    const path = join(dir, 'broken.json');
    writeFileSync(path, JSON.stringify(broken));
    const result = run('validate', path);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.json:\/table\/partitionKey\/type: error: /);
    const unreadable = run('validate', join(dir, 'missing.json'));
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain('cannot read');
    writeFileSync(join(dir, 'not-json.json'), '{ nope');
    expect(run('validate', join(dir, 'not-json.json')).status).toBe(1);
  });

  it('exports a design whose only problems are warnings (two entities may share the sort key META), printing them', () => {
    const smelly = shopDesign();
    const [customer, , product] = smelly.entities;
    if (customer === undefined || product === undefined) throw new Error('shop design changed');
    customer.keys.sortKey = 'META';
    product.keys = { ...product.keys, partitionKey: 'CUSTOMER#{{productId}}', sortKey: 'META' };
    const path = join(dir, 'smelly.json');
    writeFileSync(path, JSON.stringify(smelly));
    const result = run('export', path, '--format', 'cfn-yaml');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/smelly\.json:\/entities\/2\/keys\/sortKey: warning: product and customer may share a partition and both use the sort key "META"/);
    expect(result.stdout).toContain('AWS::DynamoDB::Table');
  });

  it('exports CloudFormation YAML to stdout, the same template as the library', () => {
    const result = run('export', modelPath, '--format', 'cfn-yaml', '--resource', 'table');
    expect(result.status).toBe(0);
    expect(parse(result.stdout)).toEqual(cloudFormationTemplate(model, 'table'));
  });

  it('exports the IAM policy for a Region, account and identity, with its notes on stderr', () => {
    const result = run('export', modelPath, '--format', 'iam', '--region', 'eu-west-1', '--account', '123456789012', '--identity', 'principal-tag:user');
    expect(result.status, result.stderr).toBe(0);
    const policy = JSON.parse(result.stdout) as { Statement: { Resource: string[]; Condition?: unknown }[] };
    expect(policy.Statement[0]?.Resource[0]).toMatch(/^arn:aws:dynamodb:eu-west-1:123456789012:table\//);
    expect(JSON.stringify(policy)).toContain('${aws:PrincipalTag/user}');
    expect(result.stderr).toMatch(/^note: Per-user access/m);
    const refused = run('export', modelPath, '--format', 'iam', '--identity', 'nobody');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('unknown identity "nobody"');
    const defaults = run('export', modelPath, '--format', 'cdk', '--with-policy');
    expect(defaults.stdout).toContain('new dynamodb.Table(this');
    expect(defaults.stdout).toContain('new iam.CfnManagedPolicy(this');
  });

  it('writes every format into --out', () => {
    for (const format of ['cdk', 'cfn-json', 'iam', 'ts', 'markdown', 'workbench', 'onetable']) {
      const result = run('export', modelPath, '--format', format, '--out', join(dir, 'out'));
      expect(result.status, `${format}: ${result.stderr}`).toBe(0);
      const written = /wrote (.+)\n/.exec(result.stderr)?.[1] ?? '';
      expect(existsSync(written), format).toBe(true);
      expect(readFileSync(written, 'utf8').length).toBeGreaterThan(100);
    }
  });

  it('refuses unknown formats and commands', () => {
    const badFormat = run('export', modelPath, '--format', 'pdf');
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain('--format must be one of');
    expect(run('frobnicate').status).toBe(1);
  });

  it('imports a Workbench file into a design that validates', () => {
    const workbench = run('export', modelPath, '--format', 'workbench', '--out', join(dir, 'wb'));
    const file = /wrote (.+)\n/.exec(workbench.stderr)?.[1] ?? '';
    const out = join(dir, 'imported.json');
    const result = run('import', file, '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(run('validate', out).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).table.name).toBe(model.table.name);
  });

  it('reports a failed import with the location and writes nothing', () => {
    const path = join(dir, 'bad-workbench.json');
    writeFileSync(path, JSON.stringify({ ModelName: 'x', ModelMetadata: { Version: '3.0' }, DataModel: [{ TableName: 'T', KeyAttributes: {} }] }));
    const out = join(dir, 'never.json');
    const result = run('import', path, '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad-workbench.json:/DataModel/0/KeyAttributes/PartitionKey: error:');
    expect(existsSync(out)).toBe(false);
  });

  it('serves the design as a DynamoDB endpoint until stopped', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--model', modelPath], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolveUrl(match[1]);
        });
        server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const client = new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'cli', secretAccessKey: 'cli' } });
      const scan = await client.send(new ScanCommand({ TableName: model.table.name, Select: 'COUNT' }));
      expect(scan.Count).toBeGreaterThan(0);
      client.destroy();
    } finally {
      const exited = new Promise<number | null>((resolveExit) => server.once('exit', resolveExit));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('prints serve --help with its options and exit 0', () => {
    const result = run('serve', '--help');
    expect(result.status).toBe(0);
    for (const option of ['--db-path', '--cors', '--allow-host', '--max-memory']) expect(result.stdout).toContain(option);
  });

  it('writes out terminal control characters of names in its messages instead of sending them', () => {
    const name = join(dir, 'evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\nforged: ok.json');
    const result = run('validate', name);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\nforged: ok.json');
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('refuses a --max-memory it cannot read or that V8 could not hold', () => {
    const unreadable = run('serve', '--max-memory', 'lots');
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toContain('--max-memory must be a size such as 512MB or 2GB');
    const tooLarge = run('serve', '--max-memory', '1000GB');
    expect(tooLarge.status).toBe(1);
    expect(tooLarge.stderr).toMatch(/--max-memory 1024000 MB is not below V8's heap limit of \d+ MB/);
  });

  it('names the address it really bound, says it keeps tables in memory, and warns when reachable from other machines', async () => {
    const local = await startServeProcess(['--host', 'localhost']);
    try {
      expect(local.output()).toMatch(/listening on http:\/\/(127\.0\.0\.1|\[::1\]):\d+\n/);
      expect(local.output()).toContain('Tables are kept in memory only and are lost when the server stops; keep them with --db-path DIR.');
      expect(local.output()).not.toContain('not authenticated');
    } finally {
      await local.stop();
    }
    const everywhere = await startServeProcess(['--host', '0.0.0.0']);
    try {
      expect(everywhere.output()).toMatch(/listening on http:\/\/0\.0\.0\.0:\d+\n/);
      await expect.poll(() => everywhere.output()).toContain('requests are not authenticated');
    } finally {
      await everywhere.stop();
    }
  });
});
