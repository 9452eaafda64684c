// Compiled expressions kept for reuse. Applications send the same requests over and over with
// different values, and compiling them (resolving names, DynamoDB's semantic checks, the key
// condition against the key schema) costs more than running a small Query. Once a request's
// ExpressionAttributeValues have been validated, the rest of compiling depends only on the
// expressions, the names, each value's type and the key schema — unless a check compared the
// values themselves (BETWEEN's bounds, attribute_type's type name), which the compilers report
// through ExpressionContext.readsValueContent. A successful compilation with the same key is
// reused by putting the request's values where the first request's values were.
import { typeOf, type AttributeValue } from '../AttributeValue';

export interface Template<T> {
  compiled: T;
  values: Readonly<Record<string, AttributeValue>>;
}

const MAX_TEMPLATES = 1000;
const templates = new Map<string, Template<unknown>>();

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function identity(object: object | undefined): number {
  if (object === undefined) return -1;
  let id = identities.get(object);
  if (id === undefined) identities.set(object, (id = nextIdentity++));
  return id;
}

export interface TemplateInput {
  expressions: readonly (string | undefined)[];
  names: Readonly<Record<string, string>> | undefined;
  values: Readonly<Record<string, AttributeValue>> | undefined;
  /** Objects the compilation depends on by identity (key schema, key names). */
  context: readonly (object | undefined)[];
}

// Each text is written with its length in front, so no two inputs make the same key.
function field(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`;
}

export function templateKey(operation: string, input: TemplateInput): string {
  let key = operation;
  for (const object of input.context) key += `/${identity(object)}`;
  for (const expression of input.expressions) key += field(expression);
  if (input.names === undefined) key += '-';
  else {
    key += '{';
    for (const name in input.names) key += field(name) + field(input.names[name]);
    key += '}';
  }
  if (input.values === undefined) return `${key}-`;
  key += '{';
  for (const name in input.values) key += field(name) + typeOf(input.values[name] as AttributeValue);
  return `${key}}`;
}

export function findTemplate<T>(key: string): Template<T> | undefined {
  return templates.get(key) as Template<T> | undefined;
}

export function keepTemplate<T>(key: string, template: Template<T>): void {
  // Rebinding finds the first request's values by identity, so each must be its own object.
  const values = Object.values(template.values);
  if (new Set(values).size !== values.length) return;
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  templates.set(key, template);
}

/** The template's compilation with `values` in place of the values it was compiled with. */
export function bindTemplate<T>(template: Template<T>, values: Readonly<Record<string, AttributeValue>> | undefined): T {
  const replacements = new Map<object, AttributeValue>();
  for (const key in template.values) replacements.set(template.values[key] as AttributeValue, (values as Record<string, AttributeValue>)[key] as AttributeValue);
  return replacements.size === 0 ? template.compiled : (rebind(template.compiled, replacements) as T);
}

// Compiled expressions are trees of plain objects and arrays; only the parts that lead to a
// value are copied, the rest (paths, errors) is shared, as nothing mutates them after compiling.
function rebind(node: unknown, replacements: ReadonlyMap<object, AttributeValue>): unknown {
  if (typeof node !== 'object' || node === null) return node;
  const replacement = replacements.get(node);
  if (replacement !== undefined) return replacement;
  if (Array.isArray(node)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const element = rebind(node[i], replacements);
      if (element !== node[i]) (copy ??= node.slice())[i] = element;
    }
    return copy ?? node;
  }
  if (Object.getPrototypeOf(node) !== Object.prototype) return node;
  const record = node as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const member = rebind(record[key], replacements);
    if (member !== record[key]) (copy ??= { ...record })[key] = member;
  }
  return copy ?? node;
}
