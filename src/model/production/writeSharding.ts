// Write sharding for a partition key of low cardinality: `POST` becomes `POST#{{shard}}` with a
// shard attribute drawn from 0 to N-1, so N partitions share the writes that one took. Readers
// pay for it: reading the whole key takes one query per shard. The suggestion shows both
// effects; applying it is one design change (attribute, templates and patterns together).
import { parseKeyCondition } from '../accessPatterns/expressions';
import { addAttribute, setKeyTemplate, uniqueName } from '../commands';
import { isConstantTemplate, parseKeyTemplate } from '../keyTemplate';
import type { SampleItem } from '../sampleData';
import type { AccessPattern, DesignModel, PatternParameter } from '../types';
import { computePartitionLoad, type PartitionGroup, type TrafficInputs } from './partitionLoad';

export const DEFAULT_SHARD_COUNT = 10;
export const MAX_SHARD_COUNT = 1000;

export interface WriteSharding {
  indexId: string;
  /** The constant template being sharded, e.g. `POST`. */
  template: string;
  shards: number;
}

export interface ShardingSuggestion extends WriteSharding {
  indexName: string;
  keyAttribute: string;
  /** The attribute each sharded entity gains. */
  shardAttribute: string;
  /** The new template, e.g. `POST#{{shard}}`. */
  shardedTemplate: string;
  /** The hottest partition of the key before and after. */
  before: Pick<PartitionGroup, 'readUnitsPerSecond' | 'writeUnitsPerSecond' | 'itemsPerPartition' | 'partitions'>;
  after: Pick<PartitionGroup, 'readUnitsPerSecond' | 'writeUnitsPerSecond' | 'itemsPerPartition' | 'partitions'>;
  /** Patterns that query the key: each call becomes one query per shard. */
  readers: { patternId: string; name: string; queriesPerCall: number }[];
  /** Patterns whose writes now carry a shard. */
  writers: { patternId: string; name: string }[];
}

/** Whether a key can be sharded by this suggestion: a constant partition key template. */
export function canShard(group: Pick<PartitionGroup, 'template' | 'indexId'>): boolean {
  return group.indexId !== 'table' && group.template !== '' && isConstantTemplate(parseKeyTemplate(group.template).parts);
}

const shardedEntities = (model: DesignModel, { indexId, template }: WriteSharding) =>
  model.entities.filter((e) => e.keys.indexes[indexId]?.partitionKey === template);

function shardAttributeName(model: DesignModel, sharding: WriteSharding): string {
  return uniqueName('shard', new Set(shardedEntities(model, sharding).flatMap((e) => e.attributes.map((a) => a.name))));
}

const isS = (value: unknown, text: string) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && (value as { S?: unknown }).S === text;

/** The request with every `{S: template}` given to the key attribute replaced by the sharded one. */
function shardRequest(request: unknown, keyAttribute: string, template: string, sharded: string): unknown {
  if (Array.isArray(request)) return request.map((entry) => shardRequest(entry, keyAttribute, template, sharded));
  if (typeof request !== 'object' || request === null) return request;
  const entries = Object.entries(request).map(([name, value]): [string, unknown] =>
    name === keyAttribute && isS(value, template) ? [name, { S: sharded }] : [name, shardRequest(value, keyAttribute, template, sharded)],
  );
  return Object.fromEntries(entries);
}

/** The pattern sharded, or undefined when it neither queries nor writes the key. */
function shardPattern(model: DesignModel, pattern: AccessPattern, sharding: WriteSharding, keyAttribute: string, shardAttribute: string, sharded: string) {
  let request = shardRequest(pattern.request, keyAttribute, sharding.template, sharded) as Record<string, unknown>;
  let reads = false;
  if (pattern.index === sharding.indexId && typeof request.KeyConditionExpression === 'string') {
    const names = (request.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const parsed = parseKeyCondition(request.KeyConditionExpression, names, keyAttribute);
    const values = (request.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
    if (parsed.ok && parsed.condition.partition.attribute === keyAttribute && isS(values[parsed.condition.partition.value], sharding.template)) {
      request = { ...request, ExpressionAttributeValues: { ...values, [parsed.condition.partition.value]: { S: sharded } } };
      reads = true;
    }
  }
  if (JSON.stringify(request) === JSON.stringify(pattern.request)) return undefined;
  const parameter: PatternParameter = { name: shardAttribute, type: 'N', example: '0' };
  const parameters = pattern.parameters.some((p) => p.name === shardAttribute) ? pattern.parameters : [...pattern.parameters, parameter];
  return { pattern: { ...pattern, request, parameters }, reads };
}

function keyAttributeOf(model: DesignModel, indexId: string): string {
  const index = model.globalSecondaryIndexes.find((g) => g.id === indexId);
  if (!index) throw new Error(`no global secondary index "${indexId}"`);
  return index.partitionKey.name;
}

function checkShards(shards: number): void {
  if (!Number.isInteger(shards) || shards < 2 || shards > MAX_SHARD_COUNT) throw new Error(`a shard count is a whole number from 2 to ${MAX_SHARD_COUNT}`);
}

/** Shards a constant GSI partition key: the attribute, every entity's template and the patterns that use the key. */
export function applyWriteSharding(model: DesignModel, sharding: WriteSharding): DesignModel {
  checkShards(sharding.shards);
  const keyAttribute = keyAttributeOf(model, sharding.indexId);
  const entities = shardedEntities(model, sharding);
  if (entities.length === 0) throw new Error(`no entity has the partition key template "${sharding.template}" in that index`);
  const shardAttribute = shardAttributeName(model, sharding);
  const sharded = `${sharding.template}#{{${shardAttribute}}}`;
  let next = model;
  for (const entity of entities) {
    next = addAttribute(next, { entityId: entity.id, name: shardAttribute, type: 'N', generator: { kind: 'integer', min: 0, max: sharding.shards - 1 } });
    next = setKeyTemplate(next, { entityId: entity.id, indexId: sharding.indexId, key: 'partitionKey', template: sharded });
  }
  return {
    ...next,
    accessPatterns: next.accessPatterns.map((p) => shardPattern(next, p, sharding, keyAttribute, shardAttribute, sharded)?.pattern ?? p),
  };
}

/** What sharding a flagged key would do, or undefined when the key is not a constant GSI key. */
export function suggestWriteSharding(
  model: DesignModel,
  samples: readonly SampleItem[],
  inputs: TrafficInputs,
  group: PartitionGroup,
  shards = DEFAULT_SHARD_COUNT,
): ShardingSuggestion | undefined {
  if (!canShard(group)) return undefined;
  const sharding = { indexId: group.indexId, template: group.template, shards };
  const next = applyWriteSharding(model, sharding);
  const shardAttribute = shardAttributeName(model, sharding);
  const shardedTemplate = `${group.template}#{{${shardAttribute}}}`;
  const after = computePartitionLoad(next, samples, inputs).groups.find((g) => g.indexId === group.indexId && g.template === shardedTemplate);
  if (!after) return undefined;
  const readers: ShardingSuggestion['readers'] = [];
  const writers: ShardingSuggestion['writers'] = [];
  for (const pattern of model.accessPatterns) {
    const change = shardPattern(model, pattern, sharding, group.keyAttribute, shardAttribute, shardedTemplate);
    if (change?.reads) readers.push({ patternId: pattern.id, name: pattern.name, queriesPerCall: shards });
    else if (change) writers.push({ patternId: pattern.id, name: pattern.name });
  }
  const figures = (g: PartitionGroup) => ({
    readUnitsPerSecond: g.readUnitsPerSecond,
    writeUnitsPerSecond: g.writeUnitsPerSecond,
    itemsPerPartition: g.itemsPerPartition,
    partitions: g.partitions,
  });
  return {
    ...sharding,
    indexName: group.indexName,
    keyAttribute: group.keyAttribute,
    shardAttribute,
    shardedTemplate,
    before: figures(group),
    after: figures(after),
    readers,
    writers,
  };
}
