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
    const files = packed?.files.map((file) => file.path).sort() ?? [];
    const built = files.filter((file) => file.startsWith('bin/dist/'));
    expect(files.filter((file) => !built.includes(file))).toEqual(['README.md', 'bin/tablesmith.js', 'package.json']);
    expect(built).toContain('bin/dist/main.mjs');
    expect(built).toContain('bin/dist/serve.mjs');
    expect(built.every((file) => /^bin\/dist\/(main|serve|chunk-\w+)\.mjs$/.test(file))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = new Set(
      built.flatMap((file) => {
        const code = readFileSync(join(root, file), 'utf8');
        return [...code.matchAll(/^import .* from "([^"]+)";$/gm), ...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((match) => match[1] as string);
      }),
    );
    const packages = [...imported].filter((name) => !name.startsWith('.') && !name.startsWith('node:') && !builtinModules.includes(name));
    const packageName = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
    expect(packages.map(packageName).filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('runs from the packed files alone, without src/', () => {
    const installed = join(scratch, 'node_modules', 'tablesmith');
    mkdirSync(join(installed, 'bin'), { recursive: true });
    for (const file of ['bin/dist', 'bin/tablesmith.js', 'package.json']) cpSync(join(root, file), join(installed, file), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'));
    const help = spawnSync(process.execPath, [join(installed, 'bin/tablesmith.js'), 'serve', '--help'], { cwd: scratch, encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('tablesmith serve');
    const validate = spawnSync(process.execPath, [join(installed, 'bin/tablesmith.js'), 'validate', 'missing.json'], { cwd: scratch, encoding: 'utf8' });
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain('cannot read missing.json: ENOENT');
  });
});
