// Deterministic sample items for a design. Every column (one attribute of one entity) is
// drawn from its own seeded stream, so editing one attribute changes only that column,
// and columns are cached: a keystroke in a key template re-renders keys without drawing a
// single new value. Relationships are honoured: a reference picks an existing item of the
// target entity, and a count equals the number of items that reference it.
import { Faker, en } from '@faker-js/faker';
import { base64Encode, normalizeNumber, utf8Encode, type AttributeValue, type Item } from '../engine/AttributeValue';
import { keyDefinitions, type KeyDefinition } from './entityKeys';
import { keyText, parseKeyTemplate, renderKeyTemplate } from './keyTemplate';
import type { AttributeType, DesignModel, Entity, EntityAttribute, Generator, KeyAttribute, Relationship } from './types';

export interface SampleItem {
  /** The entity the item belongs to; '' for a fixed item no entity claims. */
  entityId: string;
  item: Item;
  /** A fixed item the user brought (see `FixedItem`), not a generated one. */
  imported?: true;
}

type Column = (AttributeValue | undefined)[];

/** Share of items that leave an optional attribute out, so sparse indexes show. */
const OPTIONAL_ABSENT = 0.25;
const DEFAULT_DATES = { from: '2023-01-01T00:00:00Z', to: '2025-12-31T23:59:59Z' };
/** TTL values lie in the future whatever the clock says, so nothing expires in the designer. */
const DEFAULT_EPOCH = { from: '2030-01-01T00:00:00Z', to: '2031-12-31T23:59:59Z' };
/** Lists and sets stay small enough to read in the preview. */
const MAX_COLLECTION_SIZE = 25;

/** Columns and reference choices, reusable across generations of one model as it is edited. */
export class SampleCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 4000) {}

  get<T>(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert so the least recently used entry is the first to go.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value as T;
  }

  /** Caches a value derived from other cached objects, keyed by their identity. */
  derived<T>(sources: readonly object[], extra: string, build: () => T): T {
    const key = `derived|${sources.map((source) => this.identity(source)).join(',')}|${extra}`;
    const cached = this.get<T>(key);
    if (cached !== undefined) return cached;
    const value = build();
    this.set(key, value);
    return value;
  }

  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;

  private identity(source: object): number {
    let id = this.ids.get(source);
    if (id === undefined) {
      id = (this.nextId += 1);
      this.ids.set(source, id);
    }
    return id;
  }

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

const sharedCache = new SampleCache();

export function generateSampleItems(model: DesignModel, cache: SampleCache = sharedCache): SampleItem[] {
  const entityById = new Map(model.entities.map((entity) => [entity.id, entity]));
  const relationshipOwner = new Map<string, { entity: Entity; relationship: Relationship }>();
  for (const entity of model.entities) {
    for (const relationship of entity.relationships) relationshipOwner.set(relationship.id, { entity, relationship });
  }
  const columns = new Map<string, Map<string, Column>>();
  const choices = new Map<string, Map<string, (number | undefined)[]>>();

  for (const entity of dependencyOrder(model.entities)) {
    const count = entity.sampleCount;
    const entityColumns = new Map<string, Column>();
    columns.set(entity.id, entityColumns);
    const entityChoices = chooseTargets(model.sampleSeed, entity, entityById, cache);
    choices.set(entity.id, entityChoices);
    for (const attribute of entity.attributes) {
      const generator = attribute.generator;
      if (generator.kind === 'reference') {
        const owned = entity.relationships.find((r) => r.id === generator.relationship);
        const targetColumn = owned === undefined ? undefined : columns.get(owned.target)?.get(generator.attribute);
        entityColumns.set(attribute.name, referenceColumn(entityChoices.get(generator.relationship), targetColumn, count, attribute.type, cache));
      } else if (generator.kind !== 'copy' && generator.kind !== 'count') {
        entityColumns.set(attribute.name, drawnColumn(model.sampleSeed, entity, attribute, cache));
      }
    }
    resolveCopies(entity, entityColumns, cache);
  }

  for (const entity of model.entities) {
    const entityColumns = columns.get(entity.id);
    if (entityColumns === undefined) continue;
    for (const attribute of entity.attributes) {
      if (attribute.generator.kind !== 'count') continue;
      const owner = relationshipOwner.get(attribute.generator.relationship);
      const picks = owner !== undefined && owner.relationship.target === entity.id ? choices.get(owner.entity.id)?.get(owner.relationship.id) : undefined;
      entityColumns.set(attribute.name, countColumn(picks, entity.sampleCount, attribute.type, cache));
    }
    resolveCopies(entity, entityColumns, cache);
  }

  const fixed = fixedSamples(model, cache);
  const items: SampleItem[] = [...fixed.items];
  for (const entity of model.entities) {
    const entityColumns = columns.get(entity.id) ?? new Map<string, Column>();
    const attributeColumns = entity.attributes.flatMap((attribute) => {
      const column = entityColumns.get(attribute.name);
      return column === undefined ? [] : [{ name: attribute.name, column }];
    });
    const keys = keyDefinitions(model, entity);
    const signature = JSON.stringify([entity.id, entity.name, entity.typeAttribute, entity.sampleCount, keys, attributeColumns.map((c) => c.name)]);
    // An entity whose columns and keys did not change keeps its very item objects, so
    // later stages (preview sizes, projections) can cache per item.
    const entityItems = cache.derived(
      attributeColumns.map((c) => c.column),
      `items|${signature}`,
      () => assemble(entity, attributeColumns, keys),
    );
    if (entityItems.length === 0) continue;
    const taken = fixed.keys();
    for (const item of entityItems) if (!taken.has(primaryKeyText(model, item.item))) items.push(item);
  }
  return items;
}

function primaryKeyText(model: DesignModel, item: Item): string {
  const sortKey = model.table.sortKey;
  return JSON.stringify([item[model.table.partitionKey.name] ?? null, sortKey === undefined ? null : (item[sortKey.name] ?? null)]);
}

/** The design's fixed items as samples, and (only asked for when items are generated too) their primary keys. */
function fixedSamples(model: DesignModel, cache: SampleCache): { items: SampleItem[]; keys: () => Set<string> } {
  const fixed = model.items ?? [];
  if (fixed.length === 0) return { items: [], keys: () => new Set() };
  const items = cache.derived([fixed], 'fixed', () => fixed.map((entry): SampleItem => ({ entityId: entry.entity ?? '', item: entry.item as Item, imported: true })));
  return { items, keys: () => cache.derived([items, model.table], 'fixed-keys', () => new Set(items.map((sample) => primaryKeyText(model, sample.item)))) };
}

function assemble(entity: Entity, attributeColumns: readonly { name: string; column: Column }[], keys: readonly KeyDefinition[]): SampleItem[] {
  const renderers = keys.map(keyRenderer);
  const typeValue: AttributeValue = { S: entity.name };
  const items: SampleItem[] = new Array(entity.sampleCount);
  for (let i = 0; i < entity.sampleCount; i += 1) {
    const values: Item = {};
    for (const { name, column } of attributeColumns) {
      const value = column[i];
      if (value !== undefined) values[name] = value;
    }
    if (entity.typeAttribute !== undefined) values[entity.typeAttribute] = typeValue;
    const item: Item = {};
    for (const render of renderers) {
      const value = render(values);
      if (value !== undefined) item[render.attribute] = value;
    }
    for (const name in values) if (!(name in item)) item[name] = values[name] as AttributeValue;
    items[i] = { entityId: entity.id, item };
  }
  return items;
}

/** The referenced attribute of the target item each item picked. */
function referenceColumn(
  picks: readonly (number | undefined)[] | undefined,
  targetColumn: Column | undefined,
  count: number,
  type: AttributeType,
  cache: SampleCache,
): Column {
  const build = (): Column =>
    Array.from({ length: count }, (_, i) => {
      const pick = picks?.[i];
      const value = pick === undefined ? undefined : targetColumn?.[pick];
      return value === undefined ? undefined : convert(value, type);
    });
  return picks === undefined || targetColumn === undefined ? build() : cache.derived([picks, targetColumn], `reference|${type}`, build);
}

/** For each item, how many items of the counted relationship picked it. */
function countColumn(picks: readonly (number | undefined)[] | undefined, count: number, type: AttributeType, cache: SampleCache): Column {
  return cache.derived(picks === undefined ? [] : [picks], `count|${count}|${type}`, () => {
    const tally = new Array<number>(count).fill(0);
    for (const pick of picks ?? []) {
      if (pick !== undefined && pick < tally.length) tally[pick] = (tally[pick] ?? 0) + 1;
    }
    return tally.map((n) => convert({ N: String(n) }, type));
  });
}

/** Entities ordered so each comes after the entities its references point to. */
function dependencyOrder(entities: readonly Entity[]): Entity[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const ordered: Entity[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entity: Entity) => {
    if (state.has(entity.id)) return; // done, or a cycle: the cycle's references stay empty
    state.set(entity.id, 'visiting');
    for (const relationship of entity.relationships) {
      const target = byId.get(relationship.target);
      if (target !== undefined && target.id !== entity.id) visit(target);
    }
    state.set(entity.id, 'done');
    ordered.push(entity);
  };
  entities.forEach(visit);
  return ordered;
}

/**
 * For each relationship, the index of the target item each item refers to. Items of one
 * entity get distinct combinations (no duplicate Like of a post by the same user) and
 * two relationships to the same entity pick different items (nobody follows themselves),
 * as far as the target counts allow.
 */
function chooseTargets(
  seed: number,
  entity: Entity,
  entityById: ReadonlyMap<string, Entity>,
  cache: SampleCache,
): Map<string, (number | undefined)[]> {
  const relationships = entity.relationships.map((relationship) => ({
    relationship,
    targetCount: entityById.get(relationship.target)?.sampleCount ?? 0,
  }));
  const key = `choices|${seed}|${entity.id}|${entity.sampleCount}|${JSON.stringify(
    relationships.map(({ relationship, targetCount }) => [relationship.id, relationship.target, relationship.cardinality, targetCount]),
  )}`;
  const cached = cache.get<Map<string, (number | undefined)[]>>(key);
  if (cached !== undefined) return cached;

  const random = mulberry32(hash(`${seed}|${entity.id}|relationships`));
  const picks = relationships.map(() => new Array<number | undefined>(entity.sampleCount));
  const seen = new Set<string>();
  for (let i = 0; i < entity.sampleCount; i += 1) {
    let combination: (number | undefined)[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      combination = relationships.map(({ relationship, targetCount }) => {
        if (targetCount === 0) return undefined;
        if (relationship.cardinality === 'one-to-one') return i % targetCount;
        return Math.floor(random() * targetCount);
      });
      const clash = relationships.some(({ relationship }, a) =>
        relationships.some(
          (other, b) => b > a && other.relationship.target === relationship.target && combination[a] === combination[b] && combination[a] !== undefined,
        ),
      );
      if (!clash && !seen.has(combination.join(','))) break;
    }
    seen.add(combination.join(','));
    combination.forEach((pick, r) => {
      const column = picks[r];
      if (column !== undefined) column[i] = pick;
    });
  }
  const result = new Map(relationships.map(({ relationship }, r) => [relationship.id, picks[r] ?? []]));
  cache.set(key, result);
  return result;
}

function resolveCopies(entity: Entity, entityColumns: Map<string, Column>, cache: SampleCache): void {
  // A copy may copy a copy; each pass resolves at least one link of such a chain.
  for (let pass = 0; pass < entity.attributes.length; pass += 1) {
    let progressed = false;
    for (const attribute of entity.attributes) {
      const generator = attribute.generator;
      if (generator.kind !== 'copy' || entityColumns.has(attribute.name)) continue;
      const source = entityColumns.get(generator.attribute);
      if (source === undefined) continue;
      const type = attribute.type;
      entityColumns.set(
        attribute.name,
        cache.derived([source], `copy|${type}`, () => source.map((value) => (value === undefined ? undefined : convert(value, type)))),
      );
      progressed = true;
    }
    if (!progressed) return;
  }
}

let faker: Faker | undefined;

/**
 * A column drawn from the attribute's own seeded stream. The stream does not depend on the
 * count, so a column drawn for more items serves any smaller count unchanged.
 */
function drawnColumn(seed: number, entity: Entity, attribute: EntityAttribute, cache: SampleCache): Column {
  const key = `column|${seed}|${entity.id}|${attribute.id}|${attribute.type}|${attribute.required}|${JSON.stringify(attribute.generator)}`;
  const count = entity.sampleCount;
  const exact = cache.get<Column>(`${key}|${count}`);
  if (exact !== undefined) return exact;
  const cached = cache.get<Column>(key);
  if (cached !== undefined && cached.length === count) return cached;
  if (cached !== undefined && cached.length > count) {
    const prefix = cached.slice(0, count);
    cache.set(`${key}|${count}`, prefix);
    return prefix;
  }
  faker ??= new Faker({ locale: [en] });
  const columnSeed = hash(`${seed}|${entity.id}|${attribute.id}`);
  faker.seed(columnSeed);
  const presence = mulberry32(columnSeed ^ 0x9e3779b9);
  const column: Column = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const value = drawSafely(attribute.generator, faker);
    const present = attribute.required || presence() >= OPTIONAL_ABSENT;
    column[i] = present ? toAttributeValue(value, attribute.type, attribute.generator) : undefined;
  }
  cache.set(key, column);
  return column;
}

type Raw = string | number | boolean | null | Raw[] | { [name: string]: Raw };

/** A generator faker cannot satisfy (say, integers beyond 2^53) gives no value, not a crash. */
function drawSafely(generator: Generator, f: Faker): Raw {
  try {
    return draw(generator, f);
  } catch {
    return null;
  }
}

function draw(generator: Generator, f: Faker): Raw {
  switch (generator.kind) {
    case 'uuid':
      return f.string.uuid();
    case 'ulid':
      return f.string.ulid({ refDate: f.date.between(DEFAULT_DATES) });
    case 'email':
      return f.internet.email().toLowerCase();
    case 'personName':
      return f.person.fullName();
    case 'username':
      return f.internet.username();
    case 'isoDate':
      return new Date(Math.floor(f.date.between(dateRange(generator, DEFAULT_DATES)).getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    case 'epochSeconds':
      return Math.floor(f.date.between(dateRange(generator, DEFAULT_EPOCH)).getTime() / 1000);
    case 'integer':
      return f.number.int({ min: Math.ceil(Math.min(generator.min, generator.max)), max: Math.floor(Math.max(generator.min, generator.max)) });
    case 'decimal': {
      const scale = Math.max(0, Math.min(20, generator.scale));
      const min = Math.min(generator.min, generator.max);
      const max = Math.max(generator.min, generator.max);
      return (min + f.number.float({ min: 0, max: 1 }) * (max - min)).toFixed(scale);
    }
    case 'enum':
      return generator.values.length === 0 ? null : f.helpers.arrayElement(generator.values);
    case 'sentence':
      return f.lorem.sentence(generator.words ?? 6);
    case 'url':
      return f.internet.url();
    case 'boolean':
      return f.datatype.boolean();
    case 'constant':
      return generator.value;
    case 'list':
    case 'set': {
      const min = Math.min(MAX_COLLECTION_SIZE, Math.max(0, Math.ceil(Math.min(generator.min, generator.max))));
      const max = Math.max(min, Math.min(MAX_COLLECTION_SIZE, Math.floor(Math.max(generator.min, generator.max))));
      const length = f.number.int({ min, max });
      return Array.from({ length }, () => draw(generator.of, f));
    }
    case 'map': {
      const out: { [name: string]: Raw } = {};
      for (const field of generator.fields) out[field.name] = draw(field.generator, f);
      return out;
    }
    case 'copy':
    case 'reference':
    case 'count':
      // Resolved from other columns, never drawn; kept total so a bad model cannot throw.
      return null;
  }
}

function dateRange(generator: { from?: string; to?: string }, fallback: { from: string; to: string }): { from: Date; to: Date } {
  const from = validDate(generator.from) ?? new Date(fallback.from);
  const to = validDate(generator.to) ?? new Date(fallback.to);
  return from <= to ? { from, to } : { from: to, to: from };
}

function validDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The type a generator's values naturally have, for list elements and set members. */
function naturalType(generator: Generator): AttributeType {
  switch (generator.kind) {
    case 'integer':
    case 'decimal':
    case 'epochSeconds':
    case 'count':
      return 'N';
    case 'boolean':
      return 'BOOL';
    case 'list':
      return 'L';
    case 'map':
      return 'M';
    case 'set':
      return naturalType(generator.of) === 'N' ? 'NS' : 'SS';
    default:
      return 'S';
  }
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A number as DynamoDB stores and returns it ("77.60" comes back as "77.6"), if it is one. */
function storedNumber(text: string): string | undefined {
  if (!NUMBER.test(text)) return undefined;
  try {
    return normalizeNumber(text);
  } catch {
    // Beyond DynamoDB's 38 digits or its range: no value rather than one DynamoDB refuses.
    return undefined;
  }
}

function toAttributeValue(raw: Raw, type: AttributeType, generator: Generator): AttributeValue | undefined {
  if (raw === null) return type === 'NULL' ? { NULL: true } : undefined;
  switch (type) {
    case 'S':
      return { S: typeof raw === 'object' ? JSON.stringify(raw) : String(raw) };
    case 'N': {
      const text = storedNumber(String(raw));
      return text === undefined ? undefined : { N: text };
    }
    case 'B':
      return { B: base64Encode(utf8Encode(typeof raw === 'object' ? JSON.stringify(raw) : String(raw))) };
    case 'BOOL':
      return { BOOL: typeof raw === 'boolean' ? raw : raw === 'true' };
    case 'NULL':
      return { NULL: true };
    case 'SS':
    case 'NS':
    case 'BS': {
      const of = generator.kind === 'set' || generator.kind === 'list' ? generator.of : generator;
      const memberType = type === 'SS' ? 'S' : type === 'NS' ? 'N' : 'B';
      const members = new Map<string, string>();
      for (const element of Array.isArray(raw) ? raw : [raw]) {
        const value = toAttributeValue(element, memberType, of);
        const text = value === undefined ? undefined : keyText(value);
        // Numbers arrive normalised, so equal values are equal text.
        if (text !== undefined) members.set(text, text);
      }
      // DynamoDB has no empty sets: the attribute is left out instead.
      if (members.size === 0) return undefined;
      const list = [...members.values()];
      return type === 'SS' ? { SS: list } : type === 'NS' ? { NS: list } : { BS: list };
    }
    case 'L': {
      const of = generator.kind === 'list' || generator.kind === 'set' ? generator.of : generator;
      const elementType = naturalType(of);
      const elements: AttributeValue[] = [];
      for (const element of Array.isArray(raw) ? raw : [raw]) {
        const value = toAttributeValue(element, elementType, of);
        if (value !== undefined) elements.push(value);
      }
      return { L: elements };
    }
    case 'M': {
      const fields = generator.kind === 'map' ? generator.fields : [];
      const out: Record<string, AttributeValue> = {};
      if (typeof raw === 'object' && !Array.isArray(raw)) {
        for (const field of fields) {
          const value = raw[field.name];
          const converted = value === undefined ? undefined : toAttributeValue(value, field.type, field.generator);
          if (converted !== undefined) out[field.name] = converted;
        }
      }
      return { M: out };
    }
  }
}

/** A value of one type read as another, for references and copies between attributes. */
function convert(value: AttributeValue, type: AttributeType): AttributeValue | undefined {
  if (type in value) return value;
  const text = keyText(value);
  if (text === undefined) return undefined;
  return toAttributeValue(text, type, { kind: 'constant', value: text });
}

type KeyRenderer = ((values: Item) => AttributeValue | undefined) & { attribute: string };

function keyRenderer(definition: KeyDefinition): KeyRenderer {
  const parsed = parseKeyTemplate(definition.template);
  const first = parsed.parts[0];
  const single = parsed.parts.length === 1 && first?.kind === 'placeholder' ? first.name : undefined;
  const render = (values: Item): AttributeValue | undefined => {
    if (single !== undefined) {
      const value = values[single];
      return value === undefined ? undefined : keyValue(value, definition.type);
    }
    const text = renderKeyTemplate(parsed, values);
    return text === undefined ? undefined : keyValue({ S: text }, definition.type);
  };
  return Object.assign(render, { attribute: definition.attribute });
}

/** A key value of the key's type; text that is no number gives no N key at all. */
function keyValue(value: AttributeValue, type: KeyAttribute['type']): AttributeValue | undefined {
  if (type in value) return value;
  if (type === 'B' && 'S' in value) return { B: base64Encode(utf8Encode(value.S)) };
  return convert(value, type);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
