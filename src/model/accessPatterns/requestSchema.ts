// JSON Schema of a pattern's raw request per operation, for the request editor: it catches
// misspelt members and wrongly typed values as you type, before DynamoDB would.
import type { PatternOperation } from '../types';

/** A document member may be one `{{param}}` standing for the whole value (see ParameterType). */
const orParameter = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'string', pattern: '^\\{\\{[^{}]+\\}\\}$' }] });

const attributeValue = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  properties: {
    S: { type: 'string' },
    N: { type: 'string' },
    B: { type: 'string' },
    BOOL: { type: ['boolean', 'string'] },
    NULL: { const: true },
    M: orParameter({ type: 'object', additionalProperties: { $ref: '#/definitions/AttributeValue' } }),
    L: orParameter({ type: 'array', items: { $ref: '#/definitions/AttributeValue' } }),
    SS: orParameter({ type: 'array', items: { type: 'string' } }),
    NS: orParameter({ type: 'array', items: { type: 'string' } }),
    BS: orParameter({ type: 'array', items: { type: 'string' } }),
  },
  additionalProperties: false,
};

const ref = { $ref: '#/definitions/AttributeValue' };
const item = { type: 'object', additionalProperties: ref };
const text = { type: 'string' };
const names = { type: 'object', additionalProperties: { type: 'string' }, propertyNames: { pattern: '^#' } };
const values = { type: 'object', additionalProperties: ref, propertyNames: { pattern: '^:' } };
const consumed = { enum: ['INDEXES', 'TOTAL', 'NONE'] };
const returnValues = { enum: ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'] };
const limit = { oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\{\\{.+\\}\\}$' }] };
const expressionMembers = { ExpressionAttributeNames: names, ExpressionAttributeValues: values };
const conditional = { ConditionExpression: text, ...expressionMembers, ReturnValuesOnConditionCheckFailure: { enum: ['ALL_OLD', 'NONE'] } };

const read = {
  TableName: text,
  IndexName: text,
  FilterExpression: text,
  ProjectionExpression: text,
  ...expressionMembers,
  Limit: limit,
  ConsistentRead: { type: 'boolean' },
  Select: { enum: ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT'] },
  ReturnConsumedCapacity: consumed,
  ExclusiveStartKey: item,
};

const transactAction = (required: string[], extra: Record<string, unknown>) => ({
  type: 'object',
  required,
  properties: { TableName: text, ...extra },
  additionalProperties: false,
});

const properties: Record<PatternOperation, Record<string, unknown>> = {
  GetItem: { TableName: text, Key: item, ProjectionExpression: text, ExpressionAttributeNames: names, ConsistentRead: { type: 'boolean' }, ReturnConsumedCapacity: consumed },
  Query: { ...read, KeyConditionExpression: text, ScanIndexForward: { type: 'boolean' } },
  Scan: { ...read, Segment: { type: 'integer' }, TotalSegments: { type: 'integer' } },
  PutItem: { TableName: text, Item: item, ...conditional, ReturnValues: returnValues, ReturnConsumedCapacity: consumed, ReturnItemCollectionMetrics: { enum: ['SIZE', 'NONE'] } },
  UpdateItem: { TableName: text, Key: item, UpdateExpression: text, ...conditional, ReturnValues: returnValues, ReturnConsumedCapacity: consumed, ReturnItemCollectionMetrics: { enum: ['SIZE', 'NONE'] } },
  DeleteItem: { TableName: text, Key: item, ...conditional, ReturnValues: returnValues, ReturnConsumedCapacity: consumed, ReturnItemCollectionMetrics: { enum: ['SIZE', 'NONE'] } },
  BatchGetItem: {
    RequestItems: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['Keys'],
        properties: { Keys: { type: 'array', items: item, minItems: 1, maxItems: 100 }, ProjectionExpression: text, ExpressionAttributeNames: names, ConsistentRead: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
    ReturnConsumedCapacity: consumed,
  },
  BatchWriteItem: {
    RequestItems: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        maxItems: 25,
        items: {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          properties: {
            PutRequest: { type: 'object', required: ['Item'], properties: { Item: item }, additionalProperties: false },
            DeleteRequest: { type: 'object', required: ['Key'], properties: { Key: item }, additionalProperties: false },
          },
          additionalProperties: false,
        },
      },
    },
    ReturnConsumedCapacity: consumed,
    ReturnItemCollectionMetrics: { enum: ['SIZE', 'NONE'] },
  },
  TransactGetItems: {
    TransactItems: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { Get: transactAction(['Key'], { Key: item, ProjectionExpression: text, ExpressionAttributeNames: names }) },
        required: ['Get'],
        additionalProperties: false,
      },
    },
    ReturnConsumedCapacity: consumed,
  },
  TransactWriteItems: {
    TransactItems: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        properties: {
          Put: transactAction(['Item'], { Item: item, ...conditional }),
          Update: transactAction(['Key', 'UpdateExpression'], { Key: item, UpdateExpression: text, ...conditional }),
          Delete: transactAction(['Key'], { Key: item, ...conditional }),
          ConditionCheck: transactAction(['Key', 'ConditionExpression'], { Key: item, ...conditional }),
        },
        additionalProperties: false,
      },
    },
    ClientRequestToken: text,
    ReturnConsumedCapacity: consumed,
    ReturnItemCollectionMetrics: { enum: ['SIZE', 'NONE'] },
  },
  ExecuteStatement: {
    Statement: text,
    Parameters: { type: 'array', items: ref },
    ConsistentRead: { type: 'boolean' },
    Limit: limit,
    NextToken: text,
    ReturnConsumedCapacity: consumed,
  },
};

const required: Partial<Record<PatternOperation, string[]>> = {
  GetItem: ['Key'],
  Query: ['KeyConditionExpression'],
  PutItem: ['Item'],
  UpdateItem: ['Key'],
  DeleteItem: ['Key'],
  BatchGetItem: ['RequestItems'],
  BatchWriteItem: ['RequestItems'],
  TransactGetItems: ['TransactItems'],
  TransactWriteItems: ['TransactItems'],
  ExecuteStatement: ['Statement'],
};

/** The schema a raw request for `operation` must satisfy. */
export function requestSchema(operation: PatternOperation): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${operation} request`,
    type: 'object',
    properties: properties[operation],
    required: required[operation] ?? [],
    additionalProperties: false,
    definitions: { AttributeValue: attributeValue },
  };
}
