// The key attributes an entity's items carry: the table's keys and the keys of every index the
// entity has a template for, each with the key's declared type. A write that leaves one out
// drops the item from that index, so every item the design produces or writes is built from
// this one list.
import { templatePlaceholders } from './keyTemplate';
import type { DesignModel, Entity, KeyType, KeyTemplate } from './types';

export interface KeyDefinition {
  /** The key attribute's name. */
  attribute: string;
  type: KeyType;
  template: KeyTemplate;
  /** True for the table's partition and sort key, which an UpdateItem cannot change. */
  primary: boolean;
  /** The index the key belongs to; absent for the table's keys. */
  index?: { id: string; name: string };
}

/**
 * The entity's key attributes, table keys first. An index key with no template is left out:
 * the item either lacks it (a sparse index) or carries it as one of its own attributes.
 */
export function keyDefinitions(model: DesignModel, entity: Entity): KeyDefinition[] {
  const definitions: KeyDefinition[] = [];
  const add = (key: { name: string; type: KeyType } | undefined, template: KeyTemplate | undefined, index?: { id: string; name: string }) => {
    if (key === undefined || template === undefined || template === '') return;
    if (definitions.some((d) => d.attribute === key.name)) return;
    definitions.push({ attribute: key.name, type: key.type, template, primary: index === undefined, ...(index ? { index: { id: index.id, name: index.name } } : {}) });
  };
  add(model.table.partitionKey, entity.keys.partitionKey);
  add(model.table.sortKey, entity.keys.sortKey);
  for (const index of model.globalSecondaryIndexes) {
    add(index.partitionKey, entity.keys.indexes[index.id]?.partitionKey, index);
    add(index.sortKey, entity.keys.indexes[index.id]?.sortKey, index);
  }
  for (const index of model.localSecondaryIndexes) add(index.sortKey, entity.keys.indexes[index.id]?.sortKey, index);
  return definitions;
}

/** The entity's attributes that feed its table key: what identifies an item. */
export function identityAttributes(model: DesignModel, entity: Entity): Set<string> {
  return new Set(keyDefinitions(model, entity).flatMap((d) => (d.primary ? templatePlaceholders(d.template) : [])));
}
