// Checks a pattern against the design, the way a reviewer of a single-table design would:
// Query/GetItem rather than Scan, the right index and key condition, which entity types come
// back, whether the index projects what the pattern needs, and what one call costs; with the
// request's own checks (requestChecks). An error is what makes DynamoDB refuse the request or
// the designer unable to send it; a warning is a likely mistake DynamoDB would accept.
import { member } from '../../engine/AttributeMap';
import { WRITE_OPERATIONS } from './patternWrites';
import { itemSize, type Item } from '../../engine/AttributeValue';
import type { AccessPattern, DesignModel } from '../types';
import { attributesIn, parseKeyCondition, type KeyCondition } from './expressions';
import { templateAdmitsPrefix, templatesOverlap } from './keyTemplateMatch';
import { parameterMismatches } from './placeholders';
import { attributeVerdicts, indexGapVerdicts, parameterValueVerdicts } from './requestChecks';
import type { SampleItem } from '../sampleData';
import { entityKeysIn, projectedAttributes, resolveTarget, type PatternTarget } from './target';

export type VerdictLevel = 'ok' | 'info' | 'warning' | 'error';

export type VerdictCode =
  | 'parameters'
  | 'operation'
  | 'target'
  | 'keyCondition'
  | 'key'
  | 'entities'
  | 'projection'
  | 'attributes'
  | 'indexes'
  | 'capacity';

/** A capacity verdict's figures, for the cost estimate. */
export interface CapacityEstimate {
  kind: 'read' | 'write';
  /** Units per call on the table (reads: on the index queried); index writes are not included. */
  units: number;
  /** Items written per call, each of which also writes every index its entity has keys in. */
  items: number;
  /** Entity ids the pattern reads or writes; undefined when unknown. */
  entities?: string[];
}

export interface Verdict {
  level: VerdictLevel;
  code: VerdictCode;
  message: string;
  /** Where in the pattern it is, as a slash path: `index`, `parameters`, `request/FilterExpression`, `request/TransactItems/0/Put/Item`. */
  at?: string;
  estimate?: CapacityEstimate;
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): Record<string, string> =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

/** The key-typed text of a wire AttributeValue (`{S: 'USER#{{userId}}'}` → `USER#{{userId}}`). */
function keyText(value: unknown): { type: 'S' | 'N' | 'B'; text: string } | undefined {
  if (!isRecord(value)) return undefined;
  for (const type of ['S', 'N', 'B'] as const) {
    const text = value[type];
    if (typeof text === 'string') return { type, text };
  }
  return undefined;
}

const READ_UNIT = 4096;
const WRITE_UNIT = 1024;

interface Analysis {
  verdicts: Verdict[];
  /** Entity ids the pattern can return or write; undefined when unknown. */
  entities?: Set<string>;
}

function entitiesForKeyCondition(
  model: DesignModel,
  target: PatternTarget,
  condition: KeyCondition,
  values: Json,
): Set<string> {
  const pkValue = keyText(values[condition.partition.value])?.text;
  const matched = new Set<string>();
  for (const entity of model.entities) {
    const keys = entityKeysIn(entity, target);
    if (!keys || pkValue === undefined || !templatesOverlap(keys.partitionKey, pkValue)) continue;
    const sort = condition.sort;
    if (sort) {
      if (!keys.sortKey) continue;
      const first = keyText(values[sort.values[0] ?? ''])?.text;
      if (first !== undefined && sort.operator === '=' && !templatesOverlap(keys.sortKey, first)) continue;
      if (first !== undefined && sort.operator === 'begins_with' && !templateAdmitsPrefix(keys.sortKey, first)) continue;
    }
    matched.add(entity.id);
  }
  return matched;
}

function checkQuery(model: DesignModel, pattern: AccessPattern, target: PatternTarget): Analysis {
  const verdicts: Verdict[] = [];
  const request = pattern.request;
  const expression = request.KeyConditionExpression;
  if (typeof expression !== 'string' || expression.trim() === '') {
    return { verdicts: [{ level: 'error', code: 'keyCondition', at: 'request/KeyConditionExpression', message: 'Query needs a KeyConditionExpression' }] };
  }
  const names = strings(request.ExpressionAttributeNames);
  const values = isRecord(request.ExpressionAttributeValues) ? request.ExpressionAttributeValues : {};
  const parsed = parseKeyCondition(expression, names, target.partitionKey.name);
  if (!parsed.ok) {
    return { verdicts: [{ level: 'error', code: 'keyCondition', at: 'request/KeyConditionExpression', message: `KeyConditionExpression: ${parsed.message}` }] };
  }
  const { partition, sort } = parsed.condition;
  const problems: string[] = [];
  if (partition.attribute !== target.partitionKey.name) {
    problems.push(`${target.name}'s partition key is ${target.partitionKey.name}, not ${partition.attribute}`);
  }
  if (sort && !target.sortKey) problems.push(`${target.name} has no sort key, so ${sort.attribute} cannot be in the key condition`);
  if (sort && target.sortKey && sort.attribute !== target.sortKey.name) {
    problems.push(`${target.name}'s sort key is ${target.sortKey.name}, not ${sort.attribute}`);
  }
  const refs: [string, string | undefined][] = [
    [partition.value, target.partitionKey.type],
    ...(sort?.values ?? []).map((v): [string, string | undefined] => [v, target.sortKey?.type]),
  ];
  for (const [ref, type] of refs) {
    const value = keyText(values[ref]);
    if (!isRecord(values[ref])) problems.push(`${ref} is not defined in ExpressionAttributeValues`);
    else if (!value || (type && value.type !== type)) problems.push(`${ref} must be of type ${type ?? 'S, N or B'}`);
  }
  if (sort?.operator === 'begins_with' && target.sortKey?.type === 'N') {
    problems.push('begins_with works on string and binary sort keys, not numbers');
  }
  if (problems.length > 0) {
    return { verdicts: problems.map((message) => ({ level: 'error', code: 'keyCondition', at: 'request/KeyConditionExpression', message })) };
  }
  const keyNames = [target.partitionKey.name, target.sortKey?.name].filter(Boolean).join(', ');
  verdicts.push({ level: 'ok', code: 'keyCondition', message: `Key condition uses ${target.name}'s keys (${keyNames})` });
  return { verdicts, entities: entitiesForKeyCondition(model, target, parsed.condition, values) };
}

/** Entities whose table key templates a concrete-or-templated key can match. */
function checkItemKeys(model: DesignModel, keys: { key: unknown; where: string; wholeItem: boolean }[]): Analysis {
  const verdicts: Verdict[] = [];
  const entities = new Set<string>();
  const tableKeys = [model.table.partitionKey, model.table.sortKey].filter((k) => k !== undefined);
  for (const { key, where, wholeItem } of keys) {
    if (!isRecord(key)) {
      verdicts.push({ level: 'error', code: 'key', message: `${where} is missing` });
      continue;
    }
    const missing = tableKeys.filter((k) => !isRecord(key[k.name])).map((k) => k.name);
    const extra = wholeItem ? [] : Object.keys(key).filter((n) => !tableKeys.some((k) => k.name === n));
    const wrongType = tableKeys.filter((k) => isRecord(key[k.name]) && keyText(key[k.name])?.type !== k.type);
    if (missing.length > 0) verdicts.push({ level: 'error', code: 'key', message: `${where} lacks ${missing.join(' and ')}` });
    if (extra.length > 0) {
      verdicts.push({ level: 'error', code: 'key', message: `${where} has ${extra.join(', ')}, which ${extra.length > 1 ? 'are' : 'is'} not part of the table's key` });
    }
    for (const k of wrongType) verdicts.push({ level: 'error', code: 'key', message: `${where}.${k.name} must be of type ${k.type}` });
    if (missing.length > 0 || extra.length > 0 || wrongType.length > 0) continue;
    const pk = keyText(key[model.table.partitionKey.name])?.text ?? '';
    const sk = model.table.sortKey ? keyText(key[model.table.sortKey.name])?.text : undefined;
    for (const entity of model.entities) {
      if (!templatesOverlap(entity.keys.partitionKey, pk)) continue;
      if (sk !== undefined && !(entity.keys.sortKey && templatesOverlap(entity.keys.sortKey, sk))) continue;
      entities.add(entity.id);
    }
  }
  if (verdicts.length === 0 && keys.length > 0) {
    verdicts.push({ level: 'ok', code: 'key', message: `Full primary key given (${tableKeys.map((k) => k.name).join(', ')})` });
  }
  return { verdicts, entities };
}

function keysOf(pattern: AccessPattern, table: string): { key: unknown; where: string; wholeItem: boolean }[] {
  const request = pattern.request;
  const out: { key: unknown; where: string; wholeItem: boolean }[] = [];
  switch (pattern.operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      out.push({ key: request.Key, where: 'Key', wholeItem: false });
      break;
    case 'PutItem':
      out.push({ key: request.Item, where: 'Item', wholeItem: true });
      break;
    case 'BatchGetItem':
    case 'BatchWriteItem': {
      const items = isRecord(request.RequestItems) ? request.RequestItems : {};
      const mine = member(items, '{{table}}') ?? member(items, table);
      if (pattern.operation === 'BatchGetItem') {
        const keys = isRecord(mine) && Array.isArray(mine.Keys) ? mine.Keys : [];
        keys.forEach((key, i) => out.push({ key, where: `Keys[${i}]`, wholeItem: false }));
      } else if (Array.isArray(mine)) {
        mine.forEach((entry, i) => {
          const put = isRecord(entry) && isRecord(entry.PutRequest) ? entry.PutRequest.Item : undefined;
          const del = isRecord(entry) && isRecord(entry.DeleteRequest) ? entry.DeleteRequest.Key : undefined;
          out.push(put !== undefined ? { key: put, where: `PutRequest[${i}].Item`, wholeItem: true } : { key: del, where: `DeleteRequest[${i}].Key`, wholeItem: false });
        });
      }
      break;
    }
    case 'TransactGetItems':
    case 'TransactWriteItems': {
      const items = Array.isArray(request.TransactItems) ? request.TransactItems : [];
      items.forEach((entry, i) => {
        if (!isRecord(entry)) return;
        for (const [action, body] of Object.entries(entry)) {
          if (!isRecord(body)) continue;
          const isPut = action === 'Put';
          out.push({ key: isPut ? body.Item : body.Key, where: `TransactItems[${i}].${action}.${isPut ? 'Item' : 'Key'}`, wholeItem: isPut });
        }
      });
      break;
    }
    default:
      break;
  }
  return out;
}

function entitiesOnTarget(model: DesignModel, target: PatternTarget): Set<string> {
  return new Set(model.entities.filter((e) => entityKeysIn(e, target)).map((e) => e.id));
}

function entityNames(model: DesignModel, ids: Iterable<string>): string {
  const names = [...ids].map((id) => model.entities.find((e) => e.id === id)?.name ?? id);
  return names.join(', ');
}

function entitiesVerdict(model: DesignModel, pattern: AccessPattern, entities: Set<string>, verb: string): Verdict {
  if (entities.size === 0) {
    return {
      level: 'warning',
      code: 'entities',
      message: verb === 'returns' ? "Matches no entity's key templates: it returns nothing" : "Matches no entity's key templates: it changes items no entity of the design describes",
    };
  }
  const others = pattern.entity ? [...entities].filter((id) => id !== pattern.entity) : [];
  if (pattern.entity && entities.has(pattern.entity) && others.length > 0 && pattern.operation === 'Query') {
    return {
      level: 'warning',
      code: 'entities',
      message: `Also returns ${entityNames(model, others)} items, not only ${entityNames(model, [pattern.entity])}: narrow the key condition (for example a longer begins_with prefix)`,
    };
  }
  return { level: 'ok', code: 'entities', message: `${verb === 'returns' ? 'Returns' : 'Writes'} ${entityNames(model, entities)} items` };
}

/** Attribute names the request projects, and those its filter reads. */
function neededAttributes(pattern: AccessPattern): { projected: string[]; filtered: string[] } {
  const names = strings(pattern.request.ExpressionAttributeNames);
  const read = (text: unknown) => (typeof text === 'string' ? attributesIn(text, names) : []);
  const legacy = Array.isArray(pattern.request.AttributesToGet) ? pattern.request.AttributesToGet.filter((a): a is string => typeof a === 'string') : [];
  return { projected: [...new Set([...read(pattern.request.ProjectionExpression), ...legacy])], filtered: read(pattern.request.FilterExpression) };
}

/**
 * What an index read needs beyond its projection: a GSI holds nothing else, so DynamoDB rejects
 * a projection of other attributes, and a Query filter on one; a Scan filter on a GSI silently
 * matches nothing. An LSI fetches other attributes from the table at extra read cost.
 */
function projectionVerdicts(model: DesignModel, pattern: AccessPattern, target: PatternTarget, entities: Set<string> | undefined): Verdict[] {
  const projected = projectedAttributes(model, target);
  if (!projected) return [];
  const describe = `${target.name} projects ${target.projection.type}${target.projection.type === 'INCLUDE' ? ` (${(target.projection.nonKeyAttributes ?? []).join(', ')})` : ''}`;
  const needed = neededAttributes(pattern);
  const unprojected = needed.projected.filter((a) => !projected.has(a));
  const unfiltered = needed.filtered.filter((a) => !projected.has(a));
  const verdicts: Verdict[] = [];
  const at = pattern.request.ProjectionExpression !== undefined ? 'request/ProjectionExpression' : 'request/AttributesToGet';
  if (unprojected.length > 0) {
    verdicts.push(
      target.kind === 'gsi'
        ? { level: 'error', code: 'projection', at, message: `Asks for ${unprojected.join(', ')}, which ${describe} leaves out: DynamoDB rejects the request, as a GSI cannot fetch from the table` }
        : { level: 'warning', code: 'projection', at, message: `Asks for ${unprojected.join(', ')}, which ${describe} leaves out: DynamoDB fetches it from the table at extra read cost` },
    );
  }
  if (unfiltered.length > 0) {
    const list = unfiltered.join(', ');
    if (pattern.operation === 'Query') {
      verdicts.push({ level: 'error', code: 'projection', at: 'request/FilterExpression', message: `Filters on ${list}, which ${describe} leaves out: DynamoDB rejects a Query filter on attributes an index does not project` });
    } else if (target.kind === 'gsi') {
      verdicts.push({ level: 'warning', code: 'projection', at: 'request/FilterExpression', message: `Filters on ${list}, which ${describe} leaves out: a GSI does not hold it, so the filter matches nothing` });
    } else {
      verdicts.push({ level: 'warning', code: 'projection', at: 'request/FilterExpression', message: `Filters on ${list}, which ${describe} leaves out: DynamoDB fetches it from the table at extra read cost` });
    }
  }
  if (verdicts.length > 0) return verdicts;
  if (pattern.request.ProjectionExpression === undefined && pattern.request.AttributesToGet === undefined) {
    const left = new Set<string>();
    for (const entity of model.entities) {
      if (entities && !entities.has(entity.id)) continue;
      for (const a of entity.attributes) if (!projected.has(a.name)) left.add(a.name);
    }
    if (left.size > 0) {
      return [{ level: 'info', code: 'projection', message: `${describe}: items come back without ${[...left].join(', ')}` }];
    }
  }
  return [{ level: 'ok', code: 'projection', message: `${describe}, which covers what the pattern reads` }];
}

function projectedItem(item: Item, projected: Set<string> | undefined): Item {
  if (!projected) return item;
  return Object.fromEntries(Object.entries(item).filter(([name]) => projected.has(name)));
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function formatUnits(units: number): string {
  return Number.isInteger(units) ? String(units) : units.toFixed(1);
}

/** Estimated capacity per call from the sample items' sizes; undefined when there is nothing to go on. */
function capacityVerdict(
  model: DesignModel,
  pattern: AccessPattern,
  target: PatternTarget | undefined,
  entities: Set<string> | undefined,
  samples: readonly SampleItem[],
): Verdict | undefined {
  const consistent = pattern.request.ConsistentRead === true;
  const readFactor = consistent ? 1 : 0.5;
  const readKind = consistent ? 'strongly consistent' : 'eventually consistent';
  const limit = typeof pattern.request.Limit === 'number' && pattern.request.Limit > 0 ? pattern.request.Limit : Infinity;
  const chosen = samples.filter((s) => !entities || entities.has(s.entityId));
  const sizeOf = (ids: Set<string> | undefined) =>
    average(samples.filter((s) => !ids || ids.has(s.entityId)).map((s) => itemSize(s.item)));
  const keyCount = keysOf(pattern, model.table.name).length;
  const listed = entities && [...entities];

  switch (pattern.operation) {
    case 'Query':
    case 'Scan': {
      if (!target) return undefined;
      const projected = projectedAttributes(model, target);
      const keyNames = [target.partitionKey.name, target.sortKey?.name].filter((n): n is string => n !== undefined);
      const inTarget = (pattern.operation === 'Scan' ? samples : chosen).filter((s) => keyNames.every((k) => s.item[k] !== undefined));
      const sizes = inTarget.map((s) => itemSize(projectedItem(s.item, projected)));
      let bytes: number;
      let basis: string;
      if (pattern.operation === 'Scan') {
        bytes = sizes.slice(0, limit === Infinity ? undefined : limit).reduce((a, b) => a + b, 0);
        basis = `reads all ${inTarget.length} sample items (${Math.round(bytes)} B) in ${target.name}; it grows with the table`;
      } else {
        const partitions = new Map<string, number[]>();
        inTarget.forEach((s, i) => {
          const key = JSON.stringify(s.item[target.partitionKey.name]);
          partitions.set(key, [...(partitions.get(key) ?? []), sizes[i] ?? 0]);
        });
        const perPartition = [...partitions.values()].map((list) => list.slice(0, limit === Infinity ? undefined : limit));
        bytes = average(perPartition.map((list) => list.reduce((a, b) => a + b, 0)));
        const count = average(perPartition.map((list) => list.length));
        basis = `about ${formatUnits(count)} matching items of ${Math.round(average(sizes))} B per item collection`;
      }
      const units = Math.max(1, Math.ceil(bytes / READ_UNIT)) * readFactor;
      return { level: 'info', code: 'capacity', message: `≈ ${formatUnits(units)} RCU per call (${readKind}; ${basis})`, estimate: { kind: 'read', units, items: 0, entities: listed } };
    }
    case 'GetItem':
    case 'BatchGetItem':
    case 'TransactGetItems': {
      const size = sizeOf(entities);
      const factor = pattern.operation === 'TransactGetItems' ? 2 : readFactor;
      const units = Math.max(1, keyCount) * Math.max(1, Math.ceil(size / READ_UNIT)) * factor;
      const kind = pattern.operation === 'TransactGetItems' ? 'transactional' : readKind;
      return { level: 'info', code: 'capacity', message: `≈ ${formatUnits(units)} RCU per call (${kind}; items of about ${Math.round(size)} B)`, estimate: { kind: 'read', units, items: 0, entities: listed } };
    }
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'BatchWriteItem':
    case 'TransactWriteItems': {
      const size = sizeOf(entities);
      const factor = pattern.operation === 'TransactWriteItems' ? 2 : 1;
      const units = Math.max(1, keyCount) * Math.max(1, Math.ceil(size / WRITE_UNIT)) * factor;
      const items = Math.max(1, keyCount) * factor;
      return {
        level: 'info',
        code: 'capacity',
        message: `≈ ${units} WCU per call on the table, plus index writes (items of about ${Math.round(size)} B)`,
        estimate: { kind: 'write', units, items, entities: listed },
      };
    }
    default:
      return undefined;
  }
}

function checkStatement(model: DesignModel, pattern: AccessPattern): Verdict[] {
  const statement = pattern.request.Statement;
  if (typeof statement !== 'string' || statement.trim() === '') {
    return [{ level: 'error', code: 'operation', message: 'ExecuteStatement needs a Statement' }];
  }
  const pk = model.table.partitionKey.name;
  const select = /^\s*select\b/i.test(statement);
  const keyed = new RegExp(`\\bwhere\\b[\\s\\S]*"?${pk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*(=|\\bIN\\b)`, 'i').test(statement);
  if (select && !keyed) {
    return [{ level: 'warning', code: 'operation', message: `This SELECT has no equality on ${pk}, so DynamoDB runs it as a Scan` }];
  }
  return [{ level: 'ok', code: 'operation', message: 'PartiQL statement; DynamoDB checks it when it runs' }];
}

/**
 * Verdicts for one pattern, most important first (errors, then warnings). With `samples`,
 * also whether every placeholder has a value and what a call costs; without, only what the
 * design alone decides.
 */
export function checkPattern(model: DesignModel, pattern: AccessPattern, samples?: readonly SampleItem[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const { undeclared, unused } = parameterMismatches(pattern);
  if (undeclared.length > 0) {
    verdicts.push({ level: 'error', code: 'parameters', at: 'parameters', message: `Uses ${undeclared.map((n) => `{{${n}}}`).join(', ')} without declaring ${undeclared.length > 1 ? 'them as parameters' : 'it as a parameter'}` });
  }
  if (unused.length > 0) {
    verdicts.push({ level: 'warning', code: 'parameters', at: 'parameters', message: `Parameter${unused.length > 1 ? 's' : ''} ${unused.join(', ')} ${unused.length > 1 ? 'are' : 'is'} never used in the request` });
  }
  if (samples !== undefined) verdicts.push(...parameterValueVerdicts(model, pattern, samples));
  if (pattern.entity !== undefined && !model.entities.some((e) => e.id === pattern.entity)) {
    verdicts.push({ level: 'warning', code: 'entities', at: 'entity', message: `Is about entity "${pattern.entity}", which is not in the design; choose its entity again` });
  }
  verdicts.push(...attributeVerdicts(model, pattern), ...indexGapVerdicts(model, pattern));

  let target: PatternTarget | undefined;
  let entities: Set<string> | undefined;
  const op = pattern.operation;
  if (op === 'Query' || op === 'Scan' || op === 'GetItem') {
    const resolved = resolveTarget(model, pattern);
    if (!resolved.ok) {
      verdicts.push({ level: 'error', code: 'target', at: pattern.index === undefined ? 'request/IndexName' : 'index', message: resolved.message });
      return order(verdicts);
    }
    target = resolved.target;
  }

  if (op === 'Scan' && target) {
    entities = entitiesOnTarget(model, target);
    const cost = samples === undefined ? undefined : capacityVerdict(model, pattern, target, undefined, samples);
    verdicts.push({
      level: 'warning',
      code: 'operation',
      message: `Scan reads every item in ${target.name}, not one item collection${cost ? ` (${cost.message})` : ''}; prefer a Query on a key or an index`,
      ...(cost?.estimate && { estimate: cost.estimate }),
    });
  } else if (op === 'Query' && target) {
    verdicts.push({ level: 'ok', code: 'operation', message: `Query on ${target.kind === 'table' ? `the table ${target.name}` : `${target.kind.toUpperCase()} ${target.name}`}` });
    const analysis = checkQuery(model, pattern, target);
    verdicts.push(...analysis.verdicts);
    entities = analysis.entities;
  } else if (op === 'ExecuteStatement') {
    verdicts.push(...checkStatement(model, pattern));
  } else {
    if (op === 'GetItem' && target && target.kind !== 'table') {
      verdicts.push({ level: 'error', code: 'target', message: 'GetItem reads the table only; query the index instead' });
      return order(verdicts);
    }
    const analysis = checkItemKeys(model, keysOf(pattern, model.table.name));
    verdicts.push(...analysis.verdicts);
    if (!analysis.verdicts.some((v) => v.level === 'error')) entities = analysis.entities;
  }

  if (entities) {
    const writes = WRITE_OPERATIONS.has(op);
    verdicts.push(entitiesVerdict(model, pattern, entities, writes ? 'writes' : 'returns'));
  }
  if (target && target.kind !== 'table') verdicts.push(...projectionVerdicts(model, pattern, target, entities));
  const capacity = op === 'Scan' || samples === undefined ? undefined : capacityVerdict(model, pattern, target, entities, samples);
  if (capacity) verdicts.push(capacity);
  return order(verdicts);
}

// Problems first; notes and passed checks keep the order the checks ran in.
const RANK: Record<VerdictLevel, number> = { error: 0, warning: 1, info: 2, ok: 2 };

function order(verdicts: Verdict[]): Verdict[] {
  return verdicts.map((v, i) => ({ v, i })).sort((a, b) => RANK[a.v.level] - RANK[b.v.level] || a.i - b.i).map(({ v }) => v);
}

/** What the pattern list shows next to a pattern: error, warning, or ok (notes are not problems). */
export function overallLevel(verdicts: readonly Verdict[]): 'error' | 'warning' | 'ok' {
  if (verdicts.some((v) => v.level === 'error')) return 'error';
  return verdicts.some((v) => v.level === 'warning') ? 'warning' : 'ok';
}

