// The design as a NoSQL Workbench data model (format 3.0): each of its tables with a facet per
// entity, whose key aliases are the entity's key templates, and the items (the fixed items the
// user brought, unchanged, then generated samples) as table and facet data, so the design opens
// in NoSQL Workbench with its data.
import type { Item } from '../engine/AttributeValue';
import { generateSampleItems } from '../model/sampleData';
import type { AttributeType, DesignModel, KeyAttribute, ThroughputSetting } from '../model/types';
import { tablesOf } from '../model/tables';
import { attributeDefinitions } from './tableSchema';

const AUTOSCALING_ROLE = 'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable';

function keyAttributes(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): Record<string, unknown> {
  return {
    PartitionKey: { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
    ...(sortKey !== undefined ? { SortKey: { AttributeName: sortKey.name, AttributeType: sortKey.type } } : {}),
  };
}

function autoScaling(setting: ThroughputSetting): Record<string, unknown> | undefined {
  const scaling = setting.autoScaling;
  if (scaling === undefined) return undefined;
  return {
    ScalableTargetRequest: { MinCapacity: scaling.minCapacity, MaxCapacity: scaling.maxCapacity, ServiceRole: AUTOSCALING_ROLE },
    // Workbench files carry only the target value; cooldowns stay in the CDK and CloudFormation exports.
    ScalingPolicyConfiguration: { TargetValue: scaling.targetUtilization },
  };
}

/** Non-key attributes with their types: entity attributes, type attributes and index keys, each once. */
function nonKeyAttributes(model: DesignModel, items: readonly Item[]): { AttributeName: string; AttributeType: AttributeType }[] {
  const tableKeys = new Set([model.table.partitionKey.name, model.table.sortKey?.name]);
  const types = new Map<string, AttributeType>();
  const add = (name: string, type: AttributeType): void => {
    if (!tableKeys.has(name) && !types.has(name)) types.set(name, type);
  };
  for (const attribute of attributeDefinitions(model)) add(attribute.name, attribute.type);
  for (const entity of model.entities) {
    if (entity.typeAttribute !== undefined) add(entity.typeAttribute, 'S');
    for (const attribute of entity.attributes) add(attribute.name, attribute.type);
  }
  for (const item of items) for (const [name, value] of Object.entries(item)) add(name, Object.keys(value)[0] as AttributeType);
  return [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

export function workbenchDocument(model: DesignModel, now: Date = new Date()): Record<string, unknown> {
  const date = now.toISOString();
  return {
    ModelName: model.name,
    ModelMetadata: {
      Author: 'Tablesmith',
      DateCreated: date,
      DateLastModified: date,
      Description: model.description ?? '',
      AWSService: 'Amazon DynamoDB',
      Version: '3.0',
    },
    DataModel: tablesOf(model).map(workbenchTable),
  };
}

function workbenchTable(model: DesignModel): Record<string, unknown> {
  const table = model.table;
  const samples = generateSampleItems(model);
  const items = samples.map((sample) => sample.item);
  const tableKeys = new Set([table.partitionKey.name, table.sortKey?.name]);
  const facets = model.entities.map((entity) => {
    const entityItems = samples.filter((sample) => sample.entityId === entity.id).map((sample) => sample.item);
    const names = new Set<string>();
    if (entity.typeAttribute !== undefined) names.add(entity.typeAttribute);
    for (const attribute of entity.attributes) names.add(attribute.name);
    for (const item of entityItems) for (const name of Object.keys(item)) if (!tableKeys.has(name)) names.add(name);
    return {
      FacetName: entity.name,
      KeyAttributeAlias: {
        PartitionKeyAlias: entity.keys.partitionKey,
        ...(table.sortKey !== undefined ? { SortKeyAlias: entity.keys.sortKey ?? table.sortKey.name } : {}),
      },
      TableData: entityItems,
      NonKeyAttributes: [...names],
      DataAccess: { MySql: {} },
    };
  });
  const billing = table.billing;
  return {
    TableName: table.name,
    KeyAttributes: keyAttributes(table.partitionKey, table.sortKey),
    NonKeyAttributes: nonKeyAttributes(model, items),
    TableFacets: facets,
    GlobalSecondaryIndexes: model.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeyAttributes: keyAttributes(index.partitionKey, index.sortKey),
      Projection: {
        ProjectionType: index.projection.type,
        ...(index.projection.type === 'INCLUDE' ? { NonKeyAttributes: index.projection.nonKeyAttributes ?? [] } : {}),
      },
    })),
    TableData: items,
    DataAccess: { MySql: {} },
    ...(table.ttlAttribute !== undefined ? { TimeToLiveAttribute: table.ttlAttribute } : {}),
    BillingMode: billing.mode,
    ...(billing.mode === 'PROVISIONED'
      ? {
          ProvisionedCapacitySettings: {
            ProvisionedThroughput: { ReadCapacityUnits: billing.read.units, WriteCapacityUnits: billing.write.units },
            ...(autoScaling(billing.read) !== undefined ? { AutoScalingRead: autoScaling(billing.read) } : {}),
            ...(autoScaling(billing.write) !== undefined ? { AutoScalingWrite: autoScaling(billing.write) } : {}),
          },
        }
      : {}),
  };
}

export function workbenchJson(model: DesignModel, now?: Date): string {
  return `${JSON.stringify(workbenchDocument(model, now), null, 2)}\n`;
}
