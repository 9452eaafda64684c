// A user's own design, not a built-in example: a four-entity shop (customer, order, product,
// orderItem) in one table with one overloaded GSI, as a new user would build it on a blank
// design. Attributes cover every DynamoDB type a form can pick (BOOL, L, M, SS, NS included)
// and some are optional, so write building, exports and checks meet what users really write.
// Shared by unit, differential and end-to-end tests; never imported by production code.
import { attribute, entity, ref, relationship } from '../examples/build';
import { MODEL_VERSION, type AccessPattern, type DesignModel } from '../types';

export const SHOP_IDS = {
  gsi: 'gsi-shop-GSI1',
  customer: 'ent-shop-customer',
  order: 'ent-shop-order',
  product: 'ent-shop-product',
  orderItem: 'ent-shop-orderItem',
  ordersByStatus: 'ap-shop-ordersByStatus',
  getOrder: 'ap-shop-getOrder',
} as const;

/** "Orders by status": the GSI read that a create must keep new orders visible to. */
export function ordersByStatusPattern(): AccessPattern {
  return {
    id: SHOP_IDS.ordersByStatus,
    name: 'Orders by status',
    operation: 'Query',
    index: SHOP_IDS.gsi,
    entity: SHOP_IDS.order,
    parameters: [{ name: 'status', type: 'S' }],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'STATUS#{{status}}' }, ':sk': { S: 'ORDER#' } },
    },
  };
}

function getOrderPattern(): AccessPattern {
  return {
    id: SHOP_IDS.getOrder,
    name: 'Get an order',
    operation: 'GetItem',
    entity: SHOP_IDS.order,
    parameters: [
      { name: 'customerId', type: 'S' },
      { name: 'orderId', type: 'S' },
    ],
    request: { Key: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}' } } },
  };
}

/**
 * The shop with its two read patterns ("Orders by status" on GSI1, "Get an order" on the
 * table). Write patterns are left to the tests, which build them the way the designer does.
 */
export function shopDesign(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'My shop',
    table: {
      name: 'Shop',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: { mode: 'PAY_PER_REQUEST' },
      deletionProtection: false,
      pointInTimeRecovery: false,
      encryption: { type: 'AWS_OWNED' },
      tableClass: 'STANDARD',
      tags: [],
    },
    globalSecondaryIndexes: [
      {
        id: SHOP_IDS.gsi,
        name: 'GSI1',
        partitionKey: { name: 'GSI1PK', type: 'S' },
        sortKey: { name: 'GSI1SK', type: 'S' },
        projection: { type: 'ALL' },
      },
    ],
    localSecondaryIndexes: [],
    entities: [
      entity({
        id: SHOP_IDS.customer,
        name: 'customer',
        keys: {
          partitionKey: 'CUSTOMER#{{customerId}}',
          sortKey: 'PROFILE',
          indexes: { [SHOP_IDS.gsi]: { partitionKey: 'EMAIL#{{email}}', sortKey: 'CUSTOMER' } },
        },
        attributes: (id) => [
          attribute(id, 'customerId', 'S', { kind: 'uuid' }),
          attribute(id, 'email', 'S', { kind: 'email' }),
          attribute(id, 'name', 'S', { kind: 'personName' }),
          attribute(id, 'marketingOptIn', 'BOOL', { kind: 'boolean' }),
          attribute(id, 'tags', 'SS', { kind: 'set', of: { kind: 'enum', values: ['vip', 'wholesale', 'new'] }, min: 1, max: 2 }, { required: false }),
          attribute(
            id,
            'address',
            'M',
            {
              kind: 'map',
              fields: [
                { name: 'street', type: 'S', generator: { kind: 'sentence', words: 2 } },
                { name: 'city', type: 'S', generator: { kind: 'enum', values: ['Lisbon', 'Osaka', 'Toronto'] } },
              ],
            },
            { required: false },
          ),
        ],
        sampleCount: 8,
      }),
      entity({
        id: SHOP_IDS.order,
        name: 'order',
        keys: {
          partitionKey: 'CUSTOMER#{{customerId}}',
          sortKey: 'ORDER#{{orderId}}',
          indexes: { [SHOP_IDS.gsi]: { partitionKey: 'STATUS#{{status}}', sortKey: 'ORDER#{{createdAt}}' } },
        },
        relationships: [relationship('rel-shop-order-customer', 'customer', SHOP_IDS.customer, 'many-to-one', { customerId: 'customerId' })],
        attributes: (id) => [
          attribute(id, 'customerId', 'S', ref('rel-shop-order-customer', 'customerId')),
          attribute(id, 'orderId', 'S', { kind: 'ulid' }),
          attribute(id, 'status', 'S', { kind: 'enum', values: ['PENDING', 'PAID', 'SHIPPED'] }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate' }),
          attribute(id, 'total', 'N', { kind: 'decimal', min: 5, max: 500, scale: 2 }),
          attribute(id, 'giftWrap', 'BOOL', { kind: 'boolean' }, { required: false }),
          attribute(id, 'couponCodes', 'SS', { kind: 'set', of: { kind: 'enum', values: ['SPRING', 'WELCOME', 'FREESHIP'] }, min: 1, max: 2 }, { required: false }),
          attribute(id, 'shippingAddress', 'M', {
            kind: 'map',
            fields: [
              { name: 'street', type: 'S', generator: { kind: 'sentence', words: 2 } },
              { name: 'postcode', type: 'N', generator: { kind: 'integer', min: 1000, max: 9999 } },
            ],
          }),
          attribute(id, 'notes', 'L', { kind: 'list', of: { kind: 'sentence', words: 4 }, min: 0, max: 2 }, { required: false }),
        ],
        sampleCount: 20,
      }),
      entity({
        id: SHOP_IDS.product,
        name: 'product',
        keys: { partitionKey: 'PRODUCT#{{productId}}', sortKey: 'PRODUCT' },
        attributes: (id) => [
          attribute(id, 'productId', 'S', { kind: 'ulid' }),
          attribute(id, 'title', 'S', { kind: 'sentence', words: 3 }),
          attribute(id, 'price', 'N', { kind: 'decimal', min: 2, max: 200, scale: 2 }),
          attribute(id, 'inStock', 'BOOL', { kind: 'boolean' }),
          attribute(id, 'categories', 'SS', { kind: 'set', of: { kind: 'enum', values: ['BOOKS', 'GARDEN', 'TOYS'] }, min: 1, max: 2 }),
          attribute(id, 'sizes', 'NS', { kind: 'set', of: { kind: 'integer', min: 36, max: 46 }, min: 1, max: 3 }, { required: false }),
        ],
        sampleCount: 10,
      }),
      entity({
        id: SHOP_IDS.orderItem,
        name: 'orderItem',
        keys: {
          partitionKey: 'ORDER#{{orderId}}',
          sortKey: 'ITEM#{{productId}}',
          indexes: { [SHOP_IDS.gsi]: { partitionKey: 'PRODUCT#{{productId}}', sortKey: 'ORDER#{{orderId}}' } },
        },
        relationships: [
          relationship('rel-shop-orderItem-order', 'order', SHOP_IDS.order, 'many-to-one', { orderId: 'orderId' }),
          relationship('rel-shop-orderItem-product', 'product', SHOP_IDS.product, 'many-to-one', { productId: 'productId' }),
        ],
        attributes: (id) => [
          attribute(id, 'orderId', 'S', ref('rel-shop-orderItem-order', 'orderId')),
          attribute(id, 'productId', 'S', ref('rel-shop-orderItem-product', 'productId')),
          attribute(id, 'quantity', 'N', { kind: 'integer', min: 1, max: 5 }),
          attribute(id, 'unitPrice', 'N', { kind: 'decimal', min: 2, max: 200, scale: 2 }),
        ],
        sampleCount: 30,
      }),
    ],
    accessPatterns: [ordersByStatusPattern(), getOrderPattern()],
    sampleSeed: 11,
  };
}
