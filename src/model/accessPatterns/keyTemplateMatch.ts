// Could a key built from one template equal (or start with) a key built from another?
// Both sides are templates: an entity's `USER#{{userId}}` against a request value such as
// `USER#{{userId}}` or the prefix `FOLLOW`. A placeholder stands for any non-empty text
// without `#`: single-table keys use `#` between segments, and without that assumption
// `TENANT#{{tenantId}}` would also match every `TENANT#{{tenantId}}#AUDIT` key.
import { parseKeyTemplate } from '../keyTemplate';

const SEPARATOR = '#';

/** A literal character; one placeholder character; zero or more of them; or any text at all. */
type Element = { kind: 'char'; c: string } | { kind: 'segment' } | { kind: 'segmentStar' } | { kind: 'anyStar' };

function elements(template: string): Element[] {
  const out: Element[] = [];
  for (const part of parseKeyTemplate(template).parts) {
    if (part.kind === 'placeholder') out.push({ kind: 'segment' }, { kind: 'segmentStar' });
    else for (const c of part.text) out.push({ kind: 'char', c });
  }
  return out;
}

const isStar = (e: Element | undefined): boolean => e?.kind === 'segmentStar' || e?.kind === 'anyStar';

/** Whether a star can take one character standing for element `e`. */
function starTakes(star: Element, e: Element): boolean {
  if (star.kind === 'anyStar') return true;
  return e.kind === 'segment' || (e.kind === 'char' && e.c !== SEPARATOR);
}

function singleCompatible(x: Element, y: Element): boolean {
  if (x.kind === 'char' && y.kind === 'char') return x.c === y.c;
  if (x.kind === 'char') return x.c !== SEPARATOR;
  if (y.kind === 'char') return y.c !== SEPARATOR;
  return true;
}

function intersects(a: Element[], b: Element[]): boolean {
  const memo = new Map<number, boolean>();
  const width = b.length + 1;
  const go = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const x = a[i];
    const y = b[j];
    let result = false;
    if (!x && !y) result = true;
    else if (x && isStar(x) && (go(i + 1, j) || (y !== undefined && !isStar(y) && starTakes(x, y) && go(i, j + 1)))) result = true;
    else if (y && isStar(y) && (go(i, j + 1) || (x !== undefined && !isStar(x) && starTakes(y, x) && go(i + 1, j)))) result = true;
    else if (x && y && !isStar(x) && !isStar(y)) result = singleCompatible(x, y) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** True when some key could match both templates exactly. */
export function templatesOverlap(entityTemplate: string, value: string): boolean {
  return intersects(elements(entityTemplate), elements(value));
}

/** True when some key built from `entityTemplate` could begin with `prefix`. */
export function templateAdmitsPrefix(entityTemplate: string, prefix: string): boolean {
  return intersects(elements(entityTemplate), [...elements(prefix), { kind: 'anyStar' }]);
}
