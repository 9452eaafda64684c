// Table shapes the differential tests share: the seed's social-media single table.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** PK/SK table with GSI1 (INCLUDE title), GSI2 (KEYS_ONLY, hash only) and LSI1 (ALL, numeric sort key). */
export function socialTable(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: 'S' },
      { AttributeName: 'SK', AttributeType: 'S' },
      { AttributeName: 'GSI1PK', AttributeType: 'S' },
      { AttributeName: 'GSI1SK', AttributeType: 'S' },
      { AttributeName: 'GSI2PK', AttributeType: 'S' },
      { AttributeName: 'likes', AttributeType: 'N' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'GSI1',
        KeySchema: [
          { AttributeName: 'GSI1PK', KeyType: 'HASH' },
          { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] },
      },
      {
        IndexName: 'GSI2',
        KeySchema: [{ AttributeName: 'GSI2PK', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: 'LSI1',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'likes', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['title'] },
      },
    ],
  };
}

type KeyAttribute = readonly [name: string, type: 'S' | 'N' | 'B'];

/** An on-demand table with just a primary key: partition key, and sort key if given. */
export function keyTable(name: string, hash: KeyAttribute, range?: KeyAttribute): CreateTableCommandInput {
  const attributes = range ? [hash, range] : [hash];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: attributes.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    AttributeDefinitions: attributes.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
  };
}
