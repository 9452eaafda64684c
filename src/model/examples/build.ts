// Small constructors that keep the built-in examples readable: an example reads like the
// seed's schema listing rather than like a JSON dump.
import type { AttributeType, Entity, EntityAttribute, EntityKeys, Generator, Relationship } from '../types';

export function attribute(
  entityId: string,
  name: string,
  type: AttributeType,
  generator: Generator,
  options: { required?: boolean; description?: string } = {},
): EntityAttribute {
  return {
    id: `${entityId.replace(/^ent-/, 'attr-')}-${name}`,
    name,
    type,
    required: options.required ?? true,
    generator,
    ...(options.description === undefined ? {} : { description: options.description }),
  };
}

export function relationship(
  id: string,
  name: string,
  target: string,
  cardinality: Relationship['cardinality'],
  foreignKeys: Record<string, string>,
): Relationship {
  return {
    id,
    name,
    target,
    cardinality,
    foreignKeys: Object.entries(foreignKeys).map(([attributeName, targetAttribute]) => ({
      attribute: attributeName,
      targetAttribute,
    })),
  };
}

export function entity(
  fields: Omit<Entity, 'attributes' | 'relationships' | 'keys' | 'typeAttribute'> & {
    typeAttribute?: string;
    keys: Omit<EntityKeys, 'indexes'> & { indexes?: EntityKeys['indexes'] };
    attributes: (entityId: string) => EntityAttribute[];
    relationships?: Relationship[];
  },
): Entity {
  const { attributes, relationships, keys, typeAttribute, ...rest } = fields;
  return {
    ...rest,
    typeAttribute: typeAttribute ?? 'entityType',
    attributes: attributes(fields.id),
    relationships: relationships ?? [],
    keys: { ...keys, indexes: keys.indexes ?? {} },
  };
}

export const ref = (relationshipId: string, targetAttribute: string): Generator => ({
  kind: 'reference',
  relationship: relationshipId,
  attribute: targetAttribute,
});
