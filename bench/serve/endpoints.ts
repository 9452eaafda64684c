// Starting, measuring and stopping the processes of a bench:serve run.
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle } from '../../bin/bundle.js';
import { median } from '../stats';
import { startDynamoDBLocal } from '../../src/testing/dynamodbLocal';

export type EndpointName = 'tablesmith' | 'dynamodbLocal' | 'dynalite' | 'noop';

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

/**
 * Milliseconds from spawning `tablesmith serve --port 0` to its "listening" line, the median of
 * `runs`: what a user waits for, module loading included.
 */
export async function serveCommandStartupMs(runs = 5): Promise<number> {
  const bin = fileURLToPath(new URL('../../bin/tablesmith.js', import.meta.url));
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`tablesmith serve exited with code ${code}: ${out}`)));
    });
    times.push(performance.now() - started);
    await stopProcess(child);
  }
  return median(times);
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
