// Assembles a DesignModel from what an import found, with the defaults a new design has for
// everything the source format cannot say (encryption, recovery, tags, sample seed).
import { MODEL_VERSION, type Billing, type DesignModel, type Entity, type FixedItem, type GlobalSecondaryIndex, type KeyAttribute, type LocalSecondaryIndex } from '../model/types';
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
  /** The file's own items, each with the entity it belongs to when known. */
  items?: FixedItem[];
}

/** Generated items for an entity the file gave no items for, so the preview shows its shape. */
const SAMPLES_WITHOUT_ITEMS = 3;

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
      // The file's items stand for the entity; generated ones come on top only when asked for.
      sampleCount: inferred.itemCount > 0 ? 0 : SAMPLES_WITHOUT_ITEMS,
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
    ...(parts.items !== undefined && parts.items.length > 0 ? { items: parts.items } : {}),
    sampleSeed: 1,
  };
}
