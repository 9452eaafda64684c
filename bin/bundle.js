// Bundles a TypeScript entry point with esbuild into node_modules/.cache/tablesmith and returns
// the bundle's path. The bundle is rebuilt only when one of its own source files changed, so a
// clone runs without a build step, yet a command starts in a fraction of the time tsx's
// on-the-fly transform takes (and runs the code as the browser's Vite build does, without
// tsx's name-keeping wrapper around every closure).
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
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

/**
 * @param {string} entry path from the repository root, e.g. 'src/cli/main.ts'
 * @param {{ splitting?: boolean }} options splitting: modules reached only by `import()` go in
 *   chunks of their own, loaded when imported (esbuild hoists a single file's imports of packages)
 */
export async function bundle(entry, name, options = {}) {
  const outdir = options.splitting ? join(cacheDir, name) : cacheDir;
  const outfile = join(outdir, `${options.splitting ? basename(entry, extname(entry)) : name}.mjs`);
  const manifestPath = join(cacheDir, `${name}.inputs.json`);
  if (upToDate(outfile, manifestPath)) return outfile;
  mkdirSync(outdir, { recursive: true });
  // Imported only to rebuild: loading esbuild takes longer than starting the server it bundles.
  const { build } = await import('esbuild');
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
    ...(options.splitting ? { outdir, splitting: true, entryNames: '[name]', chunkNames: 'chunk-[hash]', outExtension: { '.js': '.mjs' } } : { outfile }),
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
