// `npm run bench:<name>`: runs bench/<name>.ts from an esbuild bundle under Node, so the engine
// runs as the browser gets it from Vite's build rather than through tsx's transform.
import { spawnSync } from 'node:child_process';
import { bundle } from '../bin/bundle.js';

const name = process.argv[2];
if (!name) {
  console.error('usage: node scripts/bench.mjs <engine|model|…>');
  process.exit(2);
}
const outfile = await bundle(`bench/${name}.ts`, `bench-${name}`);
const result = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
