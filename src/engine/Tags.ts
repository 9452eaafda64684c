// Resource tags of tables. DynamoDB Local does not implement tagging ("Tagging is not
// currently supported in DynamoDB Local."), so these follow the AWS service's behaviour and
// texts. Tags live beside the table object: a re-created table starts untagged.
import { DynamoDBError, validationError } from './errors';
import { tableArn, type EngineContext } from './EngineContext';
import type { Table } from './Table';

export interface Tag {
  Key: string;
  Value: string;
}

/** AWS allows 50 tags per resource. */
export const MAX_TAGS = 50;

const tagsByTable = new WeakMap<Table, Map<string, string>>();

export function tagsOf(table: Table): Tag[] {
  return [...(tagsByTable.get(table) ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value }));
}

const TABLE_ARN = /^arn:aws:dynamodb:[^:]+:\d+:table\/([^/]{3,255})$/;

function resourceTable(context: EngineContext, arn: unknown): Table {
  if (arn === undefined || arn === null) throw validationError('Invalid TableArn');
  const name = typeof arn === 'string' ? TABLE_ARN.exec(arn)?.[1] : undefined;
  if (name === undefined) throw validationError(`Invalid TableArn: Invalid ResourceArn provided as input ${String(arn)}`);
  const table = context.tables.get(name);
  if (!table || tableArn(context, name) !== arn) {
    throw new DynamoDBError('ResourceNotFoundException', `Requested resource not found: ResourcArn: ${arn as string} not found`);
  }
  return table;
}

function checkTag(tag: unknown): Tag {
  const { Key: key, Value: value } = (tag ?? {}) as { Key?: unknown; Value?: unknown };
  if (typeof key !== 'string' || key.length < 1 || key.length > 128) {
    throw validationError(
      `1 validation error detected: Value '${String(key)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length between 1 and 128`,
    );
  }
  if (typeof value !== 'string' || value.length > 256) {
    throw validationError(
      `1 validation error detected: Value '${String(value)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  }
  if (key.startsWith('aws:')) throw validationError('Invalid tag key: aws: prefixed tag key names are not allowed for external use');
  return { Key: key, Value: value };
}

/** Adds or replaces tags; shared by TagResource and CreateTable's Tags member. */
export function addTags(table: Table, raw: unknown): void {
  if (!Array.isArray(raw)) {
    throw validationError("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
  }
  if (raw.length === 0) throw validationError('Atleast one Tag needs to be provided as Input.');
  const tags = raw.map(checkTag);
  const current = new Map(tagsByTable.get(table));
  for (const tag of tags) current.set(tag.Key, tag.Value);
  if (current.size > MAX_TAGS) {
    throw new DynamoDBError('LimitExceededException', `The number of tags on the resource would exceed the maximum of ${MAX_TAGS}`);
  }
  tagsByTable.set(table, current);
}

export function TagResource(context: EngineContext, input: { ResourceArn?: string; Tags?: Tag[] }): Record<string, never> {
  const table = resourceTable(context, input.ResourceArn);
  addTags(table, input.Tags);
  return {};
}

export function UntagResource(context: EngineContext, input: { ResourceArn?: string; TagKeys?: string[] }): Record<string, never> {
  if (input.ResourceArn === undefined || input.ResourceArn === null) throw validationError('Invalid TableArn');
  if (!Array.isArray(input.TagKeys)) {
    throw validationError("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
  }
  const table = resourceTable(context, input.ResourceArn);
  if (input.TagKeys.length === 0) throw validationError('Atleast one Tag Key needs to be provided as Input.');
  const current = tagsByTable.get(table);
  for (const key of input.TagKeys) current?.delete(key);
  return {};
}

export function ListTagsOfResource(context: EngineContext, input: { ResourceArn?: string; NextToken?: string }): { Tags: Tag[] } {
  const table = resourceTable(context, input.ResourceArn);
  return { Tags: tagsOf(table) };
}
