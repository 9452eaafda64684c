// DescribeTable's TableDescription, shaped and ordered as DynamoDB Local returns it.
import type { TableDescription as SdkTableDescription } from '@aws-sdk/client-dynamodb';
import { tableArn, type EngineContext } from './EngineContext';
import { javaHashSetOrder } from './JavaHashOrder';
import { deletingIndexes, indexStatus } from './IndexStatus';
import { describeTableStream } from './streams';
import type { KeySchema } from './KeySchema';
import { hashAttributes, rangeAttributes } from './MultiAttributeKey';
import type { Projection } from './Projection';
import type { SecondaryIndex, Table, Throughput } from './Table';
import type { Wire } from './wire';

export type TableDescription = Wire<SdkTableDescription>;

function keySchemaElements(schema: KeySchema): { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] {
  return [
    ...hashAttributes(schema).map(({ name }) => ({ AttributeName: name, KeyType: 'HASH' as const })),
    ...rangeAttributes(schema).map(({ name }) => ({ AttributeName: name, KeyType: 'RANGE' as const })),
  ];
}

function projectionDescription(projection: Projection): { ProjectionType: Projection['type']; NonKeyAttributes?: string[] } {
  return projection.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.nonKeyAttributes] }
    : { ProjectionType: projection.type };
}

function throughputDescription(throughput: Throughput) {
  return {
    LastIncreaseDateTime: throughput.lastIncrease,
    LastDecreaseDateTime: throughput.lastDecrease,
    NumberOfDecreasesToday: throughput.decreasesToday,
    ReadCapacityUnits: throughput.read,
    WriteCapacityUnits: throughput.write,
  };
}

function indexDescription(context: EngineContext, table: Table, index: SecondaryIndex, deleting = false) {
  const base = {
    IndexName: index.name,
    KeySchema: keySchemaElements(index.keySchema),
    Projection: projectionDescription(index.projection),
  };
  const arn = `${tableArn(context, table.name)}/index/${index.name}`;
  const sizes = { IndexSizeBytes: index.partitions.bytes, ItemCount: index.partitions.count, IndexArn: arn };
  if (index.kind === 'LSI') return { ...base, ...sizes };
  if (deleting) return transitionalIndexDescription(context, table, index, 'DELETING');
  const status = indexStatus(context, index);
  if (status.status === 'CREATING') return transitionalIndexDescription(context, table, index, 'CREATING', status.backfilling);
  return {
    ...base,
    IndexStatus: 'ACTIVE' as const,
    ...(index.onDemandThroughput ? { OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 } } : {}),
    ...(index.throughput ? { ProvisionedThroughput: { ReadCapacityUnits: index.throughput.read, WriteCapacityUnits: index.throughput.write } } : {}),
    ...sizes,
  };
}

/** A GSI while DynamoDB is still building or dropping it: no counts yet (or any more). */
function transitionalIndexDescription(context: EngineContext, table: Table, index: SecondaryIndex, status: 'CREATING' | 'DELETING', backfilling = false) {
  return {
    IndexName: index.name,
    KeySchema: keySchemaElements(index.keySchema),
    Projection: projectionDescription(index.projection),
    IndexStatus: status,
    ...(status === 'CREATING' ? { Backfilling: backfilling } : {}),
    ...(index.onDemandThroughput ? { OnDemandThroughput: { MaxReadRequestUnits: -1, MaxWriteRequestUnits: -1 } } : {}),
    ...(index.throughput ? { ProvisionedThroughput: { ReadCapacityUnits: index.throughput.read, WriteCapacityUnits: index.throughput.write } } : {}),
    IndexArn: `${tableArn(context, table.name)}/index/${index.name}`,
  };
}

// DynamoDB Local keeps indexes in a Java HashMap keyed by name and lists them in its order.
function javaHashOrder(indexes: SecondaryIndex[]): SecondaryIndex[] {
  const byName = new Map(indexes.map((index) => [index.name, index]));
  return javaHashSetOrder([...byName.keys()]).map((name) => byName.get(name) as SecondaryIndex);
}

export function describeTable(context: EngineContext, table: Table): TableDescription {
  const lsis = javaHashOrder(table.indexes.filter((index) => index.kind === 'LSI'));
  const deleting = new Set(deletingIndexes(context, table));
  const gsis = javaHashOrder([...table.indexes.filter((index) => index.kind === 'GSI'), ...deleting]);
  const description: TableDescription = {
    AttributeDefinitions: table.attributeDefinitions.map((definition) => ({ ...definition })),
    TableName: table.name,
    KeySchema: keySchemaElements(table.keySchema),
    TableStatus: 'ACTIVE',
    CreationDateTime: table.creationDateTime,
    ProvisionedThroughput: throughputDescription(table.throughput),
    TableSizeBytes: table.partitions.bytes,
    ItemCount: table.partitions.count,
    TableArn: tableArn(context, table.name),
  };
  // Once a table has been on-demand, DynamoDB keeps reporting when it last switched.
  if (table.lastUpdateToPayPerRequest !== undefined) {
    description.BillingModeSummary = { BillingMode: table.billingMode, LastUpdateToPayPerRequestDateTime: table.lastUpdateToPayPerRequest };
  }
  if (lsis.length > 0) description.LocalSecondaryIndexes = lsis.map((index) => indexDescription(context, table, index));
  if (gsis.length > 0) description.GlobalSecondaryIndexes = gsis.map((index) => indexDescription(context, table, index, deleting.has(index)));
  Object.assign(description, describeTableStream(context, table.name));
  description.DeletionProtectionEnabled = table.deletionProtection;
  return description;
}
