// ExclusiveStartKey checks for Query and Scan, in DynamoDB Local's words and order, and the
// start key's place among a table's or index's entries.
import type { AttributeValue, Item } from './AttributeValue';
import { DynamoDBError, validationError } from './errors';
import type { EntryKey } from './ItemCollection';
import { keyScalar, keyToken, keyTypeOf, partitionToken, type KeyAttribute } from './KeySchema';
import { hashAttributes, partsToken, rangeAttributes } from './MultiAttributeKey';
import { checkKeyConditionValues } from './PrimaryKey';
import type { ReadTarget } from './ReadPage';

const INVALID = 'The provided starting key is invalid';

/** The attributes a start key must hold: the table's key, then the index's own key attributes. */
function startKeyAttributes(target: ReadTarget): KeyAttribute[] {
  const table = target.table.keySchema;
  const index = target.index?.keySchema;
  const candidates = [table.hash, table.range, ...(index ? [...hashAttributes(index), ...rangeAttributes(index)] : [])];
  const attributes = new Map<string, KeyAttribute>();
  for (const attribute of candidates) if (attribute && !attributes.has(attribute.name)) attributes.set(attribute.name, attribute);
  return [...attributes.values()];
}

/**
 * DynamoDB Local refuses an empty key value in the words of a key condition (naming the index
 * for an index-only attribute) behind the start-key prefix, and adds the "one row" sentence for
 * a hash key, the table's or the index's.
 */
function checkNotEmpty(target: ReadTarget, attribute: KeyAttribute, value: AttributeValue): void {
  const table = target.table.keySchema;
  const ownedByTable = attribute.name === table.hash.name || attribute.name === table.range?.name;
  // Of a multi-attribute partition key, only the first attribute counts as the hash key here.
  const isHash = ownedByTable ? attribute.name === table.hash.name : attribute.name === target.index?.keySchema.hash.name;
  try {
    checkKeyConditionValues([value], attribute, ownedByTable ? undefined : target.index?.name);
  } catch (error) {
    if (!(error instanceof DynamoDBError)) throw error;
    const restart = isHash ? 'The query can return at most one row and cannot be restarted. ' : '';
    throw validationError(`${restart}${INVALID}: ${error.message}`);
  }
}

/**
 * DynamoDB Local checks the size first (an empty start key, or a GSI's of another size, is
 * merely "invalid"), then each attribute's presence and type, table key first, and only then
 * empty values, in the same order.
 */
export function checkStartKey(target: ReadTarget, key: Item): Item {
  const attributes = startKeyAttributes(target);
  const size = Object.keys(key).length;
  if (size === 0) throw validationError(INVALID);
  if (size !== attributes.length) {
    throw validationError(target.index?.kind === 'GSI' ? INVALID : "Exclusive Start Key must have same size as table's key schema");
  }
  for (const attribute of attributes) {
    const value = key[attribute.name];
    if (!value) throw validationError(INVALID);
    if (keyTypeOf(value) !== attribute.type || keyScalar(value, attribute.type) === undefined) {
      throw validationError('Type mismatch for attribute to update');
    }
  }
  for (const attribute of attributes) checkNotEmpty(target, attribute, key[attribute.name] as AttributeValue);
  return key;
}

/** Where a checked start key sits within its partition of the table or index. */
export function startEntryKey(target: ReadTarget, key: Item): EntryKey {
  const { range, multi } = target.keySchema;
  const table = target.table.keySchema;
  const index = target.index !== undefined;
  let sort = '';
  if (multi) sort = partsToken(key, multi.range) ?? '';
  else if (range) sort = keyToken(key[range.name] as AttributeValue, range.type);
  return {
    sort,
    tieHash: index ? partitionToken(key[table.hash.name] as AttributeValue, table.hash.type) : '',
    tieRange: index && table.range ? keyToken(key[table.range.name] as AttributeValue, table.range.type) : '',
    item: key,
  };
}
