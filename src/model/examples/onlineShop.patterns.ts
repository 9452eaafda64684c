import type { AccessPattern } from '../types';

// The online shop's access patterns: customer, cart and order reads from the customer's
// item collection, an order with its lines through GSI1, the catalogue by category and
// price, orders by status through the LSI, the order transaction, and one Scan the checks flag.
export const onlineShopPatterns: AccessPattern[] = [
  {
    id: 'ap-shop-getCustomer',
    name: 'Get a customer',
    operation: 'GetItem',
    entity: 'ent-customer',
    parameters: [{ name: 'customerId', type: 'S' }],
    request: { Key: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'PROFILE' } } },
  },
  {
    id: 'ap-shop-customerByEmail',
    name: 'Find a customer by email',
    description: 'Sign-in looks a customer up by email (GSI1).',
    operation: 'Query',
    index: 'gsi-GSI1',
    entity: 'ent-customer',
    parameters: [{ name: 'email', type: 'S' }],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'EMAIL#{{email}}' } },
    },
  },
  {
    id: 'ap-shop-customerOrders',
    name: "A customer's orders, newest first",
    operation: 'Query',
    entity: 'ent-order',
    parameters: [{ name: 'customerId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' }, ':sk': { S: 'ORDER#' } },
      ScanIndexForward: false,
      Limit: 10,
    },
  },
  {
    id: 'ap-shop-customerOrdersByStatus',
    name: "A customer's orders with a status",
    description: 'The LSI sorts a customer’s orders by status, then date.',
    operation: 'Query',
    index: 'lsi-LSI1',
    entity: 'ent-order',
    parameters: [
      { name: 'customerId', type: 'S' },
      { name: 'status', type: 'S' },
    ],
    request: {
      IndexName: 'LSI1',
      KeyConditionExpression: 'PK = :pk AND begins_with(LSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' }, ':prefix': { S: 'ORDER#{{status}}#' } },
      ProjectionExpression: 'SK, LSI1SK, #s, #t',
      ExpressionAttributeNames: { '#s': 'status', '#t': 'total' },
    },
  },
  {
    id: 'ap-shop-cart',
    name: "A customer's cart",
    operation: 'Query',
    entity: 'ent-cartItem',
    parameters: [{ name: 'customerId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' }, ':sk': { S: 'CART#' } },
    },
  },
  {
    id: 'ap-shop-orderWithItems',
    name: 'An order with its items',
    description: 'GSI1 groups an order and its lines in one item collection.',
    operation: 'Query',
    index: 'gsi-GSI1',
    parameters: [{ name: 'orderId', type: 'S' }],
    request: {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'ORDER#{{orderId}}' } },
    },
  },
  {
    id: 'ap-shop-productsByCategoryPrice',
    name: 'Products in a category within a price range',
    operation: 'Query',
    index: 'gsi-ByCategoryPrice',
    entity: 'ent-product',
    parameters: [
      { name: 'category', type: 'S' },
      { name: 'minPrice', type: 'N', example: '10' },
      { name: 'maxPrice', type: 'N', example: '150' },
    ],
    request: {
      IndexName: 'ByCategoryPrice',
      KeyConditionExpression: 'category = :c AND price BETWEEN :min AND :max',
      ExpressionAttributeValues: { ':c': { S: '{{category}}' }, ':min': { N: '{{minPrice}}' }, ':max': { N: '{{maxPrice}}' } },
      ProjectionExpression: '#n, price, stock',
      ExpressionAttributeNames: { '#n': 'name' },
    },
  },
  {
    id: 'ap-shop-productReviews',
    name: "A product's reviews",
    operation: 'Query',
    entity: 'ent-review',
    parameters: [{ name: 'productId', type: 'S' }],
    request: {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': { S: 'PRODUCT#{{productId}}' }, ':sk': { S: 'REVIEW#' } },
      ScanIndexForward: false,
    },
  },
  {
    id: 'ap-shop-placeOrder',
    name: 'Place an order',
    description: 'Writes the order and its first line and counts it on the customer, all or nothing.',
    operation: 'TransactWriteItems',
    entity: 'ent-order',
    parameters: [
      { name: 'customerId', type: 'S' },
      { name: 'orderId', type: 'S', example: '01JORDERNEW0000000000000000' },
      { name: 'productId', type: 'S' },
      { name: 'createdAt', type: 'S', example: '2025-06-01T12:00:00Z' },
    ],
    request: {
      TransactItems: [
        {
          Put: {
            Item: {
              PK: { S: 'CUSTOMER#{{customerId}}' },
              SK: { S: 'ORDER#{{orderId}}' },
              GSI1PK: { S: 'ORDER#{{orderId}}' },
              GSI1SK: { S: 'ORDER' },
              LSI1SK: { S: 'ORDER#PENDING#{{createdAt}}' },
              customerId: { S: '{{customerId}}' },
              orderId: { S: '{{orderId}}' },
              status: { S: 'PENDING' },
              createdAt: { S: '{{createdAt}}' },
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            Item: {
              PK: { S: 'ORDER#{{orderId}}' },
              SK: { S: 'ITEM#{{productId}}' },
              GSI1PK: { S: 'ORDER#{{orderId}}' },
              GSI1SK: { S: 'ITEM#{{productId}}' },
              orderId: { S: '{{orderId}}' },
              productId: { S: '{{productId}}' },
              quantity: { N: '1' },
            },
          },
        },
        {
          Update: {
            Key: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'PROFILE' } },
            UpdateExpression: 'ADD ordersCount :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
      ],
    },
  },
  {
    id: 'ap-shop-shipOrder',
    name: 'Mark an order shipped',
    operation: 'UpdateItem',
    entity: 'ent-order',
    parameters: [
      { name: 'customerId', type: 'S' },
      { name: 'orderId', type: 'S' },
    ],
    request: {
      Key: { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}' } },
      UpdateExpression: 'SET #s = :shipped',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':shipped': { S: 'SHIPPED' } },
      ReturnValues: 'ALL_NEW',
    },
  },
  {
    id: 'ap-shop-lowStock',
    name: 'Products low on stock (report)',
    description: 'A nightly report; the checks flag it as a Scan.',
    operation: 'Scan',
    entity: 'ent-product',
    parameters: [{ name: 'threshold', type: 'N', example: '20' }],
    request: {
      FilterExpression: 'stock < :n',
      ExpressionAttributeValues: { ':n': { N: '{{threshold}}' } },
    },
  },
];
