#!/usr/bin/env node
// The `tablesmith` command. In a clone it runs src/cli from esbuild bundles that bin/bundle.js
// keeps up to date, so it works after `npm ci` without a build step; an installed package has
// no src/ and runs bin/dist/, built when it was packed. `serve` has an entry point of its own,
// without the exporters and importers, so the server starts as fast as it can.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [command, ...args] = process.argv.slice(2);
const serve = command === 'serve';
const entry = serve ? 'serve' : 'main';
let url = new URL(`./dist/${entry}.mjs`, import.meta.url).href;
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { bundle } = await import('./bundle.js');
  url = pathToFileURL(await bundle(`src/cli/${entry}.ts`, `cli-${entry}`, { splitting: true })).href;
}
const cli = await import(url);
process.exitCode = serve ? await cli.serveMain(args) : await cli.main(process.argv.slice(2));
