// OneTable schemas (`{ indexes, models, params }`) as designs: each model becomes an entity, the
// `value` templates of its key fields (`USER#${id}`) become key templates (`USER#{{id}}`), and
// OneTable's type field (`_type` unless `params.typeField` says otherwise) is the type attribute.
import type { AttributeType, Generator, GlobalSecondaryIndex, KeyAttribute, LocalSecondaryIndex, Projection } from '../model/types';
import { defaultGenerator } from '../model/defaultGenerator';
import { ONETABLE_DEFAULT_TYPE_FIELD } from '../model/oneTableConventions';
import { designFromParts } from './designFromParts';
import { entityAttribute, type InferredEntity } from './inferEntities';
import { idFor, isRecord, type ImportResult } from './ImportResult';
import { Reader } from './Reader';

export interface OneTableImportOptions {
  /** Design name; OneTable schemas carry none. */
  name?: string;
  /** Table name; OneTable schemas carry none. */
  tableName?: string;
}


const FIELD_TYPES: Record<string, AttributeType> = {
  string: 'S',
  number: 'N',
  boolean: 'BOOL',
  binary: 'B',
  buffer: 'B',
  arraybuffer: 'B',
  date: 'S',
  array: 'L',
  object: 'M',
  set: 'SS',
};

export function isOneTableDocument(value: unknown): boolean {
  return isRecord(value) && isRecord(value.indexes) && isRecord(value.models);
}

interface Field {
  /** The attribute name in the table (`map` when the field is mapped to a top-level name). */
  stored: string;
  type: AttributeType;
  value?: string;
  required: boolean;
  generator: Generator;
}

function fieldGenerator(name: string, type: AttributeType, spec: Record<string, unknown>): Generator {
  if (Array.isArray(spec.enum) && spec.enum.every((value) => typeof value === 'string') && spec.enum.length > 0) {
    return { kind: 'enum', values: spec.enum as string[] };
  }
  if (spec.generate === 'ulid') return { kind: 'ulid' };
  if (spec.generate === 'uuid' || spec.uuid === true) return { kind: 'uuid' };
  if (String(spec.type).toLowerCase() === 'date') return { kind: 'isoDate' };
  return defaultGenerator(name, type);
}

/** `USER#${id}` → `USER#{{id}}`, with the type field replaced by the model's name. */
function keyTemplate(value: string, modelName: string, typeField: string, fields: ReadonlyMap<string, Field>): string {
  return value.replace(/\$\{\s*([^}]*?)\s*\}/g, (_whole, name: string) =>
    name === typeField ? modelName : `{{${fields.get(name)?.stored ?? name}}}`,
  );
}

export function importOneTable(input: unknown, options: OneTableImportOptions = {}): ImportResult {
  const reader = new Reader();
  const document = reader.record(input, [], 'A OneTable schema');
  if (document === undefined) return { errors: reader.errors };
  const indexes = reader.record(document.indexes, ['indexes'], 'indexes');
  const models = reader.record(document.models, ['models'], 'models');
  if (indexes === undefined || models === undefined) return { errors: reader.errors };
  const params = isRecord(document.params) ? document.params : {};
  const typeField = typeof params.typeField === 'string' && params.typeField !== '' ? params.typeField : ONETABLE_DEFAULT_TYPE_FIELD;
  const primary = reader.record(indexes.primary, ['indexes', 'primary'], 'indexes.primary');
  const hash = reader.string(primary?.hash, ['indexes', 'primary', 'hash'], 'indexes.primary.hash');
  const sort = primary?.sort === undefined ? undefined : reader.string(primary.sort, ['indexes', 'primary', 'sort'], 'indexes.primary.sort');

  // Fields per model, read first: key types come from the fields that hold the keys.
  const modelFields = new Map<string, Map<string, Field>>();
  for (const [modelName, modelValue] of Object.entries(models)) {
    const model = reader.record(modelValue, ['models', modelName], `model ${modelName}`);
    if (model === undefined) continue;
    const fields = new Map<string, Field>();
    for (const [fieldName, fieldValue] of Object.entries(model)) {
      const at = ['models', modelName, fieldName];
      const spec = reader.record(fieldValue, at, `field ${fieldName}`);
      if (spec === undefined) continue;
      const typeName = String(spec.type ?? 'string').toLowerCase();
      const type = FIELD_TYPES[typeName];
      if (type === undefined) {
        reader.error([...at, 'type'], `type ${JSON.stringify(spec.type)} is not a OneTable type (${Object.keys(FIELD_TYPES).join(', ')})`);
        continue;
      }
      if (spec.value !== undefined && typeof spec.value !== 'string') {
        reader.error([...at, 'value'], 'value must be a template string like "USER#${id}"');
        continue;
      }
      const map = typeof spec.map === 'string' ? spec.map : undefined;
      // A map into a nested attribute (`data.city`) stores the field inside that map attribute.
      const stored = map === undefined ? fieldName : (map.split('.')[0] ?? fieldName);
      fields.set(fieldName, {
        stored,
        type: map !== undefined && map.includes('.') ? 'M' : type,
        ...(typeof spec.value === 'string' ? { value: spec.value } : {}),
        required: spec.required === true,
        generator: map !== undefined && map.includes('.') ? defaultGenerator(stored, 'M') : fieldGenerator(stored, type, spec),
      });
    }
    if (params.timestamps === true) {
      const timeType: AttributeType = params.isoDates === false ? 'N' : 'S';
      for (const name of [String(params.createdField ?? 'created'), String(params.updatedField ?? 'updated')]) {
        if (!fields.has(name)) fields.set(name, { stored: name, type: timeType, required: true, generator: timeType === 'S' ? { kind: 'isoDate' } : { kind: 'epochSeconds' } });
      }
    }
    modelFields.set(modelName, fields);
  }

  const keyType = (attribute: string): KeyAttribute['type'] => {
    for (const fields of modelFields.values()) {
      for (const field of fields.values()) {
        if (field.stored === attribute && (field.type === 'N' || field.type === 'B')) return field.type;
      }
    }
    return 'S';
  };
  const keyAttribute = (name: string): KeyAttribute => ({ name, type: keyType(name) });

  const globalSecondaryIndexes: GlobalSecondaryIndex[] = [];
  const localSecondaryIndexes: LocalSecondaryIndex[] = [];
  const tableKeys = new Set([hash, sort].filter((name): name is string => name !== undefined));
  for (const [indexName, indexValue] of Object.entries(indexes)) {
    if (indexName === 'primary') continue;
    const at = ['indexes', indexName];
    const index = reader.record(indexValue, at, `index ${indexName}`);
    if (index === undefined) continue;
    const indexSort = index.sort === undefined ? undefined : reader.string(index.sort, [...at, 'sort'], `indexes.${indexName}.sort`);
    const keys = new Set([...tableKeys, ...(typeof index.hash === 'string' ? [index.hash] : []), ...(indexSort !== undefined ? [indexSort] : [])]);
    let projection: Projection = { type: 'ALL' };
    if (index.project === 'keys') projection = { type: 'KEYS_ONLY' };
    else if (Array.isArray(index.project)) {
      const nonKeyAttributes = index.project.filter((name): name is string => typeof name === 'string' && !keys.has(name));
      projection = nonKeyAttributes.length === 0 ? { type: 'KEYS_ONLY' } : { type: 'INCLUDE', nonKeyAttributes };
    } else if (index.project !== undefined && index.project !== 'all') {
      reader.error([...at, 'project'], 'project must be "all", "keys" or a list of attribute names');
    }
    if (index.type === 'local') {
      if (indexSort === undefined) {
        reader.error([...at, 'sort'], 'a local index needs a sort attribute');
        continue;
      }
      localSecondaryIndexes.push({ id: idFor('lsi', indexName), name: indexName, sortKey: keyAttribute(indexSort), projection });
      continue;
    }
    const indexHash = reader.string(index.hash, [...at, 'hash'], `indexes.${indexName}.hash`);
    if (indexHash === undefined) continue;
    globalSecondaryIndexes.push({
      id: idFor('gsi', indexName),
      name: indexName,
      partitionKey: keyAttribute(indexHash),
      ...(indexSort !== undefined ? { sortKey: keyAttribute(indexSort) } : {}),
      projection,
    });
  }
  if (reader.errors.length > 0 || hash === undefined) return { errors: reader.errors };

  const keyOwners: { attribute: string; owner: string; role: 'partitionKey' | 'sortKey' }[] = [
    { attribute: hash, owner: 'table', role: 'partitionKey' },
    ...(sort !== undefined ? [{ attribute: sort, owner: 'table', role: 'sortKey' as const }] : []),
    ...globalSecondaryIndexes.flatMap((index) => [
      { attribute: index.partitionKey.name, owner: index.id, role: 'partitionKey' as const },
      ...(index.sortKey !== undefined ? [{ attribute: index.sortKey.name, owner: index.id, role: 'sortKey' as const }] : []),
    ]),
    ...localSecondaryIndexes.map((index) => ({ attribute: index.sortKey.name, owner: index.id, role: 'sortKey' as const })),
  ];
  const keyNames = new Set(keyOwners.map((owner) => owner.attribute));

  const entities: InferredEntity[] = [];
  for (const [modelName, fields] of modelFields) {
    const templates: InferredEntity['templates'] = {};
    for (const owner of keyOwners) {
      const field = [...fields.values()].find((candidate) => candidate.stored === owner.attribute);
      if (field?.value === undefined) continue;
      (templates[owner.owner] ??= {})[owner.role] = keyTemplate(field.value, modelName, typeField, fields);
    }
    if (templates.table?.partitionKey === undefined) {
      reader.error(['models', modelName], `no field of model ${modelName} gives the partition key ${hash} a value template`);
      continue;
    }
    const attributes = [...fields.values()]
      .filter((field) => !keyNames.has(field.stored) && field.stored !== typeField)
      .filter((field, index, all) => all.findIndex((other) => other.stored === field.stored) === index)
      .map((field) => entityAttribute(modelName, field.stored, field.type, field.required, field.generator));
    entities.push({ name: modelName, typeAttribute: typeField, attributes, templates, itemCount: 0 });
  }
  if (reader.errors.length > 0) return { errors: reader.errors };
  return {
    model: designFromParts({
      name: options.name ?? 'OneTable schema',
      tableName: options.tableName ?? 'OneTable',
      partitionKey: keyAttribute(hash),
      ...(sort !== undefined ? { sortKey: keyAttribute(sort) } : {}),
      globalSecondaryIndexes,
      localSecondaryIndexes,
      entities,
    }),
    warnings: reader.warnings,
    format: 'onetable',
  };
}
