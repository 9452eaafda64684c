// `serve --max-memory`: the server keeps every table in the JavaScript heap, and a heap that
// reaches V8's limit aborts the process, losing every access key's tables at once. Writes are
// refused instead once the heap would pass a budget set below that limit, so the server stays
// up, answers reads, and accepts writes again when deletes (or the stream retention) free room.
import { getHeapStatistics } from 'node:v8';

/** Room left for what is not data: responses being built, parsing, garbage awaiting collection. */
const DEFAULT_SHARE_OF_HEAP_LIMIT = 0.75;
/**
 * A write's body becomes a parsed request, the stored item and often a stream image; heap
 * use is estimated from the last measurement plus this many times the bytes written since.
 */
const GROWTH_PER_BODY_BYTE = 2;
/** Measuring the heap costs microseconds; between measurements the estimate above is used. */
const MEASURE_EVERY_BYTES = 4 * 1024 * 1024;

const MB = 1024 * 1024;

export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

export function defaultMemoryBudget(): number {
  return Math.floor(heapLimitBytes() * DEFAULT_SHARE_OF_HEAP_LIMIT);
}

/** Reads `512MB`, `2GB`, `1.5G`, `800M` or a plain number of megabytes; undefined when unreadable. */
export function parseMemorySize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? 'm').toLowerCase();
  const bytes = Number(match[1]) * (unit === 'g' ? 1024 * MB : unit === 'm' ? MB : 1024);
  return bytes > 0 ? Math.floor(bytes) : undefined;
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}

export class MemoryBudget {
  private measured = 0;
  private sinceMeasured = Number.POSITIVE_INFINITY;

  constructor(
    readonly limitBytes: number,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
  ) {}

  /** Whether a write with a body of `bytes` fits; counts it when it does. */
  admits(bytes: number): boolean {
    const growth = bytes * GROWTH_PER_BODY_BYTE;
    if (this.sinceMeasured > MEASURE_EVERY_BYTES || this.measured + this.sinceMeasured + growth > this.limitBytes) {
      this.measured = this.heapUsed();
      this.sinceMeasured = 0;
    }
    if (this.measured + this.sinceMeasured + growth > this.limitBytes) return false;
    this.sinceMeasured += growth;
    return true;
  }

  /** The refusal a client sees, naming the budget and how to get room. */
  refusal(): string {
    return (
      `This write would take the server past its memory budget of ${formatMegabytes(this.limitBytes)} (--max-memory; ` +
      `${formatMegabytes(this.measured)} in use). Delete items or tables (stream records are kept 24 hours), or restart ` +
      `tablesmith serve with a larger --max-memory (V8's heap limit here is ${formatMegabytes(heapLimitBytes())}; ` +
      'raise it with NODE_OPTIONS=--max-old-space-size=<MB>).'
    );
  }
}
