import { describe, expect, it } from 'vitest';
import { shopDesign } from '../testing/shopDesign';
import type { AccessPattern } from '../types';
import { expressionSites, knownAttributeNames, reservedWordsUsed, undefinedNameRefs, unknownAttributes } from './attributeNames';

const model = shopDesign();

function pattern(operation: AccessPattern['operation'], request: Record<string, unknown>): AccessPattern {
  return { id: 'ap', name: 'Check', operation, parameters: [], request };
}

describe('knownAttributeNames', () => {
  it('holds every entity attribute and every key attribute of the table and its indexes', () => {
    const known = knownAttributeNames(model);
    for (const name of ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'status', 'customerId', 'quantity']) expect(known.has(name)).toBe(true);
    expect(known.has('stauts')).toBe(false);
  });

  it('holds the attributes of the items the user imported, which define names as much as entities do', () => {
    const imported = { ...model, items: [{ item: { PK: { S: 'LEGACY#1' }, SK: { S: 'X' }, legacyFlag: { BOOL: true } } }] };
    expect(knownAttributeNames(imported).has('legacyFlag')).toBe(true);
    expect(knownAttributeNames(model).has('legacyFlag')).toBe(false);
  });
});

describe('unknownAttributes', () => {
  it('finds a filter typo, resolved through ExpressionAttributeNames, with the name it most likely means', () => {
    const typo = pattern('Query', {
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: '#s = :s AND total > :t',
      ExpressionAttributeNames: { '#s': 'stauts' },
    });
    expect(unknownAttributes(model, typo)).toEqual([{ field: 'FilterExpression', name: 'stauts', suggestion: 'status' }]);
  });

  it('checks projections, conditions, updates and AttributesToGet, inside transactions and batch gets too', () => {
    const writes = pattern('TransactWriteItems', {
      TransactItems: [
        { Update: { Key: {}, UpdateExpression: 'SET totl = :t REMOVE giftWrap', ConditionExpression: 'attribute_exists(orderid)' } },
        { ConditionCheck: { Key: {}, ConditionExpression: '#q > :zero', ExpressionAttributeNames: { '#q': 'quantity' } } },
      ],
    });
    expect(unknownAttributes(model, writes)).toEqual([
      { field: 'TransactItems/0/Update/ConditionExpression', name: 'orderid', suggestion: 'orderId' },
      { field: 'TransactItems/0/Update/UpdateExpression', name: 'totl', suggestion: 'total' },
    ]);
    const reads = pattern('BatchGetItem', { RequestItems: { '{{table}}': { Keys: [], ProjectionExpression: 'title, prize' } } });
    expect(unknownAttributes(model, reads)).toEqual([{ field: 'RequestItems/{{table}}/ProjectionExpression', name: 'prize', suggestion: 'price' }]);
    const legacy = pattern('Scan', { AttributesToGet: ['title', 'zzzzzz'] });
    expect(unknownAttributes(model, legacy)).toEqual([{ field: 'AttributesToGet', name: 'zzzzzz' }]);
  });

  it('takes any string as an attribute name, prototype names included', () => {
    const odd = pattern('Scan', {
      ProjectionExpression: '#a, #b, #c',
      ExpressionAttributeNames: { '#a': 'constructor', '#b': '__proto__', '#c': 'naïve "quoted"\nname' },
    });
    expect(unknownAttributes(model, odd).map((u) => u.name)).toEqual(['constructor', '__proto__', 'naïve "quoted"\nname']);
  });
});

describe('undefinedNameRefs and reservedWordsUsed', () => {
  it('finds #refs that ExpressionAttributeNames lacks, and bare reserved words, but not function names', () => {
    const request = pattern('Query', {
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: '#st = :s AND size(couponCodes) > :n AND status <> :x',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    expect(undefinedNameRefs(request)).toEqual([{ field: 'FilterExpression', ref: '#st' }]);
    expect(reservedWordsUsed(request)).toEqual([{ field: 'FilterExpression', word: 'status' }]);
    expect(expressionSites(request.request).map((site) => site.field)).toEqual(['FilterExpression']);
  });
});
