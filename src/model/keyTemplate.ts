// Key templates in the seed's syntax: literal text with `{{attribute}}` placeholders.
// Parsing keeps character offsets so the UI can underline a bad placeholder in place and
// autocomplete the one under the caret.
import type { KeyTemplate } from './types';

export interface LiteralPart {
  kind: 'literal';
  text: string;
  start: number;
  end: number;
}

export interface PlaceholderPart {
  kind: 'placeholder';
  /** The attribute name between the braces, trimmed. */
  name: string;
  /** Offsets of the whole `{{…}}`, end exclusive. */
  start: number;
  end: number;
}

export type TemplatePart = LiteralPart | PlaceholderPart;

export interface TemplateSyntaxError {
  message: string;
  start: number;
  end: number;
}

export interface ParsedKeyTemplate {
  parts: TemplatePart[];
  errors: TemplateSyntaxError[];
}

const OPEN = '{{';
const CLOSE = '}}';

export function parseKeyTemplate(text: KeyTemplate): ParsedKeyTemplate {
  const parts: TemplatePart[] = [];
  const errors: TemplateSyntaxError[] = [];
  let literal = '';
  let literalStart = 0;
  let i = 0;
  const flushLiteral = (end: number) => {
    if (literal !== '') parts.push({ kind: 'literal', text: literal, start: literalStart, end });
    literal = '';
  };
  while (i < text.length) {
    if (text.startsWith(OPEN, i)) {
      const close = text.indexOf(CLOSE, i + OPEN.length);
      const nextOpen = text.indexOf(OPEN, i + OPEN.length);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        const end = nextOpen === -1 ? text.length : nextOpen;
        errors.push({ message: `"{{" at character ${i + 1} is not closed with "}}"`, start: i, end });
        literal += text.slice(i, end);
        i = end;
        continue;
      }
      flushLiteral(i);
      const raw = text.slice(i + OPEN.length, close);
      const name = raw.trim();
      const end = close + CLOSE.length;
      if (name === '') {
        errors.push({ message: `empty placeholder "{{}}" at character ${i + 1}`, start: i, end });
      } else if (/[{}]/.test(name)) {
        errors.push({ message: `placeholder at character ${i + 1} contains a brace`, start: i, end });
      } else {
        parts.push({ kind: 'placeholder', name, start: i, end });
      }
      i = end;
      literalStart = i;
      continue;
    }
    if (text.startsWith(CLOSE, i)) {
      errors.push({ message: `"}}" at character ${i + 1} has no matching "{{"`, start: i, end: i + 2 });
    }
    if (literal === '') literalStart = i;
    literal += text[i];
    i += 1;
  }
  flushLiteral(text.length);
  return { parts, errors };
}

/** Attribute names a template refers to, in order, without repeats. */
export function templatePlaceholders(text: KeyTemplate): string[] {
  const names = new Set<string>();
  for (const part of parseKeyTemplate(text).parts) if (part.kind === 'placeholder') names.add(part.name);
  return [...names];
}

/** The literal text before the first placeholder (the whole text for a constant). */
export function templatePrefix(parts: readonly TemplatePart[]): string {
  let prefix = '';
  for (const part of parts) {
    if (part.kind === 'placeholder') break;
    prefix += part.text;
  }
  return prefix;
}

/** The literal text after the last placeholder (the whole text for a constant). */
export function templateSuffix(parts: readonly TemplatePart[]): string {
  let suffix = '';
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i];
    if (part === undefined || part.kind === 'placeholder') break;
    suffix = part.text + suffix;
  }
  return suffix;
}

export function isConstantTemplate(parts: readonly TemplatePart[]): boolean {
  return parts.every((part) => part.kind === 'literal');
}

/** A value a placeholder can take: plain text/number, or a wire-shape attribute value. */
export type KeyPartValue = string | number | boolean | Readonly<Record<string, unknown>>;

/**
 * The text a value contributes to a key. Only scalars can: a map, list, set or NULL has
 * no key text, so the key is not produced.
 */
export function keyText(value: KeyPartValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const { S, N, B, BOOL } = value;
  if (typeof S === 'string') return S;
  if (typeof N === 'string') return N;
  if (typeof B === 'string') return B;
  if (typeof BOOL === 'boolean') return BOOL ? 'true' : 'false';
  return undefined;
}

/**
 * Renders a template from an item's values (already as key text). `undefined` when a
 * placeholder's attribute is missing: DynamoDB then has no key value, so the item is
 * absent from that index.
 */
export function renderKeyTemplate(
  template: KeyTemplate | ParsedKeyTemplate,
  item: Readonly<Record<string, KeyPartValue | undefined>>,
): string | undefined {
  const parsed = typeof template === 'string' ? parseKeyTemplate(template) : template;
  let out = '';
  for (const part of parsed.parts) {
    if (part.kind === 'literal') {
      out += part.text;
      continue;
    }
    const value = keyText(item[part.name]);
    if (value === undefined) return undefined;
    out += value;
  }
  return out;
}

/** The placeholder the caret is in (or right after `{{`), for autocompletion. */
export function placeholderAt(
  text: KeyTemplate,
  caret: number,
): { prefix: string; start: number; end: number } | undefined {
  const open = text.lastIndexOf(OPEN, caret - OPEN.length);
  if (open === -1) return undefined;
  const start = open + OPEN.length;
  if (text.slice(start, caret).includes('}')) return undefined;
  const close = text.indexOf(CLOSE, start);
  const nextOpen = text.indexOf(OPEN, start);
  const end = close === -1 || (nextOpen !== -1 && nextOpen < close) ? caret : close;
  return { prefix: text.slice(start, caret).trimStart(), start, end };
}

/**
 * The placeholder values a rendered key holds (`USER#{{userId}}` read from `USER#42` gives
 * userId = 42), or undefined when the key does not fit the template. Each placeholder takes as
 * little text as lets the rest fit, as `#`-separated keys are written.
 */
export function readKeyTemplate(template: KeyTemplate, key: string): Map<string, string> | undefined {
  const parsed = parseKeyTemplate(template);
  if (parsed.errors.length > 0) return undefined;
  const names: string[] = [];
  const pattern = parsed.parts
    .map((part) => {
      if (part.kind === 'literal') return part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.name);
      return '([\\s\\S]*?)';
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(key);
  if (match === null) return undefined;
  const values = new Map<string, string>();
  for (const [index, name] of names.entries()) {
    const value = match[index + 1] ?? '';
    const earlier = values.get(name);
    if (earlier !== undefined && earlier !== value) return undefined;
    values.set(name, value);
  }
  return values;
}
