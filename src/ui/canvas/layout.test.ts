import { describe, expect, it } from 'vitest';
import { addEntity } from '../../model/commands';
import { defaultModel } from '../../model/examples';
import { buildGraph } from './graph';
import { clusters, nodeSize, partitionShape, placeInFreeSpace, type Rect } from './layout';

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('canvas layout', () => {
  it('groups entities whose partition keys have the same shape', () => {
    expect(partitionShape('USER#{{userId}}')).toBe(partitionShape('USER#{{id}}'));
    expect(partitionShape('USER#{{userId}}')).not.toBe(partitionShape('POST#{{postId}}'));
    const model = defaultModel();
    const graph = buildGraph(model, [], { colors: new Map(), fallbackPositions: new Map() });
    const groups = clusters(graph.nodes, graph.edges);
    const userGroup = groups.find((g) => g.members.has('entity:ent-user'));
    const sameShape = model.entities.filter((e) => partitionShape(e.keys.partitionKey) === partitionShape(model.entities.find((x) => x.id === 'ent-user')?.keys.partitionKey ?? ''));
    expect([...(userGroup?.members.keys() ?? [])].filter((id) => id.startsWith('entity:')).sort()).toEqual(sameShape.map((e) => `entity:${e.id}`).sort());
  });

  it('puts each index beside the group that writes most of its items, and nothing overlaps inside a group', () => {
    const model = defaultModel();
    const graph = buildGraph(model, [], { colors: new Map(), fallbackPositions: new Map() });
    for (const group of clusters(graph.nodes, graph.edges)) {
      const rects = [...group.members].map(([id, at]) => ({ ...at, ...nodeSize(graph.nodes.find((n) => n.id === id) as never) }));
      rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
      for (const [id] of group.members) {
        if (!id.startsWith('gsi:')) continue;
        const writers = graph.edges.filter((e) => e.target === id).map((e) => e.source);
        expect(writers.some((w) => group.members.has(w)), `${id} sits with one of its writers`).toBe(true);
      }
    }
  });

  it('places newcomers where there is room, never on a placed node', () => {
    const placed: Rect[] = [
      { x: 0, y: 0, width: 300, height: 200 },
      { x: 340, y: 0, width: 300, height: 400 },
      { x: 0, y: 240, width: 300, height: 200 },
    ];
    const spots = placeInFreeSpace(placed, [
      { id: 'a', width: 280, height: 150 },
      { id: 'b', width: 280, height: 150 },
    ]);
    const rects = [...placed, ...[...spots.values()].map((at) => ({ ...at, width: 280, height: 150 }))];
    rects.forEach((a, i) => rects.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
    expect(spots.size).toBe(2);
  });

  it('places a newcomer with a place it belongs at the free spot nearest to it', () => {
    const placed: Rect[] = [
      { x: 0, y: 0, width: 300, height: 200 },
      { x: 0, y: 240, width: 300, height: 200 },
      { x: 1000, y: 0, width: 300, height: 440 },
    ];
    const near = { x: 340, y: 240 };
    const spot = placeInFreeSpace(placed, [{ id: 'gsi', width: 200, height: 100, near }]).get('gsi');
    expect(spot).toBeDefined();
    expect(Math.hypot((spot?.x ?? 0) - near.x, (spot?.y ?? 0) - near.y)).toBeLessThan(60);
  });

  it('gives 100 entities a group each without two sharing a slot', () => {
    let model = defaultModel();
    for (let i = 0; i < 93; i++) model = addEntity(model, { name: `E${i}` });
    const graph = buildGraph(model, [], { colors: new Map(), fallbackPositions: new Map() });
    const members = clusters(graph.nodes, graph.edges).flatMap((g) => [...g.members.keys()]);
    expect(new Set(members).size).toBe(graph.nodes.length);
  });
});
