// `serve --model`: turns a Tablesmith design into the table it describes (keys, indexes,
// billing, stream, TTL, tags) and fills it with the design's deterministic sample items.
import type { Engine } from '../engine';
import { generateSampleItems } from '../model/sampleData';
import { parseModel } from '../model/parse';
import type { DesignModel, KeyAttribute, Projection } from '../model/types';

type KeySchemaElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): KeySchemaElement[] {
  return [{ AttributeName: partitionKey.name, KeyType: 'HASH' }, ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : [])];
}

function projection(value: Projection) {
  return {
    ProjectionType: value.type,
    ...(value.type === 'INCLUDE' ? { NonKeyAttributes: value.nonKeyAttributes ?? [] } : {}),
  };
}

/** The CreateTable request a design stands for. */
export function createTableInput(model: DesignModel) {
  const { table } = model;
  const definitions = new Map<string, KeyAttribute['type']>();
  const define = (attribute: KeyAttribute | undefined) => {
    if (attribute) definitions.set(attribute.name, attribute.type);
  };
  define(table.partitionKey);
  define(table.sortKey);
  for (const index of model.globalSecondaryIndexes) {
    define(index.partitionKey);
    define(index.sortKey);
  }
  for (const index of model.localSecondaryIndexes) define(index.sortKey);
  const provisioned = table.billing.mode === 'PROVISIONED' ? table.billing : undefined;
  const throughput = (read: number, write: number) => ({ ReadCapacityUnits: read, WriteCapacityUnits: write });
  return {
    TableName: table.name,
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    AttributeDefinitions: [...definitions].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    BillingMode: table.billing.mode,
    ...(provisioned ? { ProvisionedThroughput: throughput(provisioned.read.units, provisioned.write.units) } : {}),
    ...(model.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: model.globalSecondaryIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: projection(index.projection),
            ...(provisioned
              ? {
                  ProvisionedThroughput: index.throughput
                    ? throughput(index.throughput.read.units, index.throughput.write.units)
                    : throughput(provisioned.read.units, provisioned.write.units),
                }
              : {}),
          })),
        }
      : {}),
    ...(model.localSecondaryIndexes.length > 0
      ? {
          LocalSecondaryIndexes: model.localSecondaryIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(table.partitionKey, index.sortKey),
            Projection: projection(index.projection),
          })),
        }
      : {}),
    ...(table.streamViewType ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType } } : {}),
  };
}

/** Creates the design's table in `engine` and writes its sample items. */
export function seedEngine(engine: Engine, model: DesignModel): { items: number; rejected: string[] } {
  engine.CreateTable(createTableInput(model) as Parameters<Engine['CreateTable']>[0]);
  const { table } = model;
  if (table.ttlAttribute) engine.UpdateTimeToLive({ TableName: table.name, TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute } });
  if (table.tags.length > 0) {
    const arn = engine.DescribeTable({ TableName: table.name }).Table?.TableArn ?? '';
    engine.TagResource({ ResourceArn: arn, Tags: table.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) });
  }
  const rejected: string[] = [];
  let items = 0;
  for (const sample of generateSampleItems(model)) {
    try {
      engine.PutItem({ TableName: table.name, Item: sample.item });
      items++;
    } catch (error) {
      const entity = model.entities.find((candidate) => candidate.id === sample.entityId)?.name ?? sample.entityId;
      rejected.push(`${entity}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { items, rejected };
}

/** Parses a model file; throws an Error naming the file and each problem's location. */
export function loadModelSeed(text: string, path: string): (engine: Engine) => void {
  const parsed = parseModel(text);
  if ('issues' in parsed) {
    const problems = parsed.issues.map((issue) => `  ${issue.path || '/'}: ${issue.message}`).join('\n');
    throw new Error(`${path} is not a usable Tablesmith model:\n${problems}`);
  }
  const { model } = parsed;
  return (engine) => {
    const { rejected } = seedEngine(engine, model);
    if (rejected.length > 0) {
      console.warn(`tablesmith serve: ${rejected.length} sample item(s) of ${path} were rejected, first: ${rejected[0]}`);
    }
  };
}
