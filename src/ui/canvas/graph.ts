// The canvas graph derived from the model: a node per entity, one for the table and one per
// index; edges for relationships and for "this entity writes into that index". Pure, so the
// rules (which entity lands in which sparse index) are unit-tested without a browser.
import type { Edge, Node } from '@xyflow/react';
import type { DesignModel, Entity, GlobalSecondaryIndex, LocalSecondaryIndex, ModelIssue } from '../../model/types';

export type EntityNodeData = {
  entity: Entity;
  entityIndex: number;
  issueCount: number;
  color: string;
  /** Index names by id, to label the entity's index key templates. */
  indexNames: ReadonlyMap<string, string>;
  /** The table's key attribute names, labelling the entity's table key templates. */
  tableKeys: { partitionKey: string; sortKey: string | undefined };
};
export type TableNodeData = { table: DesignModel['table']; issueCount: number };
export type IndexNodeData =
  | { kind: 'gsi'; index: GlobalSecondaryIndex; position: number; issueCount: number }
  | { kind: 'lsi'; index: LocalSecondaryIndex; position: number; issueCount: number };

export type EntityNode = Node<EntityNodeData, 'entity'>;
export type TableNode = Node<TableNodeData, 'table'>;
export type IndexNode = Node<IndexNodeData, 'index'>;
export type DesignNode = EntityNode | TableNode | IndexNode;

export const TABLE_NODE_ID = 'table';
export const entityNodeId = (id: string) => `entity:${id}`;
export const gsiNodeId = (id: string) => `gsi:${id}`;
export const lsiNodeId = (id: string) => `lsi:${id}`;

/** Parses a node id back into what it stands for. */
export function nodeTarget(nodeId: string): { kind: 'table' } | { kind: 'entity' | 'gsi' | 'lsi'; id: string } | undefined {
  if (nodeId === TABLE_NODE_ID) return { kind: 'table' };
  const colon = nodeId.indexOf(':');
  const kind = nodeId.slice(0, colon);
  const id = nodeId.slice(colon + 1);
  if (kind === 'entity' || kind === 'gsi' || kind === 'lsi') return { kind, id };
  return undefined;
}

/** Whether an entity's items carry the keys of an index (otherwise the index is sparse for it). */
export function entityWritesIndex(entity: Entity, indexId: string, kind: 'gsi' | 'lsi'): boolean {
  const keys = entity.keys.indexes[indexId];
  if (!keys) return false;
  return kind === 'gsi' ? Boolean(keys.partitionKey?.trim()) : Boolean(keys.sortKey?.trim());
}

/** Number of issues (errors and warnings) located inside the model subtree at `prefix`. */
export function countIssuesUnder(issues: readonly ModelIssue[], prefix: string): number {
  let count = 0;
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    if (issue.path === prefix || issue.path.startsWith(`${prefix}/`)) count++;
  }
  return count;
}

export interface GraphOptions {
  colors: Map<string, { solid: string }>;
  /** Positions for nodes the model does not place (table, indexes, entities never laid out). */
  fallbackPositions: Map<string, { x: number; y: number }>;
}

export function buildGraph(model: DesignModel, issues: readonly ModelIssue[], options: GraphOptions): { nodes: DesignNode[]; edges: Edge[] } {
  const place = (id: string, fromModel?: { x: number; y: number }) =>
    fromModel ?? options.fallbackPositions.get(id) ?? { x: 0, y: 0 };

  const nodes: DesignNode[] = [
    {
      id: TABLE_NODE_ID,
      type: 'table',
      ariaLabel: `Table ${model.table.name}`,
      position: place(TABLE_NODE_ID),
      data: { table: model.table, issueCount: countIssuesUnder(issues, '/table') },
    },
  ];
  model.globalSecondaryIndexes.forEach((index, position) => {
    nodes.push({
      id: gsiNodeId(index.id),
      type: 'index',
      ariaLabel: `GSI ${index.name}`,
      position: place(gsiNodeId(index.id)),
      data: { kind: 'gsi', index, position, issueCount: countIssuesUnder(issues, `/globalSecondaryIndexes/${position}`) },
    });
  });
  model.localSecondaryIndexes.forEach((index, position) => {
    nodes.push({
      id: lsiNodeId(index.id),
      type: 'index',
      ariaLabel: `LSI ${index.name}`,
      position: place(lsiNodeId(index.id)),
      data: { kind: 'lsi', index, position, issueCount: countIssuesUnder(issues, `/localSecondaryIndexes/${position}`) },
    });
  });

  const indexNames = new Map<string, string>([
    ...model.globalSecondaryIndexes.map((i) => [i.id, i.name] as const),
    ...model.localSecondaryIndexes.map((i) => [i.id, i.name] as const),
  ]);
  const tableKeys = { partitionKey: model.table.partitionKey.name, sortKey: model.table.sortKey?.name };
  const edges: Edge[] = [];
  model.entities.forEach((entity, entityIndex) => {
    const id = entityNodeId(entity.id);
    const color = options.colors.get(entity.id)?.solid ?? '#6b7280';
    nodes.push({
      id,
      type: 'entity',
      ariaLabel: `Entity ${entity.name}`,
      position: place(id, entity.position),
      data: { entity, entityIndex, issueCount: countIssuesUnder(issues, `/entities/${entityIndex}`), color, indexNames, tableKeys },
    });
    edges.push({ id: `${id}->table`, source: id, target: TABLE_NODE_ID, className: 'edge-writes', style: { stroke: color } });
    for (const index of model.globalSecondaryIndexes) {
      if (entityWritesIndex(entity, index.id, 'gsi')) {
        edges.push({ id: `${id}->gsi:${index.id}`, source: id, target: gsiNodeId(index.id), className: 'edge-writes', style: { stroke: color } });
      }
    }
    for (const index of model.localSecondaryIndexes) {
      if (entityWritesIndex(entity, index.id, 'lsi')) {
        edges.push({ id: `${id}->lsi:${index.id}`, source: id, target: lsiNodeId(index.id), className: 'edge-writes', style: { stroke: color } });
      }
    }
    for (const relationship of entity.relationships) {
      if (!model.entities.some((e) => e.id === relationship.target)) continue;
      edges.push({
        id: `rel:${entity.id}:${relationship.id}`,
        source: id,
        target: entityNodeId(relationship.target),
        sourceHandle: 'relationship-out',
        targetHandle: 'relationship-in',
        label: `${relationship.name} (${relationship.cardinality})`,
        className: 'edge-relationship',
        type: 'smoothstep',
      });
    }
  });
  return { nodes, edges };
}

/** Equal by reference per field, with Maps compared by entries (they are rebuilt on each pass). */
function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    if (x instanceof Map && y instanceof Map) return x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
    if (key === 'tableKeys' && x && y) return sameData(x as Record<string, unknown>, y as Record<string, unknown>);
    if (key === 'style' && x && y) return sameData(x as Record<string, unknown>, y as Record<string, unknown>);
    return false;
  });
}

/**
 * Keeps the previous object for every node and edge that did not change, so React Flow
 * re-renders only what an edit touched (a keystroke in one entity re-renders one node).
 */
export function reuseUnchanged<T extends { id: string; data?: unknown }>(previous: readonly T[], next: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  return next.map((item) => {
    const old = byId.get(item.id);
    return old !== undefined && same(old, item) ? old : item;
  });
}

export function sameNode(a: DesignNode, b: DesignNode): boolean {
  return (
    a.type === b.type &&
    a.ariaLabel === b.ariaLabel &&
    a.selected === b.selected &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    sameData(a.data as Record<string, unknown>, b.data as Record<string, unknown>)
  );
}

export function sameEdge(a: Edge, b: Edge): boolean {
  const { data: _a, ...restA } = a;
  const { data: _b, ...restB } = b;
  return sameData(restA as Record<string, unknown>, restB as Record<string, unknown>);
}
