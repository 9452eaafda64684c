import { describe, expect, it } from 'vitest';
import type { AccessPattern, DesignModel } from '../model/types';
import { codeShape } from './testing/codeSafety';
import { typeCheck } from './testing/compile';
import { HOSTILE_NAMES, hostileDesign } from './testing/designs';
import { typescriptModule } from './typescriptModule';

function hostilePatterns(model: DesignModel): AccessPattern[] {
  const [a = '', b = '', c = ''] = HOSTILE_NAMES;
  return [
    {
      id: 'p1',
      name: a,
      operation: 'GetItem',
      entity: 'customer',
      parameters: [{ name: 'customerId', type: 'S' }],
      request: { Key: { PK: { S: `${b}#{{customerId}}` }, SK: { S: c } } },
    },
    {
      id: 'p2',
      name: b,
      operation: 'Query',
      index: model.globalSecondaryIndexes[1]?.id,
      entity: 'order',
      parameters: [{ name: 'status', type: 'S' }, { name: 'min', type: 'N' }],
      request: {
        KeyConditionExpression: '#s = :s AND #t > :min',
        ExpressionAttributeNames: { '#s': 'status', '#t': 'total', '#x': c },
        ExpressionAttributeValues: { ':s': { S: '{{status}}' }, ':min': { N: '{{min}}' }, ':c': { S: a } },
        FilterExpression: 'attribute_not_exists(#x) OR #x <> :c',
      },
    },
    {
      id: 'p3',
      name: 'class',
      operation: 'TransactWriteItems',
      parameters: [{ name: 'customerId', type: 'S' }],
      request: { TransactItems: [{ Put: { Item: { PK: { S: 'C#{{customerId}}' }, SK: { S: 'PROFILE' }, [a]: { SS: [b, c] }, [c]: { M: { [b]: { L: [{ N: '1' }, { BOOL: true }, { NULL: true }] } } } } } }] },
    },
  ];
}

describe('TypeScript data-access module', () => {
  it('compiles under tsc --strict and keeps hostile names as data', () => {
    const model = hostileDesign();
    const code = typescriptModule({ ...model, accessPatterns: hostilePatterns(model) });
    expect(typeCheck({ 'hostile.ts': code })).toEqual([]);
    const shape = codeShape(code);
    expect(shape.syntaxErrors).toEqual([]);
    expect(shape.identifiers).not.toContain('process');
    expect(shape.identifiers).not.toContain('exit');
    for (const comment of shape.comments) for (const name of HOSTILE_NAMES) expect(comment).not.toContain(name);
  }, 120_000);
});
