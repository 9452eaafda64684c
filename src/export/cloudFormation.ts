// The design as a CloudFormation template: one `AWS::DynamoDB::Table` (with Application Auto
// Scaling resources for auto-scaled capacity) or one `AWS::DynamoDB::GlobalTable` (auto-scaling
// inline), plus Outputs. The resource mirrors what CDK's `Table` / `TableV2` synthesize for the
// same design, so the CDK and CloudFormation exports describe the same table.
import { stringify } from 'yaml';
import type { DesignModel, Encryption, GlobalSecondaryIndex, KeyAttribute, Projection, ThroughputSetting } from '../model/types';
import { pascalCase, uniqueIdentifiers } from './identifiers';
import {
  attributeDefinitions,
  globalWriteScaling,
  indexThroughput,
  scalingSettings,
  tableThroughput,
  type ScalingSettings,
  type TableResource,
} from './tableSchema';

export type CfnValue = string | number | boolean | CfnValue[] | { [key: string]: CfnValue };

export interface CfnResource {
  Type: string;
  Properties: Record<string, CfnValue>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface CloudFormationTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, { Description: string; Value: CfnValue }>;
}

/** Logical id of the DynamoDB resource. */
export const TABLE_LOGICAL_ID = 'Table';

const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });
const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });

function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): CfnValue[] {
  const schema: CfnValue[] = [{ AttributeName: partitionKey.name, KeyType: 'HASH' }];
  if (sortKey !== undefined) schema.push({ AttributeName: sortKey.name, KeyType: 'RANGE' });
  return schema;
}

function projection(value: Projection): CfnValue {
  const out: Record<string, CfnValue> = { ProjectionType: value.type };
  if (value.type === 'INCLUDE') out.NonKeyAttributes = value.nonKeyAttributes ?? [];
  return out;
}

function tagList(model: DesignModel): CfnValue[] {
  return model.table.tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

/** CDK's tag manager lists tags sorted by key; doing the same keeps both exports identical. */
function sortedTagList(model: DesignModel): CfnValue[] {
  return [...model.table.tags]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((tag) => ({ Key: tag.key, Value: tag.value }));
}

function provisionedThroughput(read: ThroughputSetting, write: ThroughputSetting): CfnValue {
  return { ReadCapacityUnits: read.units, WriteCapacityUnits: write.units };
}

function commonProperties(model: DesignModel): Record<string, CfnValue> {
  const table = model.table;
  const properties: Record<string, CfnValue> = {
    TableName: table.name,
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    AttributeDefinitions: attributeDefinitions(model).map((attribute) => ({
      AttributeName: attribute.name,
      AttributeType: attribute.type,
    })),
  };
  if (model.localSecondaryIndexes.length > 0) {
    properties.LocalSecondaryIndexes = model.localSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(table.partitionKey, index.sortKey),
      Projection: projection(index.projection),
    }));
  }
  if (table.streamViewType !== undefined) properties.StreamSpecification = { StreamViewType: table.streamViewType };
  if (table.ttlAttribute !== undefined) {
    properties.TimeToLiveSpecification = { AttributeName: table.ttlAttribute, Enabled: true };
  }
  return properties;
}

function tableSse(encryption: Encryption): CfnValue | undefined {
  switch (encryption.type) {
    case 'AWS_OWNED':
      return undefined;
    case 'AWS_MANAGED':
      return { SSEEnabled: true };
    case 'CUSTOMER_MANAGED':
      return { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: encryption.kmsKeyArn };
  }
}

function tableProperties(model: DesignModel): Record<string, CfnValue> {
  const table = model.table;
  const properties = commonProperties(model);
  const throughput = tableThroughput(model);
  if (throughput === undefined) properties.BillingMode = 'PAY_PER_REQUEST';
  else properties.ProvisionedThroughput = provisionedThroughput(throughput.read, throughput.write);
  if (model.globalSecondaryIndexes.length > 0) {
    properties.GlobalSecondaryIndexes = model.globalSecondaryIndexes.map((index) => {
      const gsi: Record<string, CfnValue> = {
        IndexName: index.name,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: projection(index.projection),
      };
      const indexCapacity = indexThroughput(model, index);
      if (indexCapacity !== undefined) gsi.ProvisionedThroughput = provisionedThroughput(indexCapacity.read, indexCapacity.write);
      return gsi;
    });
  }
  if (table.pointInTimeRecovery) properties.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: true };
  if (table.deletionProtection) properties.DeletionProtectionEnabled = true;
  const sse = tableSse(table.encryption);
  if (sse !== undefined) properties.SSESpecification = sse;
  properties.TableClass = table.tableClass;
  if (table.tags.length > 0) properties.Tags = sortedTagList(model);
  return properties;
}

function autoScalingSettings(settings: ScalingSettings): CfnValue {
  const policy: Record<string, CfnValue> = { TargetValue: settings.targetUtilization };
  if (settings.cooldowns !== undefined) {
    policy.ScaleInCooldown = settings.cooldowns.scaleInSeconds;
    policy.ScaleOutCooldown = settings.cooldowns.scaleOutSeconds;
  }
  return {
    MinCapacity: settings.minCapacity,
    MaxCapacity: settings.maxCapacity,
    SeedCapacity: settings.seedCapacity,
    TargetTrackingScalingPolicyConfiguration: policy,
  };
}

function globalReadSettings(setting: ThroughputSetting): CfnValue {
  const scaling = scalingSettings(setting);
  return scaling === undefined
    ? { ReadCapacityUnits: setting.units }
    : { ReadCapacityAutoScalingSettings: autoScalingSettings(scaling) };
}

function globalWriteSettings(setting: ThroughputSetting): CfnValue {
  return { WriteCapacityAutoScalingSettings: autoScalingSettings(globalWriteScaling(setting)) };
}

function globalSse(encryption: Encryption): { table: CfnValue; replica?: CfnValue } {
  switch (encryption.type) {
    case 'AWS_OWNED':
      return { table: { SSEEnabled: false } };
    case 'AWS_MANAGED':
      return { table: { SSEEnabled: true, SSEType: 'KMS' } };
    case 'CUSTOMER_MANAGED':
      return { table: { SSEEnabled: true, SSEType: 'KMS' }, replica: { KMSMasterKeyId: encryption.kmsKeyArn } };
  }
}

function globalTableProperties(model: DesignModel): Record<string, CfnValue> {
  const table = model.table;
  const properties = commonProperties(model);
  const throughput = tableThroughput(model);
  properties.BillingMode = throughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED';
  const replica: Record<string, CfnValue> = { Region: ref('AWS::Region') };
  if (throughput !== undefined) {
    properties.WriteProvisionedThroughputSettings = globalWriteSettings(throughput.write);
    replica.ReadProvisionedThroughputSettings = globalReadSettings(throughput.read);
  }
  if (model.globalSecondaryIndexes.length > 0) {
    properties.GlobalSecondaryIndexes = model.globalSecondaryIndexes.map((index) => {
      const gsi: Record<string, CfnValue> = {
        IndexName: index.name,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: projection(index.projection),
      };
      const indexCapacity = indexThroughput(model, index);
      if (indexCapacity !== undefined) gsi.WriteProvisionedThroughputSettings = globalWriteSettings(indexCapacity.write);
      return gsi;
    });
    replica.GlobalSecondaryIndexes = model.globalSecondaryIndexes.map((index) => {
      const replicaIndex: Record<string, CfnValue> = { IndexName: index.name };
      const indexCapacity = indexThroughput(model, index);
      if (indexCapacity !== undefined) replicaIndex.ReadProvisionedThroughputSettings = globalReadSettings(indexCapacity.read);
      return replicaIndex;
    });
  }
  const sse = globalSse(table.encryption);
  properties.SSESpecification = sse.table;
  if (sse.replica !== undefined) replica.SSESpecification = sse.replica;
  if (table.pointInTimeRecovery) replica.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: true };
  if (table.deletionProtection) replica.DeletionProtectionEnabled = true;
  replica.TableClass = table.tableClass;
  if (table.tags.length > 0) replica.Tags = tagList(model);
  properties.Replicas = [replica];
  return properties;
}

const AUTOSCALING_ROLE: CfnValue = {
  'Fn::Join': [
    '',
    [
      'arn:',
      ref('AWS::Partition'),
      ':iam::',
      ref('AWS::AccountId'),
      ':role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable',
    ],
  ],
};

/** ScalableTarget + ScalingPolicy pairs for every auto-scaled dimension of a classic table. */
function scalingResources(model: DesignModel): Record<string, CfnResource> {
  const resources: Record<string, CfnResource> = {};
  const tags = sortedTagList(model);
  const add = (prefix: string, index: GlobalSecondaryIndex | undefined, dimension: 'Read' | 'Write', setting: ThroughputSetting): void => {
    const settings = scalingSettings(setting);
    if (settings === undefined) return;
    const level = index === undefined ? 'table' : 'index';
    const resourceId: CfnValue[] = ['table/', ref(TABLE_LOGICAL_ID)];
    if (index !== undefined) resourceId.push(`/index/${index.name}`);
    const target: Record<string, CfnValue> = {
      ServiceNamespace: 'dynamodb',
      ScalableDimension: `dynamodb:${level}:${dimension}CapacityUnits`,
      ResourceId: { 'Fn::Join': ['', resourceId] },
      MinCapacity: settings.minCapacity,
      MaxCapacity: settings.maxCapacity,
      RoleARN: AUTOSCALING_ROLE,
    };
    if (tags.length > 0) target.Tags = tags;
    const targetId = `${prefix}${dimension}ScalingTarget`;
    resources[targetId] = { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: target };
    const policy: Record<string, CfnValue> = {
      TargetValue: settings.targetUtilization,
      PredefinedMetricSpecification: { PredefinedMetricType: `DynamoDB${dimension}CapacityUtilization` },
    };
    if (settings.cooldowns !== undefined) {
      policy.ScaleInCooldown = settings.cooldowns.scaleInSeconds;
      policy.ScaleOutCooldown = settings.cooldowns.scaleOutSeconds;
    }
    resources[`${prefix}${dimension}ScalingPolicy`] = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: `${prefix}${dimension}ScalingPolicy`,
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: ref(targetId),
        TargetTrackingScalingPolicyConfiguration: policy,
      },
    };
  };
  const throughput = tableThroughput(model);
  if (throughput === undefined) return resources;
  add(TABLE_LOGICAL_ID, undefined, 'Read', throughput.read);
  add(TABLE_LOGICAL_ID, undefined, 'Write', throughput.write);
  const prefixes = uniqueIdentifiers(
    model.globalSecondaryIndexes.map((index) => index.name),
    (name) => `${TABLE_LOGICAL_ID}Index${pascalCase(name, 'Index')}`.replace(/_/g, ''),
  );
  model.globalSecondaryIndexes.forEach((index, position) => {
    const capacity = indexThroughput(model, index);
    const prefix = prefixes[position] ?? `${TABLE_LOGICAL_ID}Index${position + 1}`;
    if (capacity === undefined) return;
    add(prefix, index, 'Read', capacity.read);
    add(prefix, index, 'Write', capacity.write);
  });
  return resources;
}

export function cloudFormationTemplate(model: DesignModel, resource: TableResource = 'table'): CloudFormationTemplate {
  const tableResource: CfnResource = {
    Type: resource === 'table' ? 'AWS::DynamoDB::Table' : 'AWS::DynamoDB::GlobalTable',
    Properties: resource === 'table' ? tableProperties(model) : globalTableProperties(model),
    // The data outlives the stack unless someone deletes it on purpose, as CDK does by default.
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
  };
  const outputs: CloudFormationTemplate['Outputs'] = {
    TableName: { Description: 'Name of the DynamoDB table', Value: ref(TABLE_LOGICAL_ID) },
    TableArn: { Description: 'ARN of the DynamoDB table', Value: getAtt(TABLE_LOGICAL_ID, 'Arn') },
  };
  // Fn::GetAtt StreamArn fails on a table without a stream, so the output exists only with one.
  if (model.table.streamViewType !== undefined) {
    outputs.TableStreamArn = { Description: 'ARN of the table stream', Value: getAtt(TABLE_LOGICAL_ID, 'StreamArn') };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `DynamoDB table for the ${model.name} design (generated by Tablesmith)`,
    Resources: {
      [TABLE_LOGICAL_ID]: tableResource,
      ...(resource === 'table' ? scalingResources(model) : {}),
    },
    Outputs: outputs,
  };
}

export function cloudFormationJson(model: DesignModel, resource: TableResource = 'table'): string {
  return `${JSON.stringify(cloudFormationTemplate(model, resource), null, 2)}\n`;
}

export function cloudFormationYaml(model: DesignModel, resource: TableResource = 'table'): string {
  // Plain YAML (no short-form tags) so the YAML parses back to exactly the JSON template.
  return stringify(cloudFormationTemplate(model, resource), { lineWidth: 0 });
}
