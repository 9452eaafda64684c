// The CreateTable request a design stands for, in DynamoDB's JSON wire shape: what the
// in-browser engine is created with, and the reference the exports must agree with.
import type { CreateTableInput } from '../engine/CreateTable';
import type { DesignModel, KeyAttribute, Projection, ThroughputSetting } from './types';

type KeySchemaElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey.name, KeyType: 'HASH' },
    ...(sortKey === undefined ? [] : [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }]),
  ];
}

/** Sent as designed, so a list DynamoDB would refuse (on KEYS_ONLY, say) is refused here too. */
function projection(value: Projection): { ProjectionType: Projection['type']; NonKeyAttributes?: string[] } {
  const listed = value.nonKeyAttributes ?? [];
  return value.type === 'INCLUDE' || listed.length > 0
    ? { ProjectionType: value.type, NonKeyAttributes: [...listed] }
    : { ProjectionType: value.type };
}

function throughput(read: ThroughputSetting, write: ThroughputSetting) {
  return { ReadCapacityUnits: read.units, WriteCapacityUnits: write.units };
}

export function toCreateTableInput(model: DesignModel): CreateTableInput {
  const { table } = model;
  // One definition per name and type: a name used with two types stays two definitions,
  // so DynamoDB refuses the design as it would refuse the real request.
  const definitions = new Map<string, KeyAttribute>();
  const define = (key: KeyAttribute | undefined) => {
    if (key !== undefined) definitions.set(`${key.name}\u0000${key.type}`, key);
  };
  define(table.partitionKey);
  define(table.sortKey);
  for (const gsi of model.globalSecondaryIndexes) {
    define(gsi.partitionKey);
    define(gsi.sortKey);
  }
  for (const lsi of model.localSecondaryIndexes) define(lsi.sortKey);

  const provisioned = table.billing.mode === 'PROVISIONED' ? table.billing : undefined;
  const input: CreateTableInput = {
    TableName: table.name,
    AttributeDefinitions: [...definitions.values()].map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    BillingMode: table.billing.mode,
    TableClass: table.tableClass,
    DeletionProtectionEnabled: table.deletionProtection,
  };
  if (provisioned !== undefined) input.ProvisionedThroughput = throughput(provisioned.read, provisioned.write);
  if (model.globalSecondaryIndexes.length > 0) {
    input.GlobalSecondaryIndexes = model.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.name,
      KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
      Projection: projection(gsi.projection),
      // An index without its own capacity gets the table's, as the console suggests.
      ...(provisioned === undefined
        ? {}
        : { ProvisionedThroughput: throughput(gsi.throughput?.read ?? provisioned.read, gsi.throughput?.write ?? provisioned.write) }),
    }));
  }
  if (model.localSecondaryIndexes.length > 0) {
    input.LocalSecondaryIndexes = model.localSecondaryIndexes.map((lsi) => ({
      IndexName: lsi.name,
      KeySchema: keySchema(table.partitionKey, lsi.sortKey),
      Projection: projection(lsi.projection),
    }));
  }
  if (table.streamViewType !== undefined) input.StreamSpecification = { StreamEnabled: true, StreamViewType: table.streamViewType };
  if (table.encryption.type !== 'AWS_OWNED') {
    input.SSESpecification = {
      Enabled: true,
      SSEType: 'KMS',
      ...(table.encryption.type === 'CUSTOMER_MANAGED' ? { KMSMasterKeyId: table.encryption.kmsKeyArn } : {}),
    };
  }
  if (table.tags.length > 0) input.Tags = table.tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
  return input;
}
