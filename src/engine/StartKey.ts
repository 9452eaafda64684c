// ExclusiveStartKey checks for Query and Scan, in DynamoDB Local's words.
import type { Item } from './AttributeValue';
import { validationError } from './errors';
import { keyAttributeNames, keyScalar, keyTypeOf } from './KeySchema';
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
