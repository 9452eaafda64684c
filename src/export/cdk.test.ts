import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DesignModel } from '../model/types';
import { cdkStack, cdkStackClassName } from './cdk';
import { cloudFormationTemplate, POLICY_LOGICAL_ID, TABLE_LOGICAL_ID, type CfnResource, type CfnValue, type TemplateOptions } from './cloudFormation';
import { exportDefinition } from './index';
import { TABLE_RESOURCES, type TableResource } from './tableSchema';
import { loadModule, PROJECT_ROOT, typeCheck } from './testing/compile';
import { codeShape } from './testing/codeSafety';
import { accessPatternsDesign, fullFeatureDesign, HOSTILE_NAMES, hostileDesign, onDemandDesign } from './testing/designs';
import { builtInDesigns } from './testing/examples';

const projectRequire = createRequire(`${PROJECT_ROOT}/package.json`);
const cdk = projectRequire('aws-cdk-lib') as typeof import('aws-cdk-lib');
const assertions = projectRequire('aws-cdk-lib/assertions') as typeof import('aws-cdk-lib/assertions');

/** The test synthesizes in a concrete region: TableV2 needs one to place a customer-managed key. */
const REGION = 'us-east-1';

type Resources = Record<string, { Type: string } & Record<string, unknown>>;

/** The stack's resources; `resource` undefined synthesizes the export's default stack. */
function synthesize(model: DesignModel, resource: TableResource | undefined, options: TemplateOptions = {}): Resources {
  const exports = loadModule(resource === undefined ? cdkStack(model) : cdkStack(model, resource, options));
  const StackClass = exports[cdkStackClassName(model)] as new (scope: unknown, id: string, props: unknown) => InstanceType<typeof cdk.Stack>;
  const app = new cdk.App();
  const stack = new StackClass(app, 'Synthesized', { env: { region: REGION } });
  return assertions.Template.fromStack(stack).toJSON().Resources as Resources;
}

/**
 * Normalizing removes exactly two differences: the CloudFormation export names the replica region
 * `{ Ref: AWS::Region }` (deploy anywhere) where the synthesized stack has the test's concrete
 * region, and CDK's hashed logical id of the table (compared as `Table`). Everything else — type,
 * properties, deletion and replace policies — must be equal.
 */
function normalize(value: CfnValue | unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 1 && record.Ref === 'AWS::Region') return REGION;
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, normalize(inner)]));
  }
  return value;
}

function dynamoResource(resources: Record<string, { Type: string }>): unknown {
  const tables = Object.values(resources).filter((resource) => resource.Type.startsWith('AWS::DynamoDB::'));
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** CDK names the table `Table<hash>`; references to it are renamed to the export's logical id. */
function renameTableLogicalId(resources: Record<string, { Type: string }>): unknown {
  const logicalId = Object.keys(resources).find((id) => resources[id]?.Type.startsWith('AWS::DynamoDB::'));
  return JSON.parse(JSON.stringify(resources).replaceAll(JSON.stringify(logicalId), JSON.stringify(TABLE_LOGICAL_ID)));
}

const designs: [string, DesignModel][] = [
  ['full-feature', fullFeatureDesign()],
  ['access patterns', accessPatternsDesign()],
  ['on-demand', onDemandDesign()],
  ['hostile names', hostileDesign()],
  ...builtInDesigns(),
];

describe('CDK export', () => {
  it('compiles under tsc --strict for every design and resource choice', () => {
    const files: Record<string, string> = {};
    designs.forEach(([, model], position) => {
      for (const resource of TABLE_RESOURCES) {
        files[`stack${position}-${resource}.ts`] = cdkStack(model, resource);
        files[`stack${position}-${resource}-policy.ts`] = cdkStack(model, resource, { accessPolicy: { leadingKeys: { variable: '${aws:userid}' } } });
      }
    });
    expect(typeCheck(files)).toEqual([]);
  }, 120_000);

  for (const [label, model] of designs) {
    for (const resource of TABLE_RESOURCES) {
      it(`synthesizes the same DynamoDB resource as the CloudFormation export (${label}, ${resource})`, () => {
        const synthesized = dynamoResource(synthesize(model, resource));
        const exported = cloudFormationTemplate(model, resource).Resources.Table as CfnResource;
        expect(normalize(synthesized)).toEqual(normalize(exported));
      }, 60_000);
    }
  }

  for (const [label, model] of designs) {
    it(`synthesizes by default the same DynamoDB resource as the default CloudFormation export (${label})`, () => {
      const synthesized = dynamoResource(synthesize(model, undefined));
      const exported = cloudFormationTemplate(model).Resources.Table as CfnResource;
      expect((synthesized as { Type: string }).Type).toBe('AWS::DynamoDB::Table');
      expect(normalize(synthesized)).toEqual(normalize(exported));
      // The Export tab and the CLI with no --resource give the same two defaults.
      expect(exportDefinition('cdk').generate(model, {})).toBe(cdkStack(model));
      expect(JSON.parse(exportDefinition('cfn-json').generate(model, {}))).toEqual(cloudFormationTemplate(model));
    }, 60_000);
  }

  it('says in the stack which resource it uses and how to switch', () => {
    const model = onDemandDesign();
    expect(cdkStack(model).split('\n')[1]).toMatch(/^\/\/ Uses AWS::DynamoDB::Table \(CDK dynamodb\.Table\), the default .*--resource global-table\.$/);
    expect(cdkStack(model, 'global-table').split('\n')[1]).toMatch(/^\/\/ Uses AWS::DynamoDB::GlobalTable \(CDK dynamodb\.TableV2\).*--resource table\.$/);
  });

  for (const [label, model] of [['access patterns', accessPatternsDesign()], ['hostile names', hostileDesign()]] as const) {
    for (const resource of TABLE_RESOURCES) {
      it(`synthesizes the same access policy as the CloudFormation export (${label}, ${resource})`, () => {
        const options: TemplateOptions = { accessPolicy: { leadingKeys: { variable: '${cognito-identity.amazonaws.com:sub}' } } };
        const policies = Object.values(synthesize(model, resource, options)).filter((candidate) => candidate.Type === 'AWS::IAM::ManagedPolicy');
        expect(policies).toEqual([cloudFormationTemplate(model, resource, options).Resources[POLICY_LOGICAL_ID]]);
      }, 60_000);
    }
  }

  it('synthesizes auto-scaling for the classic table like the CloudFormation export', () => {
    const resources = Object.values(renameTableLogicalId(synthesize(fullFeatureDesign(), 'table')) as object);
    const exported = Object.values(cloudFormationTemplate(fullFeatureDesign(), 'table').Resources);
    const summary = (list: { Type: string; Properties?: unknown }[]): unknown[] =>
      list
        .filter((resource) => resource.Type === 'AWS::ApplicationAutoScaling::ScalableTarget')
        .map((resource) => {
          const properties = resource.Properties as Record<string, unknown>;
          return [properties.ScalableDimension, properties.MinCapacity, properties.MaxCapacity, JSON.stringify(properties.ResourceId)];
        })
        .sort();
    expect(summary(resources as { Type: string; Properties?: unknown }[])).toEqual(summary(exported));
    expect(summary(exported)).toHaveLength(2);
  }, 60_000);

  it('keeps hostile names inside string literals', () => {
    for (const resource of TABLE_RESOURCES) {
      const shape = codeShape(cdkStack(hostileDesign(), resource, { accessPolicy: {} }));
      expect(shape.syntaxErrors).toEqual([]);
      expect(shape.identifiers).not.toContain('process');
      expect(shape.identifiers).not.toContain('exit');
      for (const comment of shape.comments) for (const name of HOSTILE_NAMES) expect(comment).not.toContain(name);
    }
  });
});
