// `{{name}}` placeholders inside a pattern's request. `{{table}}` is built in (the model's
// table name, usable as a RequestItems key); every other placeholder is a pattern parameter.
import type { AccessPattern, PatternParameter } from '../types';

export const TABLE_PLACEHOLDER = 'table';

// The key-template syntax: any name without braces, trimmed, so every attribute a key
// template can name (quotes, spaces, non-ASCII) is a placeholder here too.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A piece of a string with placeholders: literal text, or a placeholder's name. */
export type TextPart = { kind: 'literal'; text: string } | { kind: 'placeholder'; name: string; text: string };

/** `text` split into literal runs and placeholders, in order; `text` of a placeholder is its source. */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (name === '') continue;
    if (match.index > last) parts.push({ kind: 'literal', text: text.slice(last, match.index) });
    parts.push({ kind: 'placeholder', name, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'literal', text: text.slice(last) });
  return parts;
}

/** Placeholder names in one string, in order of appearance (with repeats). */
export function placeholdersIn(text: string): string[] {
  return textParts(text).flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []));
}

/** The placeholder name when `text` is exactly one placeholder. */
export function wholePlaceholder(text: string): string | undefined {
  const parts = textParts(text);
  const only = parts[0];
  return parts.length === 1 && only?.kind === 'placeholder' ? only.name : undefined;
}

/** Every distinct placeholder used in a request (keys and string values), first use first. */
export function requestPlaceholders(request: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const name of placeholdersIn(node)) found.add(name);
    } else if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        for (const name of placeholdersIn(key)) found.add(name);
        visit(value);
      }
    }
  };
  visit(request);
  return [...found];
}

/** Replaces placeholders in a string; `lookup` returns undefined for names it cannot fill. */
export function substitute(text: string, lookup: (name: string) => string | undefined): string {
  return textParts(text)
    .map((part) => (part.kind === 'placeholder' ? (lookup(part.name) ?? part.text) : part.text))
    .join('');
}

/** Parameters a pattern's request uses but does not declare, and declared ones it never uses. */
export function parameterMismatches(pattern: AccessPattern): { undeclared: string[]; unused: string[] } {
  const used = requestPlaceholders(pattern.request).filter((n) => n !== TABLE_PLACEHOLDER);
  const declared = new Set(pattern.parameters.map((p) => p.name));
  return {
    undeclared: used.filter((n) => !declared.has(n)),
    unused: pattern.parameters.map((p) => p.name).filter((n) => !used.includes(n)),
  };
}

/** Declares any placeholder the request uses but the pattern does not, keeping the others. */
export function syncParameters(
  request: Record<string, unknown>,
  parameters: PatternParameter[],
  typeOf: (name: string) => PatternParameter['type'] = () => 'S',
): PatternParameter[] {
  const used = requestPlaceholders(request).filter((n) => n !== TABLE_PLACEHOLDER);
  const byName = new Map(parameters.map((p) => [p.name, p]));
  return used.map((name) => byName.get(name) ?? { name, type: typeOf(name) });
}
