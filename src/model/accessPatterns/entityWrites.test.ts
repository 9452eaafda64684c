import { describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../engine';
import { loadDesignEngine } from '../loadDesignEngine';
import { generateSampleItems } from '../sampleData';
import { ordersByStatusPattern, SHOP_IDS, shopDesign } from '../testing/shopDesign';
import type { AccessPattern, DesignModel, PatternOperation } from '../types';
import { buildRequest } from './buildRequest';
import { checkPattern } from './checkPattern';
import { optionalParameters, parameterType, updateTemplate } from './entityWrites';
import { syncParameters } from './placeholders';
import { exampleParameters } from './samples';
import { starterRequest } from './starter';

function starterPattern(model: DesignModel, entity: string, operation: PatternOperation, name = `New ${operation}`): AccessPattern {
  const request = starterRequest(model, entity, operation);
  const draft: AccessPattern = { id: `ap-${operation}`, name, operation, entity, parameters: [], request };
  return { ...draft, parameters: syncParameters(request, [], (n) => parameterType(model, draft, n)) };
}

/** The design's sample data in a fresh engine, and a way to run a pattern on it as the designer does. */
function designer(model: DesignModel) {
  const samples = generateSampleItems(model);
  const { engine } = loadDesignEngine(model, samples);
  const run = (pattern: AccessPattern, params = exampleParameters(model, pattern, samples)): DispatchResult => {
    const built = buildRequest(model, pattern, params);
    return engine.dispatch(built.operation, built.input);
  };
  return { samples, run };
}

const S = (text: string) => ({ S: text });

describe('writes built from the whole entity', () => {
  const model = shopDesign();

  it('puts every key the entity defines, every attribute in its own type and the type attribute, as a create', () => {
    expect(starterRequest(model, SHOP_IDS.order, 'PutItem')).toEqual({
      Item: {
        PK: S('CUSTOMER#{{customerId}}'),
        SK: S('ORDER#{{orderId}}'),
        GSI1PK: S('STATUS#{{status}}'),
        GSI1SK: S('ORDER#{{createdAt}}'),
        customerId: S('{{customerId}}'),
        orderId: S('{{orderId}}'),
        status: S('{{status}}'),
        createdAt: S('{{createdAt}}'),
        total: { N: '{{total}}' },
        giftWrap: { BOOL: '{{giftWrap}}' },
        couponCodes: { SS: '{{couponCodes}}' },
        shippingAddress: { M: '{{shippingAddress}}' },
        notes: { L: '{{notes}}' },
        entityType: S('order'),
      },
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'PK' },
    });
  });

  it('declares each placeholder with its attribute type, the optional ones usable without a value', () => {
    const create = starterPattern(model, SHOP_IDS.order, 'PutItem');
    expect(Object.fromEntries(create.parameters.map((p) => [p.name, p.type]))).toEqual({
      customerId: 'S',
      orderId: 'S',
      status: 'S',
      createdAt: 'S',
      total: 'N',
      giftWrap: 'BOOL',
      couponCodes: 'SS',
      shippingAddress: 'M',
      notes: 'L',
    });
    expect([...optionalParameters(model, create)].sort()).toEqual(['couponCodes', 'giftWrap', 'notes']);
    // An update names its attributes outside any item, so none of them may be left out.
    expect(optionalParameters(model, starterPattern(model, SHOP_IDS.order, 'UpdateItem')).size).toBe(0);
  });

  it.each(['PutItem', 'UpdateItem', 'BatchWriteItem', 'TransactWriteItems'] as const)('starts a %s the checks find no error in', (operation) => {
    const pattern = starterPattern(model, SHOP_IDS.order, operation);
    expect(checkPattern(model, pattern).filter((v) => v.level === 'error')).toEqual([]);
  });

  it('creates an order that "Orders by status" then returns, with typed attributes, and refuses to create it twice', () => {
    const shop = designer(model);
    const create = starterPattern(model, SHOP_IDS.order, 'PutItem', 'Create order');
    const params = exampleParameters(model, create, shop.samples);
    const existing = new Set(shop.samples.map((s) => JSON.stringify([s.item.PK, s.item.SK])));
    expect(existing.has(JSON.stringify([S(`CUSTOMER#${params.customerId}`), S(`ORDER#${params.orderId}`)]))).toBe(false);
    expect(shop.run(create, params).status).toBe(200);

    const byStatus = shop.run(ordersByStatusPattern(), { status: params.status ?? '' });
    const found = (byStatus.body.Items as Record<string, unknown>[]).find((item) => JSON.stringify(item.orderId) === JSON.stringify(S(params.orderId ?? '')));
    expect(found).toMatchObject({ GSI1PK: S(`STATUS#${params.status}`), GSI1SK: S(`ORDER#${params.createdAt}`), entityType: S('order') });
    expect(Object.keys(found?.shippingAddress as object)).toEqual(['M']);

    const again = shop.run(create, params);
    expect(again.body.__type).toContain('ConditionalCheckFailedException');
  });

  it('leaves an optional attribute out when it has no value, and refuses a document value that is not DynamoDB JSON', () => {
    const shop = designer(model);
    const create = starterPattern(model, SHOP_IDS.order, 'PutItem');
    const { giftWrap: _giftWrap, couponCodes: _couponCodes, notes: _notes, ...required } = exampleParameters(model, create, shop.samples);
    const item = buildRequest(model, create, { ...required, couponCodes: '["SPRING"]' }).input.Item as Record<string, unknown>;
    expect(item.couponCodes).toEqual({ SS: ['SPRING'] });
    expect('giftWrap' in item || 'notes' in item).toBe(false);
    expect(() => buildRequest(model, create, { ...required, shippingAddress: '{"street":"Main"}' })).toThrow('Parameter "shippingAddress" must be a map of DynamoDB JSON values');
    const { status: _status, ...withoutStatus } = required;
    expect(() => buildRequest(model, create, withoutStatus)).toThrow('Parameter "status" has no value');
  });

  it('updates an index key with the attribute its template reads, and only an existing item', () => {
    expect(updateTemplate(model, model.entities[1]!, ['status'])).toEqual({
      Key: { PK: S('CUSTOMER#{{customerId}}'), SK: S('ORDER#{{orderId}}') },
      UpdateExpression: 'SET #a0 = :a0, #a1 = :a1',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#pk': 'PK', '#a0': 'status', '#a1': 'GSI1PK' },
      ExpressionAttributeValues: { ':a0': S('{{status}}'), ':a1': S('STATUS#{{status}}') },
    });
    const shop = designer(model);
    const order = shop.samples.find((s) => s.entityId === SHOP_IDS.order && JSON.stringify(s.item.status) === JSON.stringify(S('PENDING')));
    const text = (name: string) => (order?.item[name] as { S: string }).S;
    const update: AccessPattern = {
      id: 'ap-ship',
      name: 'Ship an order',
      operation: 'UpdateItem',
      entity: SHOP_IDS.order,
      parameters: ['customerId', 'orderId', 'status'].map((name) => ({ name, type: 'S' as const })),
      request: updateTemplate(model, model.entities[1]!, ['status']),
    };
    expect(shop.run(update, { customerId: text('customerId'), orderId: text('orderId'), status: 'SHIPPED' }).status).toBe(200);
    const ids = (status: string) => (shop.run(ordersByStatusPattern(), { status }).body.Items as { orderId: { S: string } }[]).map((i) => i.orderId.S);
    expect(ids('SHIPPED')).toContain(text('orderId'));
    expect(ids('PENDING')).not.toContain(text('orderId'));
    expect(shop.run(update, { customerId: 'nobody', orderId: 'none', status: 'SHIPPED' }).body.__type).toContain('ConditionalCheckFailedException');
  });

  it('puts the same whole item in a batch and in a transaction', () => {
    const put = starterRequest(model, SHOP_IDS.orderItem, 'PutItem');
    const batch = starterRequest(model, SHOP_IDS.orderItem, 'BatchWriteItem') as { RequestItems: Record<string, { PutRequest: { Item: unknown } }[]> };
    const transact = starterRequest(model, SHOP_IDS.orderItem, 'TransactWriteItems') as { TransactItems: { Put: unknown }[] };
    expect(batch.RequestItems['{{table}}']?.[0]?.PutRequest.Item).toEqual(put.Item);
    expect(transact.TransactItems[0]?.Put).toEqual(put);
    expect(put.Item).toMatchObject({ GSI1PK: S('PRODUCT#{{productId}}'), GSI1SK: S('ORDER#{{orderId}}') });
  });

  it('writes a number key from its template as N and keeps hostile attribute names as attributes', () => {
    const numbered: DesignModel = {
      ...model,
      globalSecondaryIndexes: [{ ...model.globalSecondaryIndexes[0]!, sortKey: { name: 'GSI1SK', type: 'N' } }],
      entities: model.entities.map((e) =>
        e.id !== SHOP_IDS.order
          ? e
          : {
              ...e,
              keys: { ...e.keys, indexes: { [SHOP_IDS.gsi]: { partitionKey: 'STATUS#{{status}}', sortKey: '{{total}}' } } },
              attributes: [
                ...e.attributes,
                ...['__proto__', 'constructor', 'it\'s "`x`"', 'prénom'].map((name, i) => ({ id: `h${i}`, name, type: 'S' as const, required: true, generator: { kind: 'uuid' as const } })),
              ],
            },
      ),
    };
    const create = starterPattern(numbered, SHOP_IDS.order, 'PutItem');
    const item = create.request.Item as Record<string, unknown>;
    expect(item.GSI1SK).toEqual({ N: '{{total}}' });
    expect(Object.getOwnPropertyNames(item)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'it\'s "`x`"', 'prénom']));
    const params = Object.fromEntries(create.parameters.map((p) => [p.name, p.type === 'N' ? '12.5' : p.type === 'BOOL' ? 'true' : p.type === 'M' ? '{}' : p.type === 'L' || p.type === 'SS' ? '[]' : `v-${p.name}`]));
    const built = buildRequest(numbered, create, params).input.Item as Record<string, unknown>;
    expect(built.GSI1SK).toEqual({ N: '12.5' });
    expect(Object.getOwnPropertyDescriptor(built, '__proto__')?.value).toEqual(S('v-__proto__'));
    expect(built['prénom']).toEqual(S('v-prénom'));
  });
});
