// What every infrastructure export (CloudFormation, CDK) derives the same way from the model:
// the attribute definitions, the throughput each index really gets, and the resource choice.
import type { DesignModel, GlobalSecondaryIndex, KeyAttribute, ThroughputSetting } from '../model/types';

/** `table` is `AWS::DynamoDB::Table` (CDK `Table`); `global-table` is `AWS::DynamoDB::GlobalTable` (CDK `TableV2`). */
export type TableResource = 'table' | 'global-table';

export const TABLE_RESOURCES: readonly TableResource[] = ['table', 'global-table'];

/**
 * What both the CDK and the CloudFormation export use unless told otherwise, so the two defaults
 * deploy the same table: the classic table, the least surprising choice for a single-Region design.
 */
export const DEFAULT_TABLE_RESOURCE: TableResource = 'table';

export const RESOURCE_TYPES: Record<TableResource, { cloudFormation: string; cdk: string }> = {
  table: { cloudFormation: 'AWS::DynamoDB::Table', cdk: 'dynamodb.Table' },
  'global-table': { cloudFormation: 'AWS::DynamoDB::GlobalTable', cdk: 'dynamodb.TableV2' },
};

/** The header sentence of a generated template or stack: which resource it uses and how to switch. */
export function resourceChoiceText(resource: TableResource): string {
  const other: TableResource = resource === 'table' ? 'global-table' : 'table';
  const used = RESOURCE_TYPES[resource];
  const alternative = RESOURCE_TYPES[other];
  return (
    `Uses ${used.cloudFormation} (CDK ${used.cdk})${resource === DEFAULT_TABLE_RESOURCE ? ', the default of both the CDK and the CloudFormation export' : ''}. ` +
    `For ${alternative.cloudFormation} (CDK ${alternative.cdk}) choose it under "Table resource" in the Export tab, or export with --resource ${other}.`
  );
}

export interface Throughput {
  read: ThroughputSetting;
  write: ThroughputSetting;
}

/** Key attributes of the table and its indexes, each once, in the order DynamoDB lists them. */
export function attributeDefinitions(model: DesignModel): KeyAttribute[] {
  const byName = new Map<string, KeyAttribute>();
  const add = (attribute: KeyAttribute | undefined): void => {
    if (attribute !== undefined && !byName.has(attribute.name)) byName.set(attribute.name, attribute);
  };
  add(model.table.partitionKey);
  add(model.table.sortKey);
  for (const index of model.globalSecondaryIndexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  for (const index of model.localSecondaryIndexes) add(index.sortKey);
  return [...byName.values()];
}

/** The table's throughput, or undefined when it is on demand. */
export function tableThroughput(model: DesignModel): Throughput | undefined {
  const billing = model.table.billing;
  return billing.mode === 'PROVISIONED' ? { read: billing.read, write: billing.write } : undefined;
}

/**
 * A GSI's throughput on a provisioned table. A GSI without its own settings gets the table's
 * fixed units (without auto-scaling), since CloudFormation requires a value for every GSI.
 */
export function indexThroughput(model: DesignModel, index: GlobalSecondaryIndex): Throughput | undefined {
  const table = tableThroughput(model);
  if (table === undefined) return undefined;
  return index.throughput ?? { read: { units: table.read.units }, write: { units: table.write.units } };
}

/** An auto-scaling setting as both CloudFormation resources express it. */
export interface ScalingSettings {
  minCapacity: number;
  maxCapacity: number;
  targetUtilization: number;
  /** Absent when the model gave none (pinned capacity). */
  cooldowns?: { scaleInSeconds: number; scaleOutSeconds: number };
  /** The provisioned units to start from. */
  seedCapacity: number;
}

export function scalingSettings(setting: ThroughputSetting): ScalingSettings | undefined {
  const scaling = setting.autoScaling;
  if (scaling === undefined) return undefined;
  return {
    minCapacity: scaling.minCapacity,
    maxCapacity: scaling.maxCapacity,
    targetUtilization: scaling.targetUtilization,
    cooldowns: { scaleInSeconds: scaling.scaleInCooldownSeconds, scaleOutSeconds: scaling.scaleOutCooldownSeconds },
    seedCapacity: setting.units,
  };
}

/**
 * Global tables only scale writes automatically (`WriteCapacityAutoScalingSettings` is the one
 * write setting CloudFormation offers, and CDK's TableV2 refuses fixed write capacity), so fixed
 * write units become auto-scaling pinned at that value: the capacity never moves, which is
 * what fixed units mean.
 */
export const PINNED_TARGET_UTILIZATION = 70;

export function globalWriteScaling(setting: ThroughputSetting): ScalingSettings {
  return (
    scalingSettings(setting) ?? {
      minCapacity: setting.units,
      maxCapacity: setting.units,
      targetUtilization: PINNED_TARGET_UTILIZATION,
      seedCapacity: setting.units,
    }
  );
}
