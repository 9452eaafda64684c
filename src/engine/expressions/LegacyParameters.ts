// The pre-expression request parameters (AttributesToGet, KeyConditions, QueryFilter,
// ScanFilter, Expected, AttributeUpdates, ConditionalOperator), converted to the same
// compiled forms as their expression counterparts, with DynamoDB Local's messages.
import { compareValues, TYPE_DISPLAY_NAMES, typeOf, validateAttributeValue, type AttributeType, type AttributeValue } from '../AttributeValue';
import { validationError } from '../errors';
import type { Condition, Operand } from './ConditionExpression';
import type { DocumentPath } from './DocumentPath';
import { emptyUpdateActions, pushAction, type UpdateActions } from './UpdateExpression';

export interface LegacyCondition {
  ComparisonOperator?: string;
  AttributeValueList?: AttributeValue[];
}

export interface ExpectedAttributeValue extends LegacyCondition {
  Value?: AttributeValue;
  Exists?: boolean;
}

export interface AttributeValueUpdate {
  Value?: AttributeValue;
  Action?: string;
}

const INVALID = 'One or more parameter values were invalid: ';
const SCALARS: readonly AttributeType[] = ['S', 'N', 'B'];
const ANY: readonly AttributeType[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

/** Operand count (undefined: one or more) and accepted value types of each operator. */
const OPERATORS: Record<string, { count?: number; types: readonly AttributeType[] }> = {
  EQ: { count: 1, types: ANY },
  NE: { count: 1, types: ANY },
  LE: { count: 1, types: SCALARS },
  LT: { count: 1, types: SCALARS },
  GE: { count: 1, types: SCALARS },
  GT: { count: 1, types: SCALARS },
  NOT_NULL: { count: 0, types: ANY },
  NULL: { count: 0, types: ANY },
  CONTAINS: { count: 1, types: SCALARS },
  NOT_CONTAINS: { count: 1, types: SCALARS },
  BEGINS_WITH: { count: 1, types: ['S', 'B'] },
  IN: { types: SCALARS },
  BETWEEN: { count: 2, types: SCALARS },
};

const COMPARATORS = { EQ: '=', NE: '<>', LE: '<=', LT: '<', GE: '>=', GT: '>' } as const;

function checkOperands(operator: string, values: AttributeValue[]): void {
  const spec = Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator] : undefined;
  if (spec === undefined) throw validationError('Comparison type does not exist in DynamoDB');
  if (spec.count === undefined ? values.length === 0 : values.length !== spec.count) {
    throw validationError(`${INVALID}Invalid number of argument(s) for the ${operator} ComparisonOperator`);
  }
  for (const value of values) {
    const type = typeOf(value);
    if (!spec.types.includes(type)) throw validationError(`${INVALID}ComparisonOperator ${operator} is not valid for ${type} AttributeValue type`);
  }
  if (operator === 'BETWEEN') {
    const [low, high] = values as [AttributeValue, AttributeValue];
    if (typeOf(low) !== typeOf(high)) throw validationError(`${INVALID}AttributeValues inside AttributeValueList must be of same type`);
    if (compareValues(low, high) > 0) {
      throw validationError('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');
    }
  }
}

/** One legacy condition on an attribute, as a compiled Condition. */
export function legacyCondition(name: string, operator: string, rawValues: unknown): Condition {
  if (!Array.isArray(rawValues)) throw validationError(`${INVALID}AttributeValueList must be a list for Attribute: ${name}`);
  const values = rawValues.map((value) => validateAttributeValue(value));
  checkOperands(operator, values);
  const path: DocumentPath = [name];
  const subject: Operand = { kind: 'path', path };
  const operands: Operand[] = values.map((value) => ({ kind: 'value', value }));
  const [first, second] = operands as [Operand, Operand];
  switch (operator) {
    case 'NULL':
      return { kind: 'attribute_not_exists', path };
    case 'NOT_NULL':
      return { kind: 'attribute_exists', path };
    case 'CONTAINS':
      return { kind: 'contains', subject, operand: first };
    case 'NOT_CONTAINS':
      // A missing attribute satisfies neither CONTAINS nor NOT_CONTAINS.
      return { kind: 'and', left: { kind: 'attribute_exists', path }, right: { kind: 'not', operand: { kind: 'contains', subject, operand: first } } };
    case 'BEGINS_WITH':
      return { kind: 'begins_with', subject, prefix: first };
    case 'IN':
      return { kind: 'in', subject, list: operands };
    case 'BETWEEN':
      return { kind: 'between', subject, low: first, high: second };
    default:
      return { kind: 'compare', operator: COMPARATORS[operator as keyof typeof COMPARATORS], left: subject, right: first };
  }
}

function combine(conditions: Condition[], operator: 'AND' | 'OR'): Condition | undefined {
  const kind = operator === 'OR' ? 'or' : 'and';
  return conditions.reduce<Condition | undefined>((left, right) => (left === undefined ? right : { kind, left, right }), undefined);
}

export function checkConditionalOperator(operator: string | undefined, elements: number | undefined): 'AND' | 'OR' {
  if (operator === undefined) return 'AND';
  if (elements === undefined) throw validationError('ConditionalOperator cannot be used without Filter or Expected');
  if (elements < 2) throw validationError('ConditionalOperator can only be used when Filter or Expected has two or more elements');
  if (operator !== 'AND' && operator !== 'OR') throw validationError('Member must satisfy enum value set: [AND, OR]');
  return operator;
}

/** QueryFilter, ScanFilter and KeyConditions. */
export function legacyFilter(filter: Record<string, LegacyCondition>, conditionalOperator: 'AND' | 'OR'): Condition | undefined {
  const conditions = Object.entries(filter).map(([name, condition]) => {
    if (condition === null || typeof condition !== 'object') throw validationError(`The filter condition for an attribute cannot be null: ${name}`);
    return legacyCondition(name, condition.ComparisonOperator ?? '', condition.AttributeValueList ?? []);
  });
  return combine(conditions, conditionalOperator);
}

const KEY_OPERATORS = new Set(['EQ', 'LE', 'LT', 'GE', 'GT', 'BEGINS_WITH', 'BETWEEN']);

export function legacyKeyConditions(keyConditions: Record<string, LegacyCondition>): Condition | undefined {
  for (const condition of Object.values(keyConditions)) {
    const operator = condition.ComparisonOperator ?? '';
    if (Object.hasOwn(OPERATORS, operator) && !KEY_OPERATORS.has(operator)) throw validationError('Query key condition not supported');
  }
  return legacyFilter(keyConditions, 'AND');
}

export function legacyExpected(expected: Record<string, ExpectedAttributeValue>, conditionalOperator: 'AND' | 'OR'): Condition | undefined {
  const conditions = Object.entries(expected).map(([name, entry]): Condition => {
    if (entry === null || typeof entry !== 'object') throw validationError(`The expected value for an attribute cannot be null: ${name}`);
    if (entry.Exists !== undefined && entry.ComparisonOperator !== undefined) {
      throw validationError(`${INVALID}Exists and ComparisonOperator cannot be used together for Attribute: ${name}`);
    }
    if (entry.ComparisonOperator !== undefined) {
      const values = entry.AttributeValueList ?? (entry.Value === undefined ? [] : [entry.Value]);
      return legacyCondition(name, entry.ComparisonOperator, values);
    }
    if (entry.Exists === false) {
      if (entry.Value !== undefined) throw validationError(`${INVALID}Value cannot be used when Exists is false for Attribute: ${name}`);
      return { kind: 'attribute_not_exists', path: [name] };
    }
    if (entry.Value === undefined) throw validationError(`${INVALID}Value must be provided when Exists is true for Attribute: ${name}`);
    return legacyCondition(name, 'EQ', [entry.Value]);
  });
  return combine(conditions, conditionalOperator);
}


export function legacyAttributeUpdates(updates: Record<string, AttributeValueUpdate>): UpdateActions {
  const actions = emptyUpdateActions('Type mismatch for attribute to update');
  for (const [name, update] of Object.entries(updates)) {
    if (update === null || typeof update !== 'object') throw validationError(`The attribute update for an attribute cannot be null: ${name}`);
    const action = update.Action ?? 'PUT';
    if (action !== 'PUT' && action !== 'ADD' && action !== 'DELETE') throw validationError('Member must satisfy enum value set: [ADD, DELETE, PUT]');
    const path: DocumentPath = [name];
    const value = update.Value === undefined ? undefined : validateAttributeValue(update.Value);
    if (value === undefined) {
      if (action !== 'DELETE') throw validationError(`${INVALID}Only DELETE action is allowed when no attribute value is specified`);
      pushAction(actions, { clause: 'REMOVE', path });
      continue;
    }
    const type = typeOf(value);
    if (action === 'PUT') pushAction(actions, { clause: 'SET', path, value: { kind: 'value', value } });
    else if (action === 'ADD') {
      if (!['N', 'SS', 'NS', 'BS', 'L'].includes(type)) throw validationError(`${INVALID}ADD action is not supported for the type ${TYPE_DISPLAY_NAMES[type]}`);
      pushAction(actions, { clause: 'ADD', path, value });
    } else {
      if (!['SS', 'NS', 'BS'].includes(type)) {
        throw validationError(`${INVALID}DELETE action with value is not supported for the type ${TYPE_DISPLAY_NAMES[type]}`);
      }
      pushAction(actions, { clause: 'DELETE', path, value });
    }
  }
  return actions;
}

export function legacyAttributesToGet(names: unknown): DocumentPath[] {
  if (!Array.isArray(names)) throw validationError('AttributesToGet must be a list of attribute names');
  const texts = names.map(String);
  if (new Set(texts).size !== texts.length) throw validationError('Cannot have two attributes with the same name');
  return texts.map((name): DocumentPath => [name]);
}
