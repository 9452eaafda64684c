// Bundles a TypeScript entry point with esbuild into node_modules/.cache/tablesmith and returns
// the bundle's path. The bundle is rebuilt only when one of its own source files changed, so a
// clone runs without a build step, yet a command starts in a fraction of the time tsx's
// on-the-fly transform takes (and runs the code as the browser's Vite build does, without
// tsx's name-keeping wrapper around every closure).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'tablesmith');

function upToDate(outfile, manifestPath) {
  try {
    statSync(outfile);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return Object.entries(manifest.inputs).every(([file, mtime]) => statSync(join(root, file)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

/** @param {string} entry path from the repository root, e.g. 'src/cli/main.ts' */
export async function bundle(entry, name) {
  const outfile = join(cacheDir, `${name}.mjs`);
  const manifestPath = join(cacheDir, `${name}.inputs.json`);
  if (upToDate(outfile, manifestPath)) return outfile;
  mkdirSync(cacheDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    outfile,
    write: false,
    logLevel: 'warning',
  });
  // Written aside and renamed into place: processes starting at the same moment (tests, a
  // benchmark's children) must never import a half-written bundle.
  const write = (path, contents) => {
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, contents);
    renameSync(aside, path);
  };
  for (const file of result.outputFiles) write(file.path, file.contents);
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[relative(root, resolve(root, file))] = statSync(resolve(root, file)).mtimeMs;
  write(manifestPath, JSON.stringify({ inputs }));
  return outfile;
}
