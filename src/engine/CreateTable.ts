import type { CreateTableInput as SdkCreateTableInput, CreateTableOutput as SdkCreateTableOutput } from '@aws-sdk/client-dynamodb';
import { checkIndexName, checkTableName, type EngineContext } from './EngineContext';
import { DynamoDBError, validationError } from './errors';
import { keyAttributeNames, type KeySchema } from './KeySchema';
import type { Projection } from './Projection';
import { applyStreamSpecification } from './streams';
import { addTags } from './Tags';
import { Table, type AttributeDefinition, type BillingMode, type Throughput } from './Table';
import { describeTable } from './TableDescription';
import { parseAttributeDefinitions, parseKeySchema, parseProjection, parseThroughput, zeroThroughput } from './TableSchema';
import type { Wire } from './wire';

export type CreateTableInput = Wire<SdkCreateTableInput>;
export type CreateTableOutput = Wire<SdkCreateTableOutput>;

interface IndexInput {
  IndexName?: unknown;
  KeySchema?: unknown;
  Projection?: unknown;
  ProvisionedThroughput?: unknown;
}

interface IndexSpec {
  kind: 'GSI' | 'LSI';
  name: string;
  keySchema: KeySchema;
  projection: Projection;
  throughput: Throughput | undefined;
}

const MAX_GSIS = 20;
const MAX_LSIS = 5;

export function parseIndexes(
  raw: unknown,
  kind: 'GSI' | 'LSI',
  tableSchema: KeySchema,
  definitions: AttributeDefinition[],
  billingMode: BillingMode,
): IndexSpec[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length === 0) throw validationError(kind === 'GSI' ? 'GSI list is empty/invalid' : 'LSI list is empty/invalid');
  if (kind === 'LSI' && !tableSchema.range) throw validationError('Local Secondary indices are not allowed on hash tables, only hash and range tables');
  if (raw.length > (kind === 'GSI' ? MAX_GSIS : MAX_LSIS)) {
    throw validationError(
      kind === 'GSI'
        ? `GSI count exceeds maximum of ${MAX_GSIS}`
        : `One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of ${MAX_LSIS}`,
    );
  }
  const names = new Set<string>();
  return (raw as IndexInput[]).map((index) => {
    const name = checkIndexName(index?.IndexName);
    if (names.has(name)) {
      throw validationError(kind === 'GSI' ? 'Two global secondary indices have the same name' : 'Two local secondary indices have the same name');
    }
    names.add(name);
    const keySchema = parseKeySchema(index.KeySchema, definitions, kind);
    if (kind === 'LSI') {
      if (!keySchema.range) throw validationError('Local secondary indices must have a range key');
      if (keySchema.hash.name !== tableSchema.hash.name) throw validationError('Local Secondary indices must have the same hash key as the main table');
    }
    const projection = parseProjection(index.Projection);
    let throughput: Throughput | undefined;
    if (kind === 'GSI') {
      if (billingMode === 'PROVISIONED') {
        if (!index.ProvisionedThroughput) throw validationError('No provisioned throughput specified for the global secondary index');
        throughput = parseThroughput(index.ProvisionedThroughput, 'index');
      } else if (index.ProvisionedThroughput) {
        parseThroughput(index.ProvisionedThroughput, 'index');
      }
    }
    return { kind, name, keySchema, projection, throughput };
  });
}

export function CreateTable(context: EngineContext, input: CreateTableInput): CreateTableOutput {
  const name = checkTableName(input.TableName, 'tableName', true);
  const definitions = parseAttributeDefinitionsAfterKeys(input);
  const billingMode = parseBillingMode(input.BillingMode);
  const keySchema = parseKeySchema(input.KeySchema, definitions, 'table');
  const lsis = parseIndexes(input.LocalSecondaryIndexes, 'LSI', keySchema, definitions, billingMode);
  const gsis = parseIndexes(input.GlobalSecondaryIndexes, 'GSI', keySchema, definitions, billingMode);
  let throughput = zeroThroughput();
  if (billingMode === 'PROVISIONED') {
    if (!input.ProvisionedThroughput) throw validationError('No provisioned throughput specified for the table');
    throughput = parseThroughput(input.ProvisionedThroughput, 'table');
  } else if (input.ProvisionedThroughput) {
    parseThroughput(input.ProvisionedThroughput, 'table');
  }
  const lsiNames = new Set(lsis.map((index) => index.name));
  if (gsis.some((index) => lsiNames.has(index.name))) {
    throw validationError('Local Secondary Indices AND Global Secondary Indices must have different names');
  }
  const used = new Set(keyAttributeNames(keySchema));
  for (const index of [...lsis, ...gsis]) for (const key of keyAttributeNames(index.keySchema)) used.add(key);
  if (used.size !== definitions.length) {
    throw validationError('The number of attributes in key schema must match the number of attributes defined in attribute definitions.');
  }
  if (context.tables.has(name)) throw new DynamoDBError('ResourceInUseException', 'Cannot create preexisting table');
  applyStreamSpecification(context, name, keySchema, input.StreamSpecification, true);
  const table = new Table({ name, keySchema, attributeDefinitions: definitions, billingMode, throughput, creationDateTime: context.now() });
  table.deletionProtection = input.DeletionProtectionEnabled === true;
  for (const index of [...lsis, ...gsis]) table.addIndex(index.kind, index.name, index.keySchema, index.projection, index.throughput);
  if (input.Tags !== undefined) addTags(table, input.Tags);
  context.tables.set(name, table);
  return { TableDescription: describeTable(context, table) };
}

// DynamoDB Local reports a missing KeySchema before a missing AttributeDefinitions.
function parseAttributeDefinitionsAfterKeys(input: CreateTableInput): AttributeDefinition[] {
  if (!Array.isArray(input.KeySchema) || input.KeySchema.length === 0) {
    throw validationError('No defined key schema.  A key schema containing at least a hash key must be defined for all tables');
  }
  return parseAttributeDefinitions(input.AttributeDefinitions);
}

export function parseBillingMode(raw: unknown): BillingMode {
  if (raw === undefined || raw === null || raw === 'PROVISIONED') return 'PROVISIONED';
  if (raw === 'PAY_PER_REQUEST') return 'PAY_PER_REQUEST';
  throw validationError(`1 validation error detected: Value '${String(raw)}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]`);
}
