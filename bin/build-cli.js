// Builds the `tablesmith` command into one file, bin/cli.mjs, for the npm package (`prepack`):
// an installed package has no src/ to bundle from and may not write into its own folder, so
// it carries the command ready to run. Its imports are the package's `dependencies`.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'bin/cli.mjs',
  logLevel: 'warning',
});
