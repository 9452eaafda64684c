// Assembles a DesignModel from what an import found, with the defaults a new design has for
// everything the source format cannot say (encryption, recovery, tags, sample seed).
import { MODEL_VERSION, type Billing, type DesignModel, type Entity, type GlobalSecondaryIndex, type KeyAttribute, type LocalSecondaryIndex } from '../model/types';
import { templatePlaceholders } from '../model/keyTemplate';
import type { InferredEntity } from './inferEntities';
import { idFor } from './ImportResult';
import { tableDesign } from '../model/tableDesign';

export interface DesignParts {
  name: string;
  description?: string;
  tableName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  billing?: Billing;
  ttlAttribute?: string;
  globalSecondaryIndexes: GlobalSecondaryIndex[];
  localSecondaryIndexes: LocalSecondaryIndex[];
  entities: InferredEntity[];
}

const MAX_SAMPLE_COUNT = 50;

export function designFromParts(parts: DesignParts): DesignModel {
  const entities: Entity[] = parts.entities.map((inferred) => {
    const tableTemplates = inferred.templates.table ?? {};
    const tableKeyAttributes = new Set([
      ...templatePlaceholders(tableTemplates.partitionKey ?? ''),
      ...templatePlaceholders(tableTemplates.sortKey ?? ''),
    ]);
    const indexes: Entity['keys']['indexes'] = {};
    for (const [owner, templates] of Object.entries(inferred.templates)) {
      if (owner !== 'table') indexes[owner] = templates;
    }
    return {
      id: idFor('entity', inferred.name),
      name: inferred.name,
      ...(inferred.typeAttribute !== undefined ? { typeAttribute: inferred.typeAttribute } : {}),
      // An attribute a table key is built from is required, or some items would have no key.
      attributes: inferred.attributes.map((attribute) =>
        tableKeyAttributes.has(attribute.name) ? { ...attribute, required: true } : attribute,
      ),
      relationships: [],
      keys: {
        partitionKey: tableTemplates.partitionKey ?? `{{${parts.partitionKey.name}}}`,
        ...(parts.sortKey !== undefined ? { sortKey: tableTemplates.sortKey ?? `{{${parts.sortKey.name}}}` } : {}),
        indexes,
      },
      sampleCount: Math.min(MAX_SAMPLE_COUNT, Math.max(1, inferred.itemCount)),
    };
  });
  return {
    version: MODEL_VERSION,
    name: parts.name,
    ...(parts.description !== undefined && parts.description !== '' ? { description: parts.description } : {}),
    table: {
      ...tableDesign(parts.tableName, parts.partitionKey, parts.sortKey),
      ...(parts.billing !== undefined ? { billing: parts.billing } : {}),
      ...(parts.ttlAttribute !== undefined ? { ttlAttribute: parts.ttlAttribute } : {}),
    },
    globalSecondaryIndexes: parts.globalSecondaryIndexes,
    localSecondaryIndexes: parts.localSecondaryIndexes,
    entities,
    accessPatterns: [],
    sampleSeed: 1,
  };
}
