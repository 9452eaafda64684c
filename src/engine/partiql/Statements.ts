// Running parsed PartiQL statements: each becomes the JSON-API request it stands for
// (Query or Scan, PutItem, UpdateItem, DeleteItem, GetItem, or a transaction action), so
// semantics, limits and errors are the engine's own.
import { attributeMap, member } from '../AttributeMap';
import { base64Decode, base64Encode, compareValues, utf8Encode, type AttributeValue, type Item } from '../AttributeValue';
import { DeleteItem } from '../DeleteItem';
import { findTable, type EngineContext } from '../EngineContext';
import { DynamoDBError, validationError } from '../errors';
import { checkReadable } from '../IndexStatus';
import type { KeySchema } from '../KeySchema';
import { PutItem } from '../PutItem';
import { Query } from '../Query';
import { checkConsistentRead } from '../ReadPage';
import { Scan } from '../Scan';
import type { Table } from '../Table';
import { UpdateItem } from '../UpdateItem';
import type { ConditionNode, DeleteStatement, PathNode, ValueNode, InsertStatement, ParsedStatement, Returning, SelectStatement, Statement, UpdateStatement } from './Ast';
import { at } from './errors';
import { parseStatement } from './Parser';
import { andAll, checkKeyType, conjuncts, ExpressionBuilder, keyEquality, primaryKeyOf, resolveParameters, sortKeyCondition } from './Translate';

const PARSE_CACHE_SIZE = 512;
const parsed = new Map<string, ParsedStatement>();

/** Parses once per distinct statement text; applications repeat the same statements. */
export function parseCached(statement: unknown): ParsedStatement {
  if (typeof statement !== 'string') {
    throw validationError("1 validation error detected: Value null at 'statement' failed to satisfy constraint: Member must not be null");
  }
  let result = parsed.get(statement);
  if (!result) {
    result = parseStatement(statement);
    if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
    parsed.set(statement, result);
  }
  return result;
}

// Statements are not written as expressions, so DynamoDB reports expression errors without
// naming the (internal) expression they were translated to.
const EXPRESSION_PREFIX = /^Invalid (?:KeyCondition|Filter|Condition|Update|Projection)Expression: /;

export function withoutExpressionNames<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DynamoDBError && error.errorName === 'ValidationException' && EXPRESSION_PREFIX.test(error.message)) {
      throw new DynamoDBError('ValidationException', error.message.replace(EXPRESSION_PREFIX, ''), { extra: error.extra });
    }
    throw error;
  }
}

export function bindParameters(statement: ParsedStatement, raw: unknown): ExpressionBuilder {
  return new ExpressionBuilder(resolveParameters(raw, statement.parameterCount));
}

const NO_KEY_EQUALITY = 'Where clause does not contain a mandatory equality on all key attributes';

function joinConditions(parts: string[]): string | undefined {
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(' AND ');
}

function returnValues(returning: Returning | undefined): string | undefined {
  switch (returning) {
    case 'ALL_OLD':
      return 'ALL_OLD';
    case 'ALL_NEW':
      return 'ALL_NEW';
    case 'MODIFIED_OLD':
      return 'UPDATED_OLD';
    case 'MODIFIED_NEW':
      return 'UPDATED_NEW';
    default:
      return undefined;
  }
}

// NextToken carries the ExclusiveStartKey in DynamoDB's own envelope.
// A statement may run several operations (one Query per value of `key IN [...]`); the
// token names the operation to resume and its ExclusiveStartKey.
export interface ResumePoint {
  operation: number;
  key: Item;
}

export function encodeNextToken(resume: ResumePoint, now: number): string {
  return base64Encode(utf8Encode(JSON.stringify({ creationTime: now, opIndexToExclusiveNextKey: { [resume.operation]: resume.key }, version: 'V1' })));
}

export function decodeNextToken(token: unknown): ResumePoint {
  try {
    const envelope = JSON.parse(new TextDecoder().decode(base64Decode(String(token)))) as { opIndexToExclusiveNextKey?: Record<string, Item> };
    const [entry] = Object.entries(envelope.opIndexToExclusiveNextKey ?? {});
    if (entry && /^\d+$/.test(entry[0]) && entry[1] && typeof entry[1] === 'object') return { operation: Number(entry[0]), key: entry[1] };
  } catch {
    // reported below
  }
  throw validationError('Invalid NextToken');
}

/** The partition-key values a WHERE conjunct pins: `key = v` or `key IN [v, …]`, sorted, distinct. */
function partitionValues(node: ConditionNode, schema: KeySchema, builder: ExpressionBuilder): AttributeValue[] | undefined {
  const single = keyEquality(node, schema.hash, builder);
  if (single) return [single];
  if (node.kind !== 'in' || node.operand.kind !== 'path' || node.operand.segments.length !== 1) return undefined;
  const first = node.operand.segments[0];
  if (first?.kind !== 'attribute' || first.name !== schema.hash.name) return undefined;
  if (!node.list.every((item) => item.kind === 'literal' || item.kind === 'parameter')) return undefined;
  const values = node.list.map((item) => checkKeyType(builder.resolve(item as ValueNode), schema.hash)).sort(compareValues);
  return values.filter((value, i) => i === 0 || compareValues(value, values[i - 1] as AttributeValue) !== 0);
}

/** Names and values for one of several per-partition Queries: only its own partition value. */
function usedMembers(builder: ExpressionBuilder, placeholders: string[], operation: number) {
  const members = builder.members();
  if (!members.ExpressionAttributeValues) return members;
  const values = { ...members.ExpressionAttributeValues };
  placeholders.forEach((placeholder, i) => {
    if (i !== operation) delete values[placeholder];
  });
  return { ...members, ExpressionAttributeValues: values };
}

export interface ReadOptions {
  limit?: number;
  nextToken?: string;
  consistentRead?: boolean;
}

function sourceSchema(context: EngineContext, table: Table, statement: SelectStatement, options: ReadOptions): KeySchema {
  if (statement.from.index === undefined) return table.keySchema;
  const index = table.index(statement.from.index);
  if (!index) throw validationError(`The table does not have the specified index: ${statement.from.index}`);
  checkReadable(context, index);
  // DynamoDB Local 3.3 reads no index with a multi-attribute key through PartiQL (a consistent
  // read of a GSI is refused first); the service documents no PartiQL access to them either.
  if (index.keySchema.multi) {
    checkConsistentRead({ table, index, keySchema: index.keySchema }, { ConsistentRead: options.consistentRead });
    throw validationError('PartiQL statements cannot be executed on tables with composite HASH keys or composite RANGE keys.');
  }
  return index.keySchema;
}

function orderIsForward(statement: SelectStatement, schema: KeySchema): boolean {
  if (statement.orderBy.length === 0) return true;
  if (!statement.where) throw validationError('Must have WHERE clause in the statement when using ORDER BY clause.');
  let forward = true;
  for (const order of statement.orderBy) {
    const first = order.path.segments[0];
    const name = order.path.segments.length === 1 && first?.kind === 'attribute' ? first.name : '';
    if (name !== schema.hash.name && name !== schema.range?.name) {
      throw validationError(`Variable reference ${name || 'path'} in ORDER BY clause must be part of the primary key`);
    }
    if (name === schema.range?.name) forward = !order.descending;
  }
  return forward;
}

export function runSelect(context: EngineContext, statement: SelectStatement, builder: ExpressionBuilder, options: ReadOptions): { Items: Item[]; NextToken?: string } {
  checkDistinctAliases(statement.projection ?? []);
  const table = findTable(context, statement.from.table);
  const schema = sourceSchema(context, table, statement, options);
  const forward = orderIsForward(statement, schema);
  // Nested paths are picked from whole items (see `aliased`); projecting them first would
  // compact their list indexes.
  const nested = statement.projection?.some((path) => path.segments.length > 1) ?? false;
  const projection = nested ? undefined : statement.projection?.map((path) => builder.path(path)).join(', ');
  const parts = conjuncts(statement.where);
  const resume = options.nextToken === undefined ? undefined : decodeNextToken(options.nextToken);
  const common = {
    TableName: table.name,
    ...(statement.from.index !== undefined ? { IndexName: statement.from.index } : {}),
    ...(options.consistentRead !== undefined ? { ConsistentRead: options.consistentRead } : {}),
  };
  let hashValues: AttributeValue[] | undefined;
  const hashAt = parts.findIndex((part) => (hashValues = partitionValues(part, schema, builder)) !== undefined);
  const output: { Items: Item[]; resume?: ResumePoint } = { Items: [] };
  if (hashAt >= 0 && hashValues) {
    const rest = parts.filter((_, i) => i !== hashAt);
    const sortKey = schema.range;
    let sortCondition: string | undefined;
    if (sortKey) {
      for (let i = 0; i < rest.length; i++) {
        sortCondition = sortKeyCondition(rest[i] as ConditionNode, sortKey, builder);
        if (sortCondition === undefined) continue;
        rest.splice(i, 1);
        break;
      }
    }
    const filter = andAll(rest);
    const filterText = filter ? builder.condition(filter) : undefined;
    const hashName = builder.name(schema.hash.name);
    const placeholders = hashValues.map((value) => builder.value(value));
    let remaining = options.limit;
    // One Query per partition, in key order, as DynamoDB runs `key IN [...]`.
    for (let operation = resume?.operation ?? 0; operation < placeholders.length; operation++) {
      const page = withoutExpressionNames(() =>
        Query(context, {
          ...common,
          KeyConditionExpression: [`${hashName} = ${placeholders[operation] as string}`, ...(sortCondition ? [sortCondition] : [])].join(' AND '),
          ...(filterText ? { FilterExpression: filterText } : {}),
          ...(projection ? { ProjectionExpression: projection } : {}),
          ...(forward ? {} : { ScanIndexForward: false }),
          ...(remaining !== undefined ? { Limit: remaining } : {}),
          ...(resume && operation === resume.operation ? { ExclusiveStartKey: resume.key } : {}),
          ...usedMembers(builder, placeholders, operation),
        } as Parameters<typeof Query>[1]),
      );
      output.Items.push(...((page.Items ?? []) as Item[]));
      if (page.LastEvaluatedKey) {
        output.resume = { operation, key: page.LastEvaluatedKey as Item };
        break;
      }
      if (remaining !== undefined) remaining -= page.ScannedCount ?? 0;
    }
  } else {
    const filterText = statement.where ? builder.condition(statement.where) : undefined;
    const page = withoutExpressionNames(() =>
      Scan(context, {
        ...common,
        ...(filterText ? { FilterExpression: filterText } : {}),
        ...(projection ? { ProjectionExpression: projection } : {}),
        ...(options.limit !== undefined ? { Limit: options.limit } : {}),
        ...(resume ? { ExclusiveStartKey: resume.key } : {}),
        ...builder.members(),
      } as Parameters<typeof Scan>[1]),
    );
    output.Items = (page.Items ?? []) as Item[];
    if (page.LastEvaluatedKey) output.resume = { operation: 0, key: page.LastEvaluatedKey as Item };
  }
  return {
    Items: nested ? output.Items.map((item) => aliased(item, statement.projection as PathNode[])) : output.Items,
    ...(output.resume ? { NextToken: encodeNextToken(output.resume, context.now()) } : {}),
  };
}

// PartiQL names a projected value after the path's last step: `SELECT m.deep[1]` yields an
// attribute called `deep[1]`, not a nested map.
function alias(path: PathNode): string {
  let name = '';
  for (const segment of path.segments) name = segment.kind === 'attribute' ? segment.name : `${name}[${segment.index}]`;
  return name;
}

/** Two projected paths may not share a name in the answer (`SELECT a, m.a`), before the table is looked up. */
function checkDistinctAliases(paths: readonly PathNode[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const name = alias(path);
    if (seen.has(name)) throw validationError(`Duplicate identifiers in select clause: ${name}`);
    seen.add(name);
  }
}

function valueAt(item: Item, path: PathNode): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  for (const [i, segment] of path.segments.entries()) {
    if (segment.kind === 'attribute') value = i === 0 ? member(item, segment.name) : value && 'M' in value ? member(value.M, segment.name) : undefined;
    else value = value && 'L' in value ? value.L[segment.index] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

function aliased(item: Item, paths: PathNode[]): Item {
  const out: Item = attributeMap();
  for (const path of paths) {
    const value = valueAt(item, path);
    if (value !== undefined) out[alias(path)] = value;
  }
  return out;
}

/** The item an INSERT writes, with its key attributes checked. */
export function insertItem(table: Table, statement: InsertStatement, builder: ExpressionBuilder): Item {
  if (statement.item.kind !== 'map') {
    throw validationError(`Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. ${at(statement.item.position)}`);
  }
  const item = (builder.resolve(statement.item) as { M: Item }).M;
  for (const attribute of table.keySchema.range ? [table.keySchema.hash, table.keySchema.range] : [table.keySchema.hash]) {
    const value = member(item, attribute.name);
    if (value === undefined) throw validationError(`Key attribute should be present in the item: Key ${attribute.name}`);
    if (!(attribute.type in value)) throw validationError(`Key attribute's data type should match its data type in table's schema: Key ${attribute.name}`);
  }
  return item;
}

export const DUPLICATE_ITEM_MESSAGE = 'Duplicate primary key exists in table';

/** The single-item request a write statement stands for, as a transaction action would carry it. */
export interface WriteRequest {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  request: Record<string, unknown>;
}

export function writeRequest(context: EngineContext, statement: Statement, builder: ExpressionBuilder, onFailure?: unknown): WriteRequest {
  const failure = onFailure === undefined ? {} : { ReturnValuesOnConditionCheckFailure: onFailure };
  switch (statement.kind) {
    case 'insert': {
      const table = findTable(context, statement.table);
      const item = insertItem(table, statement, builder);
      return {
        kind: 'Put',
        request: {
          TableName: table.name,
          Item: item,
          ConditionExpression: `attribute_not_exists(${builder.name(table.keySchema.hash.name)})`,
          ...builder.members(),
          ...failure,
        },
      };
    }
    case 'update':
      return updateRequest(context, statement, builder, failure);
    case 'delete':
      return deleteRequest(context, statement, builder, failure);
    case 'exists': {
      const table = findTable(context, statement.select.from.table);
      const key = primaryKeyOf(statement.select.where, table.keySchema, builder);
      if (!key || key.rest.length === 0) throw validationError('EXISTS() must contain a single item read with additional condition');
      return {
        kind: 'ConditionCheck',
        request: { TableName: table.name, Key: key.key, ConditionExpression: builder.condition(andAll(key.rest) as ConditionNode), ...builder.members(), ...failure },
      };
    }
    case 'select':
      throw validationError('Select statements are not writes');
  }
}

function updateRequest(context: EngineContext, statement: UpdateStatement, builder: ExpressionBuilder, failure: object): WriteRequest {
  const table = findTable(context, statement.table);
  const key = primaryKeyOf(statement.where, table.keySchema, builder);
  if (!key) throw validationError(NO_KEY_EQUALITY);
  const update = builder.update(statement);
  // UPDATE never creates an item: it requires the key to exist.
  const condition = joinConditions([`attribute_exists(${builder.name(table.keySchema.hash.name)})`, ...key.rest.map((part) => builder.condition(part))]);
  const returning = returnValues(statement.returning);
  return {
    kind: 'Update',
    request: {
      TableName: table.name,
      Key: key.key,
      UpdateExpression: update,
      ConditionExpression: condition,
      ...builder.members(),
      ...(returning ? { ReturnValues: returning } : {}),
      ...failure,
    },
  };
}

function deleteRequest(context: EngineContext, statement: DeleteStatement, builder: ExpressionBuilder, failure: object): WriteRequest {
  const table = findTable(context, statement.table);
  const key = primaryKeyOf(statement.where, table.keySchema, builder);
  if (!key) throw validationError(NO_KEY_EQUALITY);
  const condition = joinConditions(key.rest.map((part) => builder.condition(part)));
  const returning = returnValues(statement.returning);
  return {
    kind: 'Delete',
    request: {
      TableName: table.name,
      Key: key.key,
      ...(condition ? { ConditionExpression: condition } : {}),
      ...builder.members(),
      ...(returning ? { ReturnValues: returning } : {}),
      ...failure,
    },
  };
}

/** Runs one write statement on its own; returns the item RETURNING asked for, if any. */
export function runWrite(context: EngineContext, statement: Statement, builder: ExpressionBuilder, onFailure?: unknown): Item | undefined {
  return withoutExpressionNames(() => write(context, statement, builder, onFailure));
}

function write(context: EngineContext, statement: Statement, builder: ExpressionBuilder, onFailure?: unknown): Item | undefined {
  const { kind, request } = writeRequest(context, statement, builder, onFailure);
  switch (kind) {
    case 'Put':
      try {
        PutItem(context, request as Parameters<typeof PutItem>[1]);
      } catch (error) {
        if (error instanceof DynamoDBError && error.errorName === 'ConditionalCheckFailedException') {
          throw new DynamoDBError('DuplicateItem', DUPLICATE_ITEM_MESSAGE);
        }
        throw error;
      }
      return undefined;
    case 'Update':
      return UpdateItem(context, request as Parameters<typeof UpdateItem>[1]).Attributes as Item | undefined;
    case 'Delete':
      return DeleteItem(context, request as Parameters<typeof DeleteItem>[1]).Attributes as Item | undefined;
    case 'ConditionCheck':
      throw validationError('EXISTS can only be used in ExecuteTransaction write requests.');
  }
}

/** The key a single-item SELECT names (BatchExecuteStatement and ExecuteTransaction reads). */
export function singleItemRead(context: EngineContext, statement: SelectStatement, builder: ExpressionBuilder): { table: Table; key: Item; projection?: string } | undefined {
  const table = findTable(context, statement.from.table);
  if (statement.from.index !== undefined) return undefined;
  const key = primaryKeyOf(statement.where, table.keySchema, builder);
  if (!key || key.rest.length > 0) return undefined;
  const projection = statement.projection?.map((path) => builder.path(path)).join(', ');
  return { table, key: key.key, ...(projection ? { projection } : {}) };
}
