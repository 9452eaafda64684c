// Messages between the bench:serve orchestrator and its load-generator processes.
import type { Operation } from './workload';

export type GeneratorMessage =
  | { kind: 'connect'; url: string; table: string; inFlight: number }
  | { kind: 'build'; op: Operation; first: number; count: number }
  | { kind: 'go' }
  | { kind: 'exit' };

export type GeneratorReply =
  | { kind: 'ready' }
  | { kind: 'built' }
  | { kind: 'done'; requests: number; items: number; elapsedMs: number }
  | { kind: 'error'; message: string };
