// How many distinct values a key template takes, from the expected item counts and the
// attributes it reads: a constant (`POST`) has one, `USER#{{userId}}` as many as there are users.
// The sample data only illustrates a design (50 samples say nothing of a million users), so
// cardinality comes from the generators and the counts the user expects, never from samples.
import { parseKeyTemplate } from '../keyTemplate';
import type { DesignModel, Entity, EntityAttribute, Generator, KeyTemplate } from '../types';

/** Expected items per entity id. */
export type ExpectedCounts = (entityId: string) => number;

/** Distinct values one generator yields, or undefined when it yields one per item. */
function generatorValues(model: DesignModel, entity: Entity, generator: Generator, expected: ExpectedCounts, seen: Set<string>): number | undefined {
  switch (generator.kind) {
    case 'constant':
      return 1;
    case 'boolean':
      return 2;
    case 'enum':
      return new Set(generator.values).size;
    case 'integer':
      return Math.max(1, Math.floor(generator.max) - Math.ceil(generator.min) + 1);
    case 'copy': {
      const copied = entity.attributes.find((a) => a.name === generator.attribute);
      return copied ? attributeValues(model, entity, copied, expected, seen) : undefined;
    }
    case 'reference': {
      const target = entity.relationships.find((r) => r.id === generator.relationship)?.target;
      return target === undefined ? undefined : expected(target);
    }
    default:
      return undefined;
  }
}

function attributeValues(model: DesignModel, entity: Entity, attribute: EntityAttribute, expected: ExpectedCounts, seen: Set<string>): number | undefined {
  // A copy of a copy that leads back to itself yields nothing new.
  if (seen.has(attribute.id)) return undefined;
  seen.add(attribute.id);
  return generatorValues(model, entity, attribute.generator, expected, seen);
}

/** Distinct values of `template` across the entity's expected items (0 when none are expected). */
export function templateCardinality(model: DesignModel, entity: Entity, template: KeyTemplate, expected: ExpectedCounts): number {
  const items = expected(entity.id);
  if (items <= 0) return 0;
  let values = 1;
  for (const part of parseKeyTemplate(template).parts) {
    if (part.kind !== 'placeholder') continue;
    const attribute = entity.attributes.find((a) => a.name === part.name);
    values *= (attribute && attributeValues(model, entity, attribute, expected, new Set())) ?? items;
  }
  return Math.max(1, Math.min(items, Math.round(values)));
}

/**
 * The shard count when a template is write-sharded: constant text around one placeholder whose
 * attribute is a whole-number range from 0 (`POST#{{shard}}` with shard 0–9). Such a key is read
 * by querying every shard, which is what tells it from a key merely of low cardinality.
 */
export function shardCount(entity: Entity, template: KeyTemplate): number | undefined {
  const placeholders = parseKeyTemplate(template).parts.filter((p) => p.kind === 'placeholder');
  const [only] = placeholders;
  if (placeholders.length !== 1 || only === undefined) return undefined;
  const generator = entity.attributes.find((a) => a.name === only.name)?.generator;
  if (generator?.kind !== 'integer' || generator.min !== 0 || generator.max < 1) return undefined;
  return Math.floor(generator.max) + 1;
}
