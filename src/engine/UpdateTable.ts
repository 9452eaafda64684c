import type { UpdateTableInput as SdkUpdateTableInput, UpdateTableOutput as SdkUpdateTableOutput } from '@aws-sdk/client-dynamodb';
import { parseBillingMode, parseIndexes } from './CreateTable';
import { checkIndexName, checkTableName, findTable, type EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { keyAttributeNames } from './KeySchema';
import { applyStreamSpecification } from './streams';
import { checkNoIndexChangeInProgress, deletingIndexes, indexStatus } from './IndexStatus';
import { javaHashSetOrder } from './JavaHashOrder';
import type { AttributeDefinition, Table } from './Table';
import { describeTable } from './TableDescription';
import { parseAttributeDefinitions, parseThroughput, zeroThroughput } from './TableSchema';
import type { Wire } from './wire';

export type UpdateTableInput = Wire<SdkUpdateTableInput>;
export type UpdateTableOutput = Wire<SdkUpdateTableOutput>;

type IndexUpdate = NonNullable<UpdateTableInput['GlobalSecondaryIndexUpdates']>[number];

export function UpdateTable(context: EngineContext, input: UpdateTableInput): UpdateTableOutput {
  const table = findTable(context, checkTableName(input.TableName));
  const updates = input.GlobalSecondaryIndexUpdates ?? [];
  const changesBilling = input.BillingMode !== undefined && parseBillingMode(input.BillingMode) !== table.billingMode;
  if (
    input.BillingMode === undefined &&
    input.ProvisionedThroughput === undefined &&
    updates.length === 0 &&
    input.DeletionProtectionEnabled === undefined &&
    input.StreamSpecification === undefined
  ) {
    throw validationError('Nothing to update');
  }
  if (input.BillingMode !== undefined) applyBillingMode(context, table, input);
  else if (input.ProvisionedThroughput !== undefined && !changesBilling) applyThroughput(table, input.ProvisionedThroughput);
  if (input.DeletionProtectionEnabled !== undefined) table.deletionProtection = input.DeletionProtectionEnabled;
  if (input.StreamSpecification !== undefined) applyStreamSpecification(context, table.name, table.keySchema, input.StreamSpecification, false);
  for (const update of updates) applyIndexUpdate(context, table, input, update);
  return { TableDescription: describeTable(context, table) };
}

function applyBillingMode(context: EngineContext, table: Table, input: UpdateTableInput): void {
  const mode = parseBillingMode(input.BillingMode);
  if (mode === 'PROVISIONED') {
    if (!input.ProvisionedThroughput) throw validationError('No provisioned throughput specified for the table');
    const throughput = parseThroughput(input.ProvisionedThroughput, 'table');
    if (table.billingMode === 'PROVISIONED') {
      applyThroughput(table, input.ProvisionedThroughput);
      return;
    }
    table.billingMode = 'PROVISIONED';
    table.throughput = throughput;
    return;
  }
  if (table.billingMode === 'PAY_PER_REQUEST') return;
  table.billingMode = 'PAY_PER_REQUEST';
  table.throughput = zeroThroughput();
  table.lastUpdateToPayPerRequest = context.now();
  for (const index of table.indexes) if (index.kind === 'GSI') index.throughput = undefined;
}

function applyThroughput(table: Table, raw: unknown): void {
  const throughput = parseThroughput(raw, 'table');
  if (throughput.read === table.throughput.read && throughput.write === table.throughput.write) {
    throw validationError('The requested throughput value equals the current value');
  }
  table.throughput = { ...table.throughput, read: throughput.read, write: throughput.write };
}

function applyIndexUpdate(context: EngineContext, table: Table, input: UpdateTableInput, update: IndexUpdate): void {
  if (update.Create) {
    const definitions = mergeDefinitions(table, input.AttributeDefinitions);
    const name = checkIndexName(update.Create.IndexName);
    if (table.index(name)) throw new DynamoDBError('ResourceInUseException', `Attempt to change a resource which is still in use: Index already exists: ${name}`);
    if (deletingIndexes(context, table).some((index) => index.name === name)) {
      throw new DynamoDBError('ResourceInUseException', 'Attempt to change a resource which is still in use: Index is being deleted.');
    }
    checkNoIndexChangeInProgress(context, table);
    const [spec] = parseIndexes([update.Create], 'GSI', table.keySchema, definitions, table.billingMode);
    if (!spec) return;
    table.attributeDefinitions = definitions;
    const index = table.addIndex('GSI', spec.name, spec.keySchema, spec.projection, spec.throughput);
    index.onDemandThroughput = table.billingMode === 'PAY_PER_REQUEST';
    index.createdAt = context.now();
    return;
  }
  if (update.Delete) {
    const index = table.index(checkIndexName(update.Delete.IndexName));
    if (!index || index.kind !== 'GSI') throw new DynamoDBError('ResourceNotFoundException', 'Requested resource not found');
    const status = indexStatus(context, index);
    // AWS lets a build be cancelled once it is backfilling, not before.
    if (status.status === 'CREATING' && !status.backfilling) {
      throw new DynamoDBError('ResourceInUseException', 'Attempt to change a resource which is still in use: Index is being created.');
    }
    if (status.status === 'ACTIVE') checkNoIndexChangeInProgress(context, table);
    table.removeIndex(index.name);
    table.deleting.push({ index, deletedAt: context.now() });
    const used = new Set([table.keySchema, ...table.indexes.map((other) => other.keySchema)].flatMap(keyAttributeNames));
    table.attributeDefinitions = table.attributeDefinitions.filter((definition) => used.has(definition.AttributeName));
    return;
  }
  if (update.Update) {
    const index = table.index(checkIndexName(update.Update.IndexName));
    if (!index || index.kind !== 'GSI') throw new DynamoDBError('ResourceNotFoundException', 'Requested resource not found');
    const throughput = parseThroughput(update.Update.ProvisionedThroughput ?? {}, 'index');
    index.throughput = { ...(index.throughput ?? zeroThroughput()), read: throughput.read, write: throughput.write };
  }
}

// DynamoDB Local 3.3 keeps the merged definitions in a Java HashMap and lists them in its order.
function mergeDefinitions(table: Table, raw: unknown): AttributeDefinition[] {
  const byName = new Map<string, AttributeDefinition>();
  for (const definition of [...parseAttributeDefinitions(raw), ...table.attributeDefinitions]) {
    if (!byName.has(definition.AttributeName)) byName.set(definition.AttributeName, definition);
  }
  return javaHashSetOrder(byName.keys()).map((name) => byName.get(name) as AttributeDefinition);
}
