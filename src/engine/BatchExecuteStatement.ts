// BatchExecuteStatement: up to 25 single-item PartiQL statements, all reads or all writes,
// each answered on its own (an error in one does not stop the others).
import type {
  BatchExecuteStatementInput as SdkBatchExecuteStatementInput,
  BatchExecuteStatementOutput as SdkBatchExecuteStatementOutput,
} from '@aws-sdk/client-dynamodb';
import type { Item } from './AttributeValue';
import type { EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { GetItem } from './GetItem';
import { itemTokens } from './Table';
import type { ParsedStatement } from './partiql/Ast';
import { bindParameters, parseCached, runWrite, singleItemRead, writeRequest } from './partiql/Statements';
import type { Wire } from './wire';

export type BatchExecuteStatementInput = Wire<SdkBatchExecuteStatementInput>;
export type BatchExecuteStatementOutput = Wire<SdkBatchExecuteStatementOutput>;

const MAX_STATEMENTS = 25;

/** The Code a batch response gives for an error, as DynamoDB names them. */
export function batchErrorCode(error: DynamoDBError): string {
  switch (error.errorName) {
    case 'ValidationException':
      return 'ValidationError';
    case 'ResourceNotFoundException':
      return 'ResourceNotFound';
    case 'ConditionalCheckFailedException':
      return 'ConditionalCheckFailed';
    default:
      return error.errorName.replace(/Exception$/, '');
  }
}

type Response = NonNullable<BatchExecuteStatementOutput['Responses']>[number];

function errorResponse(error: unknown, tableName?: string): Response {
  if (!(error instanceof DynamoDBError)) throw error;
  const item = error.extra.Item as Item | undefined;
  return {
    Error: { Code: batchErrorCode(error) as never, Message: error.message, ...(item ? { Item: item } : {}) },
    ...(tableName ? { TableName: tableName } : {}),
  };
}

interface Entry {
  parsed?: ParsedStatement;
  error?: unknown;
  raw: NonNullable<BatchExecuteStatementInput['Statements']>[number];
}

export function BatchExecuteStatement(context: EngineContext, input: BatchExecuteStatementInput): BatchExecuteStatementOutput {
  const statements = input.Statements ?? [];
  if (statements.length === 0) throw validationError('The statement was empty.');
  const entries: Entry[] = statements.map((raw) => {
    try {
      return { raw, parsed: parseCached(raw.Statement) };
    } catch (error) {
      return { raw, error };
    }
  });
  const kinds = new Set(entries.flatMap((entry) => (entry.parsed ? [entry.parsed.statement.kind === 'select' ? 'read' : 'write'] : [])));
  if (kinds.size > 1) throw validationError('Read and write requests together in the same batch is not supported.');
  if (statements.length > MAX_STATEMENTS) {
    throw validationError(kinds.has('write') ? 'BatchWriteItem cannot write more than 25 items' : 'BatchGetItem cannot fetch more than 25 items');
  }
  return { Responses: kinds.has('write') ? writes(context, entries) : reads(context, entries) };
}

function reads(context: EngineContext, entries: Entry[]): Response[] {
  return entries.map((entry) => {
    if (!entry.parsed) return errorResponse(entry.error);
    let tableName: string | undefined;
    try {
      const builder = bindParameters(entry.parsed, entry.raw.Parameters);
      const statement = entry.parsed.statement;
      if (statement.kind !== 'select') throw validationError('Only single item select is supported');
      const read = singleItemRead(context, statement, builder);
      if (!read) throw validationError('Only single item select is supported');
      tableName = read.table.name;
      const { Item: item } = GetItem(context, {
        TableName: read.table.name,
        Key: read.key,
        ...(read.projection ? { ProjectionExpression: read.projection } : {}),
        ...builder.members(),
        ...(entry.raw.ConsistentRead !== undefined ? { ConsistentRead: entry.raw.ConsistentRead } : {}),
      } as Parameters<typeof GetItem>[1]);
      return { TableName: read.table.name, ...(item ? { Item: item as Item } : {}) };
    } catch (error) {
      return errorResponse(error, tableName);
    }
  });
}

function writes(context: EngineContext, entries: Entry[]): Response[] {
  // DynamoDB refuses the whole batch when two statements write one item.
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!entry.parsed) continue;
    try {
      const { request } = writeRequest(context, entry.parsed.statement, bindParameters(entry.parsed, entry.raw.Parameters));
      const table = context.tables.get(request.TableName as string);
      const key = (request.Key ?? request.Item) as Item;
      const tokens = table ? itemTokens(table.keySchema, key) : undefined;
      if (!tokens) continue;
      const identity = `${table?.name}\u0000${tokens.partition}\u0000${tokens.sort}`;
      if (seen.has(identity)) throw validationError('Provided list of item keys contains duplicates');
      seen.add(identity);
    } catch (error) {
      if (error instanceof DynamoDBError && error.message === 'Provided list of item keys contains duplicates') throw error;
    }
  }
  return entries.map((entry) => {
    if (!entry.parsed) return errorResponse(entry.error);
    const statement = entry.parsed.statement;
    const tableName = statement.kind === 'exists' ? statement.select.from.table : statement.kind === 'select' ? statement.from.table : statement.table;
    const known = context.tables.has(tableName) ? tableName : undefined;
    try {
      const returned = runWrite(context, statement, bindParameters(entry.parsed, entry.raw.Parameters), entry.raw.ReturnValuesOnConditionCheckFailure);
      return { TableName: tableName, ...(returned ? { Item: returned } : {}) };
    } catch (error) {
      return errorResponse(error, known);
    }
  });
}
