#!/usr/bin/env node
// The `tablesmith` command: runs src/cli/main.ts through tsx's loader, so a clone works after
// `npm ci` without a build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
