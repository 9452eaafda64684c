// The design as an AWS CDK v2 stack in TypeScript: an exported `Stack` subclass holding the
// classic `Table` (synthesizes `AWS::DynamoDB::Table`; the default, as in the CloudFormation
// export) or a `TableV2` (synthesizes `AWS::DynamoDB::GlobalTable`), and optionally the access
// patterns' IAM policy. Every name goes into the code as a JSON string literal, so hostile names
// cannot break out of the code.
import type { DesignModel, KeyAttribute, Projection, ThroughputSetting } from '../model/types';
import { POLICY_DESCRIPTION, POLICY_LOGICAL_ID, type TemplateOptions } from './cloudFormation';
import { iamPolicyDocumentForTemplate, type TemplateValue } from './iamPolicy';
import { literal, pascalCase, propertyKey } from './identifiers';
import {
  DEFAULT_TABLE_RESOURCE,
  globalWriteScaling,
  indexThroughput,
  RESOURCE_TYPES,
  resourceChoiceText,
  scalingSettings,
  tableThroughput,
  type ScalingSettings,
  type TableResource,
} from './tableSchema';

const ATTRIBUTE_TYPE: Record<KeyAttribute['type'], string> = {
  S: 'dynamodb.AttributeType.STRING',
  N: 'dynamodb.AttributeType.NUMBER',
  B: 'dynamodb.AttributeType.BINARY',
};

function keyAttribute(attribute: KeyAttribute): string {
  return `{ name: ${literal(attribute.name)}, type: ${ATTRIBUTE_TYPE[attribute.type]} }`;
}

function projectionLines(projection: Projection): string[] {
  const lines = [`projectionType: dynamodb.ProjectionType.${projection.type},`];
  if (projection.type === 'INCLUDE') {
    lines.push(`nonKeyAttributes: [${(projection.nonKeyAttributes ?? []).map(literal).join(', ')}],`);
  }
  return lines;
}

function indent(lines: string[], depth: number): string {
  const pad = '  '.repeat(depth);
  return lines
    .flatMap((line) => line.split('\n'))
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}

/** Property lines shared by `Table` and `TableV2`. */
function commonTableLines(model: DesignModel): string[] {
  const table = model.table;
  const lines = [`tableName: ${literal(table.name)},`, `partitionKey: ${keyAttribute(table.partitionKey)},`];
  if (table.sortKey !== undefined) lines.push(`sortKey: ${keyAttribute(table.sortKey)},`);
  if (table.ttlAttribute !== undefined) lines.push(`timeToLiveAttribute: ${literal(table.ttlAttribute)},`);
  if (table.pointInTimeRecovery) lines.push('pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },');
  if (table.deletionProtection) lines.push('deletionProtection: true,');
  lines.push(`tableClass: dynamodb.TableClass.${table.tableClass},`);
  return lines;
}

function usesKms(model: DesignModel): boolean {
  return model.table.encryption.type === 'CUSTOMER_MANAGED';
}

function kmsKeyExpression(model: DesignModel): string {
  const encryption = model.table.encryption;
  return encryption.type === 'CUSTOMER_MANAGED' ? `kms.Key.fromKeyArn(this, 'TableKey', ${literal(encryption.kmsKeyArn)})` : '';
}

function classicTable(model: DesignModel): { body: string[]; usesDuration: boolean; usesTags: boolean } {
  const table = model.table;
  const props = commonTableLines(model);
  const throughput = tableThroughput(model);
  if (throughput === undefined) props.push('billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,');
  else {
    props.push('billingMode: dynamodb.BillingMode.PROVISIONED,');
    props.push(`readCapacity: ${throughput.read.units},`, `writeCapacity: ${throughput.write.units},`);
  }
  if (table.streamViewType !== undefined) props.push(`stream: dynamodb.StreamViewType.${table.streamViewType},`);
  if (table.encryption.type === 'AWS_MANAGED') props.push('encryption: dynamodb.TableEncryption.AWS_MANAGED,');
  if (table.encryption.type === 'CUSTOMER_MANAGED') {
    props.push('encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,', `encryptionKey: ${kmsKeyExpression(model)},`);
  }
  const body = ['const table = new dynamodb.Table(this, \'Table\', {', indent(props, 1), '});'];
  let usesDuration = false;
  const scale = (call: string, setting: ThroughputSetting): void => {
    const settings = scalingSettings(setting);
    if (settings === undefined) return;
    const utilization = [`targetUtilizationPercent: ${settings.targetUtilization}`];
    if (settings.cooldowns !== undefined) {
      usesDuration = true;
      utilization.push(
        `scaleInCooldown: Duration.seconds(${settings.cooldowns.scaleInSeconds})`,
        `scaleOutCooldown: Duration.seconds(${settings.cooldowns.scaleOutSeconds})`,
      );
    }
    body.push(
      `table.${call}{ minCapacity: ${settings.minCapacity}, maxCapacity: ${settings.maxCapacity} })`,
      `  .scaleOnUtilization({ ${utilization.join(', ')} });`,
    );
  };
  for (const index of model.globalSecondaryIndexes) {
    const lines = [`indexName: ${literal(index.name)},`, `partitionKey: ${keyAttribute(index.partitionKey)},`];
    if (index.sortKey !== undefined) lines.push(`sortKey: ${keyAttribute(index.sortKey)},`);
    lines.push(...projectionLines(index.projection));
    const capacity = indexThroughput(model, index);
    if (capacity !== undefined) lines.push(`readCapacity: ${capacity.read.units},`, `writeCapacity: ${capacity.write.units},`);
    body.push('table.addGlobalSecondaryIndex({', indent(lines, 1), '});');
  }
  for (const index of model.localSecondaryIndexes) {
    const lines = [`indexName: ${literal(index.name)},`, `sortKey: ${keyAttribute(index.sortKey)},`, ...projectionLines(index.projection)];
    body.push('table.addLocalSecondaryIndex({', indent(lines, 1), '});');
  }
  if (throughput !== undefined) {
    scale('autoScaleReadCapacity(', throughput.read);
    scale('autoScaleWriteCapacity(', throughput.write);
    for (const index of model.globalSecondaryIndexes) {
      const capacity = indexThroughput(model, index);
      if (capacity === undefined) continue;
      scale(`autoScaleGlobalSecondaryIndexReadCapacity(${literal(index.name)}, `, capacity.read);
      scale(`autoScaleGlobalSecondaryIndexWriteCapacity(${literal(index.name)}, `, capacity.write);
    }
  }
  for (const tag of table.tags) body.push(`Tags.of(table).add(${literal(tag.key)}, ${literal(tag.value)});`);
  return { body, usesDuration, usesTags: table.tags.length > 0 };
}

function capacityExpression(settings: ScalingSettings | undefined, units: number): string {
  if (settings === undefined) return `dynamodb.Capacity.fixed(${units})`;
  return `dynamodb.Capacity.autoscaled({ minCapacity: ${settings.minCapacity}, maxCapacity: ${settings.maxCapacity}, targetUtilizationPercent: ${settings.targetUtilization}, seedCapacity: ${settings.seedCapacity} })`;
}

const readCapacity = (setting: ThroughputSetting): string => capacityExpression(scalingSettings(setting), setting.units);
const writeCapacity = (setting: ThroughputSetting): string => capacityExpression(globalWriteScaling(setting), setting.units);

const POLICY = 'TargetTrackingScalingPolicyConfiguration';

function globalTable(model: DesignModel): { body: string[] } {
  const table = model.table;
  const props = commonTableLines(model);
  const throughput = tableThroughput(model);
  // TableV2's Capacity has no cooldowns; CloudFormation does, so they go in as overrides.
  const overrides: [string, number][] = [];
  const cooldowns = (path: string, settings: ScalingSettings | undefined): void => {
    if (settings?.cooldowns === undefined) return;
    overrides.push([`${path}.${POLICY}.ScaleInCooldown`, settings.cooldowns.scaleInSeconds]);
    overrides.push([`${path}.${POLICY}.ScaleOutCooldown`, settings.cooldowns.scaleOutSeconds]);
  };
  if (throughput === undefined) props.push('billing: dynamodb.Billing.onDemand(),');
  else {
    props.push(
      'billing: dynamodb.Billing.provisioned({',
      `  readCapacity: ${readCapacity(throughput.read)},`,
      `  writeCapacity: ${writeCapacity(throughput.write)},`,
      '}),',
    );
    cooldowns('Replicas.0.ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings', scalingSettings(throughput.read));
    cooldowns('WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings', globalWriteScaling(throughput.write));
  }
  if (table.streamViewType !== undefined) props.push(`dynamoStream: dynamodb.StreamViewType.${table.streamViewType},`);
  const encryption = table.encryption;
  props.push(
    encryption.type === 'AWS_OWNED'
      ? 'encryption: dynamodb.TableEncryptionV2.dynamoOwnedKey(),'
      : encryption.type === 'AWS_MANAGED'
        ? 'encryption: dynamodb.TableEncryptionV2.awsManagedKey(),'
        : `encryption: dynamodb.TableEncryptionV2.customerManagedKey(${kmsKeyExpression(model)}),`,
  );
  if (model.globalSecondaryIndexes.length > 0) {
    props.push('globalSecondaryIndexes: [');
    model.globalSecondaryIndexes.forEach((index, position) => {
      const lines = [`indexName: ${literal(index.name)},`, `partitionKey: ${keyAttribute(index.partitionKey)},`];
      if (index.sortKey !== undefined) lines.push(`sortKey: ${keyAttribute(index.sortKey)},`);
      lines.push(...projectionLines(index.projection));
      const capacity = indexThroughput(model, index);
      if (capacity !== undefined) {
        lines.push(`readCapacity: ${readCapacity(capacity.read)},`, `writeCapacity: ${writeCapacity(capacity.write)},`);
        cooldowns(`Replicas.0.GlobalSecondaryIndexes.${position}.ReadProvisionedThroughputSettings.ReadCapacityAutoScalingSettings`, scalingSettings(capacity.read));
        cooldowns(`GlobalSecondaryIndexes.${position}.WriteProvisionedThroughputSettings.WriteCapacityAutoScalingSettings`, globalWriteScaling(capacity.write));
      }
      props.push('  {', indent(lines, 2), '  },');
    });
    props.push('],');
  }
  if (model.localSecondaryIndexes.length > 0) {
    props.push('localSecondaryIndexes: [');
    for (const index of model.localSecondaryIndexes) {
      const lines = [`indexName: ${literal(index.name)},`, `sortKey: ${keyAttribute(index.sortKey)},`, ...projectionLines(index.projection)];
      props.push('  {', indent(lines, 2), '  },');
    }
    props.push('],');
  }
  if (table.tags.length > 0) {
    props.push('tags: [');
    for (const tag of table.tags) props.push(`  { key: ${literal(tag.key)}, value: ${literal(tag.value)} },`);
    props.push('],');
  }
  const body = ['const table = new dynamodb.TableV2(this, \'Table\', {', indent(props, 1), '});'];
  if (overrides.length > 0) {
    body.push('const cfnTable = table.node.defaultChild as dynamodb.CfnGlobalTable;');
    for (const [path, value] of overrides) body.push(`cfnTable.addPropertyOverride(${literal(path)}, ${value});`);
  }
  return { body };
}

export function cdkStackClassName(model: DesignModel): string {
  return `${pascalCase(model.name, 'Design')}Stack`;
}

/** A template value as TypeScript; `Fn::Sub` becomes `Fn.sub`, which synthesizes the same value. */
function templateExpression(value: TemplateValue, depth: number): string {
  if (typeof value === 'string') return literal(value);
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[\n${value.map((element) => `${pad}${templateExpression(element, depth + 1)},`).join('\n')}\n${close}]`;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string' && Object.keys(value).length === 1) return `Fn.sub(${literal(sub)})`;
  const entries = Object.entries(value);
  return entries.length === 0 ? '{}' : `{\n${entries.map(([key, inner]) => `${pad}${propertyKey(key)}: ${templateExpression(inner, depth + 1)},`).join('\n')}\n${close}}`;
}

function accessPolicyLines(model: DesignModel, options: NonNullable<TemplateOptions['accessPolicy']>): string[] {
  const document = iamPolicyDocumentForTemplate(model, options);
  return [
    `const accessPolicy = new iam.CfnManagedPolicy(this, ${literal(POLICY_LOGICAL_ID)}, {`,
    `  description: ${literal(POLICY_DESCRIPTION)},`,
    `  policyDocument: ${templateExpression(document, 1)},`,
    '});',
  ];
}

/** The CDK app's stack module; `resource` picks `Table` (table, the default) or `TableV2` (global-table). */
export function cdkStack(model: DesignModel, resource: TableResource = DEFAULT_TABLE_RESOURCE, options: TemplateOptions = {}): string {
  const className = cdkStackClassName(model);
  const classic = resource === 'table' ? classicTable(model) : undefined;
  const body = classic?.body ?? globalTable(model).body;
  const core = ['CfnOutput', 'Stack', 'type StackProps'];
  if (classic?.usesDuration === true) core.unshift('Duration');
  if (options.accessPolicy !== undefined) core.splice(core.indexOf('Stack'), 0, 'Fn');
  if (classic?.usesTags === true) core.splice(core.indexOf('type StackProps'), 0, 'Tags');
  const outputs = [
    "new CfnOutput(this, 'TableName', { value: table.tableName, description: 'Name of the DynamoDB table' });",
    "new CfnOutput(this, 'TableArn', { value: table.tableArn, description: 'ARN of the DynamoDB table' });",
  ];
  if (model.table.streamViewType !== undefined) {
    outputs.push(
      "new CfnOutput(this, 'TableStreamArn', { value: table.tableStreamArn ?? '', description: 'ARN of the table stream' });",
    );
  }
  if (options.accessPolicy !== undefined) {
    body.push(...accessPolicyLines(model, options.accessPolicy));
    outputs.push("new CfnOutput(this, 'AccessPolicyArn', { value: accessPolicy.ref, description: 'ARN of the managed policy to attach to the application role' });");
  }
  return [
    '// Generated by Tablesmith. Deploy with `cdk deploy` from an app that instantiates this stack.',
    `// ${resourceChoiceText(resource)}`,
    `import { ${core.join(', ')} } from 'aws-cdk-lib';`,
    "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';",
    ...(options.accessPolicy !== undefined ? ["import * as iam from 'aws-cdk-lib/aws-iam';"] : []),
    ...(usesKms(model) ? ["import * as kms from 'aws-cdk-lib/aws-kms';"] : []),
    "import type { Construct } from 'constructs';",
    '',
    `export class ${className} extends Stack {`,
    `  public readonly table: ${RESOURCE_TYPES[resource].cdk};`,
    '',
    '  constructor(scope: Construct, id: string, props?: StackProps) {',
    '    super(scope, id, props);',
    indent(body, 2),
    '    this.table = table;',
    indent(outputs, 2),
    '  }',
    '}',
    '',
  ].join('\n');
}
