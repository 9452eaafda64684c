// The npm package as `npm pack` makes it: the command ready to run (no src/, no build step
// on the user's side), needing only the package's dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'tablesmith-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the npm package', { timeout: 120_000 }, () => {
  it('holds the built command and nothing to build, and the command imports only dependencies', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], { cwd: root, encoding: 'utf8' })) as {
      files: { path: string }[];
    }[];
    expect(packed?.files.map((file) => file.path).sort()).toEqual(['README.md', 'bin/cli.mjs', 'bin/tablesmith.js', 'package.json']);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const bundle = readFileSync(join(root, 'bin/cli.mjs'), 'utf8');
    const imported = new Set([...bundle.matchAll(/^import .* from "([^"]+)";$/gm), ...bundle.matchAll(/\bimport\("([^"]+)"\)/g)].map((match) => match[1] as string));
    const packages = [...imported].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));
    const packageName = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
    expect(packages.map(packageName).filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('runs from the packed files alone, without src/', () => {
    const installed = join(scratch, 'node_modules', 'tablesmith');
    mkdirSync(join(installed, 'bin'), { recursive: true });
    for (const file of ['bin/cli.mjs', 'bin/tablesmith.js', 'package.json']) cpSync(join(root, file), join(installed, file));
    symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
    const help = spawnSync(process.execPath, [join(installed, 'bin/tablesmith.js'), 'serve', '--help'], { cwd: scratch, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('tablesmith serve');
  });
});
