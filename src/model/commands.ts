// Editing commands for the designer's store: each takes a model and arguments and returns a
// new model, never mutating its input (undo keeps the old one). Commands keep the design
// consistent where a change has knock-on effects (renaming an attribute rewrites the
// templates that name it); what they cannot decide for the user is left to validateModel.
import { defaultGenerator } from './defaultGenerator';
import { parseKeyTemplate, templatePlaceholders } from './keyTemplate';
import type {
  AccessPattern,
  AttributeType,
  Cardinality,
  DesignModel,
  Entity,
  EntityAttribute,
  EntityKeys,
  Generator,
  GlobalSecondaryIndex,
  KeyTemplate,
  LocalSecondaryIndex,
  Relationship,
  TableDesign,
} from './types';

/** An id not yet used in `taken`, readable: `ent-order`, `ent-order-2`. */
export function uniqueId(prefix: string, base: string, taken: ReadonlySet<string>): string {
  const slug = base.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'new';
  let id = `${prefix}-${slug}`;
  for (let n = 2; taken.has(id); n += 1) id = `${prefix}-${slug}-${n}`;
  return id;
}

/** A name not yet used: `Entity`, `Entity2`, … */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  return name;
}

function allIds(model: DesignModel): Set<string> {
  const ids = new Set<string>();
  for (const entity of model.entities) {
    ids.add(entity.id);
    for (const attribute of entity.attributes) ids.add(attribute.id);
    for (const relationship of entity.relationships) ids.add(relationship.id);
  }
  for (const index of [...model.globalSecondaryIndexes, ...model.localSecondaryIndexes]) ids.add(index.id);
  for (const pattern of model.accessPatterns) ids.add(pattern.id);
  return ids;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function mapEntity(model: DesignModel, entityId: string, change: (entity: Entity) => Entity): DesignModel {
  if (!model.entities.some((entity) => entity.id === entityId)) throw new Error(`no entity "${entityId}"`);
  return { ...model, entities: model.entities.map((entity) => (entity.id === entityId ? change(entity) : entity)) };
}

function mapAttribute(entity: Entity, attributeId: string, change: (attribute: EntityAttribute) => EntityAttribute): Entity {
  if (!entity.attributes.some((attribute) => attribute.id === attributeId)) throw new Error(`no attribute "${attributeId}" in ${entity.name}`);
  return { ...entity, attributes: entity.attributes.map((attribute) => (attribute.id === attributeId ? change(attribute) : attribute)) };
}

// ---------------------------------------------------------------------------------------
// Entities

export function addEntity(
  model: DesignModel,
  args: { id?: string; name?: string; position?: { x: number; y: number } } = {},
): DesignModel {
  const name = uniqueName(args.name ?? 'Entity', new Set(model.entities.map((entity) => entity.name)));
  const id = args.id ?? uniqueId('ent', lowerFirst(name), allIds(model));
  const idAttribute = `${lowerFirst(name).replace(/[^A-Za-z0-9_]/g, '')}Id`;
  const prefix = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const typeAttributes = model.entities.map((entity) => entity.typeAttribute).filter((t): t is string => t !== undefined);
  const entity: Entity = {
    id,
    name,
    typeAttribute: typeAttributes[0] ?? 'entityType',
    attributes: [{ id: `${id.replace(/^ent-/, 'attr-')}-${idAttribute}`, name: idAttribute, type: 'S', required: true, generator: { kind: 'uuid' } }],
    relationships: [],
    keys: {
      partitionKey: `${prefix}#{{${idAttribute}}}`,
      ...(model.table.sortKey === undefined ? {} : { sortKey: prefix }),
      indexes: {},
    },
    sampleCount: 10,
    ...(args.position === undefined ? {} : { position: args.position }),
  };
  return { ...model, entities: [...model.entities, entity] };
}

export function renameEntity(model: DesignModel, args: { entityId: string; name: string }): DesignModel {
  // Relationships, patterns and generators refer to entities by id, so only the name changes.
  return mapEntity(model, args.entityId, (entity) => ({ ...entity, name: args.name }));
}

export type EntityPatch = Partial<Pick<Entity, 'description' | 'typeAttribute' | 'sampleCount' | 'position'>>;

export function updateEntity(model: DesignModel, args: { entityId: string; patch: EntityPatch }): DesignModel {
  return mapEntity(model, args.entityId, (entity) => withoutUndefined({ ...entity, ...args.patch }));
}

export function duplicateEntity(model: DesignModel, args: { entityId: string; id?: string }): DesignModel {
  const source = model.entities.find((entity) => entity.id === args.entityId);
  if (source === undefined) throw new Error(`no entity "${args.entityId}"`);
  const taken = allIds(model);
  const name = uniqueName(`${source.name}Copy`, new Set(model.entities.map((entity) => entity.name)));
  const id = args.id ?? uniqueId('ent', lowerFirst(name), taken);
  taken.add(id);
  const relationshipIds = new Map<string, string>();
  const relationships = source.relationships.map((relationship) => {
    const newId = uniqueId('rel', `${lowerFirst(name)}-${relationship.name}`, taken);
    taken.add(newId);
    relationshipIds.set(relationship.id, newId);
    return { ...relationship, id: newId, foreignKeys: relationship.foreignKeys.map((fk) => ({ ...fk })) };
  });
  const attributes = source.attributes.map((attribute) => {
    const newId = uniqueId('attr', `${lowerFirst(name)}-${attribute.name}`, taken);
    taken.add(newId);
    const generator = attribute.generator;
    const copied: Generator =
      generator.kind === 'reference'
        ? { ...generator, relationship: relationshipIds.get(generator.relationship) ?? generator.relationship }
        : structuredClone(generator);
    return { ...attribute, id: newId, generator: copied };
  });
  const entity: Entity = {
    ...structuredClone(source),
    id,
    name,
    attributes,
    relationships,
    ...(source.position === undefined ? {} : { position: { x: source.position.x + 40, y: source.position.y + 40 } }),
  };
  return { ...model, entities: [...model.entities, entity] };
}

export function deleteEntity(model: DesignModel, args: { entityId: string }): DesignModel {
  const removed = model.entities.find((entity) => entity.id === args.entityId);
  if (removed === undefined) throw new Error(`no entity "${args.entityId}"`);
  const goneRelationships = new Set(removed.relationships.map((r) => r.id));
  for (const entity of model.entities) {
    for (const relationship of entity.relationships) if (relationship.target === removed.id) goneRelationships.add(relationship.id);
  }
  const entities = model.entities
    .filter((entity) => entity.id !== removed.id)
    .map((entity) => dropRelationships(entity, goneRelationships));
  const accessPatterns = model.accessPatterns.map((pattern) => (pattern.entity === removed.id ? omit(pattern, 'entity') : pattern));
  return { ...model, entities, accessPatterns };
}

/** Removes relationships and gives attributes that referenced or counted them a plain generator. */
function dropRelationships(entity: Entity, gone: ReadonlySet<string>): Entity {
  const usesGone = (generator: Generator) =>
    (generator.kind === 'reference' || generator.kind === 'count') && gone.has(generator.relationship);
  if (!entity.relationships.some((r) => gone.has(r.id)) && !entity.attributes.some((a) => usesGone(a.generator))) return entity;
  return {
    ...entity,
    relationships: entity.relationships.filter((r) => !gone.has(r.id)),
    attributes: entity.attributes.map((attribute) =>
      usesGone(attribute.generator) ? { ...attribute, generator: defaultGenerator(attribute.name, attribute.type) } : attribute,
    ),
  };
}

// ---------------------------------------------------------------------------------------
// Attributes

export function addAttribute(
  model: DesignModel,
  args: { entityId: string; name: string; type?: AttributeType; required?: boolean; generator?: Generator; id?: string },
): DesignModel {
  return mapEntity(model, args.entityId, (entity) => {
    const type = args.type ?? 'S';
    const id = args.id ?? uniqueId('attr', `${entity.id.replace(/^ent-/, '')}-${args.name}`, allIds(model));
    const attribute: EntityAttribute = {
      id,
      name: args.name,
      type,
      required: args.required ?? true,
      generator: args.generator ?? defaultGenerator(args.name, type),
    };
    return { ...entity, attributes: [...entity.attributes, attribute] };
  });
}

export type AttributePatch = Partial<Pick<EntityAttribute, 'type' | 'required' | 'generator' | 'description'>>;

/** Changing the type without a new generator picks one that suits the new type. */
export function updateAttribute(model: DesignModel, args: { entityId: string; attributeId: string; patch: AttributePatch }): DesignModel {
  return mapEntity(model, args.entityId, (entity) =>
    mapAttribute(entity, args.attributeId, (attribute) => {
      const retyped = args.patch.type !== undefined && args.patch.type !== attribute.type && args.patch.generator === undefined;
      const next = { ...attribute, ...args.patch };
      if (retyped && !suits(attribute.generator, next.type)) next.generator = defaultGenerator(next.name, next.type);
      return withoutUndefined(next);
    }),
  );
}

/** Whether a generator's values still fit an attribute after a type change. */
function suits(generator: Generator, type: AttributeType): boolean {
  if (generator.kind === 'reference' || generator.kind === 'copy' || generator.kind === 'constant') return true;
  const numeric = generator.kind === 'integer' || generator.kind === 'decimal' || generator.kind === 'epochSeconds' || generator.kind === 'count';
  switch (type) {
    case 'N':
      return numeric;
    case 'S':
    case 'B':
      return generator.kind !== 'list' && generator.kind !== 'set' && generator.kind !== 'map';
    case 'BOOL':
      return generator.kind === 'boolean';
    case 'NULL':
      return false;
    case 'SS':
    case 'NS':
    case 'BS':
      return generator.kind === 'set';
    case 'L':
      return generator.kind === 'list';
    case 'M':
      return generator.kind === 'map';
  }
}

/**
 * Renames an attribute and everything that names it: this entity's key templates and
 * copies, relationships' foreign keys on both sides, references from other entities, and
 * index projections and TTL when no other entity still uses the old name.
 */
export function renameAttribute(model: DesignModel, args: { entityId: string; attributeId: string; name: string }): DesignModel {
  const entity = model.entities.find((candidate) => candidate.id === args.entityId);
  const attribute = entity?.attributes.find((candidate) => candidate.id === args.attributeId);
  if (entity === undefined || attribute === undefined) throw new Error(`no attribute "${args.attributeId}" in entity "${args.entityId}"`);
  const from = attribute.name;
  const to = args.name;
  if (from === to) return model;

  const entities = model.entities.map((candidate) => {
    const self = candidate.id === entity.id;
    const pointing = new Set(candidate.relationships.filter((r) => r.target === entity.id).map((r) => r.id));
    if (!self && pointing.size === 0) return candidate;
    return {
      ...candidate,
      keys: self ? renameInKeys(candidate.keys, from, to) : candidate.keys,
      relationships: candidate.relationships.map((r) => ({
        ...r,
        foreignKeys: r.foreignKeys.map((fk) => ({
          attribute: self && fk.attribute === from ? to : fk.attribute,
          targetAttribute: pointing.has(r.id) && fk.targetAttribute === from ? to : fk.targetAttribute,
        })),
      })),
      attributes: candidate.attributes.map((a) => {
        const own = self && a.id === attribute.id;
        // A generator still guessed from the old name is guessed again from the new one: a new
        // attribute renamed to `status` or `createdAt` then draws statuses or dates, not words.
        const guessed = own && JSON.stringify(a.generator) === JSON.stringify(defaultGenerator(from, a.type));
        const renamed = own ? { ...a, name: to, ...(guessed ? { generator: defaultGenerator(to, a.type) } : {}) } : a;
        const generator = renamed.generator;
        const follows =
          (self && generator.kind === 'copy' && generator.attribute === from) ||
          (generator.kind === 'reference' && pointing.has(generator.relationship) && generator.attribute === from);
        return follows ? { ...renamed, generator: { ...generator, attribute: to } as Generator } : renamed;
      }),
    };
  });

  const stillUsed = entities.some((candidate) => candidate.attributes.some((a) => a.name === from));
  const renameIn = (names: string[] | undefined) => (names === undefined || stillUsed ? names : names.map((n) => (n === from ? to : n)));
  const table: TableDesign =
    !stillUsed && model.table.ttlAttribute === from ? { ...model.table, ttlAttribute: to } : model.table;
  return {
    ...model,
    table,
    entities,
    globalSecondaryIndexes: model.globalSecondaryIndexes.map((index) => withProjectionNames(index, renameIn(index.projection.nonKeyAttributes))),
    localSecondaryIndexes: model.localSecondaryIndexes.map((index) => withProjectionNames(index, renameIn(index.projection.nonKeyAttributes))),
  };
}

function withProjectionNames<T extends GlobalSecondaryIndex | LocalSecondaryIndex>(index: T, names: string[] | undefined): T {
  if (names === index.projection.nonKeyAttributes) return index;
  return { ...index, projection: { ...index.projection, ...(names === undefined ? {} : { nonKeyAttributes: names }) } };
}

/** Rewrites `{{from}}` placeholders, keeping the rest of each template as typed. */
export function renamePlaceholder(template: KeyTemplate, from: string, to: string): KeyTemplate {
  const parsed = parseKeyTemplate(template);
  let out = '';
  let cursor = 0;
  for (const part of parsed.parts) {
    if (part.kind !== 'placeholder' || part.name !== from) continue;
    out += `${template.slice(cursor, part.start)}{{${to}}}`;
    cursor = part.end;
  }
  return out + template.slice(cursor);
}

function renameInKeys(keys: EntityKeys, from: string, to: string): EntityKeys {
  const rename = (template: KeyTemplate | undefined) => (template === undefined ? undefined : renamePlaceholder(template, from, to));
  const indexes: EntityKeys['indexes'] = {};
  for (const [indexId, templates] of Object.entries(keys.indexes)) {
    indexes[indexId] = withoutUndefined({ partitionKey: rename(templates.partitionKey), sortKey: rename(templates.sortKey) });
  }
  return withoutUndefined({ partitionKey: renamePlaceholder(keys.partitionKey, from, to), sortKey: rename(keys.sortKey), indexes });
}

/** Removes the attribute; templates that still name it are left for validation to point at. */
export function deleteAttribute(model: DesignModel, args: { entityId: string; attributeId: string }): DesignModel {
  return mapEntity(model, args.entityId, (entity) => {
    if (!entity.attributes.some((a) => a.id === args.attributeId)) throw new Error(`no attribute "${args.attributeId}" in ${entity.name}`);
    return { ...entity, attributes: entity.attributes.filter((a) => a.id !== args.attributeId) };
  });
}

export function moveAttribute(model: DesignModel, args: { entityId: string; attributeId: string; toIndex: number }): DesignModel {
  return mapEntity(model, args.entityId, (entity) => {
    const from = entity.attributes.findIndex((a) => a.id === args.attributeId);
    const moving = entity.attributes[from];
    if (moving === undefined) throw new Error(`no attribute "${args.attributeId}" in ${entity.name}`);
    const rest = entity.attributes.filter((_, i) => i !== from);
    const to = Math.max(0, Math.min(rest.length, args.toIndex));
    return { ...entity, attributes: [...rest.slice(0, to), moving, ...rest.slice(to)] };
  });
}

// ---------------------------------------------------------------------------------------
// Key templates

/**
 * Sets one key template of an entity: the table's keys (no `indexId`) or an index's.
 * An empty template removes an index key, leaving the entity out of that index.
 */
export function setKeyTemplate(
  model: DesignModel,
  args: { entityId: string; indexId?: string; key: 'partitionKey' | 'sortKey'; template: KeyTemplate },
): DesignModel {
  return mapEntity(model, args.entityId, (entity) => {
    if (args.indexId === undefined) {
      if (args.key === 'sortKey' && args.template === '') return { ...entity, keys: omit(entity.keys, 'sortKey') };
      return { ...entity, keys: { ...entity.keys, [args.key]: args.template } };
    }
    const current = entity.keys.indexes[args.indexId] ?? {};
    const next: { partitionKey?: KeyTemplate; sortKey?: KeyTemplate } =
      args.template === '' ? omit(current, args.key) : { ...current, [args.key]: args.template };
    const indexes = { ...entity.keys.indexes };
    if (next.partitionKey === undefined && next.sortKey === undefined) delete indexes[args.indexId];
    else indexes[args.indexId] = next;
    return { ...entity, keys: { ...entity.keys, indexes } };
  });
}

// ---------------------------------------------------------------------------------------
// Relationships

/**
 * Relates an entity to a target. Unless given, foreign keys are the attributes the target's
 * partition-key template names; any missing here are added, referencing the target.
 */
export function addRelationship(
  model: DesignModel,
  args: {
    entityId: string;
    target: string;
    cardinality?: Cardinality;
    name?: string;
    id?: string;
    foreignKeys?: Relationship['foreignKeys'];
  },
): DesignModel {
  const target = model.entities.find((entity) => entity.id === args.target);
  if (target === undefined) throw new Error(`no entity "${args.target}"`);
  const taken = allIds(model);
  return mapEntity(model, args.entityId, (entity) => {
    const name = args.name ?? lowerFirst(target.name);
    const id = args.id ?? uniqueId('rel', `${entity.id.replace(/^ent-/, '')}-${name}`, taken);
    const foreignKeys =
      args.foreignKeys ??
      templatePlaceholders(target.keys.partitionKey)
        .filter((placeholder) => target.attributes.some((a) => a.name === placeholder))
        .map((placeholder) => ({ attribute: placeholder, targetAttribute: placeholder }));
    const attributes = [...entity.attributes];
    for (const fk of foreignKeys) {
      if (attributes.some((a) => a.name === fk.attribute)) continue;
      const type = target.attributes.find((a) => a.name === fk.targetAttribute)?.type ?? 'S';
      const attributeId = uniqueId('attr', `${entity.id.replace(/^ent-/, '')}-${fk.attribute}`, taken);
      taken.add(attributeId);
      attributes.push({ id: attributeId, name: fk.attribute, type, required: true, generator: { kind: 'reference', relationship: id, attribute: fk.targetAttribute } });
    }
    const relationship: Relationship = { id, name, target: target.id, cardinality: args.cardinality ?? 'many-to-one', foreignKeys };
    return { ...entity, attributes, relationships: [...entity.relationships, relationship] };
  });
}

export function updateRelationship(
  model: DesignModel,
  args: { entityId: string; relationshipId: string; patch: Partial<Omit<Relationship, 'id'>> },
): DesignModel {
  return mapEntity(model, args.entityId, (entity) => {
    if (!entity.relationships.some((r) => r.id === args.relationshipId)) throw new Error(`no relationship "${args.relationshipId}" in ${entity.name}`);
    return { ...entity, relationships: entity.relationships.map((r) => (r.id === args.relationshipId ? { ...r, ...args.patch } : r)) };
  });
}

export function deleteRelationship(model: DesignModel, args: { entityId: string; relationshipId: string }): DesignModel {
  const owner = model.entities.find((entity) => entity.id === args.entityId);
  if (owner === undefined || !owner.relationships.some((r) => r.id === args.relationshipId)) {
    throw new Error(`no relationship "${args.relationshipId}" in entity "${args.entityId}"`);
  }
  const gone = new Set([args.relationshipId]);
  return { ...model, entities: model.entities.map((entity) => dropRelationships(entity, gone)) };
}

// ---------------------------------------------------------------------------------------
// Indexes and table

export function addIndex(model: DesignModel, args: { kind: 'GSI' | 'LSI'; name?: string; id?: string }): DesignModel {
  const names = new Set([...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((index) => index.name));
  const name = args.name ?? uniqueIndexName(args.kind, names);
  const id = args.id ?? uniqueId(args.kind.toLowerCase(), name, allIds(model));
  if (args.kind === 'GSI') {
    const index: GlobalSecondaryIndex = {
      id,
      name,
      partitionKey: { name: `${name}PK`, type: 'S' },
      sortKey: { name: `${name}SK`, type: 'S' },
      projection: { type: 'ALL' },
    };
    return { ...model, globalSecondaryIndexes: [...model.globalSecondaryIndexes, index] };
  }
  const index: LocalSecondaryIndex = { id, name, sortKey: { name: `${name}SK`, type: 'S' }, projection: { type: 'ALL' } };
  return { ...model, localSecondaryIndexes: [...model.localSecondaryIndexes, index] };
}

function uniqueIndexName(kind: 'GSI' | 'LSI', taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) if (!taken.has(`${kind}${n}`)) return `${kind}${n}`;
}

export type GlobalIndexPatch = Partial<Omit<GlobalSecondaryIndex, 'id'>>;
export type LocalIndexPatch = Partial<Omit<LocalSecondaryIndex, 'id'>>;

/** Updates an index; a new name is carried into the IndexName of patterns that use it. */
export function updateIndex(model: DesignModel, args: { indexId: string; patch: GlobalIndexPatch | LocalIndexPatch }): DesignModel {
  const gsi = model.globalSecondaryIndexes.find((index) => index.id === args.indexId);
  const lsi = model.localSecondaryIndexes.find((index) => index.id === args.indexId);
  const current = gsi ?? lsi;
  if (current === undefined) throw new Error(`no index "${args.indexId}"`);
  const renamed = args.patch.name !== undefined && args.patch.name !== current.name ? args.patch.name : undefined;
  const accessPatterns =
    renamed === undefined
      ? model.accessPatterns
      : model.accessPatterns.map((pattern) =>
          pattern.index === args.indexId && pattern.request.IndexName === current.name
            ? { ...pattern, request: { ...pattern.request, IndexName: renamed } }
            : pattern,
        );
  if (gsi !== undefined) {
    return {
      ...model,
      accessPatterns,
      globalSecondaryIndexes: model.globalSecondaryIndexes.map((index) =>
        index.id === args.indexId ? withoutUndefined({ ...index, ...(args.patch as GlobalIndexPatch) }) : index,
      ),
    };
  }
  return {
    ...model,
    accessPatterns,
    localSecondaryIndexes: model.localSecondaryIndexes.map((index) =>
      index.id === args.indexId ? withoutUndefined({ ...index, ...(args.patch as LocalIndexPatch) }) : index,
    ),
  };
}

/** Removes an index with every entity's templates for it; patterns that used it lose the link. */
export function deleteIndex(model: DesignModel, args: { indexId: string }): DesignModel {
  const exists = [...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].some((index) => index.id === args.indexId);
  if (!exists) throw new Error(`no index "${args.indexId}"`);
  return {
    ...model,
    globalSecondaryIndexes: model.globalSecondaryIndexes.filter((index) => index.id !== args.indexId),
    localSecondaryIndexes: model.localSecondaryIndexes.filter((index) => index.id !== args.indexId),
    entities: model.entities.map((entity) => {
      if (!(args.indexId in entity.keys.indexes)) return entity;
      const indexes = { ...entity.keys.indexes };
      delete indexes[args.indexId];
      return { ...entity, keys: { ...entity.keys, indexes } };
    }),
    accessPatterns: model.accessPatterns.map((pattern: AccessPattern) => (pattern.index === args.indexId ? omit(pattern, 'index') : pattern)),
  };
}

export function updateTable(model: DesignModel, args: { patch: Partial<TableDesign> }): DesignModel {
  return { ...model, table: withoutUndefined({ ...model.table, ...args.patch }) };
}

export function setSampleSeed(model: DesignModel, args: { seed: number }): DesignModel {
  return { ...model, sampleSeed: Math.trunc(args.seed) };
}

// ---------------------------------------------------------------------------------------

function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Patches use `undefined` to clear an optional field; the saved JSON must not keep the key. */
function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}
