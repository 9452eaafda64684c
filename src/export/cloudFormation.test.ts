import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DesignModel } from '../model/types';
import { cloudFormationJson, cloudFormationTemplate, cloudFormationYaml } from './cloudFormation';
import { TABLE_RESOURCES } from './tableSchema';
import { validateTemplate } from './testing/cloudFormationSchema';
import { fullFeatureDesign, hostileDesign, onDemandDesign } from './testing/designs';
import { builtInDesigns } from './testing/examples';

const designs: [string, DesignModel][] = [
  ['full-feature', fullFeatureDesign()],
  ['on-demand', onDemandDesign()],
  ['hostile names', hostileDesign()],
  ...builtInDesigns(),
];

describe('CloudFormation export', () => {
  for (const [label, model] of designs) {
    for (const resource of TABLE_RESOURCES) {
      it(`is valid against the CloudFormation resource schemas (${label}, ${resource})`, () => {
        const template = cloudFormationTemplate(model, resource);
        expect(validateTemplate(template)).toEqual([]);
      });
      it(`says the same in YAML and JSON (${label}, ${resource})`, () => {
        const fromYaml: unknown = parse(cloudFormationYaml(model, resource));
        const fromJson: unknown = JSON.parse(cloudFormationJson(model, resource));
        expect(fromYaml).toEqual(fromJson);
        expect(fromJson).toEqual(cloudFormationTemplate(model, resource));
      });
    }
  }

  it('the schema check rejects unknown, missing and mistyped properties', () => {
    const template = cloudFormationTemplate(fullFeatureDesign(), 'table');
    const table = template.Resources.Table;
    if (table === undefined) throw new Error('no table');
    const broken = structuredClone(template);
    const properties = broken.Resources.Table?.Properties ?? {};
    delete properties.KeySchema;
    properties.StreamSpecification = { StreamViewType: 7 };
    properties.Bogus = true;
    expect(validateTemplate(broken)).toEqual([
      'Resources.Table.Properties: missing required property KeySchema',
      'Resources.Table.Properties.StreamSpecification.StreamViewType: expected a string, got 7',
      'Resources.Table.Properties: unknown property Bogus',
    ]);
  });

  it('has outputs for the table name, table ARN and stream ARN', () => {
    const outputs = cloudFormationTemplate(fullFeatureDesign(), 'global-table').Outputs;
    expect(outputs).toEqual({
      TableName: { Description: expect.any(String), Value: { Ref: 'Table' } },
      TableArn: { Description: expect.any(String), Value: { 'Fn::GetAtt': ['Table', 'Arn'] } },
      TableStreamArn: { Description: expect.any(String), Value: { 'Fn::GetAtt': ['Table', 'StreamArn'] } },
    });
    expect(Object.keys(cloudFormationTemplate(onDemandDesign(), 'table').Outputs)).toEqual(['TableName', 'TableArn']);
  });

  it('puts auto-scaling in Application Auto Scaling resources for a classic table', () => {
    const resources = cloudFormationTemplate(fullFeatureDesign(), 'table').Resources;
    const targets = Object.values(resources).filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalableTarget');
    expect(targets.map((t) => t.Properties.ScalableDimension).sort()).toEqual([
      'dynamodb:index:WriteCapacityUnits',
      'dynamodb:table:ReadCapacityUnits',
    ]);
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::ApplicationAutoScaling::ScalingPolicy');
    expect(policies).toHaveLength(2);
  });

  it('puts auto-scaling inline for a global table, pinning fixed write capacity', () => {
    const properties = cloudFormationTemplate(fullFeatureDesign(), 'global-table').Resources.Table?.Properties;
    expect(properties?.WriteProvisionedThroughputSettings).toEqual({
      WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 5, SeedCapacity: 5, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } },
    });
    expect(properties?.Replicas).toMatchObject([
      {
        ReadProvisionedThroughputSettings: {
          ReadCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 100, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, ScaleInCooldown: 60, ScaleOutCooldown: 30 } },
        },
      },
    ]);
  });
});
