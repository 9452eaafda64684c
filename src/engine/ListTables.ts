import type { ListTablesInput as SdkListTablesInput, ListTablesOutput as SdkListTablesOutput } from '@aws-sdk/client-dynamodb';
import { checkTableName, type EngineContext } from './EngineContext';
import { validationError } from './errors';
import type { Wire } from './wire';

export type ListTablesInput = Wire<SdkListTablesInput>;
export type ListTablesOutput = Wire<SdkListTablesOutput>;

const MAX_LIMIT = 100;

export function ListTables(context: EngineContext, input: ListTablesInput): ListTablesOutput {
  const limit = input.Limit ?? MAX_LIMIT;
  if (limit < 1) throw validationError('Limit must be greater than or equal to 1');
  if (limit > MAX_LIMIT) throw validationError('Limit in ListTables must be <= 100');
  // A JSON null is an absent member, as for every optional member of the protocol.
  const startName: unknown = input.ExclusiveStartTableName;
  const start = startName === undefined || startName === null ? undefined : checkTableName(startName, 'exclusiveStartTableName');
  const names = [...context.tables.keys()].sort().filter((name) => start === undefined || name > start);
  const page = names.slice(0, limit);
  const output: ListTablesOutput = { TableNames: page };
  if (names.length > limit) output.LastEvaluatedTableName = page[page.length - 1];
  return output;
}
