// Checks of primary keys in requests and of key attributes in items, with DynamoDB Local's
// words and precedence.
import type { AttributeValue, Item } from './AttributeValue';
import { validationError } from './errors';
import { keyScalar, keyTypeOf, keyValueBytes, type KeyAttribute, type KeySchema } from './KeySchema';
import type { Table } from './Table';

const MAX_HASH_BYTES = 2048;
const MAX_RANGE_BYTES = 1024;
const KEY_SIZE_MESSAGE = 'Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes';

function emptyKeyMessage(type: string): string {
  return type === 'B' ? 'binary' : 'string';
}

function emptyTableKey(attribute: KeyAttribute): Error {
  return validationError(
    `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${emptyKeyMessage(attribute.type)} value. Key: ${attribute.name}`,
  );
}

function emptyIndexKey(attribute: KeyAttribute, indexName: string): Error {
  return validationError(
    `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${emptyKeyMessage(attribute.type)} value. IndexName: ${indexName}, IndexKey: ${attribute.name}`,
  );
}

/** A Query's key condition may not compare a key with an empty string or binary. */
export function checkKeyConditionValues(values: readonly AttributeValue[], attribute: KeyAttribute, indexName: string | undefined): void {
  for (const value of values) {
    if (keyScalar(value, attribute.type) === '') throw indexName === undefined ? emptyTableKey(attribute) : emptyIndexKey(attribute, indexName);
  }
}

function checkKeyAttribute(value: AttributeValue | undefined, attribute: KeyAttribute): AttributeValue {
  if (!value) throw validationError('One of the required keys was not given a value');
  checkScalar(value);
  if (keyTypeOf(value) !== attribute.type) throw validationError('One or more parameter values were invalid: Type mismatch for key');
  if (keyScalar(value, attribute.type) === '') throw emptyTableKey(attribute);
  return value;
}

// DynamoDB Local words a key value that is not S, N or B differently from a wrong scalar type.
function checkScalar(value: AttributeValue): void {
  const type = keyTypeOf(value);
  if (type !== 'S' && type !== 'N' && type !== 'B') throw validationError('Invalid attribute value type');
}

function checkKeySizes(item: Item, schema: KeySchema): void {
  const hash = item[schema.hash.name] as AttributeValue;
  if (keyValueBytes(hash, schema.hash.type) > MAX_HASH_BYTES) throw validationError(KEY_SIZE_MESSAGE);
  if (schema.range) {
    const range = item[schema.range.name] as AttributeValue;
    if (keyValueBytes(range, schema.range.type) > MAX_RANGE_BYTES) throw validationError(KEY_SIZE_MESSAGE);
  }
}

/** A request's Key (GetItem, DeleteItem, UpdateItem, batches): exactly the table's key attributes. */
export function checkKey(table: Table, key: Item): Item {
  const schema = table.keySchema;
  const expected = schema.range ? 2 : 1;
  let count = 0;
  for (const _ in key) count++;
  if (count !== expected) throw validationError('The number of conditions on the keys is invalid');
  checkKeyAttribute(key[schema.hash.name], schema.hash);
  if (schema.range) checkKeyAttribute(key[schema.range.name], schema.range);
  checkKeySizes(key, schema);
  return key;
}

/** An item to store: table key attributes present and well typed, index keys well typed. */
export function checkItemKeys(table: Table, item: Item): void {
  const schema = table.keySchema;
  checkKeyAttribute(item[schema.hash.name], schema.hash);
  if (schema.range) checkKeyAttribute(item[schema.range.name], schema.range);
  checkKeySizes(item, schema);
  for (const index of table.indexes) {
    const { hash, range, multi } = index.keySchema;
    const attributes = multi ? [...multi.hash, ...multi.range] : range ? [hash, range] : [hash];
    for (const attribute of attributes) {
      const value = item[attribute.name];
      if (!value) continue;
      checkScalar(value);
      if (keyTypeOf(value) !== attribute.type) throw validationError('One or more parameter values were invalid: Type mismatch for Index Key');
      if (keyScalar(value, attribute.type) === '') throw emptyIndexKey(attribute, index.name);
      const limit = (multi ? multi.hash.includes(attribute) : attribute === hash) ? MAX_HASH_BYTES : MAX_RANGE_BYTES;
      if (keyValueBytes(value, attribute.type) > limit) throw validationError('One or more parameter values were invalid: Size limit exceeded');
    }
  }
}
