#!/usr/bin/env node
// The `tablesmith` command: runs src/cli/main.ts from an esbuild bundle that bin/bundle.js
// keeps up to date, so a clone works after `npm ci` without a build step.
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.js';

const { main } = await import(pathToFileURL(await bundle('src/cli/main.ts', 'cli')).href);
process.exitCode = await main(process.argv.slice(2));
