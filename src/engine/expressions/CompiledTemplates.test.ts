import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../AttributeValue';
import { applyUpdate, compileExpressions, evaluateCondition, type ExpressionInput } from './index';

const keys = { partitionKey: 'pk', sortKey: 'sk', attributeTypes: { pk: 'S', sk: 'N' } } as const;
const S = (S: string): AttributeValue => ({ S });
const N = (N: string): AttributeValue => ({ N });

function failure(input: ExpressionInput, operation: Parameters<typeof compileExpressions>[0] = 'Query'): string {
  try {
    compileExpressions(operation, input, keys);
  } catch (caught) {
    return (caught as Error).message;
  }
  return 'no error';
}

// The same expressions arrive with new values: every request must get its own values and its
// own errors, whether its compilation was reused or not.
describe('compiled expressions reused for new values', () => {
  it('binds each request’s values into the key condition, filter and update', () => {
    const query = (pk: string, low: string) =>
      compileExpressions(
        'Query',
        { KeyConditionExpression: 'pk = :pk AND sk > :low', FilterExpression: 'b = :pk', ExpressionAttributeValues: { ':pk': S(pk), ':low': N(low) } },
        keys,
      );
    const first = query('a', '1');
    const second = query('b', '2');
    expect(second.keyCondition).toEqual({ partitionKey: 'pk', partitionValue: S('b'), sortKey: { name: 'sk', condition: { operator: '>', value: N('2') } } });
    expect(first.keyCondition?.partitionValue).toEqual(S('a'));
    expect(evaluateCondition(second.filter!, { b: S('b') })).toBe(true);
    expect(evaluateCondition(first.filter!, { b: S('b') })).toBe(false);

    const update = (v: string) => compileExpressions('UpdateItem', { UpdateExpression: 'SET c = :v ADD n :one', ExpressionAttributeValues: { ':v': S(v), ':one': N('1') } }, keys);
    update('x');
    expect(applyUpdate(update('y').update!, { pk: S('k'), n: N('1') }, ['pk'])).toEqual({ pk: S('k'), n: N('2'), c: S('y') });
  });

  it('checks the new values’ types', () => {
    expect(failure({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': S('a') } })).toBe('no error');
    expect(failure({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': N('1') } })).toBe(
      'One or more parameter values were invalid: Condition parameter type does not match schema type',
    );
    expect(failure({ ConditionExpression: 'begins_with(a, :p)', ExpressionAttributeValues: { ':p': S('x') } }, 'PutItem')).toBe('no error');
    expect(failure({ ConditionExpression: 'begins_with(a, :p)', ExpressionAttributeValues: { ':p': N('1') } }, 'PutItem')).toBe(
      'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N',
    );
  });

  it('checks the new values themselves where DynamoDB compares them', () => {
    const between = (low: string, high: string) =>
      failure({ KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high', ExpressionAttributeValues: { ':pk': S('a'), ':low': N(low), ':high': N(high) } });
    expect(between('1', '2')).toBe('no error');
    expect(between('3', '2')).toBe(
      'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:3}, upper bound operand: AttributeValue: {N:2}',
    );
    const type = (name: string) => failure({ ConditionExpression: 'attribute_type(a, :t)', ExpressionAttributeValues: { ':t': S(name) } }, 'PutItem');
    expect(type('SS')).toBe('no error');
    expect(type('XX')).toMatch(/^Invalid ConditionExpression: Invalid attribute type name found; type: XX/);
    expect(failure({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 7 } as unknown as AttributeValue } })).toBe('no error');
    expect(failure({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { N: 'x' } } })).toMatch(/^ExpressionAttributeValues contains invalid value: /);
  });

  it('resolves each request’s names and reports its unused ones', () => {
    const filter = (names: Record<string, string>) =>
      compileExpressions('Scan', { FilterExpression: '#a = :v', ExpressionAttributeNames: names, ExpressionAttributeValues: { ':v': S('x') } }).filter!;
    expect(evaluateCondition(filter({ '#a': 'one' }), { one: S('x') })).toBe(true);
    expect(evaluateCondition(filter({ '#a': 'two' }), { one: S('x') })).toBe(false);
    expect(failure({ FilterExpression: '#a = :v', ExpressionAttributeNames: { '#a': 'one', '#b': 'two' }, ExpressionAttributeValues: { ':v': S('x') } }, 'Scan')).toBe(
      'Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}',
    );
  });

  it('binds a value object shared by two placeholders correctly', () => {
    const shared = S('same');
    compileExpressions('Scan', { FilterExpression: 'a = :x AND b = :y', ExpressionAttributeValues: { ':x': shared, ':y': shared } });
    const { filter } = compileExpressions('Scan', { FilterExpression: 'a = :x AND b = :y', ExpressionAttributeValues: { ':x': S('1'), ':y': S('2') } });
    expect(evaluateCondition(filter!, { a: S('1'), b: S('2') })).toBe(true);
  });
});
