// A least-privilege IAM policy for the design's access patterns: per pattern, exactly the actions
// its operation needs (transactions and PartiQL map to the item actions they perform, as the
// Service Authorization Reference lists them) on the table ARN or the ARN of the one index it
// reads. Optionally per-user access: a `dynamodb:LeadingKeys` condition binding every partition
// key a request names to the caller's identity.
//
// Where the ARNs come from:
// - the standalone JSON policy uses the Region and account the user gives; without them it uses
//   the placeholders `REGION` and `ACCOUNT_ID`, which match no real table (the policy fails
//   closed) and must be replaced before use;
// - the policy inside the CloudFormation / CDK export uses `Fn::Sub` with the pseudo-parameters
//   `${AWS::Partition}`, `${AWS::Region}` and `${AWS::AccountId}`.
//
// Names are data in both: `$`, `*` and `?` in a table or index name are written as IAM's
// `${$}`, `${*}`, `${?}` so they are neither policy variables nor wildcards, and inside `Fn::Sub`
// every `${` is written `${!` so CloudFormation leaves it alone.
import { requestTemplate } from '../model/accessPatterns/buildRequest';
import { parseKeyCondition } from '../model/accessPatterns/expressions';
import { placeholdersIn } from '../model/accessPatterns/placeholders';
import { resolveTarget } from '../model/accessPatterns/target';
import { parseKeyTemplate } from '../model/keyTemplate';
import type { AccessPattern, DesignModel } from '../model/types';
import { pascalCase, uniqueIdentifiers } from './identifiers';

export interface LeadingKeysOptions {
  /** The IAM policy variable naming the caller, e.g. `${cognito-identity.amazonaws.com:sub}`. */
  variable: string;
  /**
   * The pattern parameter that holds the caller's identity (default: the first placeholder of
   * the first entity's partition key, `userId` in `USER#{{userId}}`).
   */
  attribute?: string;
}

export interface IamPolicyOptions {
  /** Default: derived from the Region (`aws-cn` for cn-*, `aws-us-gov` for us-gov-*), else `aws`. */
  partition?: string;
  region?: string;
  account?: string;
  leadingKeys?: LeadingKeysOptions;
}

export const REGION_PLACEHOLDER = 'REGION';
export const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID';

export interface IdentityChoice {
  id: string;
  label: string;
  variable: string;
}

/** The identity variables offered in the Export tab and the CLI's `--identity`. */
export const COGNITO_IDENTITY = '${cognito-identity.amazonaws.com:sub}';

export const IDENTITY_CHOICES: readonly IdentityChoice[] = [
  { id: 'cognito', label: 'Cognito identity pool: identity id', variable: COGNITO_IDENTITY },
  { id: 'userid', label: 'IAM principal id (aws:userid)', variable: '${aws:userid}' },
  { id: 'username', label: 'IAM user name (aws:username)', variable: '${aws:username}' },
  { id: 'amazon', label: 'Login with Amazon user id', variable: '${www.amazon.com:user_id}' },
  { id: 'google', label: 'Google user id', variable: '${accounts.google.com:sub}' },
  { id: 'facebook', label: 'Facebook user id', variable: '${graph.facebook.com:id}' },
];

/** The prefix of a `--identity` choice naming a principal tag: `principal-tag:tenant`. */
export const PRINCIPAL_TAG_CHOICE = 'principal-tag:';

/**
 * The policy variable for a choice: an id of IDENTITY_CHOICES, `principal-tag:KEY`, or a policy
 * variable written out (`${aws:PrincipalTag/team}`). Throws with what is accepted otherwise.
 */
export function identityVariable(choice: string): string {
  const preset = IDENTITY_CHOICES.find((candidate) => candidate.id === choice);
  if (preset !== undefined) return preset.variable;
  if (choice.startsWith(PRINCIPAL_TAG_CHOICE)) {
    const key = choice.slice(PRINCIPAL_TAG_CHOICE.length);
    // IAM tag keys: letters, digits, spaces and _ . : / = + - @, at most 128 characters.
    if (!/^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u.test(key)) {
      throw new Error(`the principal tag key ${JSON.stringify(key)} is not an IAM tag key (1–128 letters, digits, spaces and _ . : / = + - @)`);
    }
    return `\${aws:PrincipalTag/${key}}`;
  }
  if (/^\$\{[A-Za-z0-9._:/-]+\}$/.test(choice)) return choice;
  throw new Error(
    `unknown identity ${JSON.stringify(choice)}: use one of ${IDENTITY_CHOICES.map((candidate) => candidate.id).join(', ')}, ${PRINCIPAL_TAG_CHOICE}KEY, or a policy variable such as \${aws:PrincipalTag/team}`,
  );
}

/** A statement whose Resource entries are ARNs (`string`) or, inside a template, `Fn::Sub` values. */
type Statement<R> = {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: R[];
  Condition?: Record<string, Record<string, string[]>>;
};

export type IamStatement = Statement<string>;

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

const TRANSACT_ACTIONS: Record<string, string> = {
  Get: 'dynamodb:GetItem',
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

const PARTIQL_ACTIONS: Record<string, string> = {
  SELECT: 'dynamodb:PartiQLSelect',
  INSERT: 'dynamodb:PartiQLInsert',
  UPDATE: 'dynamodb:PartiQLUpdate',
  DELETE: 'dynamodb:PartiQLDelete',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function actionsFor(pattern: AccessPattern, request: Record<string, unknown>): string[] {
  switch (pattern.operation) {
    case 'TransactGetItems':
    case 'TransactWriteItems': {
      const items = Array.isArray(request.TransactItems) ? request.TransactItems : [];
      const actions = new Set<string>();
      for (const entry of items) {
        if (!isRecord(entry)) continue;
        for (const [kind, action] of Object.entries(TRANSACT_ACTIONS)) if (kind in entry) actions.add(action);
      }
      return [...actions].sort();
    }
    case 'ExecuteStatement': {
      const verb = String(request.Statement ?? '').trim().split(/\s+/)[0]?.toUpperCase() ?? '';
      const action = PARTIQL_ACTIONS[verb];
      return action === undefined ? [] : [action];
    }
    default:
      return [`dynamodb:${pattern.operation}`];
  }
}

/** The ExecuteStatement's target index, from `FROM "table"."index"`. */
function statementIndex(statement: string): string | undefined {
  return /\bFROM\s+"(?:[^"]|"")+"\s*\.\s*"((?:[^"]|"")+)"/i.exec(statement)?.[1]?.replace(/""/g, '"');
}

/** Why a pattern cannot be limited to the caller's partition keys; `sid` ends its statement's Sid. */
interface Unbound {
  sid: string;
  reason: string;
}

/** A statement before its ARNs are written: `indexName` undefined is the table. */
interface PlannedStatement {
  sid: string;
  actions: string[];
  indexName: string | undefined;
  /** The LeadingKeys values, already written as IAM strings. */
  leadingKeys?: string[];
  unbound?: Unbound;
}

interface Plan {
  statements: PlannedStatement[];
  notes: string[];
}

/** The attribute that identifies a user by default: the first placeholder of the first entity's partition key. */
function defaultIdentityAttribute(model: DesignModel): string | undefined {
  const template = model.entities[0]?.keys.partitionKey ?? '';
  const first = parseKeyTemplate(template).parts.find((part) => part.kind === 'placeholder');
  return first?.kind === 'placeholder' ? first.name : undefined;
}

/** The string inside an AttributeValue `{ S: … }`, `{ N: … }` or `{ B: … }`. */
function scalarText(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  for (const type of ['S', 'N', 'B']) if (typeof value[type] === 'string') return value[type];
  return undefined;
}

/**
 * Every partition-key value (with its `{{param}}` placeholders) the request names, or a reason
 * why they cannot be known. DynamoDB puts these values in `dynamodb:LeadingKeys`: the table's
 * partition key for item operations, the queried index's partition key for a Query.
 */
function partitionKeyValues(model: DesignModel, pattern: AccessPattern, request: Record<string, unknown>): string[] | Unbound {
  const tableKey = model.table.partitionKey.name;
  const keyValue = (keyOrItem: unknown): string | undefined => (isRecord(keyOrItem) ? scalarText(keyOrItem[tableKey]) : undefined);
  const members = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const records = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
  let values: (string | undefined)[];
  switch (pattern.operation) {
    case 'Scan':
      return { sid: 'Scan', reason: 'a Scan reads every partition, so there is no partition key to tie to the caller' };
    case 'ExecuteStatement':
      return { sid: 'PartiQL', reason: 'Tablesmith does not read partition keys out of PartiQL statements' };
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      values = [keyValue(request.Key)];
      break;
    case 'PutItem':
      values = [keyValue(request.Item)];
      break;
    case 'Query': {
      const target = resolveTarget(model, pattern);
      const names = records(request.ExpressionAttributeNames) as Record<string, string>;
      const parsed = target.ok ? parseKeyCondition(String(request.KeyConditionExpression ?? ''), names, target.target.partitionKey.name) : undefined;
      const partition = parsed?.ok === true && target.ok && parsed.condition.partition.attribute === target.target.partitionKey.name ? parsed.condition.partition : undefined;
      values = [partition === undefined ? undefined : scalarText(records(request.ExpressionAttributeValues)[partition.value])];
      break;
    }
    case 'BatchGetItem':
      values = Object.values(records(request.RequestItems)).flatMap((entry) => members(records(entry).Keys).map(keyValue));
      break;
    case 'BatchWriteItem':
      values = Object.values(records(request.RequestItems)).flatMap((entry) =>
        members(entry).map((write) => keyValue(records(records(write).PutRequest).Item ?? records(records(write).DeleteRequest).Key)),
      );
      break;
    case 'TransactGetItems':
    case 'TransactWriteItems':
      values = members(request.TransactItems).map((entry) => {
        const body = Object.keys(TRANSACT_ACTIONS).map((kind) => records(entry)[kind]).find(isRecord);
        return body === undefined ? undefined : keyValue(body.Item ?? body.Key);
      });
      break;
  }
  const known = values.filter((value): value is string => value !== undefined);
  if (known.length === 0 || known.length < values.length) {
    return { sid: 'KeyNotReadable', reason: 'its request does not name a partition key value Tablesmith can read (an equality on the partition key, or a key with it)' };
  }
  return known;
}

/** `$` written so IAM does not read a policy variable (condition values match literally otherwise). */
function iamConditionText(text: string): string {
  return text.replace(/\$/g, '${$}');
}

/** `$`, `*` and `?` written so IAM reads neither a policy variable nor a wildcard in an ARN. */
function iamResourceText(text: string): string {
  return text.replace(/[$*?]/g, (character) => `\${${character}}`);
}

const PLACEHOLDER = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/;

/** The LeadingKeys values of a bindable pattern, or why it is not bindable. */
function leadingKeyValues(values: string[], variable: string, attribute: string | undefined): string[] | Unbound {
  const bound = new Set<string>();
  for (const value of values) {
    const placeholders = [...new Set(placeholdersIn(value))];
    if (placeholders.length === 0) {
      return { sid: 'SharedKey', reason: `its partition key ${JSON.stringify(value)} is the same for every caller` };
    }
    if (attribute === undefined || placeholders.length !== 1 || placeholders[0] !== attribute) {
      const others = placeholders.filter((name) => name !== attribute);
      return {
        sid: `KeyFrom${others.map((name) => pascalCase(name, 'Parameter').replace(/_/g, '')).join('And')}`,
        reason: `its partition key ${JSON.stringify(value)} is built from ${others.join(', ')}, not only from the caller's ${attribute ?? 'identity'}`,
      };
    }
    // The literal text around the placeholder stays literal; only the placeholder becomes the variable.
    bound.add(value.split(PLACEHOLDER).map(iamConditionText).join(variable));
  }
  return [...bound].sort();
}

function plan(model: DesignModel, options: IamPolicyOptions): Plan {
  const sids = uniqueIdentifiers(
    model.accessPatterns.map((pattern) => pattern.name),
    (name) => pascalCase(name, 'Pattern').replace(/_/g, ''),
  );
  const leadingKeys = options.leadingKeys;
  const attribute = leadingKeys === undefined ? undefined : (leadingKeys.attribute ?? defaultIdentityAttribute(model));
  const statements: PlannedStatement[] = [];
  const notes: string[] = [];
  model.accessPatterns.forEach((pattern, position) => {
    const sid = sids[position] ?? `Pattern${position + 1}`;
    let request: Record<string, unknown>;
    try {
      request = requestTemplate(model, pattern);
    } catch (error) {
      notes.push(`"${pattern.name}" is not in the policy: ${error instanceof Error ? error.message : String(error)}.`);
      return;
    }
    const actions = actionsFor(pattern, request);
    if (actions.length === 0) {
      notes.push(`"${pattern.name}" is not in the policy: its request names no DynamoDB action Tablesmith can map.`);
      return;
    }
    const indexName =
      typeof request.IndexName === 'string'
        ? request.IndexName
        : pattern.operation === 'ExecuteStatement'
          ? statementIndex(String(request.Statement ?? ''))
          : undefined;
    const statement: PlannedStatement = { sid, actions, indexName };
    if (leadingKeys !== undefined) {
      const values = partitionKeyValues(model, pattern, request);
      const bound = Array.isArray(values) ? leadingKeyValues(values, leadingKeys.variable, attribute) : values;
      if (Array.isArray(bound)) statement.leadingKeys = bound;
      else {
        statement.unbound = bound;
        statement.sid = `${sid}NotPerUser${bound.sid}`;
        notes.push(`"${pattern.name}" (statement ${statement.sid}) is allowed for every caller, without dynamodb:LeadingKeys: ${bound.reason}.`);
      }
    }
    statements.push(statement);
  });
  const merged = mergeIdentical(statements);
  return { statements: merged, notes: [...notes, ...overlapNotes(merged)] };
}

/**
 * IAM allows what any statement allows: an action granted on a resource without the condition
 * makes the condition on the same action and resource of other statements moot. Said plainly,
 * so nobody takes the per-user statements for a limit they are not.
 */
function overlapNotes(statements: PlannedStatement[]): string[] {
  const notes: string[] = [];
  for (const open of statements.filter((statement) => statement.unbound !== undefined)) {
    for (const action of open.actions) {
      const moot = statements.filter((bound) => bound.leadingKeys !== undefined && bound.indexName === open.indexName && bound.actions.includes(action));
      if (moot.length === 0) continue;
      notes.push(
        `${action} on ${open.indexName === undefined ? 'the table' : `index ${open.indexName}`} is allowed for every caller by ${open.sid}, so the per-user condition of ${moot.map((bound) => bound.sid).join(', ')} does not limit it; give those patterns a partition key built from the caller to keep them per-user.`,
      );
    }
  }
  return notes;
}

/** Patterns needing exactly the same access share one statement (the first pattern's Sid). */
function mergeIdentical(statements: PlannedStatement[]): PlannedStatement[] {
  const seen = new Map<string, PlannedStatement>();
  for (const statement of statements) {
    const key = JSON.stringify([statement.actions, statement.indexName ?? null, statement.leadingKeys ?? null, statement.unbound?.sid ?? null]);
    if (!seen.has(key)) seen.set(key, statement);
  }
  return [...seen.values()];
}

function partitionOf(region: string | undefined): string {
  if (region?.startsWith('cn-') === true) return 'aws-cn';
  if (region?.startsWith('us-gov-') === true) return 'aws-us-gov';
  return 'aws';
}

function checkOptions(options: IamPolicyOptions): void {
  if (options.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(options.region)) {
    throw new Error(`${JSON.stringify(options.region)} is not an AWS Region code such as eu-west-1`);
  }
  if (options.account !== undefined && !/^\d{12}$/.test(options.account)) {
    throw new Error(`${JSON.stringify(options.account)} is not an AWS account id (12 digits)`);
  }
}

function statementOf<R>(planned: PlannedStatement, resource: R): Statement<R> {
  const statement: Statement<R> = { Sid: planned.sid, Effect: 'Allow', Action: planned.actions, Resource: [resource] };
  if (planned.leadingKeys !== undefined) {
    statement.Condition = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': planned.leadingKeys } };
  }
  return statement;
}

/** The standalone policy, with the given Region and account or the placeholders. */
export function iamPolicy(model: DesignModel, options: IamPolicyOptions = {}): IamPolicy {
  checkOptions(options);
  const partition = options.partition ?? partitionOf(options.region);
  const tableArn = `arn:${partition}:dynamodb:${options.region ?? REGION_PLACEHOLDER}:${options.account ?? ACCOUNT_PLACEHOLDER}:table/${iamResourceText(model.table.name)}`;
  return {
    Version: '2012-10-17',
    Statement: plan(model, options).statements.map((planned) =>
      statementOf(planned, planned.indexName === undefined ? tableArn : `${tableArn}/index/${iamResourceText(planned.indexName)}`),
    ),
  };
}

/**
 * What a reviewer needs to know about the policy: where the ARNs come from, the identity, and
 * every pattern that is allowed for any caller or left out, with the reason. `template`: the
 * policy inside the CloudFormation / CDK export.
 */
export function iamPolicyNotes(model: DesignModel, options: IamPolicyOptions = {}, where: 'standalone' | 'template' = 'standalone'): string[] {
  checkOptions(options);
  const notes: string[] = [];
  const missing = [options.region === undefined ? REGION_PLACEHOLDER : undefined, options.account === undefined ? ACCOUNT_PLACEHOLDER : undefined].filter(
    (part) => part !== undefined,
  );
  if (where === 'template') notes.push("The policy's ARNs name the stack's table in the stack's partition, Region and account (Fn::Sub with AWS::Partition, AWS::Region, AWS::AccountId).");
  else if (missing.length > 0) {
    notes.push(`Replace ${missing.join(' and ')} in the ARNs, or give the Region and account when exporting; until then the policy matches no table.`);
  }
  if (options.leadingKeys !== undefined) {
    const attribute = options.leadingKeys.attribute ?? defaultIdentityAttribute(model);
    notes.push(
      `Per-user access: a request is allowed only when every partition key it names is built with ${options.leadingKeys.variable} in place of {{${attribute ?? '?'}}} (dynamodb:LeadingKeys; for a Query on an index, the index's partition key).`,
    );
  }
  const document = JSON.stringify(iamPolicy(model, options));
  const outside = [...new Set(document.match(/[^\t\n\r\u0020-\u00ff]/gu) ?? [])];
  if (outside.length > 0) {
    notes.push(
      `IAM accepts only the characters U+0020–U+00FF (and tab, line feed, carriage return) in a policy, so it will refuse this one: a name or key holds ${outside.map((character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ')}.`,
    );
  }
  const characters = document.replace(/\s/g, '').length;
  if (characters > MANAGED_POLICY_CHARACTERS) {
    notes.push(
      `The policy has about ${characters} characters; a managed policy holds at most ${MANAGED_POLICY_CHARACTERS} (whitespace not counted), so split it into several policies${where === 'template' ? ' before deploying' : ''}.`,
    );
  }
  return [...notes, ...plan(model, options).notes];
}

/** IAM's quota for a managed policy document, not counting whitespace. */
export const MANAGED_POLICY_CHARACTERS = 6144;

export function iamPolicyJson(model: DesignModel, options?: IamPolicyOptions): string {
  return `${JSON.stringify(iamPolicy(model, options), null, 2)}\n`;
}

export type TemplateValue = string | TemplateValue[] | { [key: string]: TemplateValue };

/** `${` written as `${!` so `Fn::Sub` keeps it literally. */
function subLiteral(text: string): string {
  return text.replace(/\$\{/g, '${!');
}

/**
 * The policy document for a CloudFormation template: ARNs built by `Fn::Sub` from the
 * pseudo-parameters, so the policy follows the stack's partition, Region and account. The table
 * and index names are written into the `Fn::Sub` string (escaped for IAM, then for `Fn::Sub`)
 * rather than taken from the table's `Ref`, so every name stays literal as in the standalone policy.
 */
export function iamPolicyDocumentForTemplate(model: DesignModel, options: Omit<IamPolicyOptions, 'region' | 'account' | 'partition'> = {}): TemplateValue {
  const tableArn = `arn:\${AWS::Partition}:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/${subLiteral(iamResourceText(model.table.name))}`;
  const resource = (indexName: string | undefined): TemplateValue => ({
    'Fn::Sub': indexName === undefined ? tableArn : `${tableArn}/index/${subLiteral(iamResourceText(indexName))}`,
  });
  return {
    Version: '2012-10-17',
    Statement: plan(model, options).statements.map((planned) => statementOf(planned, resource(planned.indexName))),
  };
}
