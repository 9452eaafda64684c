// TransactWriteItems: up to 100 Put/Update/Delete/ConditionCheck actions applied all or
// none. Every action is validated and located first, then every condition is checked, and
// only if all pass are the writes applied (through the same path as single-item writes, so
// indexes, streams and capacity behave alike). Capacity is twice the single-item cost:
// DynamoDB reads/writes each item once to prepare and once to commit.
import type {
  TransactWriteItemsInput as SdkTransactWriteItemsInput,
  TransactWriteItemsOutput as SdkTransactWriteItemsOutput,
} from '@aws-sdk/client-dynamodb';
import { attributeMap, attributeMapOf } from './AttributeMap';
import { itemSize, validateItemValues, type Item } from './AttributeValue';
import { parseReturnConsumedCapacity, readUnits } from './ConsumedCapacity';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { extractKey } from './KeySchema';
import { checkItemKeys, checkKey } from './PrimaryKey';
import { compileRequest, type CompiledExpressions } from './RequestExpressions';
import { itemCollectionMetrics, parseReturnValuesOnConditionCheckFailure } from './ReturnValues';
import type { Table } from './Table';
import {
  checkItemCount,
  ItemIdentities,
  MAX_TRANSACTION_PAYLOAD_BYTES,
  TransactionMeters,
  transactionCanceled,
  type CancellationReason,
} from './Transactions';
import { applyWrite, locate, meterWrite, prepareWrite, type PreparedWrite } from './WriteItem';
import type { Wire } from './wire';

export type TransactWriteItemsInput = Wire<SdkTransactWriteItemsInput>;
export type TransactWriteItemsOutput = Wire<SdkTransactWriteItemsOutput>;

type ActionKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
const ACTION_KINDS: readonly ActionKind[] = ['ConditionCheck', 'Put', 'Delete', 'Update'];

/** ClientRequestToken makes a transaction idempotent for 10 minutes of engine time. */
export const IDEMPOTENCY_WINDOW_SECONDS = 10 * 60;

interface RawAction {
  TableName?: unknown;
  Item?: unknown;
  Key?: unknown;
  ConditionExpression?: string;
  UpdateExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, never>;
  ReturnValuesOnConditionCheckFailure?: unknown;
}

interface PreparedAction {
  kind: ActionKind;
  table: Table;
  key: Item;
  /** Put's item. */
  item?: Item;
  expressions: CompiledExpressions;
  onFailure: 'NONE' | 'ALL_OLD';
  /** A key error DynamoDB reports as this action's ValidationError cancellation reason. */
  keyError?: string;
}

interface IdempotencyRecord {
  fingerprint: string;
  at: number;
  output: TransactWriteItemsOutput;
}

const idempotency = new WeakMap<EngineContext, Map<string, IdempotencyRecord>>();

// Key type mismatches are reported per action, as cancellation reasons, by DynamoDB.
function isKeyTypeError(error: unknown): error is DynamoDBError {
  return error instanceof DynamoDBError && error.message === 'One or more parameter values were invalid: Type mismatch for key';
}

function actionOf(element: unknown): { kind: ActionKind; action: RawAction } {
  const present = ACTION_KINDS.filter((kind) => (element as Record<string, unknown> | null)?.[kind] != null);
  if (present.length === 0) throw validationError('Invalid Request: TransactWriteRequest should contain Delete or Put or Update request');
  if (present.length > 1) throw validationError('TransactItems can only contain one of Check, Put, Update or Delete');
  const kind = present[0] as ActionKind;
  return { kind, action: (element as Record<ActionKind, RawAction>)[kind] };
}

function prepareAction(context: EngineContext, kind: ActionKind, action: RawAction, position: number): PreparedAction {
  const table = findTable(context, checkTableName(action.TableName));
  const onFailure = parseReturnValuesOnConditionCheckFailure(action.ReturnValuesOnConditionCheckFailure);
  if (kind === 'ConditionCheck' && (action.ConditionExpression === undefined || action.ConditionExpression === null)) {
    throw validationError(
      `Value null at 'transactItems.${position}.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null`,
    );
  }
  if (kind === 'Put') {
    if (action.Item === undefined || action.Item === null) throw validationError('Item to put in PutItem cannot be null');
    const item = validateItemValues(action.Item);
    const expressions = compileRequest('PutItem', action, table.keySchema, table);
    try {
      checkItemKeys(table, item);
    } catch (error) {
      if (!isKeyTypeError(error)) throw error;
      return { kind, table, key: extractKey(item, table.keySchema), item, expressions, onFailure, keyError: error.message };
    }
    return { kind, table, key: extractKey(item, table.keySchema), item, expressions, onFailure };
  }
  if (action.Key === undefined || action.Key === null) throw validationError('Cannot have null key for GetItem, DeleteItem, or UpdateItem');
  const rawKey = validateItemValues(action.Key);
  const operation = kind === 'Update' ? 'UpdateItem' : 'DeleteItem';
  // DynamoDB Local skips the key-scalar check on a ConditionCheck's expression.
  const expressions = compileRequest(operation, action, table.keySchema, kind === 'ConditionCheck' ? undefined : table);
  try {
    return { kind, table, key: checkKey(table, rawKey), expressions, onFailure };
  } catch (error) {
    if (!isKeyTypeError(error)) throw error;
    return { kind, table, key: rawKey, expressions, onFailure, keyError: error.message };
  }
}

interface Evaluated {
  action: PreparedAction;
  write?: PreparedWrite;
  /** Size of the item a ConditionCheck read. */
  readBytes: number;
}

function evaluate(action: PreparedAction): { reason: CancellationReason; evaluated?: Evaluated } {
  if (action.keyError !== undefined) return { reason: { Code: 'ValidationError', Message: action.keyError } };
  const located = locate(action.table, action.key);
  const old = located.old?.item;
  if (action.expressions.condition && !action.expressions.condition(old)) {
    return {
      reason: {
        ...(action.onFailure === 'ALL_OLD' && old ? { Item: old } : {}),
        Code: 'ConditionalCheckFailed',
        // DynamoDB words a failed ConditionCheck with a final period, the other actions without.
        Message: action.kind === 'ConditionCheck' ? 'The conditional request failed.' : 'The conditional request failed',
      },
    };
  }
  let next: Item | undefined;
  switch (action.kind) {
    case 'ConditionCheck':
      return { reason: { Code: 'None' }, evaluated: { action, readBytes: located.old?.size ?? 0 } };
    case 'Put':
      next = action.item;
      break;
    case 'Update':
      // Writing a key attribute cancels the transaction; other update errors fail the request.
      if (action.expressions.keyUpdateError) return { reason: { Code: 'ValidationError', Message: action.expressions.keyUpdateError.message } };
      next = action.expressions.update ? action.expressions.update(old, action.key).item : (old ?? attributeMapOf(Object.entries(action.key)));
      checkItemKeys(action.table, next);
      break;
    case 'Delete':
      next = undefined;
      break;
  }
  return { reason: { Code: 'None' }, evaluated: { action, write: prepareWrite(action.table, action.key, next, located), readBytes: 0 } };
}

function fingerprintOf(input: TransactWriteItemsInput): string {
  return JSON.stringify(input.TransactItems);
}

export function TransactWriteItems(context: EngineContext, input: TransactWriteItemsInput): TransactWriteItemsOutput {
  const elements = input.TransactItems;
  if (elements === undefined || elements === null) {
    throw validationError("Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
  }
  if (elements.length === 0) {
    throw validationError("Value [] at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }
  checkItemCount(elements.length);
  const token = input.ClientRequestToken;
  if (token !== undefined && token !== null && token.length > 36) {
    throw validationError(`Value ${token} at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36`);
  }
  const capacityMode = parseReturnConsumedCapacity(input.ReturnConsumedCapacity);
  const now = context.now();
  let tokens = idempotency.get(context);
  if (!tokens) idempotency.set(context, (tokens = new Map()));
  for (const [key, record] of tokens) if (now - record.at > IDEMPOTENCY_WINDOW_SECONDS) tokens.delete(key);
  const remembered = token ? tokens.get(token) : undefined;
  if (remembered) {
    if (remembered.fingerprint !== fingerprintOf(input)) throw new DynamoDBError('IdempotentParameterMismatchException', '');
    return remembered.output;
  }

  const prepared: PreparedAction[] = [];
  let payload = 0;
  elements.forEach((element, i) => {
    const { kind, action } = actionOf(element);
    const next = prepareAction(context, kind, action, i + 1);
    if (next.item) {
      payload += itemSize(next.item);
      if (payload > MAX_TRANSACTION_PAYLOAD_BYTES) {
        throw validationError(`Transaction payload size cannot exceed 4MB. Payload Size: ${payload}`);
      }
    }
    prepared.push(next);
  });

  // DynamoDB notices two actions on one item in two steps: before checking conditions, any
  // action on an item an earlier Put/Update/Delete touched; after them, any pair at all.
  const written = new ItemIdentities();
  for (const action of prepared) {
    if (action.keyError !== undefined) continue;
    written.check(action.table, action.key);
    if (action.kind !== 'ConditionCheck') written.add(action.table, action.key);
  }
  const outcomes = prepared.map(evaluate);
  if (outcomes.some((outcome) => outcome.reason.Code !== 'None')) throw transactionCanceled(outcomes.map((outcome) => outcome.reason));
  const identities = new ItemIdentities();
  for (const action of prepared) identities.add(action.table, action.key);

  const meters = new TransactionMeters();
  const metrics = attributeMap<unknown[]>();
  for (const { evaluated } of outcomes) {
    if (!evaluated) continue;
    const { action, write } = evaluated;
    const meter = meters.for(action.table.name);
    if (!write) {
      meter.addTable(2 * readUnits(evaluated.readBytes, true));
      continue;
    }
    meterWrite(write, meter);
    // Deleting an absent item touches nothing to commit, so it is charged once.
    if (write.old || write.next) meterWrite(write, meter);
    const collection = itemCollectionMetrics(action.table, input.ReturnItemCollectionMetrics, action.key, write.tokens.partition);
    if (collection) (metrics[action.table.name] ??= []).push(collection);
  }
  for (const { evaluated } of outcomes) {
    const write = evaluated?.write;
    if (write && (write.old || write.next)) applyWrite(context, write);
  }

  const output: TransactWriteItemsOutput = {};
  // DynamoDB Local answers a ReturnConsumedCapacity outside the enum with an empty report.
  const consumed = capacityMode === undefined ? [] : meters.report(capacityMode);
  if (consumed) output.ConsumedCapacity = consumed;
  if (Object.keys(metrics).length > 0) output.ItemCollectionMetrics = metrics as TransactWriteItemsOutput['ItemCollectionMetrics'];
  if (token) tokens.set(token, { fingerprint: fingerprintOf(input), at: now, output });
  return output;
}
