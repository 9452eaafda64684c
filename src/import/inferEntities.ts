// Entities and key templates from sample items alone: how a NoSQL Workbench table without
// facets (or a facet without aliases) becomes a design. Items are grouped by a type attribute
// when there is one, else by their key prefixes; each key segment (split on `#`) becomes literal
// text when it is the same word in every item, or a placeholder named after the attribute that
// holds the same value (`USER#{{userId}}`), or a new attribute named after the text before it.
import type { AttributeValue, Item } from '../engine/AttributeValue';
import { defaultGenerator } from '../model/defaultGenerator';
import { parseKeyTemplate, readKeyTemplate } from '../model/keyTemplate';
import type { AttributeType, EntityAttribute, Generator, KeyAttribute, KeyTemplate } from '../model/types';
import { camelCase, pascalCase } from '../model/identifierCase';
import { idFor } from './ImportResult';

export interface KeySlot {
  /** The key attribute (table or index key). */
  attribute: KeyAttribute;
  /** Where its template goes: `table` or an index id. */
  owner: string;
  role: 'partitionKey' | 'sortKey';
}

export interface InferredEntity {
  name: string;
  typeAttribute?: string;
  attributes: EntityAttribute[];
  /** Templates by owner (`table` or index id). */
  templates: Record<string, { partitionKey?: KeyTemplate; sortKey?: KeyTemplate }>;
  itemCount: number;
}

const SEPARATOR = '#';
const TYPE_ATTRIBUTE = /^(_?type|entity_?type|_et|__typename|kind)$/i;
const ENUM_LIMIT = 12;
/** Key attribute names of overloaded single-table keys, whose values are built from other attributes. */
const OVERLOADED_KEY_NAME = /^(pk|sk|pk\d|sk\d|gsi\d*_?(pk|sk)|lsi\d*_?sk|partition_?key|sort_?key|hash_?key|range_?key)$/i;

export function scalarText(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL ? 'true' : 'false';
  return undefined;
}

export function valueType(value: AttributeValue): AttributeType {
  return Object.keys(value)[0] as AttributeType;
}

/** The attribute naming each item's entity type, if the items have one. */
export function findTypeAttribute(items: readonly Item[], keyNames: ReadonlySet<string>): string | undefined {
  const candidates = new Set<string>();
  for (const item of items) for (const name of Object.keys(item)) if (TYPE_ATTRIBUTE.test(name) && !keyNames.has(name)) candidates.add(name);
  return [...candidates].find((name) => items.every((item) => typeof scalarText(item[name]) === 'string' && 'S' in (item[name] ?? {})));
}

function prefixSignature(item: Item, slots: readonly KeySlot[]): string {
  return slots
    .filter((slot) => slot.owner === 'table')
    .map((slot) => {
      const text = scalarText(item[slot.attribute.name]) ?? '';
      const head = text.split(SEPARATOR)[0] ?? '';
      // A word alone names an item kind only in a sort key (`PROFILE`, `META`); a partition key
      // without a separator is a plain value (a name, an id), the same kind of item throughout.
      if (!text.includes(SEPARATOR)) return slot.role === 'sortKey' && /^[A-Za-z_-]+$/.test(head) ? head : '*';
      return /\d/.test(head) ? (/^[A-Za-z_-]+$/.test(head) ? head : '*') : head;
    })
    .join('|');
}

/** Groups items into entities: by type attribute value, else by table-key prefixes. */
export function groupItems(items: readonly Item[], slots: readonly KeySlot[]): { name: string; typeAttribute?: string; items: Item[] }[] {
  const keyNames = new Set(slots.map((slot) => slot.attribute.name));
  const typeAttribute = findTypeAttribute(items, keyNames);
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = typeAttribute !== undefined ? (scalarText(item[typeAttribute]) ?? '') : prefixSignature(item, slots);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([key, grouped], index) => {
    if (typeAttribute !== undefined) return { name: key, typeAttribute, items: grouped };
    const words = key.split('|').filter((word) => word !== '*' && word !== '');
    return { name: words.length > 0 ? pascalCase(words.join(' ')) : `Entity${index + 1}`, items: grouped };
  });
}

interface Placeholder {
  name: string;
  /** The literal text before it: `c#{{x}}` and `o#{{y}}` are different ids even when x = y. */
  context: string;
  type: KeyAttribute['type'];
  valueOf: Map<Item, string>;
}

/** Infers one entity from its items. `known` gives templates already known (facet aliases). */
export function inferEntity(
  name: string,
  items: readonly Item[],
  slots: readonly KeySlot[],
  options: {
    typeAttribute?: string;
    known?: InferredEntity['templates'];
    attributeTypes?: ReadonlyMap<string, AttributeType>;
    attributeNames?: readonly string[];
  } = {},
): InferredEntity {
  const keyNames = new Set(slots.map((slot) => slot.attribute.name));
  const typeAttribute = options.typeAttribute ?? findTypeAttribute(items, keyNames);
  const dataNames = new Set<string>(options.attributeNames ?? []);
  for (const item of items) for (const attribute of Object.keys(item)) if (!keyNames.has(attribute)) dataNames.add(attribute);
  if (typeAttribute !== undefined) dataNames.delete(typeAttribute);
  const placeholders: Placeholder[] = [];
  const templates: InferredEntity['templates'] = {};
  const usedNames = new Set([...dataNames, ...keyNames]);
  const holdingAttribute = (present: readonly Item[], values: readonly string[]): string | undefined =>
    [...dataNames].find((candidate) => present.every((item, i) => scalarText(item[candidate]) === values[i]));
  // Placeholders of known templates (`U{{uId}}` read from `U42` gives uId = 42) are found again
  // as inferred ones are, so the keys inferred next reuse them as they would have on first sight.
  for (const placeholder of knownPlaceholders(items, slots, options.known)) {
    if (dataNames.has(placeholder.name) && items.some((item) => item[placeholder.name] !== undefined)) continue;
    if (!placeholders.some((p) => p.name === placeholder.name)) placeholders.push(placeholder);
  }
  // An attribute the entity declares but no item holds is a key's placeholder: its name is free.
  const declaredOnly = (name: string): boolean => dataNames.has(name) && items.every((item) => item[name] === undefined) && !placeholders.some((p) => p.name === name);

  const placeholderFor = (present: readonly Item[], values: readonly string[], previousLiteral: string | undefined, slot: KeySlot): string => {
    const attribute = holdingAttribute(present, values);
    if (attribute !== undefined) return attribute;
    const context = previousLiteral ?? '';
    const same = placeholders.find(
      (p) => p.context === context && present.every((item, i) => !p.valueOf.has(item) || p.valueOf.get(item) === values[i]),
    );
    if (same !== undefined) {
      present.forEach((item, i) => same.valueOf.set(item, values[i] ?? ''));
      return same.name;
    }
    // An index key that is one whole value gets an attribute of its own (a GSI on `createdAt`),
    // named apart from the key attribute so an export and re-import find it again.
    // A key that is one whole value keeps the key's type: a Number key gets a Number attribute.
    const wholeKey = present.every((item, i) => scalarText(item[slot.attribute.name]) === values[i]);
    const wholeIndexKey = slot.owner !== 'table' && wholeKey;
    const ownName = camelCase(slot.attribute.name);
    // A table key that is a plain value (`Widget_Id`, `name`) is its own attribute, not a made-up id.
    const naturalKey = slot.owner === 'table' && wholeKey && previousLiteral === undefined && !OVERLOADED_KEY_NAME.test(slot.attribute.name);
    const base = naturalKey
      ? slot.attribute.name
      : wholeIndexKey
      ? ownName === slot.attribute.name
        ? `${ownName}Value`
        : ownName
      : previousLiteral !== undefined && /[A-Za-z]/.test(previousLiteral)
        ? `${camelCase(previousLiteral)}Id`
        : slot.owner === 'table' && slot.role === 'partitionKey'
          ? `${camelCase(name)}Id`
          : `${ownName}Value`;
    let candidate = base;
    for (let n = 2; usedNames.has(candidate) && !declaredOnly(candidate) && !(naturalKey && candidate === base); n += 1) candidate = `${base}${n}`;
    usedNames.add(candidate);
    placeholders.push({
      name: candidate,
      context,
      type: wholeKey ? slot.attribute.type : 'S',
      valueOf: new Map(present.map((item, i) => [item, values[i] ?? ''])),
    });
    return candidate;
  };

  for (const slot of slots) {
    const known = options.known?.[slot.owner]?.[slot.role];
    if (known !== undefined) {
      (templates[slot.owner] ??= {})[slot.role] = known;
      continue;
    }
    const present = items.filter((item) => scalarText(item[slot.attribute.name]) !== undefined);
    if (present.length === 0) continue;
    const texts = present.map((item) => scalarText(item[slot.attribute.name]) ?? '');
    const split = texts.map((text) => text.split(SEPARATOR));
    const width = split[0]?.length ?? 1;
    const aligned = split.every((parts) => parts.length === width);
    const segments: string[] = [];
    let previousLiteral: string | undefined;
    for (let position = 0; position < (aligned ? width : 1); position += 1) {
      const values = aligned ? split.map((parts) => parts[position] ?? '') : texts;
      const first = values[0] ?? '';
      const constant = values.every((value) => value === first) && !/\d/.test(first);
      // An attribute holding the same text wins over a literal: `STATUS#{{status}}` even if all samples say OPEN.
      if (constant && holdingAttribute(present, values) === undefined) {
        segments.push(first.replace(/\{\{|\}\}/g, ''));
        previousLiteral = first;
        continue;
      }
      const { prefix, rest } = splitLetterPrefix(present, values, holdingAttribute);
      segments.push(`${prefix.replace(/\{\{|\}\}/g, '')}{{${placeholderFor(present, rest, prefix === '' ? previousLiteral : prefix, slot)}}}`);
      previousLiteral = undefined;
    }
    (templates[slot.owner] ??= {})[slot.role] = segments.join(SEPARATOR);
  }

  const attributes: EntityAttribute[] = [];
  for (const attributeName of dataNames) {
    const observed = items.map((item) => item[attributeName]).filter((value): value is AttributeValue => value !== undefined);
    const type = options.attributeTypes?.get(attributeName) ?? (observed[0] === undefined ? 'S' : valueType(observed[0]));
    attributes.push(
      entityAttribute(name, attributeName, type, items.length > 0 && observed.length === items.length, generatorFor(attributeName, type, observed)),
    );
  }
  for (const placeholder of placeholders) if (!dataNames.has(placeholder.name)) attributes.push(entityAttribute(name, placeholder.name, placeholder.type, true));
  return { name, ...(typeAttribute !== undefined ? { typeAttribute } : {}), attributes, templates, itemCount: items.length };
}

/** The text before a placeholder that tells ids apart (`C` in `C{{cId}}`, `A` in `A#{{from}}`), as inference names it. */
function placeholderContext(before: string): string {
  const segments = before.split(SEPARATOR);
  const own = segments[segments.length - 1] ?? '';
  const context = own !== '' ? own : (segments[segments.length - 2] ?? '');
  return context.includes('}}') ? '' : context;
}

function knownPlaceholders(items: readonly Item[], slots: readonly KeySlot[], known: InferredEntity['templates'] | undefined): Placeholder[] {
  const found = new Map<string, Placeholder>();
  for (const slot of slots) {
    const template = known?.[slot.owner]?.[slot.role];
    if (template === undefined) continue;
    const parts = parseKeyTemplate(template).parts;
    for (const part of parts) {
      if (part.kind !== 'placeholder' || found.has(part.name)) continue;
      const whole = parts.length === 1;
      found.set(part.name, { name: part.name, context: placeholderContext(template.slice(0, part.start)), type: whole ? slot.attribute.type : 'S', valueOf: new Map() });
    }
    for (const item of items) {
      const key = scalarText(item[slot.attribute.name]);
      if (key === undefined) continue;
      for (const [name, value] of readKeyTemplate(template, key) ?? []) found.get(name)?.valueOf.set(item, value);
    }
  }
  return [...found.values()];
}

/**
 * Ids like `P1`, `P2` carry their entity's letter in the value: the common leading capitals
 * become literal text (`P{{patientId}}`) unless an attribute holds the whole value. The
 * longest prefix after which an attribute holds the rest wins; else all the common letters.
 */
function splitLetterPrefix(
  present: readonly Item[],
  values: readonly string[],
  holdingAttribute: (present: readonly Item[], values: readonly string[]) => string | undefined,
): { prefix: string; rest: readonly string[] } {
  if (holdingAttribute(present, values) !== undefined) return { prefix: '', rest: values };
  let common = /^[A-Z_-]*/.exec(values[0] ?? '')?.[0] ?? '';
  for (const value of values) while (!value.startsWith(common)) common = common.slice(0, -1);
  // Never swallow a whole value: something must remain for the placeholder.
  while (common !== '' && values.some((value) => value.length <= common.length)) common = common.slice(0, -1);
  for (let length = common.length; length > 0; length -= 1) {
    const rest = values.map((value) => value.slice(length));
    if (holdingAttribute(present, rest) !== undefined) return { prefix: common.slice(0, length), rest };
  }
  return { prefix: common, rest: values.map((value) => value.slice(common.length)) };
}

/** An imported attribute, its id derived from the entity and attribute names. */
export function entityAttribute(
  entityName: string,
  name: string,
  type: AttributeType,
  required: boolean,
  generator: Generator = defaultGenerator(name, type),
): EntityAttribute {
  return { id: `${idFor('entity', entityName)}-${idFor('attr', name)}`, name, type, required, generator };
}

/** A generator that produces values like the observed ones: their set when small, else a guess from the name. */
export function generatorFor(name: string, type: AttributeType, observed: readonly AttributeValue[]): Generator {
  const texts = observed.map(scalarText).filter((text): text is string => text !== undefined);
  if (type === 'S' && texts.length > 0) {
    const distinct = [...new Set(texts)];
    const fallback = defaultGenerator(name, type);
    if (distinct.length <= ENUM_LIMIT && distinct.length < texts.length && !distinct.some((text) => text.includes(SEPARATOR))) {
      return { kind: 'enum', values: distinct };
    }
    return fallback;
  }
  if (type === 'N' && texts.length > 0) {
    const numbers = texts.map(Number).filter((n) => Number.isFinite(n));
    if (numbers.length > 0) {
      // Reduced, not spread: a file's column may hold more values than a call takes arguments.
      const min = numbers.reduce((a, b) => Math.min(a, b));
      const max = numbers.reduce((a, b) => Math.max(a, b));
      if (numbers.every((n) => Number.isInteger(n))) return { kind: 'integer', min, max: max === min ? min + 100 : max };
      return { kind: 'decimal', min, max: max === min ? min + 100 : max, scale: 2 };
    }
  }
  return defaultGenerator(name, type);
}

/**
 * What an import read out of an entity's items rather than found written down, as a note for
 * the user to check: the key templates of each table and index slot (`PK = USER#{{userId}}`).
 */
export function inferredKeysNote(entity: InferredEntity, slots: readonly KeySlot[], known: InferredEntity['templates'] = {}): string | undefined {
  const read = slots.flatMap((slot) => {
    const template = entity.templates[slot.owner]?.[slot.role];
    return template === undefined || known[slot.owner]?.[slot.role] !== undefined ? [] : [`${slot.attribute.name} = ${template}`];
  });
  return read.length === 0 ? undefined : `${entity.name}: key templates read from its ${entity.itemCount} item(s), check them in the inspector: ${read.join(', ')}`;
}
