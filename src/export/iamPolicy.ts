// A least-privilege IAM policy for the design's access patterns: per pattern, the actions its
// operation needs (transactions and PartiQL map to the item actions they perform) on the table
// ARN or the ARNs of the indexes it reads. Optionally the seed's fine-grained access control:
// a `dynamodb:LeadingKeys` condition binding partition keys to the caller's identity.
import { requestTemplate } from '../model/accessPatterns/buildRequest';
import { parseKeyTemplate } from '../model/keyTemplate';
import type { AccessPattern, DesignModel } from '../model/types';
import { pascalCase, uniqueIdentifiers } from './identifiers';

export interface IamPolicyOptions {
  partition?: string;
  region?: string;
  account?: string;
  /**
   * The seed's fine-grained access control: partition keys must be the caller's own, i.e. a
   * template whose one placeholder is `attribute` (default: the first placeholder of the first
   * entity's partition key, `userId` in `USER#{{userId}}`) with `variable` in its place, e.g.
   * `USER#${cognito-identity.amazonaws.com:sub}`. Patterns whose partition key is not built from
   * that attribute, scans and PartiQL statements cannot be limited this way (a scan's condition
   * holds vacuously), so they are left out of such a policy.
   */
  leadingKeys?: { variable: string; attribute?: string };
}

export const COGNITO_IDENTITY = '${cognito-identity.amazonaws.com:sub}';

export interface IamStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

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

export function iamPolicy(model: DesignModel, options: IamPolicyOptions = {}): IamPolicy {
  const tableArn = `arn:${options.partition ?? 'aws'}:dynamodb:${options.region ?? '*'}:${options.account ?? '*'}:table/${model.table.name}`;
  const sids = uniqueIdentifiers(
    model.accessPatterns.map((pattern) => pattern.name),
    (name) => pascalCase(name, 'Pattern').replace(/_/g, ''),
  );
  const statements: IamStatement[] = [];
  model.accessPatterns.forEach((pattern, position) => {
    if (options.leadingKeys !== undefined && (pattern.operation === 'Scan' || pattern.operation === 'ExecuteStatement')) return;
    let request: Record<string, unknown>;
    try {
      request = requestTemplate(model, pattern);
    } catch {
      return;
    }
    const actions = actionsFor(pattern, request);
    if (actions.length === 0) return;
    const indexName =
      typeof request.IndexName === 'string'
        ? request.IndexName
        : pattern.operation === 'ExecuteStatement'
          ? statementIndex(String(request.Statement ?? ''))
          : undefined;
    const statement: IamStatement = {
      Sid: sids[position] ?? `Pattern${position + 1}`,
      Effect: 'Allow',
      Action: actions,
      Resource: [indexName === undefined ? tableArn : `${tableArn}/index/${indexName}`],
    };
    if (options.leadingKeys !== undefined) {
      const leadingKeys = leadingKeyValues(model, pattern, options.leadingKeys.variable, options.leadingKeys.attribute ?? identityAttribute(model));
      if (leadingKeys.length === 0) return;
      statement.Condition = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': leadingKeys } };
    }
    statements.push(statement);
  });
  return { Version: '2012-10-17', Statement: mergeIdentical(statements) };
}

/** The attribute that identifies a user by default: the first placeholder of the first entity's partition key. */
function identityAttribute(model: DesignModel): string | undefined {
  const template = model.entities[0]?.keys.partitionKey ?? '';
  const first = parseKeyTemplate(template).parts.find((part) => part.kind === 'placeholder');
  return first?.kind === 'placeholder' ? first.name : undefined;
}

/** Partition-key values the pattern may touch, with the identity attribute bound to the caller. */
function leadingKeyValues(model: DesignModel, pattern: AccessPattern, variable: string, attribute: string | undefined): string[] {
  const entities = pattern.entity === undefined ? model.entities : model.entities.filter((entity) => entity.id === pattern.entity);
  const values = new Set<string>();
  for (const entity of entities) {
    const template = pattern.index === undefined ? entity.keys.partitionKey : entity.keys.indexes[pattern.index]?.partitionKey;
    if (template === undefined || template === '') return [];
    const parts = parseKeyTemplate(template).parts;
    const placeholders = parts.filter((part) => part.kind === 'placeholder');
    // Only a key built from the identity alone can be bound to the caller; one such entity
    // that is not bound makes the whole pattern unbindable.
    if (placeholders.length !== 1 || placeholders[0]?.name !== attribute) return [];
    values.add(parts.map((part) => (part.kind === 'literal' ? part.text : variable)).join(''));
  }
  return [...values].sort();
}

/** Patterns needing exactly the same access share one statement. */
function mergeIdentical(statements: IamStatement[]): IamStatement[] {
  const seen = new Map<string, IamStatement>();
  for (const statement of statements) {
    const key = JSON.stringify([statement.Action, statement.Resource, statement.Condition]);
    if (!seen.has(key)) seen.set(key, statement);
  }
  return [...seen.values()];
}

export function iamPolicyJson(model: DesignModel, options?: IamPolicyOptions): string {
  return `${JSON.stringify(iamPolicy(model, options), null, 2)}\n`;
}
