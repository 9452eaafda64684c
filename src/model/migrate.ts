// Saved designs are migrated, never discarded: each step lifts a document one version, so
// a file from any earlier release climbs the ladder to MODEL_VERSION. Steps work on plain
// JSON (the old shapes have no place in types.ts) and record what they changed as notes.
import { defaultGenerator } from './defaultGenerator';
import { templatePlaceholders } from './keyTemplate';
import { MODEL_VERSION, type ModelIssue } from './types';
import { tableDesign } from './tableDesign';

type Json = Record<string, unknown>;

export interface Migrated {
  document: unknown;
  fromVersion: number;
  /** What the migration changed, as info issues located in the migrated document. */
  notes: ModelIssue[];
}

type Step = (document: Json, notes: ModelIssue[]) => Json;

/** steps[n] lifts version n to n + 1. */
const steps: Record<number, Step> = { 0: fromV0, 1: fromV1 };

/** Version 2 added fixed items and further tables, both optional: a version 1 design is already one. */
function fromV1(document: Json): Json {
  return document;
}

export function migrateModel(json: unknown): Migrated | { issues: ModelIssue[] } {
  if (!isObject(json)) {
    return { issues: [failure('', 'migrate.notObject', `a design must be a JSON object, not ${describe(json)}`)] };
  }
  const version = json.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { issues: [failure('/version', 'migrate.badVersion', `version must be a whole number, not ${JSON.stringify(version)}`)] };
  }
  if (version > MODEL_VERSION) {
    return {
      issues: [
        failure(
          '/version',
          'migrate.newerVersion',
          `this design was saved by a newer Tablesmith (format version ${version}); this one reads up to version ${MODEL_VERSION}`,
        ),
      ],
    };
  }
  const notes: ModelIssue[] = [];
  let document: Json = json;
  for (let v = version; v < MODEL_VERSION; v += 1) {
    const step = steps[v];
    if (step === undefined) {
      return { issues: [failure('/version', 'migrate.noStep', `no migration from format version ${v}`)] };
    }
    try {
      document = { ...step(document, notes), version: v + 1 };
    } catch (error) {
      return {
        issues: [
          failure('', 'migrate.failed', `could not migrate from format version ${v}: ${error instanceof Error ? error.message : String(error)}`),
        ],
      };
    }
  }
  return { document, fromVersion: version, notes };
}

/**
 * Version 0 is the pre-release format, shaped like the seed guide's `singleTableSchema`:
 * a table name, `primaryKey` attribute names, GSIs with `indexName`/`projectedAttributes`,
 * and entities keyed by name whose key templates are keyed by key attribute name
 * (`{ PK, SK, GSI1PK, … }`) next to a list of attribute names.
 */
export interface DesignV0 {
  version?: 0;
  tableName: string;
  primaryKey: { partitionKey: string; sortKey?: string };
  globalSecondaryIndexes?: {
    indexName: string;
    partitionKey: string;
    sortKey?: string;
    projection?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
    projectedAttributes?: string[];
  }[];
  entities: Record<string, Record<string, string | string[] | undefined> & { attributes?: string[] }>;
}

function fromV0(document: Json, notes: ModelIssue[]): Json {
  const old = document as unknown as DesignV0;
  if (typeof old.tableName !== 'string') throw new Error('"tableName" is missing');
  if (!isObject(old.primaryKey) || typeof old.primaryKey.partitionKey !== 'string') {
    throw new Error('"primaryKey.partitionKey" is missing');
  }
  if (!isObject(old.entities)) throw new Error('"entities" is missing');
  const pk = old.primaryKey.partitionKey;
  const sk = old.primaryKey.sortKey;
  const gsis = (old.globalSecondaryIndexes ?? []).map((gsi) => ({
    id: `gsi-${gsi.indexName}`,
    name: gsi.indexName,
    partitionKey: { name: gsi.partitionKey, type: 'S' },
    ...(gsi.sortKey === undefined ? {} : { sortKey: { name: gsi.sortKey, type: 'S' } }),
    projection:
      (gsi.projection ?? 'ALL') === 'INCLUDE'
        ? { type: 'INCLUDE', nonKeyAttributes: gsi.projectedAttributes ?? [] }
        : { type: gsi.projection ?? 'ALL' },
  }));
  const keyOwner = new Map<string, { index?: string; key: 'partitionKey' | 'sortKey' }>();
  keyOwner.set(pk, { key: 'partitionKey' });
  if (sk !== undefined) keyOwner.set(sk, { key: 'sortKey' });
  for (const gsi of gsis) {
    keyOwner.set(gsi.partitionKey.name, { index: gsi.id, key: 'partitionKey' });
    if (gsi.sortKey !== undefined) keyOwner.set(gsi.sortKey.name, { index: gsi.id, key: 'sortKey' });
  }

  const entities = Object.entries(old.entities).map(([name, oldEntity], entityIndex) => {
    const keys: { partitionKey: string; sortKey?: string; indexes: Record<string, Record<string, string>> } = {
      partitionKey: '',
      indexes: {},
    };
    const attributeNames: string[] = Array.isArray(oldEntity.attributes) ? oldEntity.attributes.filter(isString) : [];
    for (const [field, value] of Object.entries(oldEntity)) {
      if (field === 'attributes' || typeof value !== 'string') continue;
      const owner = keyOwner.get(field);
      if (owner === undefined) {
        attributeNames.push(field);
        notes.push(
          note(
            `/entities/${entityIndex}`,
            'migrate.unknownKey',
            `"${field}" of ${name} matches no key of the table or its indexes; it is kept as an attribute`,
          ),
        );
        continue;
      }
      if (owner.index === undefined) keys[owner.key] = value;
      else keys.indexes[owner.index] = { ...keys.indexes[owner.index], [owner.key]: value };
    }
    // Old entities listed only their non-key attributes; placeholders name the rest.
    const templates = [keys.partitionKey, keys.sortKey ?? '', ...Object.values(keys.indexes).flatMap((k) => Object.values(k))];
    for (const placeholder of templates.flatMap(templatePlaceholders)) {
      if (!attributeNames.includes(placeholder)) attributeNames.unshift(placeholder);
    }
    const constants = new Map<string, string>();
    for (const [field, value] of Object.entries(oldEntity)) {
      if (typeof value === 'string' && !keyOwner.has(field) && field !== 'attributes') constants.set(field, value);
    }
    const seen = new Set<string>();
    const attributes = attributeNames
      .filter((attribute) => !seen.has(attribute) && seen.add(attribute))
      .map((attribute) => {
        const constant = constants.get(attribute);
        return {
          id: `attr-${attribute}`,
          name: attribute,
          type: 'S',
          required: true,
          generator: constant === undefined ? defaultGenerator(attribute, 'S') : { kind: 'constant', value: constant },
        };
      });
    return {
      id: `ent-${name}`,
      name,
      typeAttribute: 'entityType',
      attributes,
      relationships: [],
      keys,
      sampleCount: 10,
    };
  });
  notes.push(note('', 'migrate.fromV0', 'migrated from the pre-release format: attribute types were guessed as S'));

  return {
    name: old.tableName,
    table: tableDesign(old.tableName, { name: pk, type: 'S' }, sk === undefined ? undefined : { name: sk, type: 'S' }),
    globalSecondaryIndexes: gsis,
    localSecondaryIndexes: [],
    entities,
    accessPatterns: [],
    sampleSeed: 1,
  };
}

function failure(path: string, code: string, message: string): ModelIssue {
  return { severity: 'error', path, code, message };
}

function note(path: string, code: string, message: string): ModelIssue {
  return { severity: 'info', path, code, message };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
