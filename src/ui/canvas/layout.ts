// Automatic layout with ELK's layered algorithm: entities flow left to right into the table
// and its indexes, which line up in the last layer.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Edge } from '@xyflow/react';
import type { DesignNode } from './graph';

const elk = new ELK();

export type Positions = Map<string, { x: number; y: number }>;

/** Size estimate used before React Flow has measured a node (first layout). */
export function estimatedSize(node: DesignNode): { width: number; height: number } {
  if (node.type === 'entity') {
    const { entity } = node.data;
    const keyRows = 2 + Object.keys(entity.keys.indexes).length * 2;
    return { width: 280, height: 64 + 20 * (entity.attributes.length + keyRows) };
  }
  if (node.type === 'table') return { width: 240, height: 120 };
  return { width: 220, height: 96 };
}

export async function layoutGraph(nodes: readonly DesignNode[], edges: readonly Edge[]): Promise<Positions> {
  const ids = new Set(nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: nodes.map((node) => {
      const size = node.measured?.width && node.measured.height ? { width: node.measured.width, height: node.measured.height } : estimatedSize(node);
      return { id: node.id, ...size };
    }),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions: Positions = new Map();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}

/** Immediate placement for nodes ELK has not placed yet: a simple grid, so nothing stacks at 0,0. */
export function gridPositions(nodes: readonly DesignNode[]): Positions {
  const positions: Positions = new Map();
  let entityRow = 0;
  let indexRow = 0;
  for (const node of nodes) {
    if (node.type === 'entity') {
      positions.set(node.id, { x: (entityRow % 3) * 320, y: Math.floor(entityRow / 3) * 260 });
      entityRow++;
    } else {
      positions.set(node.id, { x: 1100, y: indexRow * 150 });
      indexRow++;
    }
  }
  return positions;
}
