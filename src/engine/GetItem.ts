import type { GetItemInput as SdkGetItemInput, GetItemOutput as SdkGetItemOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity, readUnits } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { checkKey } from './PrimaryKey';
import { compileRequest } from './RequestExpressions';
import type { Wire } from './wire';

export type GetItemInput = Wire<SdkGetItemInput>;
export type GetItemOutput = Wire<SdkGetItemOutput>;

export const NULL_KEY_MESSAGE = 'Cannot have null key for GetItem, DeleteItem, or UpdateItem';

export function GetItem(context: EngineContext, input: GetItemInput): GetItemOutput {
  const tableName = checkTableName(input.TableName);
  if (input.Key === undefined || input.Key === null) throw validationError(NULL_KEY_MESSAGE);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'INDEXES';
  const table = findTable(context, tableName);
  // DynamoDB Local compiles the expressions before it looks at the key.
  const expressions = compileRequest('GetItem', input, table.keySchema, table);
  const key = checkKey(table, validateItemValues(input.Key));
  const entry = table.get(key);
  const output: GetItemOutput = {};
  if (entry) output.Item = expressions.projection ? expressions.projection.apply(entry.item) : entry.item;
  const meter = new CapacityMeter(table.name);
  meter.addTable(readUnits(entry?.size ?? 0, input.ConsistentRead === true));
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  return output;
}
