// Starting, measuring and stopping the processes of a bench:serve run.
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../bin/bundle.js';
import { median } from '../stats';
import { startDynamoDBLocal } from '../../src/testing/dynamodbLocal';

export type EndpointName = 'tablesmith' | 'tablesmithDisk' | 'dynamodbLocal' | 'dynalite' | 'noop';

export interface Endpoint {
  name: EndpointName;
  url: string;
  /** The process serving the endpoint, whose CPU time the run reads. */
  pid: number;
  /** From the server code's start to listening, where measured. */
  startupMs?: number;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript file of this folder in a new Node process from an esbuild bundle, as
 * `tablesmith serve` runs: tsx's transform would slow the servers down by its own overhead.
 */
export async function spawnTs(file: string, args: string[], stdio: StdioOptions): Promise<ChildProcess> {
  const name = file.replace(/^\.\//, '').replace(/\.ts$/, '');
  const bundled = await bundle(`bench/serve/${name}.ts`, `bench-serve-${name}`);
  return spawn(process.execPath, [bundled, ...args], { stdio });
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startNodeEndpoint(name: Exclude<EndpointName, 'dynamodbLocal'>): Promise<Endpoint> {
  const child = await spawnTs('./endpointProcess.ts', [name], ['ignore', 'pipe', 'inherit']);
  const ready = await new Promise<{ url: string; startupMs: number }>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; startupMs: number });
    });
    child.once('exit', (code) => reject(new Error(`${name} endpoint exited with code ${code}`)));
  });
  return { name, ...ready, pid: child.pid as number, stop: () => stopProcess(child) };
}

export const TABLESMITH_BIN = fileURLToPath(new URL('../../bin/tablesmith.js', import.meta.url));

/** The peer of a cold start: the least a Node HTTP server can do, in a process of its own. */
export const BARE_NODE_SERVER = [
  '-e',
  "require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port) })",
];

/** How long a started server is left idle before its resident memory is read. */
const IDLE_MS = 1000;

export interface StartupFigures {
  /** Spawn to the "listening on" line, module loading included: what a user waits for. */
  ms: number;
  /** Resident set size after IDLE_MS of idling. */
  idleRssBytes: number;
}

function residentBytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}

/** Starts `node …args` once (it must print "listening on"), times it, reads its idle RSS and stops it. */
export async function measureStartup(args: readonly string[]): Promise<StartupFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited with code ${code}: ${out}`)));
  });
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const idleRssBytes = residentBytes(child.pid as number);
  await stopProcess(child);
  return { ms, idleRssBytes };
}

/** Medians of `runs` alternating start-ups of each command, so both see the same machine load. */
export async function compareStartups(commands: Record<string, readonly string[]>, runs = 5): Promise<Record<string, StartupFigures>> {
  const results: Record<string, StartupFigures[]> = {};
  for (let run = 0; run < runs; run++) {
    for (const [name, args] of Object.entries(commands)) (results[name] ??= []).push(await measureStartup(args));
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, figures]) => [
      name,
      { ms: median(figures.map((figure) => figure.ms)), idleRssBytes: median(figures.map((figure) => figure.idleRssBytes)) },
    ]),
  );
}

/** The middle value (the upper one of an even count). */
export async function startLocal(): Promise<Endpoint> {
  const local = await startDynamoDBLocal();
  return { name: 'dynamodbLocal', url: local.endpoint, pid: local.pid, stop: () => local.stop() };
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU seconds a process has used so far, all its threads included. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
