import type { UpdateItemInput as SdkUpdateItemInput, UpdateItemOutput as SdkUpdateItemOutput } from '@aws-sdk/client-dynamodb';
import { attributeMapOf } from './AttributeMap';
import { validateItemValues } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { NULL_KEY_MESSAGE } from './GetItem';
import { checkItemKeys, checkKey } from './PrimaryKey';
import { checkExpressionParameters, compileRequest, conditionFailure } from './RequestExpressions';
import { itemCollectionMetrics, parseReturnValues, parseReturnValuesOnConditionCheckFailure } from './ReturnValues';
import { applyWrite, locate, meterWrite, prepareWrite } from './WriteItem';
import type { Wire } from './wire';

export type UpdateItemInput = Wire<SdkUpdateItemInput>;
export type UpdateItemOutput = Wire<SdkUpdateItemOutput>;

export function UpdateItem(context: EngineContext, input: UpdateItemInput): UpdateItemOutput {
  const tableName = checkTableName(input.TableName);
  if (input.Key === undefined || input.Key === null) throw validationError(NULL_KEY_MESSAGE);
  const returnValues = parseReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW']);
  const onFailure = parseReturnValuesOnConditionCheckFailure(input.ReturnValuesOnConditionCheckFailure);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'NONE';
  const table = findTable(context, tableName);
  checkExpressionParameters('UpdateItem', input);
  const key = checkKey(table, validateItemValues(input.Key));
  const expressions = compileRequest('UpdateItem', input, table.keySchema, table);
  const located = locate(table, key);
  const old = located.old?.item;
  if (expressions.condition && !expressions.condition(old)) throw conditionFailure(old, onFailure);
  const updated = expressions.update ? expressions.update(old, key) : { item: old ?? attributeMapOf(Object.entries(key)), updatedOld: () => ({}), updatedNew: () => ({}) };
  checkItemKeys(table, updated.item);
  const write = prepareWrite(table, key, updated.item, located, 'Item size to update has exceeded the maximum allowed size');
  const meter = new CapacityMeter(table.name);
  if (capacityMode !== 'NONE') meterWrite(write, meter);
  applyWrite(context, write);
  const output: UpdateItemOutput = {};
  const attributes =
    returnValues === 'ALL_OLD'
      ? old
      : returnValues === 'ALL_NEW'
        ? updated.item
        : returnValues === 'UPDATED_OLD'
          ? updated.updatedOld()
          : returnValues === 'UPDATED_NEW'
            ? updated.updatedNew()
            : undefined;
  if (attributes && Object.keys(attributes).length > 0) output.Attributes = attributes;
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, key, write.tokens.partition);
  if (metrics) output.ItemCollectionMetrics = metrics;
  return output;
}
