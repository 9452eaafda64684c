// Every export by id, with the file it becomes: what the CLI's `--format` and the Export tab
// list. `exportAll` bundles them into one zip.
import { zipSync, strToU8 } from 'fflate';
import { tablesOf } from '../model/tables';
import type { DesignModel } from '../model/types';
import { cdkStack, cdkStackClassName } from './cdk';
import { cloudFormationJson, cloudFormationYaml, type TemplateOptions } from './cloudFormation';
import { identityVariable, iamPolicyJson, iamPolicyNotes, type IamPolicyOptions, type LeadingKeysOptions } from './iamPolicy';
import { designMarkdown } from './markdown';
import { oneTableJson } from './oneTable';
import { DEFAULT_TABLE_RESOURCE, type TableResource } from './tableSchema';
import { typescriptModule } from './typescriptModule';
import { workbenchJson } from './workbench';

export type ExportFormat = 'cdk' | 'cfn-yaml' | 'cfn-json' | 'iam' | 'ts' | 'markdown' | 'workbench' | 'onetable';

export interface ExportOptions {
  /**
   * CDK and CloudFormation: `table` (Table / AWS::DynamoDB::Table) or `global-table` (TableV2 /
   * AWS::DynamoDB::GlobalTable). Absent: DEFAULT_TABLE_RESOURCE for both.
   */
  resource?: TableResource;
  /** CDK and CloudFormation: add the IAM policy as an AWS::IAM::ManagedPolicy (ARNs from pseudo-parameters). */
  accessPolicy?: boolean;
  /** IAM (and the policy in CDK / CloudFormation): per-user access with `dynamodb:LeadingKeys`. */
  leadingKeys?: boolean;
  /** The caller's identity for `leadingKeys`: a choice `identityVariable` accepts (default `cognito`). */
  identity?: string;
  /** The pattern parameter bound to the identity (default: the first entity's partition-key placeholder). */
  identityAttribute?: string;
  /** IAM: the Region and account of the table's ARNs (placeholders when absent). */
  region?: string;
  account?: string;
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
  /** What a reviewer should know about the result, shown beside it and printed by the CLI. */
  notes?: (model: DesignModel, options: ExportOptions) => string[];
  /** The format holds every table of a design in one file (NoSQL Workbench); the others hold one table. */
  everyTable?: true;
}

function leadingKeysOf(options: ExportOptions): LeadingKeysOptions | undefined {
  if (options.leadingKeys !== true) return undefined;
  return {
    variable: identityVariable(options.identity ?? 'cognito'),
    ...(options.identityAttribute !== undefined && options.identityAttribute !== '' ? { attribute: options.identityAttribute } : {}),
  };
}

function iamOptions(options: ExportOptions): IamPolicyOptions {
  const leadingKeys = leadingKeysOf(options);
  return {
    ...(options.region !== undefined && options.region !== '' ? { region: options.region } : {}),
    ...(options.account !== undefined && options.account !== '' ? { account: options.account } : {}),
    ...(leadingKeys !== undefined ? { leadingKeys } : {}),
  };
}

/** The identity is read only when the template carries the policy, so a bad identity never blocks a plain table. */
function templateOptions(options: ExportOptions): TemplateOptions {
  if (options.accessPolicy !== true) return {};
  const leadingKeys = leadingKeysOf(options);
  return { accessPolicy: leadingKeys !== undefined ? { leadingKeys } : {} };
}

/** The policy notes for CDK and CloudFormation exports that carry the policy (their ARNs need no notes). */
function templateNotes(model: DesignModel, options: ExportOptions): string[] {
  if (options.accessPolicy !== true) return [];
  const leadingKeys = leadingKeysOf(options);
  return iamPolicyNotes(model, leadingKeys !== undefined ? { leadingKeys } : {}, 'template');
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
    generate: (model, options) => cdkStack(model, options.resource ?? DEFAULT_TABLE_RESOURCE, templateOptions(options)),
    notes: templateNotes,
  },
  {
    format: 'cfn-yaml',
    label: 'CloudFormation (YAML)',
    language: 'yaml',
    fileName: (model) => `${fileStem(model)}.template.yaml`,
    generate: (model, options) => cloudFormationYaml(model, options.resource ?? DEFAULT_TABLE_RESOURCE, templateOptions(options)),
    notes: templateNotes,
  },
  {
    format: 'cfn-json',
    label: 'CloudFormation (JSON)',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.template.json`,
    generate: (model, options) => cloudFormationJson(model, options.resource ?? DEFAULT_TABLE_RESOURCE, templateOptions(options)),
    notes: templateNotes,
  },
  {
    format: 'iam',
    label: 'IAM policy',
    language: 'json',
    fileName: (model) => `${fileStem(model)}.iam-policy.json`,
    generate: (model, options) => iamPolicyJson(model, iamOptions(options)),
    notes: (model, options) => iamPolicyNotes(model, iamOptions(options)),
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
    everyTable: true,
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

/**
 * The designs an export is generated from: the whole design for a format that holds every
 * table, else each table on its own, named after the design and the table when there are
 * several, so each table's files and identifiers are apart.
 */
export function exportedTables(definition: ExportDefinition, model: DesignModel): DesignModel[] {
  const tables = tablesOf(model);
  if (definition.everyTable === true || tables.length === 1) return [model];
  return tables.map((table) => ({ ...table, name: `${model.name} ${table.table.name}` }));
}

/** One export of the design as files: one per table, or one for a format that holds every table. */
export function exportFiles(definition: ExportDefinition, model: DesignModel, options: ExportOptions = {}): { fileName: string; text: string; notes: string[] }[] {
  return exportedTables(definition, model).map((design) => ({
    fileName: definition.fileName(design, options),
    text: definition.generate(design, options),
    notes: definition.notes?.(design, options) ?? [],
  }));
}

/** Every export of every table of the design in one zip, each under its own file name. */
export function exportAll(model: DesignModel, options: ExportOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const definition of EXPORTS) for (const file of exportFiles(definition, model, options)) files[file.fileName] = strToU8(file.text);
  return zipSync(files, { level: 6 });
}
