import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../model/examples';
import { buildGraph, countIssuesUnder, entityWritesIndex, nodeTarget, TABLE_NODE_ID } from './graph';

describe('canvas graph', () => {
  const model = defaultModel();
  const graph = buildGraph(model, [], { colors: new Map(), fallbackPositions: new Map() });

  it('has a node for the table, each index and each entity', () => {
    expect(graph.nodes).toHaveLength(1 + model.globalSecondaryIndexes.length + model.localSecondaryIndexes.length + model.entities.length);
    expect(graph.nodes.filter((n) => n.type === 'entity').map((n) => nodeTarget(n.id))).toEqual(model.entities.map((e) => ({ kind: 'entity', id: e.id })));
    expect(nodeTarget(TABLE_NODE_ID)).toEqual({ kind: 'table' });
  });

  it('links an entity to an index only when it writes that index\'s keys', () => {
    for (const entity of model.entities) {
      for (const gsi of model.globalSecondaryIndexes) {
        const edge = graph.edges.some((e) => e.source === `entity:${entity.id}` && e.target === `gsi:${gsi.id}`);
        expect(edge).toBe(Boolean(entity.keys.indexes[gsi.id]?.partitionKey));
      }
    }
    const post = model.entities.find((e) => e.id === 'ent-post')!;
    expect(entityWritesIndex({ ...post, keys: { ...post.keys, indexes: { 'gsi-GSI1': { partitionKey: '  ' } } } }, 'gsi-GSI1', 'gsi')).toBe(false);
  });

  it('draws relationships between entities', () => {
    const relationships = model.entities.flatMap((e) => e.relationships.map((r) => ({ e, r })));
    expect(relationships.length).toBeGreaterThan(0);
    for (const { e, r } of relationships) {
      expect(graph.edges.some((edge) => edge.source === `entity:${e.id}` && edge.target === `entity:${r.target}`)).toBe(true);
    }
  });

  it('counts errors and warnings under a path, not infos or siblings', () => {
    const issues = [
      { severity: 'error' as const, path: '/entities/1/keys/partitionKey', code: 'x', message: 'm' },
      { severity: 'info' as const, path: '/entities/1/keys/sortKey', code: 'x', message: 'm' },
      { severity: 'warning' as const, path: '/entities/10/name', code: 'x', message: 'm' },
    ];
    expect(countIssuesUnder(issues, '/entities/1')).toBe(1);
    expect(countIssuesUnder(issues, '/entities/10')).toBe(1);
  });
});
