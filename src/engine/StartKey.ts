// ExclusiveStartKey checks for Query and Scan, in DynamoDB Local's words, and the start key's
// place among a table's or index's entries.
import type { AttributeValue, Item } from './AttributeValue';
import { validationError } from './errors';
import type { EntryKey } from './ItemCollection';
import { keyAttributeNames, keyScalar, keyToken, keyTypeOf, partitionToken } from './KeySchema';
import type { ReadTarget } from './ReadPage';

export function checkStartKey(target: ReadTarget, key: Item): Item {
  const tableSchema = target.table.keySchema;
  const attributes = target.index
    ? [...new Map([tableSchema.hash, tableSchema.range, target.index.keySchema.hash, target.index.keySchema.range].filter((a) => a !== undefined).map((a) => [a.name, a])).values()]
    : [tableSchema.hash, ...(tableSchema.range ? [tableSchema.range] : [])];
  const count = Object.keys(key).length;
  if (!target.index && count !== keyAttributeNames(tableSchema).length) {
    throw validationError("Exclusive Start Key must have same size as table's key schema");
  }
  for (const attribute of attributes) {
    const value = key[attribute.name];
    if (!value || (target.index && count !== attributes.length)) throw validationError('The provided starting key is invalid');
    if (keyTypeOf(value) !== attribute.type || keyScalar(value, attribute.type) === undefined) {
      throw validationError('Type mismatch for attribute to update');
    }
  }
  return key;
}

/** Where a checked start key sits within its partition of the table or index. */
export function startEntryKey(target: ReadTarget, key: Item): EntryKey {
  const range = target.keySchema.range;
  const table = target.table.keySchema;
  const index = target.index !== undefined;
  return {
    sort: range ? keyToken(key[range.name] as AttributeValue, range.type) : '',
    tieHash: index ? partitionToken(key[table.hash.name] as AttributeValue, table.hash.type) : '',
    tieRange: index && table.range ? keyToken(key[table.range.name] as AttributeValue, table.range.type) : '',
    item: key,
  };
}
