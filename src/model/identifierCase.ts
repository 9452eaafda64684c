// Entity, attribute and index names turned into identifiers: for generated code and for
// names the imports make up. Names can hold anything — quotes, `${…}`, `*/`, newlines,
// keywords, non-ASCII — so identifiers are rebuilt from safe characters only.

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'as', 'implements', 'interface', 'let', 'package',
  'private', 'protected', 'public', 'static', 'yield', 'any', 'boolean', 'constructor', 'declare',
  'get', 'module', 'require', 'number', 'set', 'string', 'symbol', 'type', 'from', 'of', 'await',
  'async', 'arguments', 'eval', 'undefined', 'never', 'unknown', 'object', 'bigint', 'keyof',
  'readonly', 'infer', 'is', 'namespace', 'abstract', 'satisfies', 'accessor', 'asserts', 'global',
  'out', 'override', 'unique', 'NaN', 'Infinity',
]);

/** Words of a name: runs of ASCII letters and digits; everything else separates. */
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `user` → `User`; an all-capitals word reads as a word too (`USER` → `User`). */
function capitalize(word: string): string {
  const base = /^[A-Z0-9]+$/.test(word) && /[A-Z]{2}/.test(word) ? word.toLowerCase() : word;
  return base.charAt(0).toUpperCase() + base.slice(1);
}

function guard(identifier: string, fallback: string): string {
  const base = identifier.length > 0 ? identifier : fallback;
  const leading = /^[0-9]/.test(base) ? `_${base}` : base;
  return RESERVED.has(leading) ? `${leading}_` : leading;
}

export function pascalCase(name: string, fallback = 'Unnamed'): string {
  return guard(words(name).map((word) => capitalize(word)).join(''), fallback);
}

export function camelCase(name: string, fallback = 'unnamed'): string {
  const pascal = words(name).map((word) => capitalize(word)).join('');
  return guard(pascal.charAt(0).toLowerCase() + pascal.slice(1), fallback);
}
