// The table or index a pattern reads: its key schema, what it projects and how each entity's
// key templates appear in it. Shared by the checks, the capacity estimate and the chart.
import type { AccessPattern, DesignModel, Entity, KeyAttribute, KeyTemplate, Projection } from '../types';

export interface PatternTarget {
  kind: 'table' | 'gsi' | 'lsi';
  /** Index id; absent for the table. */
  id?: string;
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  projection: Projection;
}

export type TargetResult = { ok: true; target: PatternTarget } | { ok: false; message: string };

/** Resolves the pattern's index (by id, or by the request's IndexName) against the model. */
export function resolveTarget(model: DesignModel, pattern: AccessPattern): TargetResult {
  const requested = pattern.request.IndexName;
  const gsi = model.globalSecondaryIndexes.find((g) =>
    pattern.index ? g.id === pattern.index : g.name === requested,
  );
  const lsi = model.localSecondaryIndexes.find((l) => (pattern.index ? l.id === pattern.index : l.name === requested));
  if (gsi) return { ok: true, target: { kind: 'gsi', id: gsi.id, name: gsi.name, partitionKey: gsi.partitionKey, ...(gsi.sortKey ? { sortKey: gsi.sortKey } : {}), projection: gsi.projection } };
  if (lsi) {
    return {
      ok: true,
      target: { kind: 'lsi', id: lsi.id, name: lsi.name, partitionKey: model.table.partitionKey, sortKey: lsi.sortKey, projection: lsi.projection },
    };
  }
  if (pattern.index) return { ok: false, message: `The index this pattern targets (${pattern.index}) is not in the design` };
  if (typeof requested === 'string') return { ok: false, message: `IndexName "${requested}" is not an index of ${model.table.name}` };
  return {
    ok: true,
    target: {
      kind: 'table',
      name: model.table.name,
      partitionKey: model.table.partitionKey,
      ...(model.table.sortKey ? { sortKey: model.table.sortKey } : {}),
      projection: { type: 'ALL' },
    },
  };
}

/**
 * An entity's key templates in the target; undefined when its items are absent (sparse
 * index). An index key with no template but named like one of the entity's attributes is
 * that attribute itself (`{{category}}`), as the sample items carry it.
 */
export function entityKeysIn(
  entity: Entity,
  target: PatternTarget,
): { partitionKey: KeyTemplate; sortKey?: KeyTemplate } | undefined {
  if (target.kind === 'table') {
    return { partitionKey: entity.keys.partitionKey, ...(entity.keys.sortKey ? { sortKey: entity.keys.sortKey } : {}) };
  }
  const own = target.id ? entity.keys.indexes[target.id] : undefined;
  const orAttribute = (template: KeyTemplate | undefined, key: KeyAttribute | undefined): KeyTemplate | undefined => {
    if (template) return template;
    return key && entity.attributes.some((a) => a.name === key.name) ? `{{${key.name}}}` : undefined;
  };
  const sortKey = orAttribute(own?.sortKey, target.sortKey);
  if (target.kind === 'lsi') return sortKey ? { partitionKey: entity.keys.partitionKey, sortKey } : undefined;
  const partitionKey = orAttribute(own?.partitionKey, target.partitionKey);
  if (!partitionKey || (target.sortKey && !sortKey)) return undefined;
  return { partitionKey, ...(sortKey ? { sortKey } : {}) };
}

/** Attribute names the target holds; undefined means every attribute (projection ALL). */
export function projectedAttributes(model: DesignModel, target: PatternTarget): Set<string> | undefined {
  if (target.projection.type === 'ALL') return undefined;
  const names = new Set<string>([model.table.partitionKey.name, target.partitionKey.name]);
  if (model.table.sortKey) names.add(model.table.sortKey.name);
  if (target.sortKey) names.add(target.sortKey.name);
  if (target.projection.type === 'INCLUDE') for (const a of target.projection.nonKeyAttributes ?? []) names.add(a);
  return names;
}
