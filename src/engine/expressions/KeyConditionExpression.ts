// KeyConditionExpression (and the legacy KeyConditions): an equality on the partition key and
// at most one predicate on the sort key, checked against the key schema being queried.
import { binaryBeginsWith, compareValues, typeOf, type AttributeValue, type ScalarType } from '../AttributeValue';
import { validationError } from '../errors';
import type { Condition, Operand } from './ConditionExpression';
import type { DocumentPath } from './DocumentPath';

export interface KeySchemaInput {
  partitionKey: string;
  sortKey?: string;
  /** Attribute types of the key attributes, to reject values of the wrong type. */
  attributeTypes?: Readonly<Record<string, ScalarType>>;
}

export type SortKeyCondition =
  | { operator: '=' | '<' | '<=' | '>' | '>='; value: AttributeValue }
  | { operator: 'BETWEEN'; low: AttributeValue; high: AttributeValue }
  | { operator: 'begins_with'; prefix: AttributeValue };

export interface KeyCondition {
  partitionKey: string;
  partitionValue: AttributeValue;
  sortKey?: { name: string; condition: SortKeyCondition };
}

const MIRRORED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

interface KeyPredicate {
  name: string;
  condition: SortKeyCondition;
}

function keyName(path: DocumentPath): string {
  if (path.length > 1) {
    throw validationError(`Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: ${path[0]}`);
  }
  return path[0];
}

function literal(operand: Operand): AttributeValue | undefined {
  return operand.kind === 'value' ? operand.value : undefined;
}

function predicates(condition: Condition, out: KeyPredicate[]): void {
  const unsupported = (operator: string): Error => validationError(`Invalid operator used in KeyConditionExpression: ${operator}`);
  switch (condition.kind) {
    case 'and':
      predicates(condition.left, out);
      predicates(condition.right, out);
      return;
    case 'or':
      throw unsupported('OR');
    case 'not':
      throw unsupported('NOT');
    case 'in':
      throw unsupported('IN');
    case 'compare': {
      if (condition.operator === '<>') throw unsupported('<>');
      let operator: keyof typeof MIRRORED = condition.operator;
      let { left, right } = condition;
      if (left.kind !== 'path') {
        [left, right] = [right, left];
        operator = MIRRORED[operator];
      }
      const value = literal(right);
      if (left.kind !== 'path' || value === undefined) throw validationError('Query key condition not supported');
      out.push({ name: keyName(left.path), condition: { operator, value } });
      return;
    }
    case 'between': {
      const low = literal(condition.low);
      const high = literal(condition.high);
      if (condition.subject.kind !== 'path' || low === undefined || high === undefined) {
        throw validationError('Query key condition not supported');
      }
      out.push({ name: keyName(condition.subject.path), condition: { operator: 'BETWEEN', low, high } });
      return;
    }
    case 'begins_with': {
      const prefix = literal(condition.prefix);
      if (condition.subject.kind !== 'path' || prefix === undefined) throw validationError('Query key condition not supported');
      out.push({ name: keyName(condition.subject.path), condition: { operator: 'begins_with', prefix } });
      return;
    }
    default:
      throw unsupported(condition.kind);
  }
}

/** The values a sort-key condition compares with. */
export function conditionValues(condition: SortKeyCondition): AttributeValue[] {
  if (condition.operator === 'BETWEEN') return [condition.low, condition.high];
  if (condition.operator === 'begins_with') return [condition.prefix];
  return [condition.value];
}

function checkType(predicate: KeyPredicate, schema: KeySchemaInput): void {
  const expected = schema.attributeTypes?.[predicate.name];
  if (expected === undefined) return;
  if (conditionValues(predicate.condition).some((value) => typeOf(value) !== expected)) {
    throw validationError('One or more parameter values were invalid: Condition parameter type does not match schema type');
  }
}

/**
 * Turns a compiled key condition into the partition value and sort-key predicate, checking in
 * DynamoDB Local's order: repeated keys, the number of predicates, the partition key (present,
 * of its type, compared with =), then the other predicate (on the sort key, of its type).
 */
export function toKeyCondition(condition: Condition, schema: KeySchemaInput): KeyCondition {
  const found: KeyPredicate[] = [];
  predicates(condition, found);
  const names = new Set<string>();
  for (const predicate of found) {
    if (names.has(predicate.name)) throw validationError('KeyConditionExpressions must only contain one condition per key');
    names.add(predicate.name);
  }
  if (found.length > 2) throw validationError('Conditions can be of length 1 or 2 only');
  const partition = found.find((p) => p.name === schema.partitionKey);
  if (partition === undefined) throw validationError('Query condition missed key schema element');
  checkType(partition, schema);
  if (partition.condition.operator !== '=') throw validationError('Query key condition not supported');
  const sort = found.find((p) => p !== partition);
  const result: KeyCondition = { partitionKey: schema.partitionKey, partitionValue: partition.condition.value };
  if (sort === undefined) return result;
  if (sort.name !== schema.sortKey) throw validationError('Query condition missed key schema element');
  checkType(sort, schema);
  result.sortKey = { name: sort.name, condition: sort.condition };
  return result;
}

/** Whether a sort-key value satisfies the predicate (values are of the key's type). */
export function matchesSortKey(condition: SortKeyCondition, value: AttributeValue): boolean {
  switch (condition.operator) {
    case '=':
      return compareValues(value, condition.value) === 0;
    case '<':
      return compareValues(value, condition.value) < 0;
    case '<=':
      return compareValues(value, condition.value) <= 0;
    case '>':
      return compareValues(value, condition.value) > 0;
    case '>=':
      return compareValues(value, condition.value) >= 0;
    case 'BETWEEN':
      return compareValues(value, condition.low) >= 0 && compareValues(value, condition.high) <= 0;
    case 'begins_with':
      if ('S' in value && 'S' in condition.prefix) return value.S.startsWith(condition.prefix.S);
      if ('B' in value && 'B' in condition.prefix) return binaryBeginsWith(value.B, condition.prefix.B);
      return false;
  }
}
