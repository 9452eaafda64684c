// `npm run bench:<name>`: bundles bench/<name>.ts with esbuild and runs it under Node.
// Bundled, the engine runs as the browser gets it from Vite's build: tsx's on-the-fly
// transform adds a name-keeping wrapper to every closure and would be measured instead.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <engine|model|…>');
  process.exit(2);
}
const outfile = `.tmp/bench/${name}.mjs`;
await build({
  entryPoints: [`bench/${name}.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  outfile,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
