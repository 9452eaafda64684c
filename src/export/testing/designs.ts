// Designs that exercise every table feature the exports carry, and one with hostile names,
// for the export tests. The built-in examples are tested too; these cover what they may not.
import { MODEL_VERSION, type DesignModel } from '../../model/types';

export function fullFeatureDesign(): DesignModel {
  return {
    version: MODEL_VERSION,
    name: 'Orders Service',
    table: {
      name: 'OrdersTable',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'SK', type: 'S' },
      billing: {
        mode: 'PROVISIONED',
        read: {
          units: 10,
          autoScaling: { minCapacity: 5, maxCapacity: 100, targetUtilization: 70, scaleInCooldownSeconds: 60, scaleOutCooldownSeconds: 30 },
        },
        write: { units: 5 },
      },
      streamViewType: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
      deletionProtection: true,
      pointInTimeRecovery: true,
      encryption: { type: 'CUSTOMER_MANAGED', kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      tableClass: 'STANDARD_INFREQUENT_ACCESS',
      tags: [
        { key: 'team', value: 'orders' },
        { key: 'cost-center', value: '42' },
      ],
    },
    globalSecondaryIndexes: [
      {
        id: 'gsi1',
        name: 'GSI1',
        partitionKey: { name: 'GSI1PK', type: 'S' },
        sortKey: { name: 'GSI1SK', type: 'S' },
        projection: { type: 'ALL' },
        throughput: {
          read: { units: 4 },
          write: {
            units: 3,
            autoScaling: { minCapacity: 3, maxCapacity: 30, targetUtilization: 50, scaleInCooldownSeconds: 120, scaleOutCooldownSeconds: 10 },
          },
        },
      },
      {
        id: 'gsi2',
        name: 'ByStatus',
        partitionKey: { name: 'status', type: 'S' },
        sortKey: { name: 'total', type: 'N' },
        projection: { type: 'INCLUDE', nonKeyAttributes: ['customerId', 'createdAt'] },
      },
    ],
    localSecondaryIndexes: [
      { id: 'lsi1', name: 'ByCreatedAt', sortKey: { name: 'createdAt', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
    ],
    entities: [
      {
        id: 'customer',
        name: 'Customer',
        typeAttribute: 'entityType',
        attributes: [
          { id: 'a1', name: 'customerId', type: 'S', required: true, generator: { kind: 'uuid' } },
          { id: 'a2', name: 'email', type: 'S', required: true, generator: { kind: 'email' } },
        ],
        relationships: [],
        keys: { partitionKey: 'CUSTOMER#{{customerId}}', sortKey: 'PROFILE', indexes: {} },
        sampleCount: 3,
      },
      {
        id: 'order',
        name: 'Order',
        typeAttribute: 'entityType',
        attributes: [
          { id: 'b1', name: 'orderId', type: 'S', required: true, generator: { kind: 'ulid' } },
          { id: 'b2', name: 'customerId', type: 'S', required: true, generator: { kind: 'reference', relationship: 'r1', attribute: 'customerId' } },
          { id: 'b3', name: 'status', type: 'S', required: true, generator: { kind: 'enum', values: ['OPEN', 'SHIPPED'] } },
          { id: 'b4', name: 'total', type: 'N', required: true, generator: { kind: 'decimal', min: 1, max: 500, scale: 2 } },
          { id: 'b5', name: 'createdAt', type: 'S', required: true, generator: { kind: 'isoDate' } },
        ],
        relationships: [{ id: 'r1', name: 'placedBy', target: 'customer', cardinality: 'many-to-one', foreignKeys: [{ attribute: 'customerId', targetAttribute: 'customerId' }] }],
        keys: {
          partitionKey: 'CUSTOMER#{{customerId}}',
          sortKey: 'ORDER#{{orderId}}',
          indexes: { gsi1: { partitionKey: 'ORDER#{{orderId}}', sortKey: 'ORDER#{{orderId}}' } },
        },
        sampleCount: 6,
      },
    ],
    accessPatterns: [],
    sampleSeed: 7,
  };
}

export function onDemandDesign(): DesignModel {
  const design = fullFeatureDesign();
  return {
    ...design,
    name: 'On demand',
    table: {
      ...design.table,
      billing: { mode: 'PAY_PER_REQUEST' },
      encryption: { type: 'AWS_MANAGED' },
      streamViewType: undefined,
      tags: [],
      deletionProtection: false,
      pointInTimeRecovery: false,
      tableClass: 'STANDARD',
    },
    globalSecondaryIndexes: design.globalSecondaryIndexes.map((index) => ({ ...index, throughput: undefined })),
  };
}

/** Names built to break naive code generation: quotes, template syntax, comment ends, keywords. */
export const HOSTILE_NAMES = [
  'x"); process.exit(1); ("',
  "it's `${process.exit(2)}`",
  '*/ process.exit(3); /*',
  'line\nbreak\u2028sep',
  'class',
  'Ünïcödé 名前',
  '\\',
  'constructor',
];

export function hostileDesign(): DesignModel {
  const design = fullFeatureDesign();
  const [a = '', b = '', c = '', d = '', e = '', f = '', g = '', h = ''] = HOSTILE_NAMES;
  return {
    ...design,
    name: a,
    table: { ...design.table, name: b, tags: [{ key: c, value: d }], ttlAttribute: e },
    globalSecondaryIndexes: design.globalSecondaryIndexes.map((index, position) => ({
      ...index,
      name: position === 0 ? f : g,
      ...(position === 0 ? { partitionKey: { name: a, type: 'S' as const } } : {}),
      projection: index.projection.type === 'INCLUDE' ? { type: 'INCLUDE', nonKeyAttributes: [h, a] } : index.projection,
    })),
    localSecondaryIndexes: design.localSecondaryIndexes.map((index) => ({ ...index, name: c })),
    entities: design.entities.map((entity, position) => ({
      ...entity,
      name: HOSTILE_NAMES[position] ?? entity.name,
      description: d,
      attributes: [
        ...entity.attributes.map((attribute, i) => ({ ...attribute, description: HOSTILE_NAMES[i] })),
        ...HOSTILE_NAMES.map((name, i) => ({ id: `hostile-${i}`, name, type: 'S' as const, required: false, generator: { kind: 'uuid' as const } })),
      ],
    })),
  };
}

/**
 * An on-demand orders design with a pattern for every operation, for the IAM policy: customers
 * own their partition (`CUSTOMER#{{customerId}}`), `ByCustomer` is a GSI keyed by the customer too
 * (its patterns can be per-user), `ByStatus` is keyed by status (its patterns cannot), and `GSI1`
 * is used by no pattern.
 */
export function accessPatternsDesign(): DesignModel {
  const design = onDemandDesign();
  const table = '{{table}}';
  const customerKey = { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'PROFILE' } };
  const orderKey = { PK: { S: 'CUSTOMER#{{customerId}}' }, SK: { S: 'ORDER#{{orderId}}' } };
  const customerId = { name: 'customerId', type: 'S' as const };
  const orderId = { name: 'orderId', type: 'S' as const };
  return {
    ...design,
    name: 'Orders access',
    globalSecondaryIndexes: [
      ...design.globalSecondaryIndexes,
      { id: 'gsi3', name: 'ByCustomer', partitionKey: { name: 'GSI3PK', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' }, projection: { type: 'ALL' } },
    ],
    entities: design.entities.map((entity) =>
      entity.id === 'order' ? { ...entity, keys: { ...entity.keys, indexes: { ...entity.keys.indexes, gsi3: { partitionKey: 'CUSTOMER#{{customerId}}' } } } } : entity,
    ),
    accessPatterns: [
      { id: 'p1', name: 'Get customer', operation: 'GetItem', entity: 'customer', parameters: [customerId], request: { Key: customerKey } },
      {
        id: 'p2',
        name: 'Orders of a customer',
        operation: 'Query',
        entity: 'order',
        parameters: [customerId],
        request: { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)', ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' }, ':sk': { S: 'ORDER#' } } },
      },
      {
        id: 'p3',
        name: 'Orders by status',
        operation: 'Query',
        index: 'gsi2',
        entity: 'order',
        parameters: [{ name: 'status', type: 'S' }],
        request: { KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: '{{status}}' } } },
      },
      {
        id: 'p4',
        name: 'Customer orders by date',
        operation: 'Query',
        index: 'gsi3',
        entity: 'order',
        parameters: [customerId],
        request: { KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'CUSTOMER#{{customerId}}' } } },
      },
      {
        id: 'p5',
        name: 'Place order',
        operation: 'TransactWriteItems',
        entity: 'order',
        parameters: [customerId, orderId],
        request: {
          TransactItems: [
            { ConditionCheck: { Key: customerKey, ConditionExpression: 'attribute_exists(PK)' } },
            { Put: { Item: { ...orderKey, orderId: { S: '{{orderId}}' } }, ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        },
      },
      { id: 'p6', name: 'Cancel order', operation: 'DeleteItem', entity: 'order', parameters: [customerId, orderId], request: { Key: orderKey } },
      {
        id: 'p7',
        name: 'Rename customer',
        operation: 'UpdateItem',
        entity: 'customer',
        parameters: [customerId, { name: 'email', type: 'S' }],
        request: { Key: customerKey, UpdateExpression: 'SET email = :e', ExpressionAttributeValues: { ':e': { S: '{{email}}' } } },
      },
      { id: 'p8', name: 'Audit everything', operation: 'Scan', parameters: [], request: {} },
      {
        id: 'p9',
        name: 'Open orders by PartiQL',
        operation: 'ExecuteStatement',
        parameters: [],
        request: { Statement: 'SELECT * FROM "OrdersTable"."ByStatus" WHERE "status" = \'OPEN\'' },
      },
      {
        id: 'p10',
        name: 'Order with its customer',
        operation: 'TransactGetItems',
        entity: 'order',
        parameters: [customerId, orderId],
        request: { TransactItems: [{ Get: { Key: customerKey } }, { Get: { Key: orderKey } }] },
      },
      {
        id: 'p11',
        name: 'Move order',
        operation: 'TransactWriteItems',
        entity: 'order',
        parameters: [customerId, orderId, { name: 'newCustomerId', type: 'S' }],
        request: {
          TransactItems: [
            { Delete: { Key: orderKey } },
            { Put: { Item: { PK: { S: 'CUSTOMER#{{newCustomerId}}' }, SK: { S: 'ORDER#{{orderId}}' } } } },
          ],
        },
      },
      {
        id: 'p12',
        name: 'Customer and orders in a batch',
        operation: 'BatchGetItem',
        entity: 'order',
        parameters: [customerId, orderId],
        request: { RequestItems: { [table]: { Keys: [customerKey, orderKey] } } },
      },
      {
        id: 'p13',
        name: 'Import orders',
        operation: 'BatchWriteItem',
        entity: 'order',
        parameters: [customerId, orderId],
        request: { RequestItems: { [table]: [{ PutRequest: { Item: orderKey } }] } },
      },
      {
        id: 'p14',
        name: 'Create customer',
        operation: 'PutItem',
        entity: 'customer',
        parameters: [customerId],
        request: { Item: customerKey, ConditionExpression: 'attribute_not_exists(PK)' },
      },
    ],
  };
}
