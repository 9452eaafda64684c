// NoSQL Workbench data-model files (format 1.0 to 3.x) as designs. Facets become entities with
// their key aliases as templates when the aliases are templates (as Tablesmith writes them), else
// templates inferred from the facet's items; without facets, entities and templates are
// inferred from the table's items. Every table is imported (one when the caller names it), and
// every item is kept as a fixed item of its table, with its entity when a facet or a group claims it.
import { ATTRIBUTE_TYPES, type AttributeType, type Item } from '../engine/AttributeValue';
import type { AutoScaling, Billing, DesignModel, FixedItem, GlobalSecondaryIndex, KeyAttribute, LocalSecondaryIndex, Projection, ThroughputSetting } from '../model/types';
import { designOfTables } from '../model/tables';
import { designFromParts } from './designFromParts';
import { entityAttribute, groupItems, inferEntity, inferredKeysNote, scalarText, type InferredEntity, type KeySlot } from './inferEntities';
import { idFor, isRecord, type ImportResult } from './ImportResult';
import { Reader } from './Reader';

const KEY_TYPES = ['S', 'N', 'B'] as const;
const PROJECTIONS = ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const;

export interface WorkbenchImportOptions {
  /** Which of the file's tables to import; the first when absent. */
  table?: string;
}

export function isWorkbenchDocument(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.DataModel);
}

function keyAttribute(reader: Reader, value: unknown, path: (string | number)[], what: string): KeyAttribute | undefined {
  const record = reader.record(value, path, what);
  if (record === undefined) return undefined;
  const name = reader.string(record.AttributeName, [...path, 'AttributeName'], `${what} AttributeName`);
  const type = reader.oneOf(record.AttributeType, KEY_TYPES, [...path, 'AttributeType'], `${what} AttributeType`);
  return name === undefined || type === undefined ? undefined : { name, type };
}

function keyAttributes(reader: Reader, value: unknown, path: (string | number)[], what: string): { partitionKey?: KeyAttribute; sortKey?: KeyAttribute } {
  const record = reader.record(value, path, `${what} KeyAttributes`);
  if (record === undefined) return {};
  const partitionKey = keyAttribute(reader, record.PartitionKey, [...path, 'PartitionKey'], `${what} partition key`);
  const sortKey = record.SortKey === undefined ? undefined : keyAttribute(reader, record.SortKey, [...path, 'SortKey'], `${what} sort key`);
  return { ...(partitionKey !== undefined ? { partitionKey } : {}), ...(sortKey !== undefined ? { sortKey } : {}) };
}

function projection(reader: Reader, value: unknown, path: (string | number)[]): Projection {
  if (value === undefined) return { type: 'ALL' };
  const record = reader.record(value, path, 'Projection');
  const type = reader.oneOf(record?.ProjectionType, PROJECTIONS, [...path, 'ProjectionType'], 'ProjectionType') ?? 'ALL';
  if (type !== 'INCLUDE') return { type };
  const names = reader.array(record?.NonKeyAttributes ?? [], [...path, 'NonKeyAttributes'], 'NonKeyAttributes') ?? [];
  return { type, nonKeyAttributes: names.filter((name): name is string => typeof name === 'string') };
}

function isAttributeValue(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && ATTRIBUTE_TYPES.includes(keys[0] as AttributeType);
}

function items(reader: Reader, value: unknown, path: (string | number)[]): Item[] {
  if (value === undefined) return [];
  const list = reader.array(value, path, 'TableData') ?? [];
  const out: Item[] = [];
  list.forEach((entry, index) => {
    const item = reader.record(entry, [...path, index], 'An item');
    if (item === undefined) return;
    const bad = Object.entries(item).find(([, attribute]) => !isAttributeValue(attribute));
    if (bad !== undefined) {
      reader.error([...path, index, bad[0]], `attribute ${JSON.stringify(bad[0])} is not a DynamoDB attribute value like {"S": "text"}`);
      return;
    }
    out.push(item as Item);
  });
  return out;
}

function autoScaling(reader: Reader, value: unknown, path: (string | number)[]): AutoScaling | undefined {
  if (!isRecord(value)) return undefined;
  const target = isRecord(value.ScalableTargetRequest) ? value.ScalableTargetRequest : {};
  const policy = isRecord(value.ScalingPolicyConfiguration) ? value.ScalingPolicyConfiguration : {};
  const minCapacity = reader.number(target.MinCapacity, [...path, 'ScalableTargetRequest', 'MinCapacity'], 'MinCapacity');
  const maxCapacity = reader.number(target.MaxCapacity, [...path, 'ScalableTargetRequest', 'MaxCapacity'], 'MaxCapacity');
  const targetUtilization = reader.number(policy.TargetValue, [...path, 'ScalingPolicyConfiguration', 'TargetValue'], 'TargetValue');
  if (minCapacity === undefined || maxCapacity === undefined || targetUtilization === undefined) return undefined;
  return {
    minCapacity,
    maxCapacity,
    targetUtilization,
    scaleInCooldownSeconds: typeof policy.ScaleInCooldown === 'number' ? policy.ScaleInCooldown : 0,
    scaleOutCooldownSeconds: typeof policy.ScaleOutCooldown === 'number' ? policy.ScaleOutCooldown : 0,
  };
}

function billing(reader: Reader, table: Record<string, unknown>, path: (string | number)[]): Billing {
  if (table.BillingMode !== 'PROVISIONED') return { mode: 'PAY_PER_REQUEST' };
  const settings = isRecord(table.ProvisionedCapacitySettings) ? table.ProvisionedCapacitySettings : {};
  const throughput = isRecord(settings.ProvisionedThroughput) ? settings.ProvisionedThroughput : {};
  const settingsPath = [...path, 'ProvisionedCapacitySettings'];
  const setting = (units: unknown, scaling: unknown, dimension: 'Read' | 'Write'): ThroughputSetting => {
    const value = reader.number(units ?? 5, [...settingsPath, 'ProvisionedThroughput', `${dimension}CapacityUnits`], `${dimension}CapacityUnits`) ?? 5;
    const scaled = autoScaling(reader, scaling, [...settingsPath, `AutoScaling${dimension}`]);
    return { units: value, ...(scaled !== undefined ? { autoScaling: scaled } : {}) };
  };
  return {
    mode: 'PROVISIONED',
    read: setting(throughput.ReadCapacityUnits, settings.AutoScalingRead, 'Read'),
    write: setting(throughput.WriteCapacityUnits, settings.AutoScalingWrite, 'Write'),
  };
}

/**
 * A facet alias that is not a template (`AccountId`, `SubId#SKU`, `META`) read part by part: a
 * known attribute or an identifier that is not all capitals is a placeholder, the rest literal.
 */
function aliasTemplate(alias: string, attributes: ReadonlySet<string>): string {
  if (alias.includes('{{')) return alias;
  return alias
    .split('#')
    .map((part) => (attributes.has(part) || (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) && !/^[A-Z0-9_]+$/.test(part)) ? `{{${part}}}` : part))
    .join('#');
}

function checkVersion(reader: Reader, document: Record<string, unknown>): void {
  const metadata = isRecord(document.ModelMetadata) ? document.ModelMetadata : undefined;
  const version = metadata?.Version;
  if (version === undefined) {
    reader.warn(['ModelMetadata', 'Version'], 'no format version; read as 1.0');
    return;
  }
  const major = typeof version === 'string' ? Number(version.split('.')[0]) : Number.NaN;
  if (!(major >= 1 && major <= 3)) {
    reader.error(['ModelMetadata', 'Version'], `format version ${JSON.stringify(version)} is not supported (1.0 to 3.x are)`);
  }
}

export function importWorkbench(input: unknown, options: WorkbenchImportOptions = {}): ImportResult {
  const reader = new Reader();
  const document = reader.record(input, [], 'A NoSQL Workbench model');
  if (document === undefined) return { errors: reader.errors };
  checkVersion(reader, document);
  const tables = reader.array(document.DataModel, ['DataModel'], 'DataModel');
  if (tables === undefined) return { errors: reader.errors };
  if (tables.length === 0) return { errors: [{ path: '/DataModel', message: 'DataModel has no table' }] };
  let positions = tables.map((_table, position) => position);
  if (options.table !== undefined) {
    const position = tables.findIndex((table) => isRecord(table) && table.TableName === options.table);
    if (position === -1) return { errors: [{ path: '/DataModel', message: `no table named ${JSON.stringify(options.table)} in DataModel` }] };
    positions = [position];
  }
  const designs = positions.map((position) => importTable(reader, document, tables[position], position));
  if (reader.errors.length > 0) return { errors: reader.errors };
  return { model: designOfTables(designs.filter((design): design is DesignModel => design !== undefined)), warnings: reader.warnings, format: 'workbench' };
}

/** Primary-key text of an item, to tell a facet's item from the same item in the table's data. */
function primaryKey(item: Item, partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): string {
  return JSON.stringify([item[partitionKey.name] ?? null, sortKey === undefined ? null : (item[sortKey.name] ?? null)]);
}

function importTable(reader: Reader, document: Record<string, unknown>, entry: unknown, position: number): DesignModel | undefined {
  const errorsBefore = reader.errors.length;
  const path: (string | number)[] = ['DataModel', position];
  const table = reader.record(entry, path, 'A table');
  if (table === undefined) return undefined;
  const tableName = reader.string(table.TableName, [...path, 'TableName'], 'TableName');
  const { partitionKey, sortKey } = keyAttributes(reader, table.KeyAttributes, [...path, 'KeyAttributes'], 'table');
  if (partitionKey === undefined && table.KeyAttributes !== undefined && reader.errors.length === 0) {
    reader.error([...path, 'KeyAttributes', 'PartitionKey'], 'the table has no partition key');
  }

  const attributeTypes = new Map<string, AttributeType>();
  const nonKey = table.NonKeyAttributes === undefined ? [] : (reader.array(table.NonKeyAttributes, [...path, 'NonKeyAttributes'], 'NonKeyAttributes') ?? []);
  nonKey.forEach((entry, index) => {
    const record = reader.record(entry, [...path, 'NonKeyAttributes', index], 'A non-key attribute');
    const name = reader.string(record?.AttributeName, [...path, 'NonKeyAttributes', index, 'AttributeName'], 'AttributeName');
    const type = reader.oneOf(record?.AttributeType, ATTRIBUTE_TYPES, [...path, 'NonKeyAttributes', index, 'AttributeType'], 'AttributeType');
    if (name !== undefined && type !== undefined && !attributeTypes.has(name)) attributeTypes.set(name, type);
  });

  const globalSecondaryIndexes: GlobalSecondaryIndex[] = [];
  const gsis = table.GlobalSecondaryIndexes === undefined ? [] : (reader.array(table.GlobalSecondaryIndexes, [...path, 'GlobalSecondaryIndexes'], 'GlobalSecondaryIndexes') ?? []);
  gsis.forEach((entry, index) => {
    const at = [...path, 'GlobalSecondaryIndexes', index];
    const record = reader.record(entry, at, 'A global secondary index');
    if (record === undefined) return;
    const name = reader.string(record.IndexName, [...at, 'IndexName'], 'IndexName');
    const keys = keyAttributes(reader, record.KeyAttributes, [...at, 'KeyAttributes'], `index ${name ?? index}`);
    if (name === undefined || keys.partitionKey === undefined) return;
    globalSecondaryIndexes.push({
      id: idFor('gsi', name),
      name,
      partitionKey: keys.partitionKey,
      ...(keys.sortKey !== undefined ? { sortKey: keys.sortKey } : {}),
      projection: projection(reader, record.Projection, [...at, 'Projection']),
    });
  });
  const localSecondaryIndexes: LocalSecondaryIndex[] = [];
  const lsis = table.LocalSecondaryIndexes === undefined ? [] : (reader.array(table.LocalSecondaryIndexes, [...path, 'LocalSecondaryIndexes'], 'LocalSecondaryIndexes') ?? []);
  lsis.forEach((entry, index) => {
    const at = [...path, 'LocalSecondaryIndexes', index];
    const record = reader.record(entry, at, 'A local secondary index');
    if (record === undefined) return;
    const name = reader.string(record.IndexName, [...at, 'IndexName'], 'IndexName');
    const keys = keyAttributes(reader, record.KeyAttributes, [...at, 'KeyAttributes'], `index ${name ?? index}`);
    if (name === undefined || keys.sortKey === undefined) {
      reader.error([...at, 'KeyAttributes', 'SortKey'], 'a local secondary index needs a sort key');
      return;
    }
    localSecondaryIndexes.push({ id: idFor('lsi', name), name, sortKey: keys.sortKey, projection: projection(reader, record.Projection, [...at, 'Projection']) });
  });

  const tableItems = items(reader, table.TableData, [...path, 'TableData']);
  const facets = table.TableFacets === undefined ? [] : (reader.array(table.TableFacets, [...path, 'TableFacets'], 'TableFacets') ?? []);
  const billingSetting = billing(reader, table, path);
  if (reader.errors.length > errorsBefore || tableName === undefined || partitionKey === undefined) return undefined;

  const slots: KeySlot[] = [{ attribute: partitionKey, owner: 'table', role: 'partitionKey' }];
  if (sortKey !== undefined) slots.push({ attribute: sortKey, owner: 'table', role: 'sortKey' });
  for (const index of globalSecondaryIndexes) {
    slots.push({ attribute: index.partitionKey, owner: index.id, role: 'partitionKey' });
    if (index.sortKey !== undefined) slots.push({ attribute: index.sortKey, owner: index.id, role: 'sortKey' });
  }
  for (const index of localSecondaryIndexes) slots.push({ attribute: index.sortKey, owner: index.id, role: 'sortKey' });

  const entities: InferredEntity[] = [];
  const fixedItems: FixedItem[] = [];
  facets.forEach((entry, index) => {
    const at = [...path, 'TableFacets', index];
    const facet = reader.record(entry, at, 'A facet');
    if (facet === undefined) return;
    const name = reader.string(facet.FacetName, [...at, 'FacetName'], 'FacetName');
    if (name === undefined) return;
    const alias = isRecord(facet.KeyAttributeAlias) ? facet.KeyAttributeAlias : {};
    const facetItems = items(reader, facet.TableData, [...at, 'TableData']);
    const attributeNames = (Array.isArray(facet.NonKeyAttributes) ? facet.NonKeyAttributes : []).filter(
      (attribute): attribute is string => typeof attribute === 'string' && !slots.some((slot) => slot.attribute.name === attribute),
    );
    // Aliases that are templates are authoritative; plain aliases only help when there is no data.
    const known: InferredEntity['templates'] = { table: {} };
    const useAlias = (aliasValue: unknown, role: 'partitionKey' | 'sortKey'): void => {
      if (typeof aliasValue !== 'string' || aliasValue === '') return;
      if (aliasValue.includes('{{') || facetItems.length === 0) (known.table ??= {})[role] = aliasTemplate(aliasValue, new Set([...attributeNames, ...attributeTypes.keys()]));
    };
    useAlias(alias.PartitionKeyAlias, 'partitionKey');
    if (sortKey !== undefined) useAlias(alias.SortKeyAlias, 'sortKey');
    // The attribute whose value is the facet's name in every item is the entity's type attribute.
    const typeAttribute =
      facetItems.length === 0
        ? undefined
        : Object.keys(facetItems[0] ?? {}).find((attribute) => facetItems.every((item) => scalarText(item[attribute]) === name && 'S' in (item[attribute] ?? {})));
    const inferred = inferEntity(name, facetItems, slots, {
      known,
      attributeTypes,
      attributeNames: attributeNames.filter((attribute) => attribute !== typeAttribute),
      ...(typeAttribute !== undefined ? { typeAttribute } : {}),
    });
    // Placeholders taken from aliases name attributes the entity must have.
    const present = new Set(inferred.attributes.map((attribute) => attribute.name));
    for (const template of Object.values(known.table ?? {})) {
      for (const match of template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) {
        const attributeName = match[1] ?? '';
        if (present.has(attributeName) || slots.some((slot) => slot.attribute.name === attributeName)) continue;
        present.add(attributeName);
        inferred.attributes.push(entityAttribute(name, attributeName, attributeTypes.get(attributeName) ?? 'S', true));
      }
    }
    entities.push(inferred);
    const note = inferredKeysNote(inferred, slots, known);
    if (note !== undefined) reader.warn(at, note);
    for (const item of facetItems) fixedItems.push({ entity: idFor('entity', name), item });
  });
  if (reader.errors.length > errorsBefore) return undefined;
  if (facets.length === 0) {
    for (const group of groupItems(tableItems, slots)) {
      const inferred = inferEntity(group.name, group.items, slots, { ...(group.typeAttribute !== undefined ? { typeAttribute: group.typeAttribute } : {}), attributeTypes });
      entities.push(inferred);
      const note = inferredKeysNote(inferred, slots);
      if (note !== undefined) reader.warn([...path, 'TableData'], note);
      for (const item of group.items) fixedItems.push({ entity: idFor('entity', group.name), item });
    }
  } else {
    // The table's data repeats the facets' items; any other item is kept, claimed by no facet.
    const inFacets = new Set(fixedItems.map((fixed) => primaryKey(fixed.item as Item, partitionKey, sortKey)));
    for (const item of tableItems) if (!inFacets.has(primaryKey(item, partitionKey, sortKey))) fixedItems.push({ item });
  }
  const keys = new Set<string>();
  const repeated = fixedItems.filter((fixed) => {
    const key = primaryKey(fixed.item as Item, partitionKey, sortKey);
    return keys.has(key) || !keys.add(key);
  });
  if (repeated[0] !== undefined) {
    // Kept as the file has them, but a table holds one item per key: the preview shows fewer.
    reader.warn([...path, 'TableData'], `${repeated.length} item(s) repeat the primary key of an earlier one (first: ${primaryKey(repeated[0].item as Item, partitionKey, sortKey)}); DynamoDB keeps only the last write of a key, so the table holds ${keys.size} items`);
  }
  const metadata = isRecord(document.ModelMetadata) ? document.ModelMetadata : {};
  const ttl = table.TimeToLiveAttribute;
  return designFromParts({
    name: typeof document.ModelName === 'string' && document.ModelName !== '' ? document.ModelName : tableName,
    ...(typeof metadata.Description === 'string' ? { description: metadata.Description } : {}),
    tableName,
    partitionKey,
    ...(sortKey !== undefined ? { sortKey } : {}),
    billing: billingSetting,
    ...(typeof ttl === 'string' && ttl !== '' ? { ttlAttribute: ttl } : {}),
    globalSecondaryIndexes,
    localSecondaryIndexes,
    entities,
    items: fixedItems,
  });
}
