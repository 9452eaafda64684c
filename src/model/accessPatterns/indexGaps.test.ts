import { describe, expect, it } from 'vitest';
import { SHOP_IDS, shopDesign } from '../testing/shopDesign';
import type { AccessPattern, DesignModel } from '../types';
import { indexGaps } from './indexGaps';

const orderKey = { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}' } };
const orderFields = { orderId: { S: '{{orderId}}' }, status: { S: '{{status}}' }, createdAt: { S: '{{createdAt}}' } };
const orderIndexKeys = { GSI1PK: { S: 'STATUS#{{status}}' }, GSI1SK: { S: 'ORDER#{{createdAt}}' } };

function write(operation: AccessPattern['operation'], request: Record<string, unknown>, entity?: string): AccessPattern {
  return { id: 'ap-write', name: 'Create order', operation, ...(entity ? { entity } : {}), parameters: [], request };
}

function gapsOf(model: DesignModel, pattern: AccessPattern) {
  return indexGaps(model, pattern).map((gap) => ({ field: gap.field, entity: gap.entity.name, index: gap.index, missing: gap.missing, readers: gap.readers.map((r) => r.name) }));
}

describe('indexGaps', () => {
  it('flags a PutItem whose Item lacks the GSI keys a read pattern queries, naming the readers', () => {
    const put = write('PutItem', { Item: { ...orderKey, ...orderFields } }, SHOP_IDS.order);
    expect(gapsOf(shopDesign(), put)).toEqual([{ field: 'Item', entity: 'order', index: 'GSI1', missing: ['GSI1PK', 'GSI1SK'], readers: ['Orders by status'] }]);
  });

  it('names only the key attributes that are missing, and nothing when all are set', () => {
    const half = write('PutItem', { Item: { ...orderKey, ...orderFields, GSI1PK: orderIndexKeys.GSI1PK } }, SHOP_IDS.order);
    expect(gapsOf(shopDesign(), half).map((gap) => gap.missing)).toEqual([['GSI1SK']]);
    const whole = write('PutItem', { Item: { ...orderKey, ...orderFields, ...orderIndexKeys } }, SHOP_IDS.order);
    expect(gapsOf(shopDesign(), whole)).toEqual([]);
  });

  it('finds the entity from the item key when the pattern names none, in batches and transactions', () => {
    const batch = write('BatchWriteItem', { RequestItems: { '{{table}}': [{ PutRequest: { Item: { ...orderKey, ...orderFields } } }] } });
    expect(gapsOf(shopDesign(), batch).map((gap) => [gap.field, gap.entity])).toEqual([['RequestItems/{{table}}/0/PutRequest/Item', 'order']]);
    const transaction = write('TransactWriteItems', {
      TransactItems: [{ ConditionCheck: { Key: orderKey } }, { Put: { Item: { ...orderKey, ...orderFields } } }],
    });
    expect(gapsOf(shopDesign(), transaction).map((gap) => gap.field)).toEqual(['TransactItems/1/Put/Item']);
  });

  it('stays quiet when no read pattern queries the index for that entity', () => {
    const unread = shopDesign();
    unread.accessPatterns = unread.accessPatterns.filter((p) => p.id !== SHOP_IDS.ordersByStatus);
    expect(gapsOf(unread, write('PutItem', { Item: { ...orderKey, ...orderFields } }, SHOP_IDS.order))).toEqual([]);
    const otherEntity = shopDesign();
    const reader = otherEntity.accessPatterns.find((p) => p.id === SHOP_IDS.ordersByStatus);
    if (reader) reader.entity = SHOP_IDS.customer;
    expect(gapsOf(otherEntity, write('PutItem', { Item: { ...orderKey, ...orderFields } }, SHOP_IDS.order))).toEqual([]);
  });

  it('leaves products alone: they have no GSI1 templates, so being absent from GSI1 is their design', () => {
    const product = write('PutItem', { Item: { PK: { S: 'PRODUCT#{{productId}}' }, SK: { S: 'PRODUCT' }, title: { S: 'x' } } });
    expect(gapsOf(shopDesign(), product)).toEqual([]);
  });
});

describe('indexGaps of updates', () => {
  const update = (expression: string, names?: Record<string, string>) =>
    write('UpdateItem', { Key: orderKey, UpdateExpression: expression, ...(names ? { ExpressionAttributeNames: names } : {}) }, SHOP_IDS.order);

  it('flags an update that REMOVEs an index key, by name or through ExpressionAttributeNames', () => {
    expect(indexGaps(shopDesign(), update('SET total = :t REMOVE GSI1SK, giftWrap')).map((gap) => [gap.how, gap.field, gap.missing])).toEqual([
      ['removed', 'UpdateExpression', ['GSI1SK']],
    ]);
    expect(indexGaps(shopDesign(), update('REMOVE #pk ADD total :one', { '#pk': 'GSI1PK' })).map((gap) => gap.missing)).toEqual([['GSI1PK']]);
  });

  it('leaves alone updates that only SET or remove other attributes, and sees transaction updates', () => {
    expect(indexGaps(shopDesign(), update('SET GSI1PK = :p, GSI1SK = :s REMOVE giftWrap'))).toEqual([]);
    const transaction = write('TransactWriteItems', { TransactItems: [{ Update: { Key: orderKey, UpdateExpression: 'REMOVE GSI1PK' } }] });
    expect(indexGaps(shopDesign(), transaction).map((gap) => gap.field)).toEqual(['TransactItems/0/Update/UpdateExpression']);
  });
});
