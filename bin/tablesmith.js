#!/usr/bin/env node
// The `tablesmith` command. In a clone it runs src/cli/main.ts from an esbuild bundle that
// bin/bundle.js keeps up to date, so it works after `npm ci` without a build step; an
// installed package has no src/ and runs bin/cli.mjs, built when it was packed.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const packaged = new URL('./cli.mjs', import.meta.url);
const entry = existsSync(source) ? pathToFileURL(await (await import('./bundle.js')).bundle('src/cli/main.ts', 'cli')).href : packaged.href;
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
