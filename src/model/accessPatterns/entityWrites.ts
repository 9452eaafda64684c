// Writes built from the whole entity. An item is written with every key attribute the entity
// defines (table keys and the keys of each index it writes, from its key templates, in the
// key's declared type), every attribute in its own DynamoDB type and the type attribute, each
// value a `{{param}}` placeholder named after the attribute. A create is guarded with
// attribute_not_exists; an update that changes an attribute a key template reads sets that
// index key too, so an item never drops out of (or lingers stale in) an index.
import { identityAttributes, keyDefinitions } from '../entityKeys';
import { templatePlaceholders } from '../keyTemplate';
import type { AccessPattern, DesignModel, Entity, EntityAttribute, ParameterType } from '../types';
import { requestPlaceholders } from './placeholders';

type Json = Record<string, unknown>;

/** A placeholder standing for the attribute's whole value, in the attribute's own type. */
export function attributeValueTemplate(attribute: EntityAttribute): Json {
  // NULL has a single value, so there is nothing to ask for.
  if (attribute.type === 'NULL') return { NULL: true };
  return { [attribute.type]: `{{${attribute.name}}}` };
}

/** The table key of an entity's item, from its templates (empty without an entity). */
export function keyTemplateOf(model: DesignModel, entity: Entity | undefined): Json {
  const { partitionKey, sortKey } = model.table;
  const entries: [string, Json][] = [[partitionKey.name, { [partitionKey.type]: entity?.keys.partitionKey ?? '' }]];
  if (sortKey) entries.push([sortKey.name, { [sortKey.type]: entity?.keys.sortKey ?? '' }]);
  return Object.fromEntries(entries);
}

/** The whole item an entity writes: key attributes, attributes, type attribute. */
export function itemTemplate(model: DesignModel, entity: Entity): Json {
  const entries = new Map<string, Json>();
  for (const key of keyDefinitions(model, entity)) entries.set(key.attribute, { [key.type]: key.template });
  for (const attribute of entity.attributes) if (!entries.has(attribute.name)) entries.set(attribute.name, attributeValueTemplate(attribute));
  if (entity.typeAttribute !== undefined && !entries.has(entity.typeAttribute)) entries.set(entity.typeAttribute, { S: entity.name });
  return Object.fromEntries(entries);
}

/** The condition that makes a put a create: no item with this key exists yet. */
export function createCondition(model: DesignModel): Json {
  return { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': model.table.partitionKey.name } };
}

/** A PutItem body that creates one of the entity's items. */
export function createTemplate(model: DesignModel, entity: Entity): Json {
  return { Item: itemTemplate(model, entity), ...createCondition(model) };
}

/**
 * An UpdateItem body that SETs `names` on an existing item, plus each index key whose template
 * reads one of them. By default `names` are the required attributes that do not identify the
 * item: an optional one in a SET would have to be given on every call. An index key whose
 * template also reads an attribute that is not set takes that attribute's current value as a
 * parameter too. The condition keeps it an update: without it DynamoDB would create a partial item.
 */
export function updateTemplate(model: DesignModel, entity: Entity, names?: readonly string[]): Json {
  const identity = identityAttributes(model, entity);
  const definitions = keyDefinitions(model, entity);
  const keyNames = new Set(definitions.map((d) => d.attribute));
  const chosen = new Set(names ?? entity.attributes.filter((a) => a.required && !identity.has(a.name) && !keyNames.has(a.name)).map((a) => a.name));
  const attributeNames: Record<string, string> = { '#pk': model.table.partitionKey.name };
  const values: Json = {};
  const clauses: string[] = [];
  const set = (name: string, value: Json) => {
    const n = clauses.length;
    attributeNames[`#a${n}`] = name;
    values[`:a${n}`] = value;
    clauses.push(`#a${n} = :a${n}`);
  };
  for (const attribute of entity.attributes) if (chosen.has(attribute.name)) set(attribute.name, attributeValueTemplate(attribute));
  for (const key of indexKeysFedBy(model, entity, chosen)) set(key.attribute, { [key.type]: key.template });
  return {
    Key: keyTemplateOf(model, entity),
    // DynamoDB refuses an empty UpdateExpression; without one the update only checks the item exists.
    ...(clauses.length > 0 ? { UpdateExpression: `SET ${clauses.join(', ')}` } : {}),
    ConditionExpression: 'attribute_exists(#pk)',
    ExpressionAttributeNames: attributeNames,
    ...(clauses.length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

/** The index keys (never the table's) whose templates read any of `names`. */
export function indexKeysFedBy(model: DesignModel, entity: Entity, names: ReadonlySet<string>) {
  return keyDefinitions(model, entity).filter((d) => !d.primary && !names.has(d.attribute) && templatePlaceholders(d.template).some((n) => names.has(n)));
}

/** The type a placeholder's value has: the named attribute's type, else a string. */
export function parameterType(model: DesignModel, pattern: Pick<AccessPattern, 'entity'>, name: string): ParameterType {
  const entities = model.entities.filter((e) => pattern.entity === undefined || e.id === pattern.entity);
  const attribute = entities.flatMap((e) => e.attributes).find((a) => a.name === name);
  return attribute === undefined || attribute.type === 'NULL' ? 'S' : attribute.type;
}

const ITEM_MEMBER = 'Item';

/**
 * Parameters that may be left without a value: those naming an attribute the pattern's entity
 * does not require, used only inside the items the request puts. An item member that uses
 * one is left out when it has no value, as the entity's item would lack that attribute
 * (and, for an index key built from it, stay out of that sparse index).
 */
export function optionalParameters(model: DesignModel, pattern: AccessPattern): Set<string> {
  const entity = model.entities.find((e) => e.id === pattern.entity);
  if (entity === undefined) return new Set();
  const outside = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        for (const name of requestPlaceholders(key)) outside.add(name);
        if (key !== ITEM_MEMBER) visit(value);
      }
    } else for (const name of requestPlaceholders(node)) outside.add(name);
  };
  visit(pattern.request);
  const used = new Set(requestPlaceholders(pattern.request));
  return new Set(entity.attributes.filter((a) => !a.required && used.has(a.name) && !outside.has(a.name)).map((a) => a.name));
}

/** Whether `key` is the member of a request that holds an item to put (`Item` of PutItem, Put, PutRequest). */
export function isItemMember(key: string | undefined): boolean {
  return key === ITEM_MEMBER;
}
