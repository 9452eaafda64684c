// The form for the common case (GetItem, Query, Scan on one table or index) and its mapping
// to and from the raw request. A request the form cannot express maps to undefined, and the
// designer keeps it as JSON rather than silently dropping parts of it.
import type { AccessPattern, DesignModel, KeyType } from '../types';
import { tokenize, parseKeyCondition, type SortOperator, type Token } from './expressions';
import { parseKeyTemplate, templatePrefix } from '../keyTemplate';
import { entityKeysIn, resolveTarget, type PatternTarget } from './target';

export type FormOperation = 'GetItem' | 'Query' | 'Scan';

export type FilterComparator =
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'begins_with'
  | 'contains'
  | 'attribute_exists'
  | 'attribute_not_exists';

export interface FilterCondition {
  attribute: string;
  comparator: FilterComparator;
  /** Ignored by attribute_exists / attribute_not_exists. */
  value: string;
  type: 'S' | 'N' | 'BOOL';
}

export interface PatternForm {
  operation: FormOperation;
  /** Index id; absent for the table. */
  index?: string;
  /** Text of the partition key value, `{{param}}` placeholders allowed. Unused by Scan. */
  partitionValue: string;
  /** GetItem always uses `=`; a Query may leave the sort key out. */
  sort?: { operator: SortOperator; value: string; high?: string };
  filters: FilterCondition[];
  projection: string[];
  /** Query only: false reads the item collection newest (highest sort key) first. */
  scanIndexForward: boolean;
  limit?: number;
  consistentRead: boolean;
}

export const FILTER_COMPARATORS: readonly FilterComparator[] = [
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'begins_with',
  'contains',
  'attribute_exists',
  'attribute_not_exists',
];

const FUNCTION_COMPARATORS = new Set<FilterComparator>(['begins_with', 'contains']);
const PRESENCE_COMPARATORS = new Set<FilterComparator>(['attribute_exists', 'attribute_not_exists']);

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function wire(type: KeyType | 'BOOL', text: string): Json {
  if (type !== 'BOOL') return { [type]: text };
  // A `{{flag}}` placeholder stays text until buildRequest turns it into a boolean.
  return { BOOL: text === 'true' ? true : text === 'false' ? false : text };
}

function targetFor(model: DesignModel, index: string | undefined): PatternTarget | undefined {
  const resolved = resolveTarget(model, { id: '', name: '', operation: 'Query', parameters: [], request: {}, ...(index ? { index } : {}) });
  return resolved.ok ? resolved.target : undefined;
}

/** The raw request for a form; the target's key names come from the model. */
export function formToRequest(model: DesignModel, form: PatternForm): Json {
  const target = targetFor(model, form.operation === 'GetItem' ? undefined : form.index);
  if (!target) throw new Error('The form targets an index that is not in the design');
  const names: Record<string, string> = {};
  const values: Json = {};
  const request: Json = {};
  if (target.kind !== 'table') request.IndexName = target.name;

  if (form.operation === 'GetItem') {
    const key: Json = { [target.partitionKey.name]: wire(target.partitionKey.type, form.partitionValue) };
    if (target.sortKey) key[target.sortKey.name] = wire(target.sortKey.type, form.sort?.value ?? '');
    request.Key = key;
  } else if (form.operation === 'Query') {
    names['#pk'] = target.partitionKey.name;
    values[':pk'] = wire(target.partitionKey.type, form.partitionValue);
    let condition = '#pk = :pk';
    if (form.sort && target.sortKey) {
      names['#sk'] = target.sortKey.name;
      values[':sk'] = wire(target.sortKey.type, form.sort.value);
      if (form.sort.operator === 'begins_with') condition += ' AND begins_with(#sk, :sk)';
      else if (form.sort.operator === 'BETWEEN') {
        values[':skHigh'] = wire(target.sortKey.type, form.sort.high ?? '');
        condition += ' AND #sk BETWEEN :sk AND :skHigh';
      } else condition += ` AND #sk ${form.sort.operator} :sk`;
    }
    request.KeyConditionExpression = condition;
  }

  if (form.operation !== 'GetItem' && form.filters.length > 0) {
    request.FilterExpression = form.filters
      .map((f, i) => {
        names[`#f${i}`] = f.attribute;
        if (PRESENCE_COMPARATORS.has(f.comparator)) return `${f.comparator}(#f${i})`;
        values[`:f${i}`] = wire(f.type, f.value);
        return FUNCTION_COMPARATORS.has(f.comparator) ? `${f.comparator}(#f${i}, :f${i})` : `#f${i} ${f.comparator} :f${i}`;
      })
      .join(' AND ');
  }
  if (form.projection.length > 0) {
    request.ProjectionExpression = form.projection
      .map((attribute, i) => {
        names[`#p${i}`] = attribute;
        return `#p${i}`;
      })
      .join(', ');
  }
  if (Object.keys(names).length > 0) request.ExpressionAttributeNames = names;
  if (Object.keys(values).length > 0) request.ExpressionAttributeValues = values;
  if (form.operation === 'Query' && !form.scanIndexForward) request.ScanIndexForward = false;
  if (form.operation !== 'GetItem' && form.limit !== undefined) request.Limit = form.limit;
  if (form.consistentRead) request.ConsistentRead = true;
  return request;
}

const FORM_MEMBERS: Record<FormOperation, ReadonlySet<string>> = {
  GetItem: new Set(['TableName', 'Key', 'ProjectionExpression', 'ExpressionAttributeNames', 'ConsistentRead', 'ReturnConsumedCapacity']),
  Query: new Set([
    'TableName',
    'IndexName',
    'KeyConditionExpression',
    'FilterExpression',
    'ProjectionExpression',
    'ExpressionAttributeNames',
    'ExpressionAttributeValues',
    'ScanIndexForward',
    'Limit',
    'ConsistentRead',
    'ReturnConsumedCapacity',
  ]),
  Scan: new Set([
    'TableName',
    'IndexName',
    'FilterExpression',
    'ProjectionExpression',
    'ExpressionAttributeNames',
    'ExpressionAttributeValues',
    'Limit',
    'ConsistentRead',
    'ReturnConsumedCapacity',
  ]),
};

function scalar(value: unknown): { type: 'S' | 'N' | 'B' | 'BOOL'; text: string } | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  for (const type of ['S', 'N', 'B'] as const) if (typeof value[type] === 'string') return { type, text: value[type] as string };
  if (typeof value.BOOL === 'boolean' || typeof value.BOOL === 'string') return { type: 'BOOL', text: String(value.BOOL) };
  return undefined;
}

function parseFilter(expression: string, names: Record<string, string>, values: Json): FilterCondition[] | undefined {
  const conjuncts: Token[][] = [[]];
  for (const token of tokenize(expression)) {
    if (token.kind === 'name' && token.text.toUpperCase() === 'AND') conjuncts.push([]);
    else conjuncts[conjuncts.length - 1]?.push(token);
  }
  const out: FilterCondition[] = [];
  for (const tokens of conjuncts) {
    const text = tokens.map((t) => t.text);
    const attr = (t: Token | undefined) =>
      t?.kind === 'name' ? t.text : t?.kind === 'nameRef' ? names[t.text] : undefined;
    const value = (t: Token | undefined) => (t?.kind === 'valueRef' ? scalar(values[t.text]) : undefined);
    const fn = text[0] as FilterComparator;
    if (tokens.length === 6 && FUNCTION_COMPARATORS.has(fn) && text[1] === '(' && text[3] === ',' && text[5] === ')') {
      const a = attr(tokens[2]);
      const v = value(tokens[4]);
      if (a === undefined || !v || v.type === 'B') return undefined;
      out.push({ attribute: a, comparator: fn, value: v.text, type: v.type });
    } else if (tokens.length === 4 && PRESENCE_COMPARATORS.has(fn) && text[1] === '(' && text[3] === ')') {
      const a = attr(tokens[2]);
      if (a === undefined) return undefined;
      out.push({ attribute: a, comparator: fn, value: '', type: 'S' });
    } else if (tokens.length === 3 && FILTER_COMPARATORS.includes(text[1] as FilterComparator)) {
      const a = attr(tokens[0]);
      const v = value(tokens[2]);
      if (a === undefined || !v || v.type === 'B') return undefined;
      out.push({ attribute: a, comparator: text[1] as FilterComparator, value: v.text, type: v.type });
    } else {
      return undefined;
    }
  }
  return out;
}

function parseProjection(expression: string, names: Record<string, string>): string[] | undefined {
  const out: string[] = [];
  for (const part of expression.split(',')) {
    const tokens = tokenize(part);
    const t = tokens[0];
    if (tokens.length !== 1 || !t) return undefined;
    const name = t.kind === 'name' ? t.text : t.kind === 'nameRef' ? names[t.text] : undefined;
    if (!name) return undefined;
    out.push(name);
  }
  return out;
}

/** The form for a pattern, or undefined when its request needs the JSON editor. */
export function requestToForm(model: DesignModel, pattern: AccessPattern): PatternForm | undefined {
  const op = pattern.operation;
  if (op !== 'GetItem' && op !== 'Query' && op !== 'Scan') return undefined;
  const request = pattern.request;
  if (Object.keys(request).some((member) => !FORM_MEMBERS[op].has(member))) return undefined;
  const target = targetFor(model, op === 'GetItem' ? undefined : pattern.index);
  if (!target) return undefined;
  const names = isRecord(request.ExpressionAttributeNames) ? (request.ExpressionAttributeNames as Record<string, string>) : {};
  const values = isRecord(request.ExpressionAttributeValues) ? request.ExpressionAttributeValues : {};
  const form: PatternForm = {
    operation: op,
    ...(op !== 'GetItem' && pattern.index ? { index: pattern.index } : {}),
    partitionValue: '',
    filters: [],
    projection: [],
    scanIndexForward: request.ScanIndexForward !== false,
    consistentRead: request.ConsistentRead === true,
  };
  if (typeof request.Limit === 'number') form.limit = request.Limit;

  if (op === 'GetItem') {
    if (!isRecord(request.Key)) return undefined;
    const pk = scalar(request.Key[target.partitionKey.name]);
    if (!pk) return undefined;
    form.partitionValue = pk.text;
    if (target.sortKey) {
      const sk = scalar(request.Key[target.sortKey.name]);
      if (!sk) return undefined;
      form.sort = { operator: '=', value: sk.text };
    }
  } else if (op === 'Query') {
    if (typeof request.KeyConditionExpression !== 'string') return undefined;
    const parsed = parseKeyCondition(request.KeyConditionExpression, names, target.partitionKey.name);
    if (!parsed.ok) return undefined;
    const pk = scalar(values[parsed.condition.partition.value]);
    if (!pk) return undefined;
    form.partitionValue = pk.text;
    const sort = parsed.condition.sort;
    if (sort) {
      const low = scalar(values[sort.values[0] ?? '']);
      const high = sort.values[1] === undefined ? undefined : scalar(values[sort.values[1]]);
      if (!low || (sort.operator === 'BETWEEN' && !high)) return undefined;
      form.sort = { operator: sort.operator, value: low.text, ...(high ? { high: high.text } : {}) };
    }
  }
  if (typeof request.FilterExpression === 'string') {
    const filters = parseFilter(request.FilterExpression, names, values);
    if (!filters) return undefined;
    form.filters = filters;
  }
  if (typeof request.ProjectionExpression === 'string') {
    const projection = parseProjection(request.ProjectionExpression, names);
    if (!projection) return undefined;
    form.projection = projection;
  }
  return form;
}

/** A starting form for an entity: its key templates on the chosen table or index. */
export function formForEntity(model: DesignModel, entityId: string | undefined, operation: FormOperation, index?: string): PatternForm {
  const target = targetFor(model, operation === 'GetItem' ? undefined : index);
  const entity = model.entities.find((e) => e.id === entityId);
  const keys = entity && target ? entityKeysIn(entity, target) : undefined;
  const form: PatternForm = {
    operation,
    ...(operation !== 'GetItem' && index ? { index } : {}),
    partitionValue: keys?.partitionKey ?? '',
    filters: [],
    projection: [],
    scanIndexForward: true,
    consistentRead: false,
  };
  if (operation === 'GetItem' && target?.sortKey) form.sort = { operator: '=', value: keys?.sortKey ?? '' };
  if (operation === 'Query' && keys?.sortKey) form.sort = { operator: 'begins_with', value: templatePrefix(parseKeyTemplate(keys.sortKey).parts) };
  return form;
}
