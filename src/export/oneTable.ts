// The design as a OneTable schema: indexes, one model per entity whose key fields carry the
// key templates as OneTable value templates (`USER#{{id}}` → `USER#${id}`), and the type field.
import type { AttributeType, DesignModel, EntityAttribute, KeyTemplate } from '../model/types';
import { ONETABLE_DEFAULT_TYPE_FIELD } from '../model/oneTableConventions';

const FIELD_TYPES: Record<AttributeType, string> = {
  S: 'string',
  N: 'number',
  B: 'binary',
  BOOL: 'boolean',
  NULL: 'string',
  M: 'object',
  L: 'array',
  SS: 'set',
  NS: 'set',
  BS: 'set',
};

function valueTemplate(template: KeyTemplate): string {
  return template.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_whole, name: string) => `\${${name}}`);
}

function field(attribute: EntityAttribute): Record<string, unknown> {
  const generator = attribute.generator;
  return {
    type: generator.kind === 'isoDate' && attribute.type === 'S' ? 'date' : FIELD_TYPES[attribute.type],
    ...(attribute.required ? { required: true } : {}),
    ...(generator.kind === 'enum' ? { enum: generator.values } : {}),
    ...(generator.kind === 'ulid' || generator.kind === 'uuid' ? { generate: generator.kind } : {}),
  };
}

export function oneTableSchema(model: DesignModel): Record<string, unknown> {
  const table = model.table;
  const indexes: Record<string, unknown> = {
    primary: { hash: table.partitionKey.name, ...(table.sortKey !== undefined ? { sort: table.sortKey.name } : {}) },
  };
  const projection = (type: string, nonKey: string[] | undefined, keys: string[]): unknown =>
    type === 'ALL' ? 'all' : type === 'KEYS_ONLY' ? 'keys' : [...keys, ...(nonKey ?? [])];
  for (const index of model.globalSecondaryIndexes) {
    const keys = [index.partitionKey.name, ...(index.sortKey !== undefined ? [index.sortKey.name] : [])];
    indexes[index.name] = {
      hash: index.partitionKey.name,
      ...(index.sortKey !== undefined ? { sort: index.sortKey.name } : {}),
      project: projection(index.projection.type, index.projection.nonKeyAttributes, keys),
    };
  }
  for (const index of model.localSecondaryIndexes) {
    indexes[index.name] = { type: 'local', sort: index.sortKey.name, project: projection(index.projection.type, index.projection.nonKeyAttributes, [index.sortKey.name]) };
  }
  const typeField = model.entities.find((entity) => entity.typeAttribute !== undefined)?.typeAttribute ?? ONETABLE_DEFAULT_TYPE_FIELD;
  const keyTypes = new Map<string, string>();
  for (const key of [table.partitionKey, table.sortKey, ...model.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]), ...model.localSecondaryIndexes.map((i) => i.sortKey)]) {
    if (key !== undefined && !keyTypes.has(key.name)) keyTypes.set(key.name, FIELD_TYPES[key.type]);
  }
  const models: Record<string, unknown> = {};
  for (const entity of model.entities) {
    const fields: Record<string, unknown> = {};
    const keyField = (name: string | undefined, template: KeyTemplate | undefined): void => {
      if (name === undefined || template === undefined || template === '') return;
      fields[name] = { type: keyTypes.get(name) ?? 'string', value: valueTemplate(template) };
    };
    keyField(table.partitionKey.name, entity.keys.partitionKey);
    keyField(table.sortKey?.name, entity.keys.sortKey);
    for (const index of model.globalSecondaryIndexes) {
      keyField(index.partitionKey.name, entity.keys.indexes[index.id]?.partitionKey);
      keyField(index.sortKey?.name, entity.keys.indexes[index.id]?.sortKey);
    }
    for (const index of model.localSecondaryIndexes) keyField(index.sortKey.name, entity.keys.indexes[index.id]?.sortKey);
    for (const attribute of entity.attributes) if (!(attribute.name in fields)) fields[attribute.name] = field(attribute);
    models[entity.name] = fields;
  }
  return { format: 'onetable:1.1.0', version: '0.0.1', indexes, models, params: { typeField } };
}

export function oneTableJson(model: DesignModel): string {
  return `${JSON.stringify(oneTableSchema(model), null, 2)}\n`;
}
