// How a command line's failure is reported, shared by `tablesmith` and the `serve` entry point.

/** A mistake in the command line itself: the report repeats the usage. */
export class UsageError extends Error {}

/** The stderr text for a failed command: its message, then the usage when the command line was at fault. */
export function failureReport(command: string, error: unknown, usage: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const misused = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true;
  return `tablesmith ${command}: ${message}\n${misused ? usage : ''}`;
}
