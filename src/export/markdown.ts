// The design as a Markdown document: table settings, indexes, entities with their key
// templates and attributes, and the access-pattern chart. Names are escaped so none can
// break a table row or inject markup.
import { requestTemplate } from '../model/accessPatterns/buildRequest';
import type { AccessPattern, DesignModel, Entity } from '../model/types';

/** Text for a table cell or heading: no line breaks, pipes or markup characters. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/([\\`*_[\]|<>~])/g, '\\$1');
}

/** Inline code that holds `text` exactly, whatever backticks it contains. */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return flat.includes('`') ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableSection(model: DesignModel): string[] {
  const table = model.table;
  const billing = table.billing;
  const capacity =
    billing.mode === 'PAY_PER_REQUEST'
      ? 'On demand'
      : `Provisioned: ${billing.read.units} RCU${billing.read.autoScaling ? ` (auto-scaling ${billing.read.autoScaling.minCapacity}–${billing.read.autoScaling.maxCapacity} at ${billing.read.autoScaling.targetUtilization}%)` : ''}, ${billing.write.units} WCU${billing.write.autoScaling ? ` (auto-scaling ${billing.write.autoScaling.minCapacity}–${billing.write.autoScaling.maxCapacity} at ${billing.write.autoScaling.targetUtilization}%)` : ''}`;
  const encryption =
    table.encryption.type === 'AWS_OWNED' ? 'AWS owned key' : table.encryption.type === 'AWS_MANAGED' ? 'AWS managed key' : `Customer managed key ${markdownCode(table.encryption.kmsKeyArn)}`;
  return [
    `## Table ${markdownText(table.name)}`,
    '',
    row(['Setting', 'Value']),
    row(['---', '---']),
    row(['Partition key', `${markdownCode(table.partitionKey.name)} (${table.partitionKey.type})`]),
    row(['Sort key', table.sortKey ? `${markdownCode(table.sortKey.name)} (${table.sortKey.type})` : '—']),
    row(['Capacity', capacity]),
    row(['Stream', table.streamViewType ?? 'Off']),
    row(['Time to live', table.ttlAttribute !== undefined ? markdownCode(table.ttlAttribute) : 'Off']),
    row(['Point-in-time recovery', table.pointInTimeRecovery ? 'On' : 'Off']),
    row(['Deletion protection', table.deletionProtection ? 'On' : 'Off']),
    row(['Encryption', encryption]),
    row(['Table class', table.tableClass]),
    row(['Tags', table.tags.length === 0 ? '—' : table.tags.map((tag) => `${markdownCode(tag.key)}=${markdownCode(tag.value)}`).join(', ')]),
  ];
}

function indexSection(model: DesignModel): string[] {
  if (model.globalSecondaryIndexes.length + model.localSecondaryIndexes.length === 0) return [];
  const projection = (type: string, attributes: string[] | undefined): string =>
    type === 'INCLUDE' ? `INCLUDE ${(attributes ?? []).map(markdownCode).join(', ')}` : type;
  return [
    '## Indexes',
    '',
    row(['Index', 'Kind', 'Partition key', 'Sort key', 'Projection']),
    row(['---', '---', '---', '---', '---']),
    ...model.globalSecondaryIndexes.map((index) =>
      row([markdownText(index.name), 'GSI', markdownCode(index.partitionKey.name), index.sortKey ? markdownCode(index.sortKey.name) : '—', projection(index.projection.type, index.projection.nonKeyAttributes)]),
    ),
    ...model.localSecondaryIndexes.map((index) =>
      row([markdownText(index.name), 'LSI', markdownCode(model.table.partitionKey.name), markdownCode(index.sortKey.name), projection(index.projection.type, index.projection.nonKeyAttributes)]),
    ),
  ];
}

function entitySection(model: DesignModel, entity: Entity): string[] {
  const keys = [row(['Key', 'Template']), row(['---', '---']), row([markdownCode(model.table.partitionKey.name), markdownCode(entity.keys.partitionKey)])];
  if (model.table.sortKey !== undefined && entity.keys.sortKey !== undefined) {
    keys.push(row([markdownCode(model.table.sortKey.name), markdownCode(entity.keys.sortKey)]));
  }
  for (const index of model.globalSecondaryIndexes) {
    const templates = entity.keys.indexes[index.id];
    if (templates?.partitionKey) keys.push(row([`${markdownCode(index.partitionKey.name)} (${markdownText(index.name)})`, markdownCode(templates.partitionKey)]));
    if (templates?.sortKey && index.sortKey) keys.push(row([`${markdownCode(index.sortKey.name)} (${markdownText(index.name)})`, markdownCode(templates.sortKey)]));
  }
  for (const index of model.localSecondaryIndexes) {
    const template = entity.keys.indexes[index.id]?.sortKey;
    if (template) keys.push(row([`${markdownCode(index.sortKey.name)} (${markdownText(index.name)})`, markdownCode(template)]));
  }
  const lines = [`### ${markdownText(entity.name)}`, ''];
  if (entity.description) lines.push(markdownText(entity.description), '');
  lines.push(...keys, '');
  if (entity.attributes.length > 0) {
    lines.push(row(['Attribute', 'Type', 'Required', 'Description']), row(['---', '---', '---', '---']));
    for (const attribute of entity.attributes) {
      lines.push(row([markdownCode(attribute.name), attribute.type, attribute.required ? 'yes' : 'no', markdownText(attribute.description ?? '')]));
    }
    lines.push('');
  }
  return lines;
}

function patternKey(model: DesignModel, pattern: AccessPattern): string {
  try {
    const request = requestTemplate(model, pattern);
    if (typeof request.KeyConditionExpression === 'string') return markdownCode(request.KeyConditionExpression);
    if (typeof request.Statement === 'string') return markdownCode(request.Statement);
    if (typeof request.FilterExpression === 'string') return `filter ${markdownCode(request.FilterExpression)}`;
    if (isRecord(request.Key)) return Object.entries(request.Key).map(([name, value]) => `${markdownCode(name)} = ${markdownCode(JSON.stringify(value))}`).join(', ');
    return '—';
  } catch (error) {
    return markdownText(error instanceof Error ? error.message : String(error));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function patternSection(model: DesignModel): string[] {
  if (model.accessPatterns.length === 0) return [];
  const indexName = (id: string | undefined): string =>
    id === undefined ? 'Table' : markdownText(model.globalSecondaryIndexes.find((i) => i.id === id)?.name ?? model.localSecondaryIndexes.find((i) => i.id === id)?.name ?? id);
  const entityName = (id: string | undefined): string => markdownText(model.entities.find((entity) => entity.id === id)?.name ?? '—');
  return [
    '## Access patterns',
    '',
    row(['#', 'Access pattern', 'Operation', 'Target', 'Entity', 'Key condition / key', 'Parameters']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...model.accessPatterns.map((pattern, position) =>
      row([
        String(position + 1),
        markdownText(pattern.name),
        pattern.operation,
        indexName(pattern.index),
        entityName(pattern.entity),
        patternKey(model, pattern),
        pattern.parameters.map((parameter) => `${markdownCode(parameter.name)} (${parameter.type})`).join(', ') || '—',
      ]),
    ),
  ];
}

export function designMarkdown(model: DesignModel): string {
  const lines = [`# ${markdownText(model.name)}`, ''];
  if (model.description) lines.push(markdownText(model.description), '');
  lines.push(...tableSection(model), '');
  const indexes = indexSection(model);
  if (indexes.length > 0) lines.push(...indexes, '');
  lines.push('## Entities', '');
  for (const entity of model.entities) lines.push(...entitySection(model, entity));
  const patterns = patternSection(model);
  if (patterns.length > 0) lines.push(...patterns, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
