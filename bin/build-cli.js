// Builds the `tablesmith` command into bin/dist/ for the npm package (`prepack`): an installed
// package has no src/ to bundle from and may not write into its own folder, so it carries the
// command ready to run: main.mjs (every command), serve.mjs (`serve` alone, which starts
// faster) and the chunks they share. Their imports are the package's `dependencies`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(resolve(root, 'bin/dist'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts', 'src/cli/serve.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: 'bin/dist',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
