// Messages between the bench:serve orchestrator and its load-generator processes.
import type { Operation } from './workload';

/** An operation of a phase: one kind of request, or the mixed workload of the concurrency phases. */
export type PhaseOperation = Operation | 'mixed';

export type GeneratorMessage =
  | { kind: 'connect'; url: string; table: string; inFlight: number }
  /** From now on `count` SDK clients of their own (each its own connection), one request loop each. */
  | { kind: 'clients'; count: number }
  | { kind: 'build'; op: PhaseOperation; first: number; count: number }
  | { kind: 'go' }
  | { kind: 'exit' };

export type GeneratorReply =
  | { kind: 'ready' }
  | { kind: 'built' }
  /** `latenciesMs`: each request's time from send to answer, in the order they finished. */
  | { kind: 'done'; requests: number; items: number; elapsedMs: number; latenciesMs: number[] }
  | { kind: 'error'; message: string };
