import type { PutItemInput as SdkPutItemInput, PutItemOutput as SdkPutItemOutput } from '@aws-sdk/client-dynamodb';
import { validateItemValues } from './AttributeValue';
import { CapacityMeter, parseReturnConsumedCapacity } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { extractKey } from './KeySchema';
import { checkItemKeys } from './PrimaryKey';
import { checkExpressionParameters, compileRequest, conditionFailure } from './RequestExpressions';
import { itemCollectionMetrics, parseReturnValues, parseReturnValuesOnConditionCheckFailure } from './ReturnValues';
import { applyWrite, locate, meterWrite, prepareWrite } from './WriteItem';
import type { Wire } from './wire';

export type PutItemInput = Wire<SdkPutItemInput>;
export type PutItemOutput = Wire<SdkPutItemOutput>;

export function PutItem(context: EngineContext, input: PutItemInput): PutItemOutput {
  const tableName = checkTableName(input.TableName);
  const returnValues = parseReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const onFailure = parseReturnValuesOnConditionCheckFailure(input.ReturnValuesOnConditionCheckFailure);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'NONE';
  const table = findTable(context, tableName);
  if (input.Item === undefined || input.Item === null) throw validationError('Item to put in PutItem cannot be null');
  checkExpressionParameters('PutItem', input);
  const item = validateItemValues(input.Item);
  checkItemKeys(table, item);
  const expressions = compileRequest('PutItem', input, table.keySchema, table);
  const key = extractKey(item, table.keySchema);
  const located = locate(table, key);
  if (expressions.condition && !expressions.condition(located.old?.item)) throw conditionFailure(located.old?.item, onFailure);
  const write = prepareWrite(table, key, item, located);
  const meter = new CapacityMeter(table.name);
  if (capacityMode !== 'NONE') meterWrite(write, meter);
  applyWrite(context, write);
  const output: PutItemOutput = {};
  if (returnValues === 'ALL_OLD' && write.old) output.Attributes = write.old.item;
  const consumed = meter.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  const metrics = itemCollectionMetrics(table, input.ReturnItemCollectionMetrics, key, write.tokens.partition);
  if (metrics) output.ItemCollectionMetrics = metrics;
  return output;
}
