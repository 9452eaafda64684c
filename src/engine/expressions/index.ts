// The engine's expression layer. Compile a request's expressions once, then evaluate them
// per item:
//
//   const compiled = compileExpressions('Query', request, { partitionKey: 'PK', sortKey: 'SK',
//     attributeTypes: { PK: 'S', SK: 'S' } });          // throws DynamoDBError (ValidationException)
//   compiled.keyCondition  // { partitionKey, partitionValue, sortKey?: { name, condition } }
//                          //   → matchesSortKey(condition, item[SK]) selects the range
//   evaluateCondition(compiled.filter, item)             // FilterExpression / QueryFilter / ScanFilter
//   evaluateCondition(compiled.condition, existingItem)  // ConditionExpression / Expected (undefined = no item)
//   applyUpdate(compiled.update, existingItem, ['PK', 'SK'])  // new item; throws DynamoDBError
//   projectItem(compiled.projection, item)               // ProjectionExpression / AttributesToGet
//
// compileExpressions validates in DynamoDB Local's order: expression vs legacy parameters,
// ExpressionAttributeNames/Values (syntax, values, emptiness), each expression (syntax, then
// names and values, then operand checks), unused names/values, key attributes read or written
// below their top level, and finally the key condition's shape and types against the key schema.
// Query refuses key attributes in its filter itself, after the start key (Query.ts). An update of
// a table key attribute is refused only when applied (applyUpdate), after the condition passed,
// as DynamoDB Local does.
// Names and values are resolved at compile time; evaluation does no lookups.
import { utf8Length, validateAttributeValue, type AttributeValue } from '../AttributeValue';
import { DynamoDBError, validationError } from '../errors';
import { javaHashSetOrder } from '../JavaHashOrder';
import { compileCondition, conditionPaths, type Condition } from './ConditionExpression';
import type { DocumentPath } from './DocumentPath';
import { toKeyCondition, type KeyCondition, type KeySchemaInput } from './KeyConditionExpression';
import {
  checkConditionalOperator,
  legacyAttributesToGet,
  legacyAttributeUpdates,
  legacyExpected,
  legacyFilter,
  legacyKeyConditions,
  type AttributeValueUpdate,
  type ExpectedAttributeValue,
  type LegacyCondition,
} from './LegacyParameters';
import { countOperators, MAX_OPERATORS, parseCondition, parseProjection, parseUpdate, tooManyOperators, type ExpressionKind } from './Parser';
import { compileProjection } from './ProjectionExpression';
import { ExpressionContext } from './Resolver';
import { compileUpdate, updateExpressionPaths, type UpdateActions } from './UpdateExpression';
import { bindTemplate, findTemplate, keepTemplate, templateKey } from './CompiledTemplates';

export { conditionPaths, evaluateCondition, evaluateOperand, type Condition, type Operand } from './ConditionExpression';
export { applyUpdate, keyUpdateError, updatedPaths, type UpdateAction, type UpdateActions, type UpdateValue } from './UpdateExpression';
export { projectItem } from './ProjectionExpression';
export { conditionValues, matchesSortKey, type KeyCondition, type KeySchemaInput, type SortKeyCondition } from './KeyConditionExpression';
export { formatPath, readPath, type DocumentPath, type PathElement } from './DocumentPath';

export type ExpressionOperation =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'TransactWriteItems'
  | 'TransactGetItems';

export interface ExpressionInput {
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ConditionExpression?: string;
  ProjectionExpression?: string;
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  /** Raw values from the request; validated and normalized here. */
  ExpressionAttributeValues?: Record<string, unknown>;
  AttributesToGet?: string[];
  KeyConditions?: Record<string, LegacyCondition>;
  QueryFilter?: Record<string, LegacyCondition>;
  ScanFilter?: Record<string, LegacyCondition>;
  Expected?: Record<string, ExpectedAttributeValue>;
  AttributeUpdates?: Record<string, AttributeValueUpdate>;
  ConditionalOperator?: string;
}

export interface CompiledExpressions {
  keyCondition?: KeyCondition;
  filter?: Condition;
  condition?: Condition;
  projection?: DocumentPath[];
  update?: UpdateActions;
}

// In the order DynamoDB lists them in its "Can not use both" message.
const EXPRESSION_PARAMETERS = ['UpdateExpression', 'ConditionExpression', 'ProjectionExpression', 'FilterExpression', 'KeyConditionExpression'] as const;
const LEGACY_PARAMETERS = ['AttributesToGet', 'AttributeUpdates', 'Expected', 'QueryFilter', 'ScanFilter', 'ConditionalOperator', 'KeyConditions'] as const;
const READ_OPERATIONS = new Set<ExpressionOperation>(['GetItem', 'BatchGetItem', 'TransactGetItems']);

/** Expressions that may use ExpressionAttributeValues, as DynamoDB names them per operation. */
const VALUE_EXPRESSIONS: Partial<Record<ExpressionOperation, (keyof ExpressionInput)[]>> = {
  Query: ['FilterExpression', 'KeyConditionExpression'],
  Scan: ['FilterExpression'],
  UpdateItem: ['UpdateExpression', 'ConditionExpression'],
  PutItem: ['ConditionExpression'],
  DeleteItem: ['ConditionExpression'],
  TransactWriteItems: ['UpdateExpression', 'ConditionExpression'],
};

const NAME_PATTERN = /^#[A-Za-z0-9_]+$/;
/** An attribute name is at most 64 KB of UTF-8. */
const MAX_NAME_BYTES = 65535;
const VALUE_PATTERN = /^:[A-Za-z0-9_]+$/;

// KeyConditions clashes only with KeyConditionExpression: beside a filter or projection
// expression alone it is accepted, as SDK helpers that still build key conditions send it.
function checkParameterMix(input: ExpressionInput): void {
  const expressions = EXPRESSION_PARAMETERS.filter((name) => input[name] !== undefined);
  const legacy = LEGACY_PARAMETERS.filter((name) => input[name] !== undefined && (name !== 'KeyConditions' || input.KeyConditionExpression !== undefined));
  if (expressions.length > 0 && legacy.length > 0) {
    throw validationError(
      `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expressions.join(', ')}}`,
    );
  }
}

// An empty map with no expression at all is accepted; with any expression, even an empty one,
// it is "must not be empty". For a Scan's values (not names) an empty FilterExpression counts as
// absent when telling whether values can be used, as in DynamoDB Local; other actions parse it first.
function namesWithoutExpression(input: ExpressionInput): boolean {
  const names = input.ExpressionAttributeNames;
  if (names === undefined || EXPRESSION_PARAMETERS.some((name) => input[name] !== undefined)) return false;
  if (Object.keys(names).length > 0) throw validationError('ExpressionAttributeNames can only be specified when using expressions');
  return true;
}

function valuesWithoutExpression(operation: ExpressionOperation, input: ExpressionInput): boolean {
  const raw = input.ExpressionAttributeValues;
  const users = VALUE_EXPRESSIONS[operation] ?? [];
  const given = (name: keyof ExpressionInput): boolean => input[name] !== undefined && (operation !== 'Scan' || input[name] !== '');
  if (raw === undefined || READ_OPERATIONS.has(operation) || users.some(given)) return false;
  if (Object.keys(raw).length > 0) {
    throw validationError(`ExpressionAttributeValues can only be specified when using expressions: ${users.join(' and ')} ${users.length > 1 ? 'are' : 'is'} null`);
  }
  return !EXPRESSION_PARAMETERS.some((name) => input[name] !== undefined);
}

/**
 * DynamoDB Local refuses ExpressionAttributeNames/Values that no expression can use before it
 * looks at the request's items and keys; actions that validate those first call this.
 */
export function checkExpressionParameters(operation: ExpressionOperation, request: ExpressionInput): void {
  const input = readInput(request);
  namesWithoutExpression(input);
  valuesWithoutExpression(operation, input);
}

function readNames(input: ExpressionInput): Record<string, string> | undefined {
  const names = input.ExpressionAttributeNames;
  if (names === undefined || namesWithoutExpression(input)) return undefined;
  if (Object.keys(names).length === 0) throw validationError('ExpressionAttributeNames must not be empty');
  for (const key of Object.keys(names)) {
    if (!NAME_PATTERN.test(key)) throw validationError(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
  }
  return names;
}

function readValues(operation: ExpressionOperation, input: ExpressionInput): Record<string, AttributeValue> | undefined {
  const raw = input.ExpressionAttributeValues;
  if (raw === undefined || READ_OPERATIONS.has(operation) || valuesWithoutExpression(operation, input)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length === 0) throw validationError('ExpressionAttributeValues must not be empty');
  const values: Record<string, AttributeValue> = {};
  for (const key of keys) {
    if (!VALUE_PATTERN.test(key)) throw validationError(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
    if (raw[key] === null) throw validationError(`ExpressionAttributeValues contains invalid value: The supplied Item contains a null AttributeValue for key ${key}`);
    try {
      values[key] = validateAttributeValue(raw[key]);
    } catch (error) {
      if (!(error instanceof DynamoDBError)) throw error;
      throw validationError(`ExpressionAttributeValues contains invalid value: ${error.message} for key ${key}`);
    }
  }
  return values;
}

function checkNameValues(names: Record<string, string> | undefined): Record<string, string> | undefined {
  if (names === undefined) return undefined;
  const checked: Record<string, string> = {};
  for (const [key, name] of Object.entries(names as Record<string, unknown>)) {
    if (name === null || name === undefined) throw validationError(`ExpressionAttributeNames contains invalid value: null for key ${key}`);
    if (name === '') throw validationError(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${key}`);
    if (typeof name === 'string' && name.length > MAX_NAME_BYTES / 3 && utf8Length(name) > MAX_NAME_BYTES) {
      throw validationError(`ExpressionAttributeNames contains invalid value: Attribute name is too large, must be less than ${MAX_NAME_BYTES + 1} bytes for key ${key}`);
    }
    checked[key] = typeof name === 'string' ? name : JSON.stringify(name);
  }
  return checked;
}

// DynamoDB lists unused keys in the iteration order of a Java HashSet of strings.
function checkUnused(context: ExpressionContext, names: object | undefined, values: object | undefined): void {
  const unusedNames = javaHashSetOrder(Object.keys(names ?? {}).filter((key) => !context.usedNames.has(key)));
  if (unusedNames.length > 0) throw validationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
  const unusedValues = javaHashSetOrder(Object.keys(values ?? {}).filter((key) => !context.usedValues.has(key)));
  if (unusedValues.length > 0) throw validationError(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
}

/** Key attributes of the table and of its indexes, which expressions may only read whole. */
export interface ScalarKeys {
  readonly key: readonly string[];
  readonly indexKey: readonly string[];
}

/**
 * The key-scalar check of a Scan's filter and projection, which DynamoDB Local makes after the
 * start key, Select and segment checks. Call it on a request compileExpressions accepted.
 */
export function checkScanKeyScalars(request: ExpressionInput, scalarKeys: ScalarKeys): void {
  const input = readInput(request);
  if (input.FilterExpression === undefined && input.ProjectionExpression === undefined) return;
  checkKeyScalars(compileExpressions('Scan', request), scalarKeys);
}

function keyScalarError(paths: readonly DocumentPath[], scalarKeys: ScalarKeys): DynamoDBError | undefined {
  const nested = paths.filter((path) => path.length > 1);
  if (nested.length === 0) return undefined;
  // DynamoDB Local goes through the key attributes in key schema order, the table's before any
  // index's, whatever the order of the paths.
  for (const [label, names] of [['Key', scalarKeys.key], ['IndexKey', scalarKeys.indexKey]] as const) {
    const name = names.find((candidate) => nested.some((path) => path[0] === candidate));
    if (name) return validationError(`Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ${label}: ${name}`);
  }
  return undefined;
}

/**
 * Conditions, filters and projections are checked now. DynamoDB Local checks the update's
 * paths only once the condition has passed (applyUpdate), after refusing any write into a
 * table key.
 */
function checkKeyScalars(compiled: CompiledExpressions, scalarKeys: ScalarKeys): void {
  const error = keyScalarError(
    [...(compiled.condition ? conditionPaths(compiled.condition) : []), ...(compiled.filter ? conditionPaths(compiled.filter) : []), ...(compiled.projection ?? [])],
    scalarKeys,
  );
  if (error) throw error;
  if (compiled.update) compiled.update.keyScalarError = keyScalarError(updateExpressionPaths(compiled.update), scalarKeys);
}

// DynamoDB counts operators once the condition has passed every other check of its own.
function compileConditionExpression(context: ExpressionContext, kind: ExpressionKind, source: string): Condition {
  const syntax = parseCondition(kind, source);
  const condition = compileCondition(context, kind, syntax);
  if (countOperators(syntax) > MAX_OPERATORS) throw tooManyOperators(kind);
  return condition;
}

const NULLABLE_PARAMETERS = [...LEGACY_PARAMETERS, 'ExpressionAttributeNames', 'ExpressionAttributeValues'] as const;

/**
 * Requests arrive as parsed JSON of any shape. DynamoDB reads a JSON null as "absent" and
 * other scalars where text is expected as their text; an empty AttributesToGet counts as absent.
 */
function readInput(raw: ExpressionInput): ExpressionInput {
  if (isReadable(raw)) return raw;
  const input: Record<string, unknown> = { ...raw };
  for (const name of EXPRESSION_PARAMETERS) {
    const value = input[name];
    if (value === null) delete input[name];
    else if (value !== undefined && typeof value !== 'string') input[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  for (const name of NULLABLE_PARAMETERS) {
    if (input[name] === null) delete input[name];
  }
  if (Array.isArray(input.AttributesToGet) && input.AttributesToGet.length === 0) delete input.AttributesToGet;
  return input as ExpressionInput;
}

/** Whether a request needs none of readInput's rewriting, as well-formed requests do. */
function isReadable(raw: ExpressionInput): boolean {
  for (const name of EXPRESSION_PARAMETERS) {
    const value = raw[name];
    if (value !== undefined && typeof value !== 'string') return false;
  }
  for (const name of NULLABLE_PARAMETERS) if (raw[name] === null) return false;
  return !(Array.isArray(raw.AttributesToGet) && raw.AttributesToGet.length === 0);
}

/**
 * The key of a request's compilation among the templates, or undefined for one that is not
 * kept: legacy parameters carry their values inside them, and names that are not all text make
 * an error (which is never kept) or would not survive JSON.
 */
function compilationKey(operation: ExpressionOperation, input: ExpressionInput, names: Record<string, string> | undefined, values: Record<string, AttributeValue> | undefined, keySchema: KeySchemaInput | undefined, scalarKeys: ScalarKeys | undefined): string | undefined {
  if (LEGACY_PARAMETERS.some((name) => input[name] !== undefined)) return undefined;
  if (names !== undefined && Object.values(names).some((name) => typeof name !== 'string')) return undefined;
  return templateKey(operation, {
    expressions: EXPRESSION_PARAMETERS.map((name) => input[name]),
    names,
    values,
    context: [keySchema, scalarKeys],
  });
}

/**
 * Validates and compiles every expression (or legacy parameter) of one request.
 * `keySchema` is the key schema of the table or index the request addresses; without it the
 * key-dependent checks are skipped.
 */
export function compileExpressions(operation: ExpressionOperation, request: ExpressionInput, keySchema?: KeySchemaInput, scalarKeys?: ScalarKeys): CompiledExpressions {
  const input = readInput(request);
  checkParameterMix(input);
  const rawNames = readNames(input);
  const values = readValues(operation, input);
  // Everything checked from here on depends only on what the key holds (see CompiledTemplates.ts).
  const key = compilationKey(operation, input, rawNames, values, keySchema, scalarKeys);
  const template = key === undefined ? undefined : findTemplate<CompiledExpressions>(key);
  if (template) return bindTemplate(template, values);
  const compiled = compileRequestExpressions(operation, input, rawNames, values, keySchema, scalarKeys);
  if (key !== undefined && !compiled.readsValueContent) keepTemplate(key, { compiled: compiled.expressions, values: values ?? {} });
  return compiled.expressions;
}

function compileRequestExpressions(
  operation: ExpressionOperation,
  input: ExpressionInput,
  rawNames: Record<string, string> | undefined,
  values: Record<string, AttributeValue> | undefined,
  keySchema: KeySchemaInput | undefined,
  scalarKeys: ScalarKeys | undefined,
): { expressions: CompiledExpressions; readsValueContent: boolean } {
  const names = checkNameValues(rawNames);
  const context = new ExpressionContext(names, values);
  const compiled: CompiledExpressions = {};
  const result = () => ({ expressions: compiled, readsValueContent: context.readsValueContent });

  if (input.UpdateExpression !== undefined) compiled.update = compileUpdate(context, parseUpdate(input.UpdateExpression));
  if (input.ConditionExpression !== undefined) {
    compiled.condition = compileConditionExpression(context, 'ConditionExpression', input.ConditionExpression);
  }
  if (input.FilterExpression !== undefined) compiled.filter = compileConditionExpression(context, 'FilterExpression', input.FilterExpression);
  if (input.ProjectionExpression !== undefined) compiled.projection = compileProjection(context, parseProjection(input.ProjectionExpression));
  const keyExpression =
    input.KeyConditionExpression === undefined
      ? undefined
      : compileConditionExpression(context, 'KeyConditionExpression', input.KeyConditionExpression);

  checkUnused(context, names, READ_OPERATIONS.has(operation) ? undefined : values);
  // A Scan checks them later, after its start key, Select and segments (checkScanKeyScalars).
  if (scalarKeys && operation !== 'Scan') checkKeyScalars(compiled, scalarKeys);

  const filterElements = input.QueryFilter ?? input.ScanFilter ?? input.Expected;
  const conditionalOperator = checkConditionalOperator(input.ConditionalOperator, filterElements && Object.keys(filterElements).length);
  if (input.AttributesToGet !== undefined) compiled.projection = legacyAttributesToGet(input.AttributesToGet);
  if (input.Expected !== undefined) compiled.condition = legacyExpected(input.Expected, conditionalOperator);
  const legacyFilterInput = input.QueryFilter ?? input.ScanFilter;
  if (legacyFilterInput !== undefined) compiled.filter = legacyFilter(legacyFilterInput, conditionalOperator);
  if (input.AttributeUpdates !== undefined) compiled.update = legacyAttributeUpdates(input.AttributeUpdates);
  const keyConditions = input.KeyConditions === undefined ? undefined : legacyKeyConditions(input.KeyConditions);

  if (keySchema === undefined) return result();
  if (operation === 'Query') {
    const keyCondition = keyExpression ?? keyConditions;
    if (keyCondition === undefined) {
      throw validationError('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    }
    compiled.keyCondition = toKeyCondition(keyCondition, keySchema);
  }
  return result();
}
