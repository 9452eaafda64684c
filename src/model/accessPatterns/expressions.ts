// Just enough of DynamoDB's expression grammar for static checks: which attributes an
// expression touches, and the shape of a key condition. Running requests is the engine's job;
// these never decide what DynamoDB accepts, only what a design would need.

export type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'nameRef'; text: string; at: number }
  | { kind: 'valueRef'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number };

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE']);

export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|(#[A-Za-z0-9_]+)|(:[A-Za-z0-9_]+)|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|(<=|>=|<>|[=<>(),.[\]+-])|(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expression)) !== null) {
    const at = m.index;
    if (m[1]) tokens.push({ kind: 'nameRef', text: m[1], at });
    else if (m[2]) tokens.push({ kind: 'valueRef', text: m[2], at });
    else if (m[3]) tokens.push({ kind: 'name', text: m[3], at });
    else if (m[4]) tokens.push({ kind: 'number', text: m[4], at });
    else if (m[5]) tokens.push({ kind: 'punct', text: m[5], at });
    else if (m[6]) tokens.push({ kind: 'punct', text: m[6], at });
  }
  return tokens;
}

/**
 * Top-level attribute names an expression reads or writes (`a.b[0]` counts as `a`), with
 * `#refs` resolved through ExpressionAttributeNames; function names and keywords are skipped.
 */
export function attributesIn(expression: string, names: Record<string, string> = {}): string[] {
  const tokens = tokenize(expression);
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (!token || (previous?.kind === 'punct' && previous.text === '.')) continue;
    if (token.kind === 'nameRef') {
      found.add(names[token.text] ?? token.text);
    } else if (token.kind === 'name') {
      const next = tokens[i + 1];
      const isFunction = next?.kind === 'punct' && next.text === '(';
      if (!isFunction && !KEYWORDS.has(token.text.toUpperCase())) found.add(token.text);
    }
  }
  return [...found];
}

export type SortOperator = '=' | '<' | '<=' | '>' | '>=' | 'BETWEEN' | 'begins_with';

export interface KeyCondition {
  partition: { attribute: string; value: string };
  sort?: { attribute: string; operator: SortOperator; values: string[] };
}

export type ParsedKeyCondition = { ok: true; condition: KeyCondition } | { ok: false; message: string };

interface Comparison {
  attribute: string;
  operator: SortOperator;
  values: string[];
}

/** Parses `pk = :v [AND <sort condition>]` in either order, parentheses allowed. */
export function parseKeyCondition(
  expression: string,
  names: Record<string, string> = {},
  partitionKeyName?: string,
): ParsedKeyCondition {
  const tokens = tokenize(expression).filter((t) => !(t.kind === 'punct' && (t.text === '(' || t.text === ')')));
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (message: string): ParsedKeyCondition => ({ ok: false, message });

  const attribute = (): string | undefined => {
    const t = tokens[pos];
    if (t?.kind === 'name') {
      pos++;
      return t.text;
    }
    if (t?.kind === 'nameRef') {
      pos++;
      return names[t.text] ?? t.text;
    }
    return undefined;
  };
  const valueRef = (): string | undefined => {
    const t = tokens[pos];
    if (t?.kind !== 'valueRef') return undefined;
    pos++;
    return t.text;
  };
  const punct = (text: string): boolean => {
    const t = tokens[pos];
    if (t?.kind === 'punct' && t.text === text) {
      pos++;
      return true;
    }
    return false;
  };
  const keyword = (text: string): boolean => {
    const t = tokens[pos];
    if (t?.kind === 'name' && t.text.toUpperCase() === text) {
      pos++;
      return true;
    }
    return false;
  };

  const comparison = (): Comparison | string => {
    const t = peek();
    if (t?.kind === 'name' && t.text === 'begins_with') {
      pos++;
      const attr = attribute();
      if (!attr || !punct(',')) return 'begins_with needs an attribute and a value';
      const value = valueRef();
      if (!value) return 'begins_with needs a :value as its second argument';
      return { attribute: attr, operator: 'begins_with', values: [value] };
    }
    const attr = attribute();
    if (!attr) return `expected a key attribute at "${expressionRest()}"`;
    if (keyword('BETWEEN')) {
      const low = valueRef();
      if (!low || !keyword('AND')) return 'BETWEEN needs ":low AND :high"';
      const high = valueRef();
      if (!high) return 'BETWEEN needs ":low AND :high"';
      return { attribute: attr, operator: 'BETWEEN', values: [low, high] };
    }
    const op = peek();
    if (op?.kind !== 'punct' || !['=', '<', '<=', '>', '>='].includes(op.text)) {
      return `key conditions compare with =, <, <=, >, >=, BETWEEN or begins_with, not "${op?.text ?? 'nothing'}"`;
    }
    pos++;
    const value = valueRef();
    if (!value) return `expected a :value after "${attr} ${op.text}"`;
    return { attribute: attr, operator: op.text as SortOperator, values: [value] };
  };
  const expressionRest = () => (peek() ? expression.slice(peek()?.at) : '');

  const first = comparison();
  if (typeof first === 'string') return fail(first);
  const comparisons = [first];
  if (keyword('AND')) {
    const second = comparison();
    if (typeof second === 'string') return fail(second);
    comparisons.push(second);
  }
  if (pos < tokens.length) return fail(`unexpected "${expressionRest()}"`);

  const equality = (c: Comparison) => c.operator === '=';
  const named = comparisons.findIndex((c) => equality(c) && c.attribute === partitionKeyName);
  const partitionIndex = named >= 0 ? named : comparisons.findIndex(equality);
  const partition = comparisons[partitionIndex];
  if (!partition) return fail('a key condition needs "partitionKey = :value"');
  const sort = comparisons.find((_, i) => i !== partitionIndex);
  return {
    ok: true,
    condition: {
      partition: { attribute: partition.attribute, value: partition.values[0] ?? '' },
      ...(sort ? { sort } : {}),
    },
  };
}
