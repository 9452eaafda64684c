// Turning user-chosen names (entities, attributes, indexes, patterns) into TypeScript
// identifiers for generated code. Names can hold anything — quotes, `${…}`, `*/`, newlines,
// keywords, non-ASCII — so identifiers are rebuilt from safe characters only and every other
// use of a name goes through a JSON string literal.

export { camelCase, pascalCase } from '../model/identifierCase';

/** Makes every identifier in `names` unique by suffixing repeats, keeping the first as is. */
export function uniqueIdentifiers(names: readonly string[], convert: (name: string) => string): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = convert(name);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    let candidate = count === 0 ? base : `${base}${count + 1}`;
    while (count > 0 && seen.has(candidate)) candidate = `${candidate}_`;
    if (count > 0) seen.set(candidate, 1);
    return candidate;
  });
}

/** A TypeScript string literal holding exactly `text`. */
export function literal(text: string): string {
  // JSON escapes quotes, backslashes and control characters; U+2028/9 are escaped too so the
  // literal stays on one line in any editor.
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A property key: bare when it is a plain identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}
