// PartiQL's error texts, as DynamoDB Local words them.
import { validationError, type DynamoDBError } from '../errors';
import type { SourcePosition } from './Ast';

export function statementNotWellFormed(statement: string): DynamoDBError {
  return validationError(`Statement wasn't well formed, can't be processed: ${statement}`);
}

export function at(position: SourcePosition): string {
  return `at ${position.line}:${position.column}:${position.length}`;
}
