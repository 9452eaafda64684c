import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../AttributeValue';
import { DynamoDBError } from '../errors';
import { javaHashSetOrder } from '../JavaHashOrder';
import { applyUpdate, compileExpressions, evaluateCondition, matchesSortKey, type ExpressionInput } from './index';

const keys = { partitionKey: 'pk', sortKey: 'sk', attributeTypes: { pk: 'S', sk: 'N' } } as const;
const S = (S: string): AttributeValue => ({ S });
const N = (N: string): AttributeValue => ({ N });

function error(operation: Parameters<typeof compileExpressions>[0], input: ExpressionInput): string {
  try {
    compileExpressions(operation, input, keys);
  } catch (caught) {
    return (caught as Error).message;
  }
  return 'no error';
}

describe('compileExpressions', () => {
  it('compiles a key condition with the sort-key predicate mirrored when written backwards', () => {
    const { keyCondition } = compileExpressions(
      'Query',
      { KeyConditionExpression: ':lo < sk AND pk = :pk', ExpressionAttributeValues: { ':pk': S('a'), ':lo': N('10') } },
      keys,
    );
    expect(keyCondition?.partitionValue).toEqual(S('a'));
    expect(keyCondition?.sortKey?.condition).toEqual({ operator: '>', value: N('10') });
    expect(matchesSortKey(keyCondition!.sortKey!.condition, N('9.5'))).toBe(false);
    expect(matchesSortKey(keyCondition!.sortKey!.condition, N('10.5'))).toBe(true);
  });

  it('validates in DynamoDB Local’s order', () => {
    expect(error('UpdateItem', { UpdateExpression: 'SET a = :v', ConditionExpression: 'b = :v', Expected: { a: { Exists: false } } })).toBe(
      'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {UpdateExpression, ConditionExpression}',
    );
    expect(error('PutItem', { ExpressionAttributeValues: { ':v': N('1') } })).toBe(
      'ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null',
    );
    expect(error('Query', { KeyConditionExpression: 'pk = :v', ExpressionAttributeValues: { ':v': { N: 'x' } } })).toBe(
      'ExpressionAttributeValues contains invalid value: A value provided cannot be converted into a number for key :v',
    );
    expect(error('Query', { KeyConditionExpression: 'pk = :v x', FilterExpression: 'a = :w y', ExpressionAttributeValues: { ':v': S('1') } })).toBe(
      'Invalid FilterExpression: Syntax error; token: "y", near: ":w y"',
    );
    expect(error('Query', { KeyConditionExpression: 'pk = :v AND zz = :v', ExpressionAttributeValues: { ':v': S('1'), ':u': S('1') } })).toBe(
      'Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}',
    );
    expect(error('Query', { KeyConditionExpression: 'pk = :v AND zz = :v', ExpressionAttributeValues: { ':v': S('1') } })).toBe(
      'Query condition missed key schema element',
    );
    // Query refuses key attributes in a filter itself, after the start key (Query.ts).
    expect(error('Query', { KeyConditionExpression: 'pk = :v', FilterExpression: 'sk = :n', ExpressionAttributeValues: { ':v': S('1'), ':n': N('1') } })).toBe('no error');
    expect(error('Query', { KeyConditionExpression: 'pk = :v AND sk = :v', ExpressionAttributeValues: { ':v': S('1') } })).toBe(
      'One or more parameter values were invalid: Condition parameter type does not match schema type',
    );
    expect(error('Query', {})).toBe('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  });

  it('lists unused keys in Java HashSet order', () => {
    expect(javaHashSetOrder(['#z', '#b', '#a'])).toEqual(['#z', '#a', '#b']);
    expect(error('Scan', { FilterExpression: 'a = :v', ExpressionAttributeValues: { ':v': N('1') }, ExpressionAttributeNames: { '#z': 'b', '#b': 'c', '#a': 'x' } })).toBe(
      'Value provided in ExpressionAttributeNames unused in expressions: keys: {#z, #a, #b}',
    );
  });

  it('compiles legacy parameters to the same conditions and updates', () => {
    const compiled = compileExpressions(
      'Query',
      {
        KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [S('a')] }, sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('1'), N('5')] } },
        QueryFilter: { tag: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [S('x')] }, n: { ComparisonOperator: 'NULL' } },
        ConditionalOperator: 'OR',
        AttributesToGet: ['tag'],
      },
      keys,
    );
    expect(compiled.keyCondition?.sortKey?.condition).toEqual({ operator: 'BETWEEN', low: N('1'), high: N('5') });
    expect(evaluateCondition(compiled.filter!, { tag: S('abc'), n: N('1') })).toBe(true);
    expect(evaluateCondition(compiled.filter!, { tag: S('x'), n: N('1') })).toBe(false);
    expect(evaluateCondition(compiled.filter!, { n: N('1') })).toBe(false);
    expect(compiled.projection).toEqual([['tag']]);
  });

  it('treats an AttributeUpdates entry without Action as PUT, as the AWS API reference specifies', () => {
    // DynamoDB Local ignores such entries; the service applies them (Action "Default: PUT").
    const { update } = compileExpressions('UpdateItem', { AttributeUpdates: { fresh: { Value: N('1') } } }, keys);
    expect(applyUpdate(update!, { pk: S('a'), sk: N('1') })).toEqual({ pk: S('a'), sk: N('1'), fresh: N('1') });
  });

  it('rejects malformed legacy parameters with DynamoDB’s messages', () => {
    expect(error('PutItem', { Expected: { a: { Exists: true } } })).toBe(
      'One or more parameter values were invalid: Value must be provided when Exists is true for Attribute: a',
    );
    expect(error('Scan', { ScanFilter: { a: { ComparisonOperator: 'BETWEEN', AttributeValueList: [N('2'), N('1')] } } })).toBe(
      'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
    );
    expect(error('UpdateItem', { AttributeUpdates: { a: { Action: 'ADD', Value: S('x') } } })).toBe(
      'One or more parameter values were invalid: ADD action is not supported for the type STRING',
    );
    expect(error('Scan', { ScanFilter: { a: { ComparisonOperator: 'NULL' } }, ConditionalOperator: 'OR' })).toBe(
      'ConditionalOperator can only be used when Filter or Expected has two or more elements',
    );
  });
});

describe('bad input', () => {
  const operations = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan'] as const;
  const token = fc.constantFrom('a', '#n', ':v', 'size', '(', ')', '[', ']', '0', '.', ',', '=', '<>', '<', 'AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE', 'begins_with', 'contains', 'if_not_exists', 'list_append', '+', '-', ' ', '$', 'é');
  const expression = fc.array(token, { maxLength: 14 }).map((tokens) => tokens.join(' '));
  const anything = fc.anything({ maxDepth: 3 });

  it('only ever throws DynamoDBError, whatever the request holds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...operations),
        fc.record(
          {
            KeyConditionExpression: fc.oneof(expression, anything),
            FilterExpression: fc.oneof(expression, anything),
            ConditionExpression: fc.oneof(expression, anything),
            ProjectionExpression: fc.oneof(expression, anything),
            UpdateExpression: fc.oneof(expression, anything),
            ExpressionAttributeNames: fc.oneof(fc.constant({ '#n': 'a' }), anything),
            ExpressionAttributeValues: fc.oneof(fc.constant({ ':v': { N: '1' } }), anything),
            AttributesToGet: anything,
            KeyConditions: anything,
            QueryFilter: anything,
            ScanFilter: anything,
            Expected: anything,
            AttributeUpdates: anything,
            ConditionalOperator: anything,
          },
          { requiredKeys: [] },
        ),
        (operation, input) => {
          try {
            const compiled = compileExpressions(operation, input as ExpressionInput, keys);
            const item = { pk: S('a'), sk: N('1'), a: { L: [N('1'), { M: { b: S('x') } }] } };
            if (compiled.filter) evaluateCondition(compiled.filter, item);
            if (compiled.condition) evaluateCondition(compiled.condition, undefined);
            if (compiled.update) applyUpdate(compiled.update, item, ['pk', 'sk']);
          } catch (error) {
            expect(error).toBeInstanceOf(DynamoDBError);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
