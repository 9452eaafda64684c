// TransactGetItems: up to 100 strongly consistent reads taken as one snapshot, charged
// twice a consistent read per item.
import type {
  TransactGetItemsInput as SdkTransactGetItemsInput,
  TransactGetItemsOutput as SdkTransactGetItemsOutput,
} from '@aws-sdk/client-dynamodb';
import { itemSize, validateItemValues, type Item } from './AttributeValue';
import { parseReturnConsumedCapacity, readUnits } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { checkKey } from './PrimaryKey';
import { compileRequest } from './RequestExpressions';
import { checkItemCount, ItemIdentities, TransactionMeters } from './Transactions';
import type { Wire } from './wire';

export type TransactGetItemsInput = Wire<SdkTransactGetItemsInput>;
export type TransactGetItemsOutput = Wire<SdkTransactGetItemsOutput>;

const NULL_ITEMS = "Value null at 'transactItems' failed to satisfy constraint: Member must not be null";

/** The returned items may add up to 4 MB. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
// DynamoDB Local counts 4 bytes for every response, an empty one for a missing item included,
// plus the size of the item returned, and reports the running total where it first passes the limit.
const RESPONSE_BYTES_PER_ITEM = 4;

export function TransactGetItems(context: EngineContext, input: TransactGetItemsInput): TransactGetItemsOutput {
  const elements = input.TransactItems;
  if (elements === undefined || elements === null || elements.length === 0) throw validationError(NULL_ITEMS);
  checkItemCount(elements.length);
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity) ?? 'INDEXES';
  const identities = new ItemIdentities();
  const reads = elements.map((element) => {
    const get = element?.Get;
    if (get === undefined || get === null) throw validationError(NULL_ITEMS);
    const table = findTable(context, checkTableName(get.TableName));
    if (get.Key === undefined || get.Key === null) throw validationError('Cannot have null key for GetItem, DeleteItem, or UpdateItem');
    let key: Item;
    try {
      key = checkKey(table, validateItemValues(get.Key));
    } catch (error) {
      // DynamoDB cancels the transaction for a bad key, without per-item reasons.
      if (error instanceof DynamoDBError && error.errorName === 'ValidationException') {
        throw new DynamoDBError('TransactionCanceledException', error.message);
      }
      throw error;
    }
    const expressions = compileRequest('GetItem', get, table.keySchema, table);
    identities.add(table, key);
    return { table, key, expressions };
  });
  const meters = new TransactionMeters();
  let responseBytes = 0;
  const responses = reads.map(({ table, key, expressions }) => {
    const entry = table.get(key);
    meters.for(table.name).addTable(2 * readUnits(entry?.size ?? 0, true));
    const item = entry && (expressions.projection ? expressions.projection.apply(entry.item) : entry.item);
    responseBytes += RESPONSE_BYTES_PER_ITEM + (item ? itemSize(item) : 0);
    if (responseBytes > MAX_RESPONSE_BYTES) throw validationError(`Payload in response is too large.${responseBytes}`);
    return item ? { Item: item } : {};
  });
  const output: TransactGetItemsOutput = {};
  const consumed = meters.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  output.Responses = responses;
  return output;
}
