import { describe, expect, it } from 'vitest';
import { createEngine } from './index';
import { IDEMPOTENCY_WINDOW_SECONDS } from './TransactWriteItems';

function setup() {
  let clock = Date.UTC(2026, 0, 1);
  const engine = createEngine({ clock: () => clock });
  engine.CreateTable({
    TableName: 'Counters',
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  });
  const increment = (token: string, id = 'c') =>
    engine.TransactWriteItems({
      ClientRequestToken: token,
      TransactItems: [{ Update: { TableName: 'Counters', Key: { id: { S: id } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
    });
  const count = (id = 'c') => engine.GetItem({ TableName: 'Counters', Key: { id: { S: id } } }).Item?.n;
  return { engine, increment, count, advance: (seconds: number) => (clock += seconds * 1000) };
}

describe('TransactWriteItems idempotency', () => {
  it('replays a token for 10 minutes of engine time without writing again, then treats it as new', () => {
    const { increment, count, advance } = setup();
    increment('t1');
    advance(IDEMPOTENCY_WINDOW_SECONDS - 1);
    increment('t1');
    expect(count()).toEqual({ N: '1' });
    advance(2);
    increment('t1');
    expect(count()).toEqual({ N: '2' });
  });

  it('refuses a different request under a token still in its window', () => {
    const { increment } = setup();
    increment('t2');
    expect(() => increment('t2', 'other')).toThrowError(expect.objectContaining({ errorName: 'IdempotentParameterMismatchException' }));
  });

  it('writes nothing when any action is cancelled', () => {
    const { engine, count } = setup();
    expect(() =>
      engine.TransactWriteItems({
        TransactItems: [
          { Put: { TableName: 'Counters', Item: { id: { S: 'c' }, n: { N: '5' } } } },
          { ConditionCheck: { TableName: 'Counters', Key: { id: { S: 'missing' } }, ConditionExpression: 'attribute_exists(id)' } },
        ],
      }),
    ).toThrowError('Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]');
    expect(count()).toBeUndefined();
  });
});
