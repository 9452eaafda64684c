// The design as a TypeScript data-access module for `@aws-sdk/lib-dynamodb` that compiles
// under `strict` as generated: one interface per entity, key builders from the key templates,
// and one typed function per access pattern (paginated reads, retried batches, transactions).
// Requests are the patterns' own, with `{{param}}` placeholders turned into typed parameters;
// key templates and request placeholders share one parser (`textParts`), so a key is built
// the same way in the builders, in the designer and in a generated write. A write returns what
// its ReturnValues give, and a failed condition surfaces as the module's ConditionalCheckFailed.
// Every name reaches the code as a JSON string literal or a sanitized identifier.
import { requestTemplate } from '../model/accessPatterns/buildRequest';
import { isItemMember, optionalParameters } from '../model/accessPatterns/entityWrites';
import { DOCUMENT_TYPES } from '../model/accessPatterns/parameterValues';
import { requestPlaceholders, textParts, wholePlaceholder } from '../model/accessPatterns/placeholders';
import { keyDefinitions, type KeyDefinition } from '../model/entityKeys';
import type { AccessPattern, AttributeType, DesignModel, Entity, PatternParameter } from '../model/types';
import { camelCase, literal, pascalCase, propertyKey, uniqueIdentifiers } from './identifiers';

const NATIVE_TYPES: Record<AttributeType, string> = {
  S: 'string',
  N: 'number',
  B: 'Uint8Array',
  BOOL: 'boolean',
  NULL: 'null',
  M: 'Record<string, NativeAttributeValue>',
  L: 'NativeAttributeValue[]',
  SS: 'Set<string>',
  NS: 'Set<number>',
  BS: 'Set<Uint8Array>',
};

const PARAMETER_TYPES: Record<PatternParameter['type'], string> = { S: 'string', N: 'number', B: 'string', BOOL: 'boolean', M: NATIVE_TYPES.M, L: NATIVE_TYPES.L, SS: NATIVE_TYPES.SS, NS: NATIVE_TYPES.NS, BS: NATIVE_TYPES.BS };

/** Request members whose values are attribute values (or maps/lists of them), wherever they sit. */
const ITEM_MAPS = new Set(['Key', 'Item', 'ExclusiveStartKey', 'ExpressionAttributeValues']);
const ITEM_MAP_LISTS = new Set(['Keys']);
const VALUE_LISTS = new Set(['Parameters']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What expressions are built against: the pattern's parameters and the table (the module's `tableName`). */
interface Scope {
  parameters: ReadonlyMap<string, PatternParameter>;
  /** Parameters that may be absent; an item member using one is written only when it is given. */
  optional: ReadonlySet<string>;
  tableName: string;
}

/**
 * Text with `{{name}}` placeholders (a request string or a key template) as a string
 * expression: `value(name)` is the expression for a name, undefined to keep it as text.
 */
function interpolation(text: string, value: (name: string) => string | undefined): string {
  const parts = textParts(text).map((part) => {
    const expression = part.kind === 'placeholder' ? value(part.name) : undefined;
    return expression === undefined ? literal(part.text) : `String(${expression})`;
  });
  return parts.length === 0 ? '""' : parts.length === 1 ? (parts[0] ?? '""') : `(${parts.join(' + ')})`;
}

const parameterValue = (scope: Scope) => (name: string) => (scope.parameters.has(name) ? `params[${literal(name)}]` : undefined);

/** A string with placeholders as a TypeScript expression over `params`. */
function textExpression(text: string, scope: Scope): string {
  const whole = wholePlaceholder(text);
  if (whole !== undefined && scope.parameters.get(whole)?.type === 'S') return `params[${literal(whole)}]`;
  return interpolation(text, parameterValue(scope));
}

/** A number member (`{ N: "{{n}}" }`, `Limit: "{{n}}"`) as an expression. */
function numberExpression(value: unknown, scope: Scope): string {
  if (typeof value === 'number') return String(value);
  const text = String(value);
  const whole = wholePlaceholder(text);
  if (whole !== undefined && scope.parameters.has(whole)) {
    return scope.parameters.get(whole)?.type === 'N' ? `params[${literal(whole)}]` : `Number(params[${literal(whole)}])`;
  }
  const number = Number(text);
  return Number.isFinite(number) && String(number) === text.trim() ? text.trim() : `Number(${textExpression(text, scope)})`;
}

function booleanExpression(value: unknown, scope: Scope): string {
  if (typeof value === 'boolean') return String(value);
  const whole = wholePlaceholder(String(value));
  if (whole !== undefined && scope.parameters.get(whole)?.type === 'BOOL') return `params[${literal(whole)}]`;
  return `(${textExpression(String(value), scope)} === "true")`;
}

function binaryExpression(value: unknown, scope: Scope): string {
  return `Uint8Array.from(atob(${textExpression(String(value), scope)}), (c) => c.charCodeAt(0))`;
}

/** A document-typed parameter standing for a whole value (`{ "SS": "{{tags}}" }`), if `inner` is one. */
function documentParameter(inner: unknown, scope: Scope): string | undefined {
  const whole = typeof inner === 'string' ? wholePlaceholder(inner) : undefined;
  const type = whole === undefined ? undefined : scope.parameters.get(whole)?.type;
  return whole !== undefined && type !== undefined && DOCUMENT_TYPES.has(type) ? `params[${literal(whole)}]` : undefined;
}

/** A wire-shape attribute value (`{ S: "USER#{{id}}" }`) as a native JS expression for the DocumentClient. */
function attributeValueExpression(value: unknown, scope: Scope): string {
  if (!isRecord(value)) return plainExpression(value, scope);
  const [type, inner] = Object.entries(value)[0] ?? ['NULL', true];
  const whole = documentParameter(inner, scope);
  if (whole !== undefined) return whole;
  switch (type) {
    case 'S':
      return textExpression(String(inner), scope);
    case 'N':
      return numberExpression(inner, scope);
    case 'BOOL':
      return booleanExpression(inner, scope);
    case 'NULL':
      return 'null';
    case 'B':
      return binaryExpression(inner, scope);
    case 'SS':
      return `new Set<string>([${(Array.isArray(inner) ? inner : []).map((v) => textExpression(String(v), scope)).join(', ')}])`;
    case 'NS':
      return `new Set<number>([${(Array.isArray(inner) ? inner : []).map((v) => numberExpression(v, scope)).join(', ')}])`;
    case 'BS':
      return `new Set<Uint8Array>([${(Array.isArray(inner) ? inner : []).map((v) => binaryExpression(v, scope)).join(', ')}])`;
    case 'L':
      return `[${(Array.isArray(inner) ? inner : []).map((v) => attributeValueExpression(v, scope)).join(', ')}]`;
    case 'M':
      return itemExpression(inner, scope);
    default:
      return plainExpression(value, scope);
  }
}

/**
 * An attribute map as an object expression. In an item to put, a member that uses optional
 * parameters is spread in only when they are given: the item then lacks that attribute (or
 * index key) as the entity allows, rather than holding "undefined".
 */
function itemExpression(value: unknown, scope: Scope, putItem = false): string {
  if (!isRecord(value)) return plainExpression(value, scope);
  const members = Object.entries(value).map(([name, inner]) => {
    const member = `${literal(name)}: ${attributeValueExpression(inner, scope)}`;
    const optional = putItem ? requestPlaceholders({ [name]: inner }).filter((n) => scope.optional.has(n)) : [];
    if (optional.length === 0) return member;
    const given = optional.map((n) => `params[${literal(n)}] !== undefined`).join(' && ');
    return `...(${given} ? { ${member} } : {})`;
  });
  return `{ ${members.join(', ')} }`;
}

/** Any other request member: objects, arrays, strings (with placeholders), numbers, booleans. */
function plainExpression(value: unknown, scope: Scope, inRequestItems = false): string {
  if (typeof value === 'string') {
    const whole = wholePlaceholder(value);
    const parameter = whole === undefined ? undefined : scope.parameters.get(whole);
    if (whole !== undefined && parameter !== undefined && parameter.type !== 'S') return `params[${literal(whole)}]`;
    return textExpression(value, scope);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map((v) => plainExpression(v, scope)).join(', ')}]`;
  const members = Object.entries(value).map(([name, inner]) => {
    const key = name.includes('{{') ? `[${textExpression(name, scope)}]` : name === scope.tableName && inRequestItems ? '[tableName]' : literal(name);
    if (name === 'TableName' && inner === scope.tableName) return `${key}: tableName`;
    if (name === 'RequestItems') return `${key}: ${plainExpression(inner, scope, true)}`;
    if (ITEM_MAPS.has(name)) return `${key}: ${itemExpression(inner, scope, isItemMember(name))}`;
    if (ITEM_MAP_LISTS.has(name) && Array.isArray(inner)) return `${key}: [${inner.map((v) => itemExpression(v, scope)).join(', ')}]`;
    if (VALUE_LISTS.has(name) && Array.isArray(inner)) return `${key}: [${inner.map((v) => attributeValueExpression(v, scope)).join(', ')}]`;
    return `${key}: ${plainExpression(inner, scope)}`;
  });
  return `{ ${members.join(', ')} }`;
}

interface Names {
  entityTypes: Map<string, string>;
  entityValues: Map<string, string>;
  patterns: string[];
}

function names(model: DesignModel): Names {
  const types = uniqueIdentifiers(model.entities.map((entity) => entity.name), (name) => pascalCase(name, 'Entity'));
  const values = uniqueIdentifiers(model.entities.map((entity) => entity.name), (name) => camelCase(name, 'entity'));
  const reserved = new Set(['pages', 'tableName', ...values.map((value) => `${value}Keys`)]);
  const patterns = uniqueIdentifiers(model.accessPatterns.map((pattern) => pattern.name), (name) => {
    const base = camelCase(name, 'pattern');
    return reserved.has(base) ? `${base}Pattern` : base;
  });
  return {
    entityTypes: new Map(model.entities.map((entity, i) => [entity.id, types[i] ?? 'Entity'])),
    entityValues: new Map(model.entities.map((entity, i) => [entity.id, values[i] ?? 'entity'])),
    patterns,
  };
}

function entityInterface(entity: Entity, typeName: string): string[] {
  const lines = [`export interface ${typeName} {`];
  if (entity.typeAttribute !== undefined && !entity.attributes.some((attribute) => attribute.name === entity.typeAttribute)) {
    lines.push(`  ${propertyKey(entity.typeAttribute)}: ${literal(entity.name)};`);
  }
  for (const attribute of entity.attributes) {
    lines.push(`  ${propertyKey(attribute.name)}${attribute.required ? '' : '?'}: ${NATIVE_TYPES[attribute.type]};`);
  }
  lines.push('}');
  return lines;
}

/** A key attribute's value from its template, in the key's type, as an expression over `values`. */
function keyExpression(key: KeyDefinition): string {
  const text = interpolation(key.template, (name) => `values[${literal(name)}]`);
  if (key.type === 'N') return `Number(${text})`;
  // A binary key holds the template's text as UTF-8 bytes, as the designer's sample items do.
  return key.type === 'B' ? `new TextEncoder().encode(${text})` : text;
}

const KEY_NATIVE_TYPES: Record<KeyDefinition['type'], string> = { S: 'string', N: 'number', B: 'Uint8Array' };

function keyBuilders(model: DesignModel, entity: Entity, valueName: string, typeName: string): string[] {
  const slots = [undefined, ...model.globalSecondaryIndexes, ...model.localSecondaryIndexes];
  const labels = uniqueIdentifiers(slots.map((slot) => slot?.name ?? 'table'), (label) => camelCase(label, 'index'));
  const definitions = keyDefinitions(model, entity);
  const builders = slots.flatMap((slot, position) => {
    const keys = definitions.filter((d) => d.index?.id === slot?.id);
    // A sparse index (no template) gets no builder.
    if (keys.length === 0) return [];
    const used = [...new Set(keys.flatMap((key) => textParts(key.template).flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []))))];
    const valuesType = used.length === 0 ? 'Record<string, never>' : `{ ${used.map((name) => `${propertyKey(name)}: string | number`).join('; ')} }`;
    const resultType = `{ ${keys.map((key) => `${literal(key.attribute)}: ${KEY_NATIVE_TYPES[key.type]}`).join('; ')} }`;
    const body = keys.map((key) => `${literal(key.attribute)}: ${keyExpression(key)}`).join(', ');
    return [`  ${labels[position] ?? 'index'}: (${used.length === 0 ? '_values' : 'values'}: ${valuesType}): ${resultType} => ({ ${body} }),`];
  });
  return [`/** Key builders for ${typeName} items, from its key templates. */`, `export const ${valueName}Keys = {`, ...builders, '};'];
}

function resultType(model: DesignModel, pattern: AccessPattern, entityTypes: Map<string, string>, request: Record<string, unknown>): string {
  const typeName = pattern.entity === undefined ? undefined : entityTypes.get(pattern.entity);
  if (typeName === undefined) return 'StoredItem';
  const index = [...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].find((candidate) => candidate.id === pattern.index);
  const partial = request.ProjectionExpression !== undefined || request.Select !== undefined || (index !== undefined && index.projection.type !== 'ALL');
  return partial ? `Partial<${typeName}> & StoredItem` : `${typeName} & StoredItem`;
}

const COMMANDS: Record<AccessPattern['operation'], string> = {
  GetItem: 'GetCommand',
  Query: 'QueryCommand',
  Scan: 'ScanCommand',
  BatchGetItem: 'BatchGetCommand',
  TransactGetItems: 'TransactGetCommand',
  PutItem: 'PutCommand',
  UpdateItem: 'UpdateCommand',
  DeleteItem: 'DeleteCommand',
  TransactWriteItems: 'TransactWriteCommand',
  BatchWriteItem: 'BatchWriteCommand',
  ExecuteStatement: 'ExecuteStatementCommand',
};

/** The type of what a single-item write's ReturnValues give back; undefined when they give nothing. */
function returnedType(returnValues: unknown, item: string): string | undefined {
  switch (returnValues) {
    case undefined:
    case 'NONE':
      return undefined;
    case 'ALL_NEW':
      return item;
    case 'ALL_OLD':
      return `(${item}) | undefined`;
    case 'UPDATED_OLD':
    case 'UPDATED_NEW':
      // Only the attributes the update named, and none when it named none.
      return `Partial<${item}> | undefined`;
    default:
      return 'StoredItem | undefined';
  }
}

/** Whether the request has a condition that can fail (ConditionExpression, ConditionCheck, legacy Expected). */
function hasCondition(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasCondition);
  if (!isRecord(node)) return false;
  return Object.entries(node).some(([key, value]) => key === 'ConditionExpression' || key === 'ConditionCheck' || key === 'Expected' || hasCondition(value));
}

/** `body` (lines of a function body) with a failed condition turned into ConditionalCheckFailed. */
function guarded(body: string[], pattern: AccessPattern, conditional: boolean): string[] {
  if (!conditional) return body;
  return ['  try {', ...body.map((line) => `  ${line}`), '  } catch (error) {', `    throw conditionFailure(error, ${literal(pattern.name)});`, '  }'];
}

interface PatternFunction {
  lines: string[];
  command: string;
  /** It throws ConditionalCheckFailed, so the module needs the class. */
  conditional: boolean;
}

function patternFunction(model: DesignModel, pattern: AccessPattern, functionName: string, entityTypes: Map<string, string>): PatternFunction | undefined {
  let request: Record<string, unknown>;
  try {
    request = requestTemplate(model, pattern);
  } catch {
    return undefined;
  }
  const optional = optionalParameters(model, pattern);
  const scope: Scope = { parameters: new Map(pattern.parameters.map((parameter) => [parameter.name, parameter])), optional, tableName: model.table.name };
  const paramsType =
    pattern.parameters.length === 0
      ? 'Record<string, never>'
      : `{ ${pattern.parameters.map((p) => `${propertyKey(p.name)}${optional.has(p.name) ? '?' : ''}: ${PARAMETER_TYPES[p.type]}`).join('; ')} }`;
  const conditional = hasCondition(request);
  const paramsName = pattern.parameters.length === 0 ? '_params' : 'params';
  const command = COMMANDS[pattern.operation];
  const input = plainExpression(request, scope);
  const item = resultType(model, pattern, entityTypes, request);
  const signature = (extra: string, returns: string): string =>
    `export async function ${functionName}(client: DynamoDBDocumentClient, ${paramsName}: ${paramsType}${extra}): Promise<${returns}> {`;
  const lines = [`/** Access pattern ${model.accessPatterns.indexOf(pattern) + 1}: ${pattern.operation}. */`];
  switch (pattern.operation) {
    case 'GetItem':
      lines.push(signature('', `${item} | undefined`), `  const output = await client.send(new GetCommand(${input}));`, `  return output.Item as (${item}) | undefined;`, '}');
      break;
    case 'Query':
    case 'Scan':
      lines.push(
        signature(', page: PageRequest = {}', `Page<${item}>`),
        `  const input = ${input};`,
        `  const output = await client.send(new ${command}({ ...input, ...pageInput(page) }));`,
        `  return { items: (output.Items ?? []) as (${item})[], ...(output.LastEvaluatedKey ? { lastEvaluatedKey: output.LastEvaluatedKey } : {}) };`,
        '}',
      );
      break;
    case 'ExecuteStatement':
      lines.push(
        signature(', page: { nextToken?: string; limit?: number } = {}', `{ items: (${item})[]; nextToken?: string }`),
        `  const input = ${input};`,
        '  const output = await client.send(new ExecuteStatementCommand({ ...input, ...(page.nextToken ? { NextToken: page.nextToken } : {}), ...(page.limit ? { Limit: page.limit } : {}) }));',
        `  return { items: (output.Items ?? []) as (${item})[], ...(output.NextToken ? { nextToken: output.NextToken } : {}) };`,
        '}',
      );
      break;
    case 'BatchGetItem':
      lines.push(
        signature('', 'StoredItem[]'),
        `  let requestItems: BatchGetCommandInput['RequestItems'] = (${input}).RequestItems;`,
        '  const items: StoredItem[] = [];',
        '  for (let attempt = 0; requestItems && Object.keys(requestItems).length > 0; attempt += 1) {',
        '    if (attempt > 0) await backoff(attempt);',
        '    const output: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: requestItems }));',
        '    for (const tableItems of Object.values(output.Responses ?? {})) items.push(...tableItems);',
        '    requestItems = output.UnprocessedKeys;',
        '  }',
        '  return items;',
        '}',
      );
      break;
    case 'BatchWriteItem':
      lines.push(
        signature('', 'void'),
        `  let requestItems: BatchWriteCommandInput['RequestItems'] = (${input}).RequestItems;`,
        '  for (let attempt = 0; requestItems && Object.keys(requestItems).length > 0; attempt += 1) {',
        '    if (attempt > 0) await backoff(attempt);',
        '    const output: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: requestItems }));',
        '    requestItems = output.UnprocessedItems;',
        '  }',
        '}',
      );
      break;
    case 'TransactGetItems':
      lines.push(
        signature('', '(StoredItem | undefined)[]'),
        `  const output = await client.send(new TransactGetCommand(${input}));`,
        '  return (output.Responses ?? []).map((response) => response.Item);',
        '}',
      );
      break;
    case 'TransactWriteItems':
      lines.push(signature('', 'void'), ...guarded([`  await client.send(new TransactWriteCommand(${input}));`], pattern, conditional), '}');
      break;
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem': {
      const returned = returnedType(request.ReturnValues, item);
      const body =
        returned === undefined
          ? [`  await client.send(new ${command}(${input}));`]
          : [`  const output = await client.send(new ${command}(${input}));`, `  return output.Attributes as ${returned};`];
      lines.push(signature('', returned ?? 'void'), ...guarded(body, pattern, conditional), '}');
      break;
    }
  }
  return { lines, command, conditional };
}

export function typescriptModule(model: DesignModel): string {
  const { entityTypes, entityValues, patterns } = names(model);
  const functions = model.accessPatterns.map((pattern, position) => patternFunction(model, pattern, patterns[position] ?? `pattern${position + 1}`, entityTypes));
  const commands = new Set(functions.flatMap((fn) => (fn === undefined ? [] : [fn.command])));
  const conditional = functions.some((fn) => fn?.conditional === true);
  const batch = commands.has('BatchGetCommand') || commands.has('BatchWriteCommand');
  const imports = [...commands].sort();
  if (commands.has('BatchGetCommand')) imports.push('type BatchGetCommandInput', 'type BatchGetCommandOutput');
  if (commands.has('BatchWriteCommand')) imports.push('type BatchWriteCommandInput', 'type BatchWriteCommandOutput');
  imports.push('type DynamoDBDocumentClient', 'type NativeAttributeValue');
  const lines = [
    '// Generated by Tablesmith: typed data access with @aws-sdk/lib-dynamodb. Create the client with',
    '// DynamoDBDocumentClient.from(new DynamoDBClient({})) and pass it to each function.',
    '// Writes return what their ReturnValues ask for: nothing without ReturnValues, the old item',
    '// (or undefined) for ALL_OLD, the new item for ALL_NEW. Attributes the entity does not require',
    '// are optional parameters; an item written without one lacks that attribute (and any index',
    '// key built from it). Creates are guarded with attribute_not_exists on the partition key.',
    ...(conditional
      ? [
          '// A write whose condition fails (an item that already exists, an update of one that does not,',
          '// a transaction cancelled by a condition) throws ConditionalCheckFailed, with DynamoDB\'s error as',
          '// its cause: `if (error instanceof ConditionalCheckFailed)` tells it from every other failure.',
        ]
      : []),
    `import { ${imports.join(', ')} } from '@aws-sdk/lib-dynamodb';`,
    '',
    `export const tableName = ${literal(model.table.name)};`,
    '',
    '/** An item as stored: the entity attributes plus its key attributes. */',
    'export type StoredItem = Record<string, NativeAttributeValue>;',
    '',
    'export interface Page<T> {',
    '  items: T[];',
    '  /** Pass back as `exclusiveStartKey` for the next page; absent on the last page. */',
    '  lastEvaluatedKey?: StoredItem;',
    '}',
    '',
    'export interface PageRequest {',
    '  exclusiveStartKey?: StoredItem;',
    '  limit?: number;',
    '}',
    '',
    'function pageInput(page: PageRequest): { ExclusiveStartKey?: StoredItem; Limit?: number } {',
    '  return { ...(page.exclusiveStartKey ? { ExclusiveStartKey: page.exclusiveStartKey } : {}), ...(page.limit ? { Limit: page.limit } : {}) };',
    '}',
    '',
    '/** Every page of a paginated read: `for await (const page of pages((page) => fn(client, params, page)))`. */',
    'export async function* pages<T>(read: (page: PageRequest) => Promise<Page<T>>, limit?: number): AsyncGenerator<T[]> {',
    '  let exclusiveStartKey: StoredItem | undefined;',
    '  do {',
    '    const page = await read({ ...(exclusiveStartKey ? { exclusiveStartKey } : {}), ...(limit ? { limit } : {}) });',
    '    yield page.items;',
    '    exclusiveStartKey = page.lastEvaluatedKey;',
    '  } while (exclusiveStartKey);',
    '}',
    '',
  ];
  if (conditional) {
    lines.push(
      '/** A write\'s condition did not hold; `cause` is DynamoDB\'s ConditionalCheckFailedException or TransactionCanceledException. */',
      'export class ConditionalCheckFailed extends Error {',
      '  override readonly name = "ConditionalCheckFailed";',
      '',
      '  constructor(',
      '    /** The access pattern whose condition failed. */',
      '    readonly pattern: string,',
      '    options: { cause: unknown },',
      '  ) {',
      '    super("The condition of the access pattern " + JSON.stringify(pattern) + " did not hold", options);',
      '  }',
      '}',
      '',
      'function conditionFailure(error: unknown, pattern: string): unknown {',
      '  if (!(error instanceof Error)) return error;',
      '  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];',
      '  const failed = error.name === "ConditionalCheckFailedException" || (error.name === "TransactionCanceledException" && reasons.some((reason) => reason.Code === "ConditionalCheckFailed"));',
      '  return failed ? new ConditionalCheckFailed(pattern, { cause: error }) : error;',
      '}',
      '',
    );
  }
  if (batch) {
    lines.push(
      '/** Exponential backoff with jitter before retrying unprocessed batch requests. */',
      'function backoff(attempt: number): Promise<void> {',
      '  const delay = Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2);',
      '  return new Promise((resolve) => setTimeout(resolve, delay));',
      '}',
      '',
    );
  }
  for (const entity of model.entities) {
    const typeName = entityTypes.get(entity.id) ?? 'Entity';
    lines.push(...entityInterface(entity, typeName), '', ...keyBuilders(model, entity, entityValues.get(entity.id) ?? 'entity', typeName), '');
  }
  functions.forEach((fn, position) => {
    // A pattern whose request cannot be built (the designer shows why) gets no function.
    if (fn === undefined) lines.push(`// Access pattern ${position + 1} is left out: its request is not valid in this design.`, '');
    else lines.push(...fn.lines, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
