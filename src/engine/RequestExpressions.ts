// The one seam between actions and the expression language: compiles a request's
// expressions once, then hands actions plain functions to call per item.
import { attributeMap } from './AttributeMap';
import type { Item } from './AttributeValue';
import { DynamoDBError } from './errors';
import {
  applyUpdate,
  compileExpressions,
  conditionPaths,
  evaluateCondition,
  keyUpdateError,
  projectItem,
  readPath,
  type DocumentPath,
  type ExpressionInput,
  type ExpressionOperation,
  type KeyCondition,
  type KeySchemaInput,
  type SortKeyCondition,
  type UpdateActions,
  updatedPaths,
} from './expressions';
import { keyAttributeNames, type KeyAttribute, type KeySchema } from './KeySchema';
import { checkKeyConditionValues } from './PrimaryKey';
import type { Table } from './Table';

export type { KeyCondition, SortKeyCondition, ExpressionOperation };
export { checkExpressionParameters } from './expressions';

export interface UpdateResult {
  item: Item;
  updatedOld(): Item;
  updatedNew(): Item;
}

export interface CompiledExpressions {
  keyCondition?: KeyCondition;
  filter?: (item: Item) => boolean;
  condition?: (item: Item | undefined) => boolean;
  projection?: { apply(item: Item): Item };
  /** Top-level attributes the filter and projection read (an LSI fetches missing ones). */
  referencedNames: string[];
  projectionNames: string[];
  filterNames: string[];
  update?: (item: Item | undefined, key: Item) => UpdateResult;
  /** Set when the update writes a key attribute, which `update` refuses once called. */
  keyUpdateError?: Error;
}

// Key schemas never change once made, and every request needs this view of one.
const keySchemaInputs = new WeakMap<KeySchema, KeySchemaInput>();

function keySchemaInput(schema: KeySchema, table: Table | undefined): KeySchemaInput {
  let input = keySchemaInputs.get(schema);
  if (!input) {
    const attributeTypes = attributeMap<'S' | 'N' | 'B'>();
    attributeTypes[schema.hash.name] = schema.hash.type;
    if (schema.range) attributeTypes[schema.range.name] = schema.range.type;
    input = { partitionKey: schema.hash.name, sortKey: schema.range?.name, attributeTypes };
    const attributes = schema.multi ? [...schema.multi.hash, ...schema.multi.range] : schema.range ? [schema.hash, schema.range] : [schema.hash];
    if (schema.multi) {
      for (const attribute of attributes) attributeTypes[attribute.name] = attribute.type;
      input.multi = { partitionKeys: schema.multi.hash.map(({ name }) => name), sortKeys: schema.multi.range.map(({ name }) => name) };
    }
    // Only Query and Scan address an index, and they name its table; each index has its own schema object.
    const indexName = table?.indexes.find((index) => index.keySchema === schema)?.name;
    input.checkValue = (name, value) => checkKeyConditionValues([value], attributes.find((attribute) => attribute.name === name) as KeyAttribute, indexName);
    keySchemaInputs.set(schema, input);
  }
  return input;
}

export function compileRequest(operation: ExpressionOperation, input: object, keySchema: KeySchema, table?: Table): CompiledExpressions {
  const expressions = compileExpressions(operation, input as ExpressionInput, keySchema && keySchemaInput(keySchema, table), table?.keyNames());
  const compiled: CompiledExpressions = { referencedNames: [], projectionNames: [], filterNames: [] };
  const referenced = new Set<string>();
  if (expressions.keyCondition) compiled.keyCondition = expressions.keyCondition;
  const { filter, condition, projection, update } = expressions;
  if (filter) {
    compiled.filterNames = conditionPaths(filter).map((path) => path[0]);
    for (const name of compiled.filterNames) referenced.add(name);
    compiled.filter = (item) => evaluateCondition(filter, item);
  }
  if (condition) compiled.condition = (item) => evaluateCondition(condition, item);
  if (projection) {
    compiled.projectionNames = projection.map((path) => path[0]);
    for (const name of compiled.projectionNames) referenced.add(name);
    compiled.projection = { apply: (item) => projectItem(projection, item) };
  }
  if (update) {
    const keyNames = keyAttributeNames(keySchema);
    compiled.update = (item, key) => updateResult(update, item, key, keyNames);
    compiled.keyUpdateError = keyUpdateError(update, keyNames);
  }
  compiled.referencedNames = [...referenced];
  return compiled;
}

function updateResult(actions: UpdateActions, old: Item | undefined, key: Item, keyNames: string[]): UpdateResult {
  const item = applyUpdate(actions, old ?? key, keyNames);
  const updated = updatedPaths(actions);
  // DynamoDB Local answers UPDATED_OLD/UPDATED_NEW with the whole top-level attribute of each
  // updated path that exists in that image (a removed or newly set nested path counts only
  // where it is).
  const changedIn = (image: Item): Item => {
    const names = [...new Set(updated.filter((path) => readPath(image, path) !== undefined).map((path) => path[0]))];
    return projectItem(names.map((name) => [name] as DocumentPath), image);
  };
  return {
    item,
    updatedOld: () => (old ? changedIn(old) : {}),
    updatedNew: () => changedIn(item),
  };
}

export function conditionFailure(old: Item | undefined, onFailure: 'NONE' | 'ALL_OLD'): DynamoDBError {
  return new DynamoDBError('ConditionalCheckFailedException', 'The conditional request failed', {
    extra: onFailure === 'ALL_OLD' && old ? { Item: old } : {},
  });
}
