// What a design means, checked: the limits DynamoDB enforces at CreateTable, key templates
// that cannot produce a valid key, sparse indexes, sort keys that begins_with cannot tell
// apart, references that point nowhere, and each access pattern's own checks. Each issue
// carries the JSON pointer of the field it is about, so the UI can show it in place.
// Severity means something: an error is what makes an export invalid or a DynamoDB request
// fail; a design smell is a warning that says why, and never blocks an export. Assumes the
// schema's shape (see parseModel); never throws on a shape-valid model.
import { isReservedWord } from '../engine/ReservedWords';
import { checkPattern } from './accessPatterns/checkPattern';
import { parameterValueVerdicts } from './accessPatterns/requestChecks';
import { closestName } from './closestName';
import { shardCount, templateCardinality } from './production/keyCardinality';
import type { SampleItem } from './sampleData';
import {
  isConstantTemplate,
  parseKeyTemplate,
  templatePlaceholders,
  templatePrefix,
  templateSuffix,
  type ParsedKeyTemplate,
} from './keyTemplate';
import type {
  AttributeType,
  DesignModel,
  Entity,
  EntityAttribute,
  Generator,
  KeyAttribute,
  ModelIssue,
  Projection,
  ThroughputSetting,
} from './types';

export const LIMITS = {
  globalSecondaryIndexes: 20,
  localSecondaryIndexes: 5,
  projectedAttributes: 100,
  nameBytes: 255,
  tags: 50,
  tagKeyLength: 128,
  tagValueLength: 256,
} as const;

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

type Severity = ModelIssue['severity'];

class Issues {
  readonly list: ModelIssue[] = [];

  add(severity: Severity, path: string, code: string, message: string, range?: { start: number; end: number }): void {
    this.list.push(range === undefined ? { severity, path, code, message } : { severity, path, code, message, range });
  }
}

/** A JSON pointer (RFC 6901) from path segments. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Every issue of the design. With the sample items, access patterns are also checked for
 * placeholders that have no value to run with.
 */
export function validateModel(model: DesignModel, samples?: readonly SampleItem[]): ModelIssue[] {
  const issues = new Issues();
  checkTable(model, issues);
  checkIndexes(model, issues);
  checkKeyAttributeTypes(model, issues);
  model.entities.forEach((entity, index) => checkEntity(model, entity, index, issues));
  checkEntityIdentity(model, issues);
  checkReferenceCycles(model, issues);
  checkCollisions(model, issues);
  checkAccessPatterns(model, samples, issues);
  return issues.list;
}

const utf8 = new TextEncoder();

function byteLength(text: string): number {
  return utf8.encode(text).length;
}

function checkName(kind: string, name: string, path: string, issues: Issues): void {
  if (!TABLE_NAME.test(name)) {
    issues.add(
      'error',
      path,
      `${kind}.name`,
      `${kind === 'table' ? 'table' : 'index'} name "${name}" must be 3–255 characters of a–z, A–Z, 0–9, "_", "-" and "."`,
    );
  }
}

function checkKeyAttributeName(key: KeyAttribute, keyPath: string, issues: Issues): void {
  if (byteLength(key.name) > LIMITS.nameBytes) {
    issues.add('error', `${keyPath}/name`, 'key.nameLength', `key attribute name "${key.name.slice(0, 20)}…" is longer than 255 bytes`);
  }
}

function checkTable(model: DesignModel, issues: Issues): void {
  const table = model.table;
  checkName('table', table.name, '/table/name', issues);
  checkKeyAttributeName(table.partitionKey, '/table/partitionKey', issues);
  if (table.sortKey !== undefined) {
    checkKeyAttributeName(table.sortKey, '/table/sortKey', issues);
    if (table.sortKey.name === table.partitionKey.name) {
      issues.add('error', '/table/sortKey/name', 'key.sameName', `the sort key cannot be the partition key attribute "${table.partitionKey.name}"`);
    }
  }
  if (table.billing.mode === 'PROVISIONED') {
    checkThroughput(table.billing.read, '/table/billing/read', 'read', true, issues);
    checkThroughput(table.billing.write, '/table/billing/write', 'write', true, issues);
  }
  if (table.ttlAttribute !== undefined) {
    model.entities.forEach((entity, e) => {
      entity.attributes.forEach((attribute, a) => {
        if (attribute.name === table.ttlAttribute && attribute.type !== 'N') {
          issues.add(
            'warning',
            pointer('entities', e, 'attributes', a, 'type'),
            'ttl.type',
            `${attribute.name} is the table's TTL attribute, which DynamoDB reads only as epoch seconds (N); as ${attribute.type} it never expires ${entity.name} items`,
          );
        }
      });
    });
  }
  if (table.encryption.type === 'CUSTOMER_MANAGED' && !/^(arn:aws[\w-]*:kms:|alias\/)/.test(table.encryption.kmsKeyArn)) {
    issues.add('warning', '/table/encryption/kmsKeyArn', 'encryption.kmsKey', `"${table.encryption.kmsKeyArn}" does not look like a KMS key ARN or alias`);
  }
  if (table.tags.length > LIMITS.tags) {
    issues.add('error', '/table/tags', 'tags.count', `a table can have at most ${LIMITS.tags} tags, not ${table.tags.length}`);
  }
  const tagKeys = new Set<string>();
  table.tags.forEach((tag, t) => {
    const path = pointer('table', 'tags', t);
    if (tag.key.length < 1 || tag.key.length > LIMITS.tagKeyLength) {
      issues.add('error', `${path}/key`, 'tags.keyLength', `tag keys must be 1–${LIMITS.tagKeyLength} characters`);
    } else if (tag.key.toLowerCase().startsWith('aws:')) {
      issues.add('error', `${path}/key`, 'tags.reservedPrefix', `tag key "${tag.key}" uses the "aws:" prefix, which AWS reserves`);
    } else if (tagKeys.has(tag.key)) {
      issues.add('error', `${path}/key`, 'tags.duplicate', `tag key "${tag.key}" is used twice`);
    }
    tagKeys.add(tag.key);
    if (tag.value.length > LIMITS.tagValueLength) {
      issues.add('error', `${path}/value`, 'tags.valueLength', `tag values must be at most ${LIMITS.tagValueLength} characters`);
    }
  });
}

// Application Auto Scaling's target tracking for DynamoDB accepts 20–90 percent.
const TARGET_UTILIZATION = { min: 20, max: 90 } as const;

/** Adds an error unless `value` is a whole number of at least `least`; says whether it is. */
function checkWholeNumber(value: number, least: number, path: string, code: string, what: string, issues: Issues): boolean {
  if (Number.isInteger(value) && value >= least) return true;
  issues.add('error', path, code, `${what} must be a whole number of at least ${least}, not ${value}`);
  return false;
}

/**
 * The bounds DynamoDB and the model schema hold capacity to are checked even where the capacity
 * is ignored (a GSI of an on-demand table), as a saved model outside them no longer loads; how
 * units and auto scaling relate only matters where the capacity is `provisioned`.
 */
function checkThroughput(setting: ThroughputSetting, path: string, kind: 'read' | 'write', provisioned: boolean, issues: Issues): void {
  const unitsValid = checkWholeNumber(setting.units, 1, `${path}/units`, 'capacity.units', `${kind} capacity units`, issues);
  const scaling = setting.autoScaling;
  if (scaling === undefined) return;
  const scalingPath = `${path}/autoScaling`;
  const minValid = checkWholeNumber(scaling.minCapacity, 1, `${scalingPath}/minCapacity`, 'autoScaling.bounds', `${kind} auto scaling minimum`, issues);
  const maxValid = checkWholeNumber(scaling.maxCapacity, 1, `${scalingPath}/maxCapacity`, 'autoScaling.bounds', `${kind} auto scaling maximum`, issues);
  const target = scaling.targetUtilization;
  if (!(target >= TARGET_UTILIZATION.min && target <= TARGET_UTILIZATION.max)) {
    issues.add(
      'error',
      `${scalingPath}/targetUtilization`,
      'autoScaling.target',
      `${kind} auto scaling target utilization must be ${TARGET_UTILIZATION.min}–${TARGET_UTILIZATION.max}%, not ${target}%`,
    );
  }
  checkWholeNumber(scaling.scaleInCooldownSeconds, 0, `${scalingPath}/scaleInCooldownSeconds`, 'autoScaling.cooldown', `${kind} scale-in cooldown`, issues);
  checkWholeNumber(scaling.scaleOutCooldownSeconds, 0, `${scalingPath}/scaleOutCooldownSeconds`, 'autoScaling.cooldown', `${kind} scale-out cooldown`, issues);
  if (!provisioned || !minValid || !maxValid) return;
  if (scaling.minCapacity > scaling.maxCapacity) {
    issues.add('error', `${scalingPath}/minCapacity`, 'autoScaling.range', `${kind} auto scaling minimum ${scaling.minCapacity} is above its maximum ${scaling.maxCapacity}`);
  } else if (unitsValid && (setting.units < scaling.minCapacity || setting.units > scaling.maxCapacity)) {
    issues.add(
      'warning',
      `${path}/units`,
      'autoScaling.units',
      `${setting.units} ${kind} capacity units lie outside auto scaling's ${scaling.minCapacity}–${scaling.maxCapacity}; auto scaling will move them into range`,
    );
  }
}

function checkIndexes(model: DesignModel, issues: Issues): void {
  const { globalSecondaryIndexes: gsis, localSecondaryIndexes: lsis } = model;
  if (gsis.length > LIMITS.globalSecondaryIndexes) {
    issues.add('error', '/globalSecondaryIndexes', 'index.gsiCount', `a table can have at most ${LIMITS.globalSecondaryIndexes} global secondary indexes, not ${gsis.length}`);
  }
  if (lsis.length > LIMITS.localSecondaryIndexes) {
    issues.add('error', '/localSecondaryIndexes', 'index.lsiCount', `a table can have at most ${LIMITS.localSecondaryIndexes} local secondary indexes, not ${lsis.length}`);
  }
  const names = new Map<string, string>();
  const ids = new Set<string>();
  const all = [
    ...gsis.map((index, i) => ({ index, path: pointer('globalSecondaryIndexes', i) })),
    ...lsis.map((index, i) => ({ index, path: pointer('localSecondaryIndexes', i) })),
  ];
  for (const { index, path } of all) {
    checkName('index', index.name, `${path}/name`, issues);
    const other = names.get(index.name);
    if (other !== undefined) issues.add('error', `${path}/name`, 'index.duplicateName', `index name "${index.name}" is already used at ${other}`);
    else names.set(index.name, path);
    if (ids.has(index.id)) issues.add('error', `${path}/id`, 'index.duplicateId', `index id "${index.id}" is used twice`);
    ids.add(index.id);
  }
  gsis.forEach((gsi, i) => {
    const path = pointer('globalSecondaryIndexes', i);
    checkKeyAttributeName(gsi.partitionKey, `${path}/partitionKey`, issues);
    if (gsi.sortKey !== undefined) {
      checkKeyAttributeName(gsi.sortKey, `${path}/sortKey`, issues);
      if (gsi.sortKey.name === gsi.partitionKey.name) {
        issues.add('error', `${path}/sortKey/name`, 'key.sameName', `${gsi.name}'s sort key cannot be its partition key attribute "${gsi.partitionKey.name}"`);
      }
    }
    if (gsi.throughput !== undefined) {
      const provisioned = model.table.billing.mode === 'PROVISIONED';
      if (!provisioned) {
        issues.add('warning', `${path}/throughput`, 'index.throughputIgnored', `${gsi.name} has provisioned throughput, but the table is on-demand (PAY_PER_REQUEST), so it is ignored`);
      }
      checkThroughput(gsi.throughput.read, `${path}/throughput/read`, 'read', provisioned, issues);
      checkThroughput(gsi.throughput.write, `${path}/throughput/write`, 'write', provisioned, issues);
    }
  });
  lsis.forEach((lsi, i) => {
    const path = pointer('localSecondaryIndexes', i);
    checkKeyAttributeName(lsi.sortKey, `${path}/sortKey`, issues);
    if (model.table.sortKey === undefined) {
      issues.add('error', path, 'lsi.needsTableSortKey', `${lsi.name} is a local secondary index, which needs a table with a sort key`);
    } else if (lsi.sortKey.name === model.table.sortKey.name) {
      issues.add(
        'warning',
        `${path}/sortKey/name`,
        'lsi.sameSortKey',
        `${lsi.name} sorts by the table's own sort key "${lsi.sortKey.name}", so it only repeats the table's order; sort it by another attribute`,
      );
    }
    if (lsi.sortKey.name === model.table.partitionKey.name) {
      issues.add('error', `${path}/sortKey/name`, 'key.sameName', `${lsi.name}'s sort key cannot be the table's partition key "${lsi.sortKey.name}"`);
    }
  });

  const attributeNames = new Set(model.entities.flatMap((entity) => entity.attributes.map((a) => a.name)));
  const keyNames = new Set(allKeyAttributes(model).map((slot) => slot.key.name));
  let projected = 0;
  for (const { index, path } of all) {
    projected += checkProjection(index.name, index.projection, `${path}/projection`, attributeNames, keyNames, issues);
    if (projected > LIMITS.projectedAttributes) {
      issues.add(
        'error',
        `${path}/projection/nonKeyAttributes`,
        'projection.limit',
        `indexes project ${projected} non-key attributes in total (counted per index); DynamoDB allows ${LIMITS.projectedAttributes}`,
      );
      projected = Number.NEGATIVE_INFINITY;
    }
  }
}

function checkProjection(
  indexName: string,
  projection: Projection,
  path: string,
  attributeNames: ReadonlySet<string>,
  keyNames: ReadonlySet<string>,
  issues: Issues,
): number {
  const listed = projection.nonKeyAttributes ?? [];
  if (projection.type !== 'INCLUDE') {
    if (listed.length > 0) {
      issues.add('error', `${path}/nonKeyAttributes`, 'projection.unexpectedAttributes', `${indexName} projects ${projection.type}, so it cannot list non-key attributes; use INCLUDE`);
    }
    return 0;
  }
  if (listed.length === 0) {
    issues.add('error', `${path}/nonKeyAttributes`, 'projection.emptyInclude', `${indexName} projects INCLUDE but lists no non-key attributes`);
  }
  const seen = new Set<string>();
  listed.forEach((name, n) => {
    if (seen.has(name)) {
      issues.add('error', `${path}/nonKeyAttributes/${n}`, 'projection.duplicate', `${indexName} lists "${name}" twice; DynamoDB rejects the index`);
    } else if (!attributeNames.has(name) && !keyNames.has(name)) {
      issues.add('warning', `${path}/nonKeyAttributes/${n}`, 'projection.unknownAttribute', `${indexName} projects "${name}", which no entity has`);
    }
    seen.add(name);
  });
  return listed.length;
}

interface KeySlot {
  key: KeyAttribute;
  /** Where the key is declared. */
  path: string;
  /** 'table' or the index's display name. */
  owner: string;
}

function allKeyAttributes(model: DesignModel): KeySlot[] {
  const slots: KeySlot[] = [{ key: model.table.partitionKey, path: '/table/partitionKey', owner: 'the table' }];
  if (model.table.sortKey !== undefined) slots.push({ key: model.table.sortKey, path: '/table/sortKey', owner: 'the table' });
  model.globalSecondaryIndexes.forEach((gsi, i) => {
    slots.push({ key: gsi.partitionKey, path: pointer('globalSecondaryIndexes', i, 'partitionKey'), owner: gsi.name });
    if (gsi.sortKey !== undefined) slots.push({ key: gsi.sortKey, path: pointer('globalSecondaryIndexes', i, 'sortKey'), owner: gsi.name });
  });
  model.localSecondaryIndexes.forEach((lsi, i) => {
    slots.push({ key: lsi.sortKey, path: pointer('localSecondaryIndexes', i, 'sortKey'), owner: lsi.name });
  });
  return slots;
}

/** One attribute has one type in AttributeDefinitions, whichever keys share it. */
function checkKeyAttributeTypes(model: DesignModel, issues: Issues): void {
  const first = new Map<string, KeySlot>();
  for (const slot of allKeyAttributes(model)) {
    const earlier = first.get(slot.key.name);
    if (earlier === undefined) {
      first.set(slot.key.name, slot);
    } else if (earlier.key.type !== slot.key.type) {
      issues.add(
        'error',
        `${slot.path}/type`,
        'key.typeConflict',
        `${slot.key.name} is ${slot.key.type} here but ${earlier.key.type} as a key of ${earlier.owner}; an attribute has one type in AttributeDefinitions`,
      );
    }
  }
}

const NON_KEY_TYPES: ReadonlySet<AttributeType> = new Set(['M', 'L', 'SS', 'NS', 'BS', 'NULL']);
const NUMERIC_GENERATORS: ReadonlySet<Generator['kind']> = new Set(['integer', 'decimal', 'epochSeconds', 'count']);

function checkEntity(model: DesignModel, entity: Entity, e: number, issues: Issues): void {
  const path = pointer('entities', e);
  const attributeByName = new Map<string, EntityAttribute>();
  const keyByName = new Map(allKeyAttributes(model).map((slot) => [slot.key.name, slot]));
  entity.attributes.forEach((attribute, a) => {
    const at = pointer('entities', e, 'attributes', a);
    if (byteLength(attribute.name) > LIMITS.nameBytes) {
      issues.add('error', `${at}/name`, 'attribute.nameLength', `attribute name "${attribute.name.slice(0, 20)}…" is longer than 255 bytes`);
    }
    if (attributeByName.has(attribute.name)) {
      issues.add('error', `${at}/name`, 'attribute.duplicate', `${entity.name} has two attributes named "${attribute.name}"`);
    }
    attributeByName.set(attribute.name, attribute);
    if (isReservedWord(attribute.name)) {
      issues.add(
        'warning',
        `${at}/name`,
        'attribute.reservedWord',
        `${entity.name}'s attribute "${attribute.name}" is a DynamoDB reserved word: every expression must name it through ExpressionAttributeNames (#${attribute.name}), or DynamoDB rejects the request; a name like ${entity.name}${attribute.name.charAt(0).toUpperCase()}${attribute.name.slice(1)} avoids that`,
      );
    }
    const key = keyByName.get(attribute.name);
    if (key !== undefined && key.key.type !== attribute.type) {
      issues.add(
        'error',
        `${at}/type`,
        'attribute.keyType',
        `${attribute.name} is a ${key.key.type} key of ${key.owner}, so DynamoDB rejects ${entity.name} items whose ${attribute.name} is ${attribute.type}`,
      );
    }
    checkGenerator(model, entity, attribute, attribute.generator, `${at}/generator`, attributeByName, issues);
  });
  if (entity.typeAttribute !== undefined) {
    if (keyByName.has(entity.typeAttribute)) {
      issues.add('error', `${path}/typeAttribute`, 'entity.typeAttributeIsKey', `the entity-type attribute cannot be the key attribute "${entity.typeAttribute}"`);
    } else if (entity.attributes.some((a) => a.name === entity.typeAttribute)) {
      issues.add('warning', `${path}/typeAttribute`, 'entity.typeAttributeShadows', `the entity-type attribute "${entity.typeAttribute}" replaces ${entity.name}'s attribute of that name`);
    }
  }
  entity.relationships.forEach((relationship, r) => {
    const at = pointer('entities', e, 'relationships', r);
    const target = model.entities.find((candidate) => candidate.id === relationship.target);
    if (target === undefined) {
      issues.add('warning', `${at}/target`, 'relationship.unknownTarget', `relationship "${relationship.name}" of ${entity.name} points to entity "${relationship.target}", which does not exist, so sample items get no values through it`);
      return;
    }
    relationship.foreignKeys.forEach((foreignKey, f) => {
      if (!entity.attributes.some((a) => a.name === foreignKey.attribute)) {
        issues.add('warning', `${at}/foreignKeys/${f}/attribute`, 'relationship.unknownAttribute', `relationship "${relationship.name}": ${entity.name} has no attribute "${foreignKey.attribute}", so this foreign key links nothing`);
      }
      if (!target.attributes.some((a) => a.name === foreignKey.targetAttribute)) {
        issues.add('warning', `${at}/foreignKeys/${f}/targetAttribute`, 'relationship.unknownTargetAttribute', `relationship "${relationship.name}": ${target.name} has no attribute "${foreignKey.targetAttribute}", so this foreign key links nothing`);
      }
    });
  });
  checkEntityKeys(model, entity, e, attributeByName, issues);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(entity.name)) {
    issues.add('info', `${path}/name`, 'entity.nameIdentifier', `"${entity.name}" is not a plain identifier; generated TypeScript will rename it`);
  }
}

function checkGenerator(
  model: DesignModel,
  entity: Entity,
  attribute: EntityAttribute,
  generator: Generator,
  path: string,
  attributeByName: ReadonlyMap<string, EntityAttribute>,
  issues: Issues,
): void {
  switch (generator.kind) {
    case 'integer':
    case 'decimal':
    case 'list':
    case 'set':
      if (generator.min > generator.max) issues.add('warning', `${path}/min`, 'generator.range', `${attribute.name}: minimum ${generator.min} is above maximum ${generator.max}; sample values are drawn as if they were swapped`);
      break;
    case 'isoDate':
    case 'epochSeconds':
      for (const field of ['from', 'to'] as const) {
        const value = generator[field];
        if (value !== undefined && Number.isNaN(new Date(value).getTime())) {
          issues.add('warning', `${path}/${field}`, 'generator.date', `${attribute.name}: "${value}" is not a date (use ISO 8601, e.g. 2024-01-15T10:30:00Z), so sample dates use the default range instead`);
        }
      }
      break;
    case 'copy':
      if (generator.attribute === attribute.name || !entity.attributes.some((a) => a.name === generator.attribute)) {
        issues.add('warning', `${path}/attribute`, 'generator.unknownAttribute', `${attribute.name} copies "${generator.attribute}", which is not another attribute of ${entity.name}, so sample items leave ${attribute.name} out`);
      }
      break;
    case 'reference': {
      const relationship = entity.relationships.find((r) => r.id === generator.relationship);
      if (relationship === undefined) {
        issues.add('warning', `${path}/relationship`, 'generator.unknownRelationship', `${attribute.name} references through "${generator.relationship}", which is not a relationship of ${entity.name}, so sample items leave ${attribute.name} out`);
        break;
      }
      const target = model.entities.find((candidate) => candidate.id === relationship.target);
      if (target !== undefined && !target.attributes.some((a) => a.name === generator.attribute)) {
        issues.add('warning', `${path}/attribute`, 'generator.unknownTargetAttribute', `${attribute.name} references ${target.name}'s "${generator.attribute}", which ${target.name} does not have, so sample items leave ${attribute.name} out`);
      }
      break;
    }
    case 'count': {
      const owner = model.entities.find((candidate) => candidate.relationships.some((r) => r.id === generator.relationship));
      const relationship = owner?.relationships.find((r) => r.id === generator.relationship);
      if (owner === undefined || relationship === undefined) {
        issues.add('warning', `${path}/relationship`, 'generator.unknownRelationship', `${attribute.name} counts relationship "${generator.relationship}", which no entity has, so sample items leave ${attribute.name} out`);
      } else if (relationship.target !== entity.id) {
        issues.add('warning', `${path}/relationship`, 'generator.countTarget', `${attribute.name} counts relationship "${relationship.name}" of ${owner.name}, which does not point to ${entity.name}, so there is nothing to count and sample items leave ${attribute.name} out`);
      }
      break;
    }
    default:
      break;
  }
  if (attribute.type === 'N' && generator === attribute.generator && !producesNumbers(generator, entity, attributeByName, model)) {
    issues.add('warning', path, 'generator.notNumeric', `${attribute.name} is a number (N) but its ${generator.kind} generator makes text, so sample items leave it out`);
  }
}

function producesNumbers(generator: Generator, entity: Entity, attributeByName: ReadonlyMap<string, EntityAttribute>, model: DesignModel): boolean {
  if (NUMERIC_GENERATORS.has(generator.kind)) return true;
  if (generator.kind === 'enum') return generator.values.every((value) => value.trim() !== '' && Number.isFinite(Number(value)));
  if (generator.kind === 'constant') return generator.value.trim() !== '' && Number.isFinite(Number(generator.value));
  if (generator.kind === 'copy') return attributeByName.get(generator.attribute)?.type === 'N';
  if (generator.kind === 'reference') {
    const relationship = entity.relationships.find((r) => r.id === generator.relationship);
    const target = model.entities.find((candidate) => candidate.id === relationship?.target);
    return target?.attributes.find((a) => a.name === generator.attribute)?.type === 'N';
  }
  return false;
}

interface TemplateSlot {
  key: KeyAttribute;
  template: string | undefined;
  path: string;
  /** 'table' for the table's keys, else the index. */
  index: { id: string; name: string; kind: 'GSI' | 'LSI' } | undefined;
}

function entityKeySlots(model: DesignModel, entity: Entity, e: number): TemplateSlot[] {
  const keysPath = pointer('entities', e, 'keys');
  const slots: TemplateSlot[] = [
    { key: model.table.partitionKey, template: entity.keys.partitionKey, path: `${keysPath}/partitionKey`, index: undefined },
  ];
  if (model.table.sortKey !== undefined) {
    slots.push({ key: model.table.sortKey, template: entity.keys.sortKey, path: `${keysPath}/sortKey`, index: undefined });
  }
  for (const gsi of model.globalSecondaryIndexes) {
    const templates = entity.keys.indexes[gsi.id];
    const index = { id: gsi.id, name: gsi.name, kind: 'GSI' as const };
    slots.push({ key: gsi.partitionKey, template: templates?.partitionKey, path: pointer('entities', e, 'keys', 'indexes', gsi.id, 'partitionKey'), index });
    if (gsi.sortKey !== undefined) {
      slots.push({ key: gsi.sortKey, template: templates?.sortKey, path: pointer('entities', e, 'keys', 'indexes', gsi.id, 'sortKey'), index });
    }
  }
  for (const lsi of model.localSecondaryIndexes) {
    const index = { id: lsi.id, name: lsi.name, kind: 'LSI' as const };
    slots.push({ key: lsi.sortKey, template: entity.keys.indexes[lsi.id]?.sortKey, path: pointer('entities', e, 'keys', 'indexes', lsi.id, 'sortKey'), index });
  }
  return slots;
}

/** Whether the entity sets the key at all: by a template, or by an attribute of the key's name. */
function setsKey(slot: TemplateSlot, attributeByName: ReadonlyMap<string, EntityAttribute>): boolean {
  return (slot.template ?? '') !== '' || attributeByName.has(slot.key.name);
}

function checkEntityKeys(
  model: DesignModel,
  entity: Entity,
  e: number,
  attributeByName: ReadonlyMap<string, EntityAttribute>,
  issues: Issues,
): void {
  const keysPath = pointer('entities', e, 'keys');
  if (model.table.sortKey === undefined && entity.keys.sortKey !== undefined && entity.keys.sortKey !== '') {
    issues.add('warning', `${keysPath}/sortKey`, 'keys.noTableSortKey', `the table has no sort key, so ${entity.name}'s sort key template is ignored`);
  }
  const indexIds = new Set([...model.globalSecondaryIndexes, ...model.localSecondaryIndexes].map((index) => index.id));
  for (const [indexId, templates] of Object.entries(entity.keys.indexes)) {
    if (!indexIds.has(indexId)) {
      issues.add('warning', pointer('entities', e, 'keys', 'indexes', indexId), 'keys.unknownIndex', `${entity.name} has key templates for index "${indexId}", which does not exist, so they are ignored`);
    } else if (model.localSecondaryIndexes.some((lsi) => lsi.id === indexId) && (templates.partitionKey ?? '') !== '') {
      issues.add(
        'warning',
        pointer('entities', e, 'keys', 'indexes', indexId, 'partitionKey'),
        'keys.lsiPartitionKey',
        `a local secondary index shares the table's partition key, so this template is ignored`,
      );
    }
  }

  const slots = entityKeySlots(model, entity, e);
  for (const slot of slots) {
    const template = slot.template ?? '';
    const keyLabel = `${slot.key.name}${slot.index === undefined ? '' : ` (${slot.index.name})`}`;
    if (template === '') {
      if (slot.index === undefined && !attributeByName.has(slot.key.name)) {
        issues.add('error', slot.path, 'keys.missingTableKey', `${entity.name} needs a template for the table's ${slot.key.name}; DynamoDB rejects items without their primary key`);
      }
      continue;
    }
    if (slot.path.endsWith('/partitionKey') && isConstantTemplate(parseKeyTemplate(template).parts) && entity.sampleCount !== 1) {
      // The seed's own warning: one constant partition key puts every item in one partition.
      issues.add(
        'warning',
        slot.path,
        'keys.hotPartition',
        slot.index === undefined
          ? `every ${entity.name} item has ${slot.key.name} "${template}", so they all share one partition (a hot partition); include an id, e.g. ${template}#{{id}}`
          : `every ${entity.name} item lands in ${slot.index.name} partition "${template}"; one partition takes at most 1,000 writes per second, so shard it if ${entity.name} writes are heavy`,
      );
    }
    checkCardinality(model, entity, slot, keyLabel, template, issues);
    // `{{Widget_Id}}` for the key Widget_Id is the attribute itself (a plain, not overloaded, key).
    if (attributeByName.has(slot.key.name) && templatePlaceholders(template).join() !== slot.key.name) {
      issues.add('warning', slot.path, 'keys.attributeAndTemplate', `${entity.name} has an attribute named ${slot.key.name} and a template for it; the template's value is stored`);
    }
    checkTemplate(entity, slot, keyLabel, template, attributeByName, issues);
  }

  const byIndex = new Map<string, TemplateSlot[]>();
  for (const slot of slots) {
    if (slot.index !== undefined) byIndex.set(slot.index.id, [...(byIndex.get(slot.index.id) ?? []), slot]);
  }
  for (const indexSlots of byIndex.values()) {
    const index = indexSlots[0]?.index;
    if (index === undefined) continue;
    const set = indexSlots.filter((slot) => setsKey(slot, attributeByName));
    const templatesPath = pointer('entities', e, 'keys', 'indexes', index.id);
    if (set.length === 0) {
      issues.add(
        'info',
        templatesPath,
        'index.sparse',
        `${entity.name} sets no ${indexSlots.map((s) => s.key.name).join(' or ')}, so its items are not in ${index.name} (a sparse index)`,
      );
    } else if (set.length < indexSlots.length) {
      const missing = indexSlots.find((slot) => !setsKey(slot, attributeByName));
      issues.add(
        'warning',
        missing?.path ?? templatesPath,
        'index.partialKey',
        `${entity.name} sets ${set.map((s) => s.key.name).join(', ')} but not ${missing?.key.name ?? ''}; DynamoDB indexes an item only when it has all of ${index.name}'s keys, so no ${entity.name} item is in it`,
      );
    }
  }
}

// Fewer partition key values than this puts an entity's items in a handful of partitions.
const LOW_CARDINALITY = 10;

/**
 * A partition key whose values are few whatever the item count (enum, boolean or small number
 * range placeholders): every item lands in one of a few partitions. A deliberate write shard
 * (`POST#{{shard}}`, 0–N) is read by querying every shard, so it is not flagged.
 */
function checkCardinality(model: DesignModel, entity: Entity, slot: TemplateSlot, keyLabel: string, template: string, issues: Issues): void {
  if (!slot.path.endsWith('/partitionKey')) return;
  const placeholders = parseKeyTemplate(template).parts.filter((part) => part.kind === 'placeholder');
  if (placeholders.length === 0 || shardCount(entity, template) !== undefined) return;
  // Counted as if items were countless: only what the generators bound stays finite.
  const values = templateCardinality(model, entity, template, () => Number.POSITIVE_INFINITY);
  if (values >= LOW_CARDINALITY) return;
  issues.add(
    'warning',
    slot.path,
    'keys.lowCardinality',
    `${keyLabel} takes at most ${values} value${values === 1 ? '' : 's'} (${placeholders.map((part) => `{{${part.name}}}`).join(', ')}), so ${entity.name} items crowd into ${values === 1 ? 'one partition' : 'a few partitions'} (low cardinality); one partition takes at most 1,000 writes per second, so add an id or a shard suffix if ${entity.name} writes are heavy`,
  );
}

function checkTemplate(
  entity: Entity,
  slot: TemplateSlot,
  keyLabel: string,
  template: string,
  attributeByName: ReadonlyMap<string, EntityAttribute>,
  issues: Issues,
): void {
  const parsed = parseKeyTemplate(template);
  for (const error of parsed.errors) {
    issues.add('error', slot.path, 'template.syntax', `${keyLabel}: ${error.message}`, { start: error.start, end: error.end });
  }
  const placeholders = parsed.parts.filter((part) => part.kind === 'placeholder');
  for (const part of placeholders) {
    const range = { start: part.start, end: part.end };
    if (part.name === entity.typeAttribute) continue;
    const attribute = attributeByName.get(part.name);
    if (attribute === undefined) {
      const suggestion = closestName(part.name, attributeByName.keys());
      issues.add(
        'error',
        slot.path,
        'template.unknownPlaceholder',
        `${keyLabel}: {{${part.name}}} is not an attribute of ${entity.name}${suggestion === undefined ? '' : ` (did you mean {{${suggestion}}}?)`}`,
        range,
      );
      continue;
    }
    if (NON_KEY_TYPES.has(attribute.type)) {
      issues.add('error', slot.path, 'template.nonScalarPlaceholder', `${keyLabel}: {{${part.name}}} is ${attribute.type}; only S, N, B and BOOL values can be written into a key`, range);
      continue;
    }
    if (!attribute.required) {
      if (slot.index === undefined) {
        issues.add('error', slot.path, 'template.optionalInTableKey', `${keyLabel}: {{${part.name}}} is optional, and ${entity.name} items without it have no primary key, which DynamoDB rejects`, range);
      } else {
        issues.add(
          'warning',
          slot.path,
          'template.optionalInIndexKey',
          `${keyLabel}: {{${part.name}}} is optional, so ${entity.name} items without ${part.name} are left out of ${slot.index.name} (a sparse index); fine when the index is meant to hold only those that have it`,
          range,
        );
      }
    }
  }
  checkTemplateType(entity, slot, keyLabel, parsed, attributeByName, issues);
}

function checkTemplateType(
  entity: Entity,
  slot: TemplateSlot,
  keyLabel: string,
  parsed: ParsedKeyTemplate,
  attributeByName: ReadonlyMap<string, EntityAttribute>,
  issues: Issues,
): void {
  const parts = parsed.parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  const typeOf = (name: string): AttributeType | undefined => (name === entity.typeAttribute ? 'S' : attributeByName.get(name)?.type);
  if (slot.key.type === 'N') {
    if (only?.kind === 'placeholder') {
      const type = typeOf(only.name);
      if (type !== undefined && type !== 'N') {
        issues.add('error', slot.path, 'template.wrongType', `${keyLabel} is a number (N) key, but {{${only.name}}} is ${type}`, { start: only.start, end: only.end });
      }
      return;
    }
    if (isConstantTemplate(parts) && Number.isFinite(Number(templatePrefix(parts))) && templatePrefix(parts).trim() !== '') return;
    const literal = parts.find((part) => part.kind === 'literal');
    issues.add(
      'error',
      slot.path,
      'template.wrongType',
      `${keyLabel} is a number (N) key, but this template makes text${literal === undefined ? '' : ` ("${literal.text}" is not part of a number)`}; use a single {{attribute}} of type N or a number`,
      literal === undefined ? undefined : { start: literal.start, end: literal.end },
    );
    return;
  }
  if (slot.key.type === 'B') {
    if (only?.kind === 'placeholder' && typeOf(only.name) === 'B') return;
    issues.add('info', slot.path, 'template.textInBinaryKey', `${keyLabel} is a binary (B) key; this template's text is stored as its UTF-8 bytes`);
    return;
  }
  if (isSortSlot(slot)) {
    for (const part of parts) {
      if (part.kind === 'placeholder' && typeOf(part.name) === 'N') {
        issues.add(
          'info',
          slot.path,
          'template.numberAsText',
          `${keyLabel}: {{${part.name}}} is a number written into a string key, so it sorts as text ("10" before "9"); pad it to a fixed width if order matters`,
          { start: part.start, end: part.end },
        );
      }
    }
  }
}

function isSortSlot(slot: TemplateSlot): boolean {
  return slot.path.endsWith('/sortKey');
}

function checkEntityIdentity(model: DesignModel, issues: Issues): void {
  const names = new Map<string, number>();
  const ids = new Set<string>();
  model.entities.forEach((entity, e) => {
    const other = names.get(entity.name.toLowerCase());
    if (other !== undefined) {
      issues.add('error', pointer('entities', e, 'name'), 'entity.duplicateName', `another entity is already called "${entity.name}" (entities/${other})`);
    } else names.set(entity.name.toLowerCase(), e);
    if (ids.has(entity.id)) issues.add('error', pointer('entities', e, 'id'), 'entity.duplicateId', `entity id "${entity.id}" is used twice`);
    ids.add(entity.id);
    const attributeIds = new Set<string>();
    entity.attributes.forEach((attribute, a) => {
      if (attributeIds.has(attribute.id)) issues.add('error', pointer('entities', e, 'attributes', a, 'id'), 'attribute.duplicateId', `attribute id "${attribute.id}" is used twice in ${entity.name}`);
      attributeIds.add(attribute.id);
    });
  });
  const total = model.entities.reduce((sum, entity) => sum + entity.sampleCount, 0);
  if (total > 50_000) {
    issues.add('warning', '/entities', 'sample.large', `${total} sample items in all; previews stay fast up to about 50,000`);
  }
}

/** References must point back through a chain that ends: a cycle leaves its values empty. */
function checkReferenceCycles(model: DesignModel, issues: Issues): void {
  const byId = new Map(model.entities.map((entity, e) => [entity.id, { entity, e }]));
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]) => {
    const found = byId.get(id);
    if (found === undefined || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        const names = cycle.map((c) => byId.get(c)?.entity.name ?? c);
        issues.add('warning', pointer('entities', found.e, 'relationships'), 'relationship.cycle', `relationships form a cycle (${[...names, names[0]].join(' → ')}); referenced values on the cycle stay empty in sample data`);
      }
      return;
    }
    state.set(id, 'visiting');
    for (const relationship of found.entity.relationships) {
      if (relationship.target !== id) visit(relationship.target, [...trail, id]);
    }
    state.set(id, 'done');
  };
  for (const entity of model.entities) visit(entity.id, []);
}

interface Placement {
  entity: Entity;
  e: number;
  pk: ParsedKeyTemplate;
  sk: ParsedKeyTemplate;
  skText: string;
  skPath: string;
}

/**
 * Entities that can share a partition must keep their sort keys apart: a begins_with on
 * one entity's sort-key prefix must not also match another's, and two constant sort keys
 * in one partition overwrite each other.
 */
function checkCollisions(model: DesignModel, issues: Issues): void {
  const tables: { name: string; sortKeyName: string | undefined; placements: Placement[] }[] = [];
  const table = { name: 'the table', sortKeyName: model.table.sortKey?.name, placements: [] as Placement[] };
  tables.push(table);
  const gsiPlacements = model.globalSecondaryIndexes.map((gsi) => ({ name: gsi.name, sortKeyName: gsi.sortKey?.name, gsi, placements: [] as Placement[] }));
  const lsiPlacements = model.localSecondaryIndexes.map((lsi) => ({ name: lsi.name, sortKeyName: lsi.sortKey.name, lsi, placements: [] as Placement[] }));
  model.entities.forEach((entity, e) => {
    const place = (target: { placements: Placement[] }, pkText: string | undefined, skText: string | undefined, skPath: string) => {
      if (pkText === undefined || pkText === '' || skText === undefined || skText === '') return;
      const pk = parseKeyTemplate(pkText);
      const sk = parseKeyTemplate(skText);
      if (pk.errors.length > 0 || sk.errors.length > 0) return;
      target.placements.push({ entity, e, pk, sk, skText, skPath });
    };
    place(table, entity.keys.partitionKey, entity.keys.sortKey, pointer('entities', e, 'keys', 'sortKey'));
    for (const g of gsiPlacements) {
      const templates = entity.keys.indexes[g.gsi.id];
      place(g, templates?.partitionKey, templates?.sortKey, pointer('entities', e, 'keys', 'indexes', g.gsi.id, 'sortKey'));
    }
    for (const l of lsiPlacements) {
      place(l, entity.keys.partitionKey, entity.keys.indexes[l.lsi.id]?.sortKey, pointer('entities', e, 'keys', 'indexes', l.lsi.id, 'sortKey'));
    }
  });
  for (const target of [...tables, ...gsiPlacements, ...lsiPlacements]) {
    for (const a of target.placements) {
      for (const b of target.placements) {
        if (a === b || !partitionsMayMeet(a.pk, b.pk)) continue;
        collide(target.name, target.sortKeyName ?? 'SK', target === table, a, b, issues);
      }
    }
  }
}

function collide(where: string, sortKeyName: string, isTable: boolean, a: Placement, b: Placement, issues: Issues): void {
  const aConstant = isConstantTemplate(a.sk.parts);
  const bConstant = isConstantTemplate(b.sk.parts);
  if (aConstant && bConstant) {
    if (a.skText === b.skText && a.e < b.e && isTable) {
      issues.add(
        'warning',
        b.skPath,
        'keys.samePrimaryKey',
        `${b.entity.name} and ${a.entity.name} may share a partition and both use the sort key "${b.skText}": where their partition keys coincide, one item overwrites the other; a distinct sort key (e.g. ${b.entity.name.toUpperCase()}#${b.skText}) rules that out`,
      );
    }
    return;
  }
  if (aConstant) return;
  const prefix = templatePrefix(a.sk.parts);
  if (prefix === '') return;
  if (!templatePrefix(b.sk.parts).startsWith(prefix)) return;
  issues.add(
    'warning',
    a.skPath,
    'keys.sortKeyCollision',
    `in ${where}, begins_with(${sortKeyName}, "${prefix}") for ${a.entity.name} also returns ${b.entity.name} items (${sortKeyName} ${b.skText}) in the same partition; give one of them a distinct prefix`,
  );
}

/** Whether two partition-key templates can render the same value. */
function partitionsMayMeet(a: ParsedKeyTemplate, b: ParsedKeyTemplate): boolean {
  const aConstant = isConstantTemplate(a.parts);
  const bConstant = isConstantTemplate(b.parts);
  if (aConstant && bConstant) return templatePrefix(a.parts) === templatePrefix(b.parts);
  if (aConstant) return matchesShape(b, templatePrefix(a.parts));
  if (bConstant) return matchesShape(a, templatePrefix(b.parts));
  const [pa, pb] = [templatePrefix(a.parts), templatePrefix(b.parts)];
  const [sa, sb] = [templateSuffix(a.parts), templateSuffix(b.parts)];
  return (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}

function matchesShape(template: ParsedKeyTemplate, value: string): boolean {
  const source = template.parts
    .map((part) => (part.kind === 'literal' ? part.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*'))
    .join('');
  return new RegExp(`^${source}$`).test(value);
}

/**
 * A pattern's errors and warnings, as the pattern editor shows them, also belong in the
 * design's problems: a deleted entity or index, or parameters that no longer match, breaks
 * patterns that nobody has open.
 */
function checkAccessPatterns(model: DesignModel, samples: readonly SampleItem[] | undefined, issues: Issues): void {
  model.accessPatterns.forEach((pattern, p) => {
    // Without samples checkPattern leaves out the cost estimate, which reads every sample item.
    const verdicts = [...(samples === undefined ? [] : parameterValueVerdicts(model, pattern, samples)), ...checkPattern(model, pattern)];
    for (const verdict of verdicts) {
      if (verdict.level !== 'error' && verdict.level !== 'warning') continue;
      const path = pointer('accessPatterns', p, ...(verdict.at === undefined ? [] : verdict.at.split('/')));
      issues.add(verdict.level, path, `pattern.${verdict.code}`, `access pattern "${pattern.name}": ${verdict.message}`);
    }
  });
}
