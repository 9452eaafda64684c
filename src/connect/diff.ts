// The first places where two JSON values differ, as paths a person can read
// (`items[2].SK.S`), for showing how an endpoint's answer differs from the engine's.

export interface Difference {
  path: string;
  /** The value on each side as JSON text; absent when that side has nothing there. */
  engine?: string;
  endpoint?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

/** At most `limit` differences, in document order. */
export function jsonDifferences(engine: unknown, endpoint: unknown, limit = 5): Difference[] {
  const found: Difference[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (found.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i += 1) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isRecord(a) && isRecord(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], path ? `${path}.${key}` : key);
      return;
    }
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    found.push({ path: path || '(whole value)', ...(a === undefined ? {} : { engine: show(a) }), ...(b === undefined ? {} : { endpoint: show(b) }) });
  };
  walk(engine, endpoint, '');
  return found;
}
