// ExecuteTransaction: up to 100 PartiQL statements run as one TransactGetItems (all SELECTs)
// or one TransactWriteItems (INSERT, UPDATE, DELETE and EXISTS condition checks).
import type {
  ExecuteTransactionInput as SdkExecuteTransactionInput,
  ExecuteTransactionOutput as SdkExecuteTransactionOutput,
} from '@aws-sdk/client-dynamodb';
import type { EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { DUPLICATE_ITEM_MESSAGE, bindParameters, parseCached, singleItemRead, writeRequest } from './partiql/Statements';
import { TransactGetItems } from './TransactGetItems';
import { checkItemCount, transactionCanceled, type CancellationReason } from './Transactions';
import { TransactWriteItems } from './TransactWriteItems';
import type { Wire } from './wire';

export type ExecuteTransactionInput = Wire<SdkExecuteTransactionInput>;
export type ExecuteTransactionOutput = Wire<SdkExecuteTransactionOutput>;

function inStatement(position: number, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof DynamoDBError && error.errorName === 'ValidationException' && !error.message.startsWith("Statement wasn't")) {
      throw validationError(`Validation failed in TransactStatements[${position}]: ${error.message}`);
    }
    if (error instanceof DynamoDBError && error.errorName === 'ResourceNotFoundException') {
      throw new DynamoDBError('ResourceNotFoundException', 'Requested resource not found');
    }
    throw error;
  }
}

export function ExecuteTransaction(context: EngineContext, input: ExecuteTransactionInput): ExecuteTransactionOutput {
  const statements = input.TransactStatements ?? [];
  if (statements.length === 0) throw validationError('ExecutePartiQLTransaction can not have empty statement.');
  checkItemCount(statements.length);
  const parsed = statements.map((raw) => ({ raw, parsed: parseCached(raw.Statement) }));
  const reads = parsed.filter((entry) => entry.parsed.statement.kind === 'select').length;
  if (reads > 0 && reads < parsed.length) {
    throw validationError('ExecuteTransaction API does not support both read and write operations in the same request.');
  }
  if (reads > 0) {
    const TransactItems = parsed.map(({ raw, parsed: statement }, i) => {
      let get: Record<string, unknown> = {};
      inStatement(i, () => {
        const builder = bindParameters(statement, raw.Parameters);
        const read = statement.statement.kind === 'select' ? singleItemRead(context, statement.statement, builder) : undefined;
        if (!read) throw validationError('Select statements within ExecuteTransaction must specify the primary key in the where clause.');
        get = { TableName: read.table.name, Key: read.key, ...(read.projection ? { ProjectionExpression: read.projection } : {}), ...builder.members() };
      });
      return { Get: get };
    });
    const output = TransactGetItems(context, { TransactItems } as Parameters<typeof TransactGetItems>[1]);
    return { Responses: output.Responses ?? [] };
  }
  const kinds: string[] = [];
  const TransactItems = parsed.map(({ raw, parsed: statement }, i) => {
    let action: Record<string, unknown> = {};
    inStatement(i, () => {
      const { kind, request } = writeRequest(context, statement.statement, bindParameters(statement, raw.Parameters), raw.ReturnValuesOnConditionCheckFailure);
      kinds.push(statement.statement.kind);
      action = { [kind]: request };
    });
    return action;
  });
  try {
    TransactWriteItems(context, {
      TransactItems,
      ...(input.ClientRequestToken !== undefined ? { ClientRequestToken: input.ClientRequestToken } : {}),
    } as Parameters<typeof TransactWriteItems>[1]);
  } catch (error) {
    if (!(error instanceof DynamoDBError)) throw error;
    if (error.errorName === 'IdempotentParameterMismatchException') {
      throw new DynamoDBError('IdempotentParameterMismatchException', 'Specified idempotent token was used with different request parameters within the idempotency window');
    }
    const reasons = error.extra.CancellationReasons as CancellationReason[] | undefined;
    if (error.errorName !== 'TransactionCanceledException' || !reasons) throw error;
    // An INSERT whose key exists fails as a duplicate, not as a condition.
    throw transactionCanceled(
      reasons.map((reason, i) =>
        kinds[i] === 'insert' && reason.Code === 'ConditionalCheckFailed' ? { Code: 'ValidationError', Message: DUPLICATE_ITEM_MESSAGE } : reason,
      ),
    );
  }
  return { Responses: [] };
}
