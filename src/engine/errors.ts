// DynamoDB's errors as they travel on the wire: `__type` is the namespaced exception name,
// `message` the text DynamoDB (Local) gives. Every engine failure is one of these, so the
// HTTP layer, the SDK handler and the UI all show DynamoDB's own words.

export const ERROR_NAMESPACE = 'com.amazonaws.dynamodb.v20120810#';

export type DynamoDBErrorName =
  | 'ValidationException'
  | 'ConditionalCheckFailedException'
  | 'ResourceNotFoundException'
  | 'ResourceInUseException'
  | 'LimitExceededException'
  | 'ItemCollectionSizeLimitExceededException'
  | 'ProvisionedThroughputExceededException'
  | 'RequestLimitExceeded'
  | 'TransactionCanceledException'
  | 'TransactionConflictException'
  | 'TransactionInProgressException'
  | 'IdempotentParameterMismatchException'
  | 'DuplicateItemException'
  | 'DuplicateItem'
  | 'InternalServerError'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'MissingAuthenticationTokenException'
  | 'TrimmedDataAccessException'
  | 'ExpiredIteratorException';

export class DynamoDBError extends Error {
  readonly status: number;
  /** Extra members of the error body (e.g. `Item`, `CancellationReasons`). */
  readonly extra: Record<string, unknown>;

  constructor(
    readonly errorName: DynamoDBErrorName,
    message: string,
    options: { status?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = errorName;
    this.status = options.status ?? (errorName === 'InternalServerError' ? 500 : 400);
    this.extra = options.extra ?? {};
  }

  toWire(): Record<string, unknown> {
    return { __type: ERROR_NAMESPACE + this.errorName, message: this.message, ...this.extra };
  }
}

export function validationError(message: string): DynamoDBError {
  return new DynamoDBError('ValidationException', message);
}
