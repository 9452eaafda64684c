// An online shop: customers with their addresses, carts and orders in one item collection,
// products with their reviews, order items, an overloaded GSI, a numeric GSI sort key
// (products by price), an LSI over a customer's orders, and TTL on cart lines.
import { MODEL_VERSION, type DesignModel } from '../types';
import { attribute, entity, ref, relationship } from './build';
import { onlineShopPatterns } from './onlineShop.patterns';

export function onlineShopModel(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'OnlineShop',
    description: 'Customers, carts, orders, products and reviews in one table.',
    table: {
      name: 'OnlineShop',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: { mode: 'PAY_PER_REQUEST' },
      streamViewType: 'NEW_IMAGE',
      ttlAttribute: 'expiresAt',
      deletionProtection: true,
      pointInTimeRecovery: true,
      encryption: { type: 'AWS_OWNED' },
      tableClass: 'STANDARD',
      tags: [{ key: 'app', value: 'online-shop' }],
    },
    globalSecondaryIndexes: [
      {
        id: 'gsi-GSI1',
        name: 'GSI1',
        partitionKey: { name: 'GSI1PK', type: 'S' },
        sortKey: { name: 'GSI1SK', type: 'S' },
        projection: { type: 'ALL' },
      },
      {
        id: 'gsi-ByCategoryPrice',
        name: 'ByCategoryPrice',
        partitionKey: { name: 'category', type: 'S' },
        sortKey: { name: 'price', type: 'N' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['name', 'stock'] },
      },
    ],
    localSecondaryIndexes: [
      {
        id: 'lsi-LSI1',
        name: 'LSI1',
        sortKey: { name: 'LSI1SK', type: 'S' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['status', 'total'] },
      },
    ],
    entities: [
      entity({
        id: 'ent-customer',
        name: 'Customer',
        description: "A customer's profile, at the head of the customer's item collection.",
        keys: {
          partitionKey: 'CUSTOMER#{{customerId}}',
          sortKey: 'PROFILE',
          indexes: { 'gsi-GSI1': { partitionKey: 'EMAIL#{{email}}', sortKey: 'CUSTOMER' } },
        },
        attributes: (id) => [
          attribute(id, 'customerId', 'S', { kind: 'uuid' }),
          attribute(id, 'email', 'S', { kind: 'email' }),
          attribute(id, 'name', 'S', { kind: 'personName' }),
          attribute(id, 'ordersCount', 'N', { kind: 'count', relationship: 'rel-order-customer' }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate' }),
        ],
        sampleCount: 60,
      }),
      entity({
        id: 'ent-address',
        name: 'Address',
        description: 'A delivery address of a customer.',
        keys: { partitionKey: 'CUSTOMER#{{customerId}}', sortKey: 'ADDRESS#{{addressId}}' },
        relationships: [relationship('rel-address-customer', 'customer', 'ent-customer', 'many-to-one', { customerId: 'customerId' })],
        attributes: (id) => [
          attribute(id, 'customerId', 'S', ref('rel-address-customer', 'customerId')),
          attribute(id, 'addressId', 'S', { kind: 'uuid' }),
          attribute(id, 'label', 'S', { kind: 'enum', values: ['HOME', 'WORK', 'OTHER'] }),
          attribute(id, 'city', 'S', { kind: 'enum', values: ['Berlin', 'Lisbon', 'Dublin', 'Seattle', 'Osaka', 'Toronto'] }),
          attribute(id, 'isDefault', 'BOOL', { kind: 'boolean' }),
        ],
        sampleCount: 90,
      }),
      entity({
        id: 'ent-product',
        name: 'Product',
        description: 'A product in the catalogue; the ByCategoryPrice index lists a category by price.',
        keys: {
          partitionKey: 'PRODUCT#{{productId}}',
          sortKey: 'PRODUCT',
        },
        attributes: (id) => [
          attribute(id, 'productId', 'S', { kind: 'ulid' }),
          attribute(id, 'name', 'S', { kind: 'sentence', words: 3 }),
          attribute(id, 'category', 'S', { kind: 'enum', values: ['BOOKS', 'GARDEN', 'KITCHEN', 'TOYS', 'TOOLS'] }),
          attribute(id, 'price', 'N', { kind: 'decimal', min: 2, max: 300, scale: 2 }),
          attribute(id, 'stock', 'N', { kind: 'integer', min: 0, max: 500 }),
          attribute(id, 'reviewsCount', 'N', { kind: 'count', relationship: 'rel-review-product' }),
        ],
        sampleCount: 120,
      }),
      entity({
        id: 'ent-cartItem',
        name: 'CartItem',
        description: "A line of a customer's cart; it expires (TTL) a while after it was added.",
        keys: { partitionKey: 'CUSTOMER#{{customerId}}', sortKey: 'CART#{{productId}}' },
        relationships: [
          relationship('rel-cartItem-customer', 'customer', 'ent-customer', 'many-to-one', { customerId: 'customerId' }),
          relationship('rel-cartItem-product', 'product', 'ent-product', 'many-to-one', { productId: 'productId' }),
        ],
        attributes: (id) => [
          attribute(id, 'customerId', 'S', ref('rel-cartItem-customer', 'customerId')),
          attribute(id, 'productId', 'S', ref('rel-cartItem-product', 'productId')),
          attribute(id, 'quantity', 'N', { kind: 'integer', min: 1, max: 4 }),
          attribute(id, 'expiresAt', 'N', { kind: 'epochSeconds' }),
        ],
        sampleCount: 80,
      }),
      entity({
        id: 'ent-order',
        name: 'Order',
        description: "An order in its customer's item collection; GSI1 finds it by order id with its items.",
        keys: {
          partitionKey: 'CUSTOMER#{{customerId}}',
          sortKey: 'ORDER#{{orderId}}',
          indexes: {
            'gsi-GSI1': { partitionKey: 'ORDER#{{orderId}}', sortKey: 'ORDER' },
            'lsi-LSI1': { sortKey: 'ORDER#{{status}}#{{createdAt}}' },
          },
        },
        relationships: [relationship('rel-order-customer', 'customer', 'ent-customer', 'many-to-one', { customerId: 'customerId' })],
        attributes: (id) => [
          attribute(id, 'customerId', 'S', ref('rel-order-customer', 'customerId')),
          attribute(id, 'orderId', 'S', { kind: 'ulid' }),
          attribute(id, 'status', 'S', { kind: 'enum', values: ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] }),
          attribute(id, 'total', 'N', { kind: 'decimal', min: 5, max: 900, scale: 2 }),
          attribute(id, 'itemsCount', 'N', { kind: 'count', relationship: 'rel-orderItem-order' }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate' }),
        ],
        sampleCount: 200,
      }),
      entity({
        id: 'ent-orderItem',
        name: 'OrderItem',
        description: 'A line of an order.',
        keys: {
          partitionKey: 'ORDER#{{orderId}}',
          sortKey: 'ITEM#{{productId}}',
          indexes: { 'gsi-GSI1': { partitionKey: 'ORDER#{{orderId}}', sortKey: 'ITEM#{{productId}}' } },
        },
        relationships: [
          relationship('rel-orderItem-order', 'order', 'ent-order', 'many-to-one', { orderId: 'orderId', customerId: 'customerId' }),
          relationship('rel-orderItem-product', 'product', 'ent-product', 'many-to-one', { productId: 'productId', unitPrice: 'price' }),
        ],
        attributes: (id) => [
          attribute(id, 'orderId', 'S', ref('rel-orderItem-order', 'orderId')),
          attribute(id, 'customerId', 'S', ref('rel-orderItem-order', 'customerId')),
          attribute(id, 'productId', 'S', ref('rel-orderItem-product', 'productId')),
          attribute(id, 'unitPrice', 'N', ref('rel-orderItem-product', 'price')),
          attribute(id, 'quantity', 'N', { kind: 'integer', min: 1, max: 5 }),
        ],
        sampleCount: 500,
      }),
      entity({
        id: 'ent-review',
        name: 'Review',
        description: "A customer's review, in the product's item collection.",
        keys: { partitionKey: 'PRODUCT#{{productId}}', sortKey: 'REVIEW#{{reviewId}}' },
        relationships: [
          relationship('rel-review-product', 'product', 'ent-product', 'many-to-one', { productId: 'productId' }),
          relationship('rel-review-customer', 'author', 'ent-customer', 'many-to-one', { customerId: 'customerId' }),
        ],
        attributes: (id) => [
          attribute(id, 'productId', 'S', ref('rel-review-product', 'productId')),
          attribute(id, 'reviewId', 'S', { kind: 'ulid' }),
          attribute(id, 'customerId', 'S', ref('rel-review-customer', 'customerId')),
          attribute(id, 'rating', 'N', { kind: 'integer', min: 1, max: 5 }),
          attribute(id, 'comment', 'S', { kind: 'sentence', words: 12 }, { required: false }),
          attribute(id, 'createdAt', 'S', { kind: 'isoDate' }),
        ],
        sampleCount: 300,
      }),
    ],
    accessPatterns: onlineShopPatterns,
    sampleSeed: 7,
  };
}
