import { describe, expect, it } from 'vitest';
import { parameterType } from '../model/accessPatterns/entityWrites';
import { syncParameters } from '../model/accessPatterns/placeholders';
import { starterRequest } from '../model/accessPatterns/starter';
import { SHOP_IDS, shopDesign } from '../model/testing/shopDesign';
import type { AccessPattern, DesignModel, PatternOperation } from '../model/types';
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

/** A pattern as the designer starts it for an entity, parameters typed from its attributes. */
function starterPattern(model: DesignModel, entity: string, operation: PatternOperation, name: string, extra: Record<string, unknown> = {}): AccessPattern {
  const request = { ...starterRequest(model, entity, operation), ...extra };
  const draft: AccessPattern = { id: `ap-${name}`, name, operation, entity, parameters: [], request };
  return { ...draft, parameters: syncParameters(request, [], (n) => parameterType(model, draft, n)) };
}

function shopWithWrites(): DesignModel {
  const model = shopDesign();
  return {
    ...model,
    accessPatterns: [
      ...model.accessPatterns,
      starterPattern(model, SHOP_IDS.order, 'PutItem', 'Create order'),
      starterPattern(model, SHOP_IDS.order, 'UpdateItem', 'Update order', { ReturnValues: 'ALL_NEW' }),
      starterPattern(model, SHOP_IDS.order, 'DeleteItem', 'Delete order', { ReturnValues: 'ALL_OLD' }),
      starterPattern(model, SHOP_IDS.product, 'UpdateItem', 'Reprice product', { ReturnValues: 'UPDATED_NEW' }),
      starterPattern(model, SHOP_IDS.orderItem, 'TransactWriteItems', 'Add order item'),
    ],
  };
}

/** Code that uses the shop module as an application would; it compiles only if the types are right. */
const SHOP_CONSUMER = `
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailed, createOrder, deleteOrder, ordersByStatus, repriceProduct, updateOrder, type Order, type Product } from './shop';

export async function use(client: DynamoDBDocumentClient): Promise<void> {
  const order = { customerId: 'c1', orderId: 'o1', status: 'PAID', createdAt: '2024-01-01', total: 12.5, shippingAddress: { street: 'Main' } };
  const created: void = await createOrder(client, order);
  void created;
  await createOrder(client, { ...order, giftWrap: true, couponCodes: new Set(['SPRING']), notes: ['ring twice'] });
  // @ts-expect-error status is required
  await createOrder(client, { customerId: 'c1', orderId: 'o1', createdAt: '2024-01-01', total: 1, shippingAddress: {} });
  // @ts-expect-error a string set is a Set, not a string
  await createOrder(client, { ...order, couponCodes: 'SPRING' });
  const updated: Order = await updateOrder(client, { ...order, status: 'SHIPPED' });
  // @ts-expect-error an update sets no optional attribute unless the pattern says so
  await updateOrder(client, { ...order, giftWrap: true });
  const deleted: Order | undefined = await deleteOrder(client, order);
  // @ts-expect-error ALL_OLD may find no item
  const surely: Order = await deleteOrder(client, order);
  const repriced: Partial<Product> | undefined = await repriceProduct(client, { productId: 'p1', title: 't', price: 3, inStock: true, categories: new Set(['TOYS']) });
  const page = await ordersByStatus(client, { status: 'PAID' });
  const sizes: (Set<string> | undefined)[] = page.items.map((item) => item.couponCodes);
  try {
    await createOrder(client, order);
  } catch (error) {
    if (error instanceof ConditionalCheckFailed) console.log(error.pattern, error.cause, updated, deleted, surely, repriced, sizes);
  }
}
`;

describe('TypeScript data-access module', () => {
  it('types writes by their ReturnValues, optional attributes as optional, and creates as guarded', () => {
    const code = typescriptModule(shopWithWrites());
    expect(typeCheck({ 'shop.ts': code, 'consumer.ts': SHOP_CONSUMER })).toEqual([]);
    const createOrder = code.slice(code.indexOf('export async function createOrder('), code.indexOf('export async function updateOrder('));
    expect(createOrder).toContain('giftWrap?: boolean; couponCodes?: Set<string>; shippingAddress: Record<string, NativeAttributeValue>; notes?: NativeAttributeValue[] }): Promise<void>');
    expect(createOrder).toContain('"GSI1PK": ("STATUS#" + String(params["status"])), "GSI1SK": ("ORDER#" + String(params["createdAt"]))');
    expect(createOrder).toContain('...(params["giftWrap"] !== undefined ? { "giftWrap": params["giftWrap"] } : {})');
    expect(createOrder).toContain('"ConditionExpression": "attribute_not_exists(#pk)"');
    expect(createOrder).toContain('throw conditionFailure(error, "Create order")');
    expect(createOrder).not.toContain('Attributes');
    // The key builders and the writes render templates alike.
    expect(code).toContain('"GSI1PK": ("STATUS#" + String(values["status"])), "GSI1SK": ("ORDER#" + String(values["createdAt"]))');
  }, 120_000);

  it('leaves the condition helpers out of a module whose writes have no condition', () => {
    const model = shopDesign();
    const code = typescriptModule({ ...model, accessPatterns: [starterPattern(model, SHOP_IDS.order, 'BatchWriteItem', 'Import orders')] });
    expect(code).not.toContain('ConditionalCheckFailed');
    expect(code).toContain('"GSI1PK": ("STATUS#" + String(params["status"]))');
  });

  it('compiles under tsc --strict and keeps hostile names as data', () => {
    const model = hostileDesign();
    const hostileWrites = (['PutItem', 'UpdateItem'] as const).flatMap((operation) =>
      model.entities.map((entity, i) => starterPattern(model, entity.id, operation, HOSTILE_NAMES[(i + 3) % HOSTILE_NAMES.length] ?? operation)),
    );
    const code = typescriptModule({ ...model, accessPatterns: [...hostilePatterns(model), ...hostileWrites] });
    expect(typeCheck({ 'hostile.ts': code })).toEqual([]);
    const shape = codeShape(code);
    expect(shape.syntaxErrors).toEqual([]);
    expect(shape.identifiers).not.toContain('process');
    expect(shape.identifiers).not.toContain('exit');
    for (const comment of shape.comments) for (const name of HOSTILE_NAMES) expect(comment).not.toContain(name);
  }, 120_000);
});
