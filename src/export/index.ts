// Every export by id, with the file it becomes: what the CLI's `--format` and the Export tab
// list. `exportAll` bundles them into one zip.
import { zipSync, strToU8 } from 'fflate';
import type { DesignModel } from '../model/types';
import { cdkStack, cdkStackClassName } from './cdk';
import { cloudFormationJson, cloudFormationYaml } from './cloudFormation';
import { COGNITO_IDENTITY, iamPolicyJson } from './iamPolicy';
import { designMarkdown } from './markdown';
import { oneTableJson } from './oneTable';
import type { TableResource } from './tableSchema';
import { typescriptModule } from './typescriptModule';
import { workbenchJson } from './workbench';

export type ExportFormat = 'cdk' | 'cfn-yaml' | 'cfn-json' | 'iam' | 'ts' | 'markdown' | 'workbench' | 'onetable';

export interface ExportOptions {
  /**
   * CDK and CloudFormation: `global-table` (TableV2 / AWS::DynamoDB::GlobalTable) or `table`
   * (Table / AWS::DynamoDB::Table). Absent: TableV2 for CDK, AWS::DynamoDB::Table for CloudFormation.
   */
  resource?: TableResource;
  /** IAM: add the seed's fine-grained `dynamodb:LeadingKeys` condition bound to the Cognito identity. */
  leadingKeys?: boolean;
  /** Workbench: the creation date written into the model (now when absent). */
  now?: Date;
}

export interface ExportDefinition {
  format: ExportFormat;
  label: string;
  /** Monaco language id of the result. */
  language: 'typescript' | 'yaml' | 'json' | 'markdown';
  fileName: (model: DesignModel, options: ExportOptions) => string;
  generate: (model: DesignModel, options: ExportOptions) => string;
}

/** A file-system-safe stem from the design name. */
export function fileStem(model: DesignModel): string {
  const stem = model.name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return stem === '' ? 'design' : stem.slice(0, 80);
}


export const EXPORTS: readonly ExportDefinition[] = [
  {
    format: 'cdk',
    label: 'AWS CDK (TypeScript)',
    language: 'typescript',
    fileName: (model) => `${cdkStackClassName(model)}.ts`,
    generate: (model, options) => cdkStack(model, options.resource ?? 'global-table'),
  },
  {
    format: 'cfn-yaml',
    label: 'CloudFormation (YAML)',
    language: 'yaml',
    fileName: (model) => `${fileStem(model)}.template.yaml`,
    generate: (model, options) => cloudFormationYaml(model, options.resource ?? 'table'),
  },
  {
    format: 'cfn-json',
    label: 'CloudFormation (JSON)',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.template.json`,
    generate: (model, options) => cloudFormationJson(model, options.resource ?? 'table'),
  },
  {
    format: 'iam',
    label: 'IAM policy',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.iam-policy.json`,
    generate: (model, options) => iamPolicyJson(model, options.leadingKeys === true ? { leadingKeys: { variable: COGNITO_IDENTITY } } : {}),
  },
  {
    format: 'ts',
    label: 'TypeScript data access',
    language: 'typescript',
    fileName: (model) => `${fileStem(model)}.data.ts`,
    generate: (model) => typescriptModule(model),
  },
  {
    format: 'markdown',
    label: 'Design document (Markdown)',
    language: 'markdown',
    fileName: (model) => `${fileStem(model)}.md`,
    generate: (model) => designMarkdown(model),
  },
  {
    format: 'workbench',
    label: 'NoSQL Workbench model',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.workbench.json`,
    generate: (model, options) => workbenchJson(model, options.now),
  },
  {
    format: 'onetable',
    label: 'OneTable schema',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.onetable.json`,
    generate: (model) => oneTableJson(model),
  },
];

export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTS.map((definition) => definition.format);

export function exportDefinition(format: ExportFormat): ExportDefinition {
  const definition = EXPORTS.find((candidate) => candidate.format === format);
  if (definition === undefined) throw new Error(`unknown export format ${format}`);
  return definition;
}

/** Every export of the design in one zip, each under its own file name. */
export function exportAll(model: DesignModel, options: ExportOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const definition of EXPORTS) files[definition.fileName(model, options)] = strToU8(definition.generate(model, options));
  return zipSync(files, { level: 6 });
}
