// A NoSQL Workbench file with several tables, through the CLI: import keeps every table and its
// items, validate checks them all, export writes one file per table or the one --table names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableNames, tablesOf } from '../model/tables';
import type { DesignModel } from '../model/types';

const BIN = resolve(__dirname, '../../bin/tablesmith.js');
const dir = mkdtempSync(join(tmpdir(), 'tablesmith-cli-tables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const workbench = {
  ModelName: 'Warehouse',
  ModelMetadata: { Version: '3.0' },
  DataModel: [
    {
      TableName: 'Widgets',
      KeyAttributes: { PartitionKey: { AttributeName: 'Widget_Id', AttributeType: 'N' } },
      TableData: [
        { Widget_Id: { N: '7' }, label: { S: 'bolt' } },
        { Widget_Id: { N: '8' }, label: { S: 'nut' } },
      ],
    },
    {
      TableName: 'Orders',
      KeyAttributes: { PartitionKey: { AttributeName: 'PK', AttributeType: 'S' }, SortKey: { AttributeName: 'SK', AttributeType: 'S' } },
      TableData: [{ PK: { S: 'ORDER#1' }, SK: { S: 'META' }, total: { N: '12.5' } }],
    },
  ],
};

describe('tablesmith CLI with a design of several tables', { timeout: 120_000 }, () => {
  const source = join(dir, 'warehouse.json');
  writeFileSync(source, JSON.stringify(workbench));
  const modelPath = join(dir, 'warehouse.tablesmith.json');

  it('imports every table with its items, and validates them all', () => {
    const imported = run('import', source, '--out', modelPath);
    expect(imported.status).toBe(0);
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as DesignModel;
    expect(tableNames(model)).toEqual(['Widgets', 'Orders']);
    expect(tablesOf(model).map((table) => table.items?.length)).toEqual([2, 1]);
    const validated = run('validate', modelPath);
    expect(validated.stdout).toContain('valid (0 error(s)');
  });

  it('exports one table with --table, a file per table with --out, and says which when neither is given', () => {
    const one = run('export', modelPath, '--format', 'cfn-json', '--table', 'Widgets');
    expect(one.status).toBe(0);
    expect(JSON.stringify(JSON.parse(one.stdout))).toContain('"TableName":"Widgets"');
    // A name with a terminal escape is printed escaped, never acted on by the terminal.
    const unknown = run('export', modelPath, '--format', 'cfn-json', '--table', 'Nope\u001b[31m');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain('no table named "Nope');
    expect(unknown.stderr).not.toContain('\u001b');
    const ambiguous = run('export', modelPath, '--format', 'cfn-json');
    expect(ambiguous.status).not.toBe(0);
    expect(ambiguous.stderr).toContain('holds 2 tables');
    const out = join(dir, 'out');
    expect(run('export', modelPath, '--format', 'cfn-yaml', '--out', out).status).toBe(0);
    expect(readdirSync(out).sort()).toHaveLength(2);
    const workbenchOut = join(dir, 'wb');
    expect(run('export', modelPath, '--format', 'workbench', '--out', workbenchOut).status).toBe(0);
    const [file] = readdirSync(workbenchOut);
    const again = JSON.parse(readFileSync(join(workbenchOut, file ?? ''), 'utf8')) as typeof workbench;
    expect(again.DataModel.map((table) => table.TableName)).toEqual(['Widgets', 'Orders']);
  });
});
