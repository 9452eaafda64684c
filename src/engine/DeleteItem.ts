import type { DeleteItemInput as SdkDeleteItemInput, DeleteItemOutput as SdkDeleteItemOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { NULL_KEY_MESSAGE } from './GetItem';
import { checkKey } from './PrimaryKey';
import { checkExpressionParameters, compileRequest, conditionFailure } from './RequestExpressions';
import { itemCollectionMetrics, parseReturnValues, parseReturnValuesOnConditionCheckFailure } from './ReturnValues';
import { applyWrite, locate, meterWrite, prepareWrite } from './WriteItem';
import type { Wire } from './wire';

export type DeleteItemInput = Wire<SdkDeleteItemInput>;
export type DeleteItemOutput = Wire<SdkDeleteItemOutput>;

export function DeleteItem(context: EngineContext, input: DeleteItemInput): DeleteItemOutput {
  const tableName = checkTableName(input.TableName);
  if (input.Key === undefined || input.Key === null) throw validationError(NULL_KEY_MESSAGE);
  const returnValues = parseReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const onFailure = parseReturnValuesOnConditionCheckFailure(input.ReturnValuesOnConditionCheckFailure);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'NONE';
  const table = findTable(context, tableName);
  checkExpressionParameters('DeleteItem', input);
  const key = checkKey(table, validateItemValues(input.Key));
  const expressions = compileRequest('DeleteItem', input, table.keySchema, table);
  const located = locate(table, key);
  if (expressions.condition && !expressions.condition(located.old?.item)) throw conditionFailure(located.old?.item, onFailure);
  const write = prepareWrite(table, key, undefined, located);
  const meter = new CapacityMeter(table.name);
  if (capacityMode !== 'NONE') meterWrite(write, meter);
  if (write.old) applyWrite(context, write);
  const output: DeleteItemOutput = {};
  if (returnValues === 'ALL_OLD' && write.old) output.Attributes = write.old.item;
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, key, write.tokens.partition);
  if (metrics) output.ItemCollectionMetrics = metrics;
  return output;
}
