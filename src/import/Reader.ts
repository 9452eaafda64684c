// Typed reads from untrusted JSON that record a located issue instead of throwing, so an
// import reports every problem of a file at once.
import { isRecord, pointer, type ImportIssue } from './ImportResult';

export class Reader {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  error(path: (string | number)[], message: string): undefined {
    this.errors.push({ path: pointer(...path), message });
    return undefined;
  }

  warn(path: (string | number)[], message: string): void {
    this.warnings.push({ path: pointer(...path), message });
  }

  record(value: unknown, path: (string | number)[], what: string): Record<string, unknown> | undefined {
    return isRecord(value) ? value : this.error(path, `${what} must be an object, found ${describe(value)}`);
  }

  array(value: unknown, path: (string | number)[], what: string): unknown[] | undefined {
    return Array.isArray(value) ? value : this.error(path, `${what} must be an array, found ${describe(value)}`);
  }

  string(value: unknown, path: (string | number)[], what: string): string | undefined {
    return typeof value === 'string' && value !== '' ? value : this.error(path, `${what} must be a non-empty string, found ${describe(value)}`);
  }

  number(value: unknown, path: (string | number)[], what: string): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? value : this.error(path, `${what} must be a number, found ${describe(value)}`);
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: (string | number)[], what: string): T | undefined {
    return allowed.includes(value as T)
      ? (value as T)
      : this.error(path, `${what} must be one of ${allowed.join(', ')}, found ${describe(value)}`);
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
