import type { DeleteTableInput as SdkDeleteTableInput, DeleteTableOutput as SdkDeleteTableOutput } from '@aws-sdk/client-dynamodb';
import { checkTableName, findTable, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import { tableStreamDeleted } from './streams';
import { describeTable } from './TableDescription';
import type { Wire } from './wire';

export type DeleteTableInput = Wire<SdkDeleteTableInput>;
export type DeleteTableOutput = Wire<SdkDeleteTableOutput>;

export function DeleteTable(context: EngineContext, input: DeleteTableInput): DeleteTableOutput {
  const table = findTable(context, checkTableName(input.TableName));
  if (table.deletionProtection) {
    throw validationError(`Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.`);
  }
  const description = describeTable(context, table);
  context.tables.delete(table.name);
  tableStreamDeleted(context, table.name);
  return { TableDescription: description };
}
