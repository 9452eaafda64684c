// KeyConditionExpression (and the legacy KeyConditions): an equality on the partition key and
// at most one predicate on the sort key, checked against the key schema being queried; for a
// multi-attribute key, an equality on each partition-key attribute and predicates on the
// sort-key attributes from the first on, all equalities but the last.
import { binaryBeginsWith, compareValues, typeOf, type AttributeValue, type ScalarType } from '../AttributeValue';
import { validationError } from '../errors';
import type { Condition, Operand } from './ConditionExpression';
import type { DocumentPath } from './DocumentPath';

export interface KeySchemaInput {
  partitionKey: string;
  sortKey?: string;
  /** Attribute types of the key attributes, to reject values of the wrong type. */
  attributeTypes?: Readonly<Record<string, ScalarType>>;
  /** Every key attribute of a multi-attribute key, in key schema order. */
  multi?: { readonly partitionKeys: readonly string[]; readonly sortKeys: readonly string[] };
  /**
   * Refuses a value no key attribute can take (an empty string or binary), in DynamoDB Local's
   * order among the other checks. A kept compilation skips it, so Query checks values again.
   */
  checkValue?: (name: string, value: AttributeValue) => void;
}

export type SortKeyCondition =
  | { operator: '=' | '<' | '<=' | '>' | '>='; value: AttributeValue }
  | { operator: 'BETWEEN'; low: AttributeValue; high: AttributeValue }
  | { operator: 'begins_with'; prefix: AttributeValue };

export interface KeyCondition {
  partitionKey: string;
  partitionValue: AttributeValue;
  /** The last sort-key attribute used; of a multi-attribute key, the ones before it are equalities. */
  sortKey?: { name: string; condition: SortKeyCondition };
  multi?: MultiAttributeKeyCondition;
}

export interface MultiAttributeKeyCondition {
  /** Every partition-key attribute's value, in key schema order. */
  partitionValues: AttributeValue[];
  /** The values of the sort-key attributes before the last one used, in key schema order. */
  sortEqualities: AttributeValue[];
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
 * of its type, compared with =, with a value a key can take), then the other predicate (on the
 * sort key, of its type, with such values).
 */
export function toKeyCondition(condition: Condition, schema: KeySchemaInput): KeyCondition {
  const found: KeyPredicate[] = [];
  predicates(condition, found);
  const names = new Set<string>();
  for (const predicate of found) {
    if (names.has(predicate.name)) throw validationError('KeyConditionExpressions must only contain one condition per key');
    names.add(predicate.name);
  }
  if (schema.multi) return toMultiAttributeKeyCondition(found, schema, schema.multi);
  if (found.length > 2) throw validationError('Conditions can be of length 1 or 2 only');
  const partition = found.find((p) => p.name === schema.partitionKey);
  if (partition === undefined) throw validationError('Query condition missed key schema element');
  checkType(partition, schema);
  if (partition.condition.operator !== '=') throw validationError('Query key condition not supported');
  checkValues(partition, schema);
  const sort = found.find((p) => p !== partition);
  const result: KeyCondition = { partitionKey: schema.partitionKey, partitionValue: partition.condition.value };
  if (sort === undefined) return result;
  if (sort.name !== schema.sortKey) throw validationError('Query condition missed key schema element');
  checkType(sort, schema);
  checkValues(sort, schema);
  result.sortKey = { name: sort.name, condition: sort.condition };
  return result;
}

function checkValues(predicate: KeyPredicate, schema: KeySchemaInput): void {
  for (const value of conditionValues(predicate.condition)) schema.checkValue?.(predicate.name, value);
}

function checkPredicate(predicate: KeyPredicate, schema: KeySchemaInput): void {
  checkValues(predicate, schema);
  checkType(predicate, schema);
}

/**
 * A multi-attribute key's condition, checked in DynamoDB Local's order: the number of
 * predicates, an equality on every partition-key attribute, their values, equalities on the
 * sort-key attributes before the last one used, their values, and only then predicates on
 * other attributes.
 */
function toMultiAttributeKeyCondition(found: readonly KeyPredicate[], schema: KeySchemaInput, key: NonNullable<KeySchemaInput['multi']>): KeyCondition {
  if (found.length > key.partitionKeys.length + key.sortKeys.length) throw validationError('Query key condition not supported');
  const on = (name: string) => found.find((predicate) => predicate.name === name);
  const isEquality = (name: string) => on(name)?.condition.operator === '=';
  const unequal = key.partitionKeys.filter((name) => !isEquality(name));
  if (unequal.length > 0) throw validationError(`HASH key attributes ${unequal.join(', ')} must have equality conditions specified in the query`);
  const partition = key.partitionKeys.map((name) => on(name) as KeyPredicate);
  for (const predicate of partition) checkPredicate(predicate, schema);
  const used = key.sortKeys.findLastIndex((name) => on(name) !== undefined);
  const leading = key.sortKeys.slice(0, Math.max(used, 0));
  const skipped = leading.filter((name) => !isEquality(name));
  if (skipped.length > 0) {
    throw validationError(
      `RANGE key attributes ${skipped.join(', ')} must have equality conditions specified in the query because a condition is present on key attribute ${key.sortKeys[used] as string}`,
    );
  }
  const sort = key.sortKeys.slice(0, used + 1).map((name) => on(name) as KeyPredicate);
  for (const predicate of sort) checkPredicate(predicate, schema);
  if (partition.length + sort.length < found.length) throw validationError('Query condition missed key schema element');
  const values = (predicates: readonly KeyPredicate[]) => predicates.map((predicate) => conditionValues(predicate.condition)[0] as AttributeValue);
  const first = partition[0] as KeyPredicate;
  const last = sort[sort.length - 1];
  return {
    partitionKey: first.name,
    partitionValue: values([first])[0] as AttributeValue,
    ...(last ? { sortKey: { name: last.name, condition: last.condition } } : {}),
    multi: { partitionValues: values(partition), sortEqualities: values(sort.slice(0, -1)) },
  };
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
