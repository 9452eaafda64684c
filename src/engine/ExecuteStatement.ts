// ExecuteStatement: one PartiQL statement (SELECT, INSERT, UPDATE, DELETE).
import type { ExecuteStatementInput as SdkExecuteStatementInput, ExecuteStatementOutput as SdkExecuteStatementOutput } from '@aws-sdk/client-dynamodb';
import type { EngineContext } from './EngineContext';
import { validationError } from './errors';
import { bindParameters, parseCached, runSelect, runWrite } from './partiql/Statements';
import type { Wire } from './wire';

export type ExecuteStatementInput = Wire<SdkExecuteStatementInput>;
export type ExecuteStatementOutput = Wire<SdkExecuteStatementOutput>;

export function ExecuteStatement(context: EngineContext, input: ExecuteStatementInput): ExecuteStatementOutput {
  const parsed = parseCached(input.Statement);
  if (input.Limit !== undefined && (typeof input.Limit !== 'number' || input.Limit < 1)) {
    throw validationError(`1 validation error detected: Value '${String(input.Limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  const builder = bindParameters(parsed, input.Parameters);
  const { statement } = parsed;
  if (statement.kind === 'select') {
    return runSelect(context, statement, builder, { limit: input.Limit, nextToken: input.NextToken, consistentRead: input.ConsistentRead });
  }
  if (statement.kind === 'exists') throw validationError('EXISTS can only be used in ExecuteTransaction write requests.');
  const returned = runWrite(context, statement, builder, input.ReturnValuesOnConditionCheckFailure);
  return { Items: returned ? [returned] : [] };
}
