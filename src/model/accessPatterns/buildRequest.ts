// Turns a stored pattern into the concrete request an SDK client sends: TableName and
// IndexName filled from the model, `{{param}}` placeholders replaced by the caller's values.
import type { AccessPattern, DesignModel, PatternOperation, PatternParameter } from '../types';
import { isItemMember, optionalParameters } from './entityWrites';
import { DOCUMENT_TYPES, documentValue } from './parameterValues';
import { TABLE_PLACEHOLDER, placeholdersIn, requestPlaceholders, substitute, wholePlaceholder } from './placeholders';

export interface BuiltRequest {
  operation: PatternOperation;
  input: Record<string, unknown>;
}

/** A pattern that cannot become a request; `path` is a JSON pointer into the pattern. */
export class AccessPatternError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'AccessPatternError';
  }
}

export type ParameterValues = Record<string, string>;

const SINGLE_TABLE_OPERATIONS: ReadonlySet<PatternOperation> = new Set([
  'GetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
]);

const TRANSACT_ACTIONS = ['Get', 'Put', 'Update', 'Delete', 'ConditionCheck'] as const;

// Strings inside these AttributeValue members stay strings on the wire, whatever the parameter type.
const STRING_MEMBERS = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The name of the index a pattern targets, or undefined for the table. */
export function targetIndexName(model: DesignModel, pattern: AccessPattern): string | undefined {
  if (!pattern.index) return undefined;
  return (
    model.globalSecondaryIndexes.find((g) => g.id === pattern.index)?.name ??
    model.localSecondaryIndexes.find((l) => l.id === pattern.index)?.name
  );
}

/**
 * The pattern's request with the model filled in (TableName, IndexName, `{{table}}`) and the
 * parameter placeholders left in place: what the generated access layer parameterises.
 */
export function requestTemplate(model: DesignModel, pattern: AccessPattern): Record<string, unknown> {
  const table = model.table.name;
  const request = renameTableKeys(structuredClone(pattern.request), table) as Record<string, unknown>;
  const op = pattern.operation;
  if (SINGLE_TABLE_OPERATIONS.has(op) && request.TableName === undefined) {
    request.TableName = table;
  }
  if ((op === 'Query' || op === 'Scan') && request.IndexName === undefined) {
    const indexName = targetIndexName(model, pattern);
    if (pattern.index && indexName === undefined) {
      throw new AccessPatternError(`Pattern "${pattern.name}" targets an index that is not in the design`, '/index');
    }
    if (indexName !== undefined) request.IndexName = indexName;
  }
  if (op === 'TransactWriteItems' || op === 'TransactGetItems') {
    const items = request.TransactItems;
    if (Array.isArray(items)) {
      for (const entry of items) {
        if (!isRecord(entry)) continue;
        for (const action of TRANSACT_ACTIONS) {
          const body = entry[action];
          if (isRecord(body) && body.TableName === undefined) body.TableName = table;
        }
      }
    }
  }
  return request;
}

function renameTableKeys(node: unknown, table: string): unknown {
  if (Array.isArray(node)) return node.map((n) => renameTableKeys(n, table));
  if (!isRecord(node)) {
    return typeof node === 'string' ? substitute(node, (n) => (n === TABLE_PLACEHOLDER ? table : undefined)) : node;
  }
  // Built from entries so an attribute named `__proto__` stays an attribute.
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [substitute(key, (n) => (n === TABLE_PLACEHOLDER ? table : undefined)), renameTableKeys(value, table)]),
  );
}

function checkValue(param: PatternParameter, value: string): string | undefined {
  if (param.type === 'N' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) {
    return `Parameter "${param.name}" must be a number, got ${JSON.stringify(value)}`;
  }
  if (param.type === 'BOOL' && value !== 'true' && value !== 'false') {
    return `Parameter "${param.name}" must be true or false, got ${JSON.stringify(value)}`;
  }
  if (DOCUMENT_TYPES.has(param.type)) {
    const parsed = documentValue(param.type, value);
    if (!parsed.ok) return `Parameter "${param.name}" ${parsed.message}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

/**
 * The concrete wire-shape request for `pattern` with `params` substituted. A member of a put
 * item that uses an optional parameter (see `optionalParameters`) with no value is left out.
 */
export function buildRequest(model: DesignModel, pattern: AccessPattern, params: ParameterValues): BuiltRequest {
  const declared = new Map(pattern.parameters.map((p, i) => [p.name, { param: p, index: i }]));
  for (const [name, { param, index }] of declared) {
    const value = params[name];
    if (value === undefined) continue;
    const problem = checkValue(param, value);
    if (problem) throw new AccessPatternError(problem, `/parameters/${index}`);
  }
  const optional = optionalParameters(model, pattern);
  const unfilled = (key: string, value: unknown): boolean =>
    requestPlaceholders({ [key]: value }).some((name) => optional.has(name) && params[name] === undefined);
  const lookup = (name: string, path: string): string => {
    const value = params[name];
    if (!declared.has(name)) {
      throw new AccessPatternError(`Placeholder {{${name}}} is not a parameter of "${pattern.name}"`, path);
    }
    if (value === undefined) {
      throw new AccessPatternError(`Parameter "${name}" has no value`, `/parameters/${declared.get(name)?.index ?? 0}`);
    }
    return value;
  };

  const fill = (node: unknown, path: string, parentKey: string | undefined): unknown => {
    if (typeof node === 'string') {
      const whole = wholePlaceholder(node);
      const param = whole === undefined ? undefined : declared.get(whole)?.param;
      if (whole !== undefined && param && DOCUMENT_TYPES.has(param.type)) {
        const parsed = documentValue(param.type, lookup(whole, path));
        return parsed.ok ? parsed.value : node;
      }
      if (whole !== undefined && param && !STRING_MEMBERS.has(parentKey ?? '')) {
        const value = lookup(whole, path);
        if (param.type === 'BOOL') return value === 'true';
        if (param.type === 'N') return Number(value);
        return value;
      }
      for (const name of placeholdersIn(node)) lookup(name, path);
      return substitute(node, (name) => params[name]);
    }
    if (Array.isArray(node)) return node.map((n, i) => fill(n, `${path}/${i}`, parentKey));
    if (!isRecord(node)) return node;
    const entries = Object.entries(node).filter(([key, value]) => !(isItemMember(parentKey) && unfilled(key, value)));
    return Object.fromEntries(
      entries.map(([key, value]) => {
        const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        return [String(fill(key, childPath, undefined)), fill(value, childPath, key)];
      }),
    );
  };

  const template = requestTemplate(model, pattern);
  return { operation: pattern.operation, input: fill(template, '/request', undefined) as Record<string, unknown> };
}
