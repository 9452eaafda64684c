// Automatic layout. Entities whose partition key templates have the same shape share item
// collections, so they are drawn together as a group; each index sits beside the group that
// writes most of its items, and the table comes first. ELK's rectangle packing (run in a Web
// Worker, so a large design never blocks the page) then arranges the groups into a block
// about as wide as the canvas, instead of one tall column.
import ElkConstructor, { type ELK } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Edge } from '@xyflow/react';
import type { DesignNode } from './graph';

export type Positions = Map<string, { x: number; y: number }>;
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Size {
  x: number;
  y: number;
}

const GAP = 32;
const GROUP_GAP = 64;
/** Roughly the canvas's shape, so "Fit to view" needs the least zooming out. */
const ASPECT_RATIO = 1.9;

let elk: ELK | undefined;

/**
 * The most room a node takes at any zoom: zoomed in it lists its attributes, zoomed out it
 * draws its name and keys larger instead (see app.css), and either must fit in its slot.
 */
export function estimatedSize(node: DesignNode): Size {
  if (node.type === 'entity') {
    const { entity } = node.data;
    const indexRows = Object.keys(entity.keys.indexes).length;
    const near = 64 + 20 * (entity.attributes.length + 2 + indexRows * 2);
    const far = 75 + 32 * (2 + indexRows);
    return { width: 320, height: Math.max(near, far) };
  }
  if (node.type === 'table') return { width: 360, height: 120 };
  return { width: 260, height: 110 };
}

export function nodeSize(node: DesignNode): Size {
  const estimate = estimatedSize(node);
  return { width: Math.max(estimate.width, node.measured?.width ?? 0), height: Math.max(estimate.height, node.measured?.height ?? 0) };
}

/** `USER#{{userId}}` and `USER#{{id}}` address the same kind of partition. */
export function partitionShape(template: string): string {
  return template.replace(/\{\{[^}]*\}\}/g, '{}').trim();
}

export interface Cluster extends Size {
  id: string;
  /** Member positions relative to the cluster's top-left corner. */
  members: Positions;
}

/**
 * The groups to pack: the table alone, then one per partition shape (entities in a grid of
 * at most five columns, wider than tall) with the indexes it writes most of on its right.
 */
export function clusters(nodes: readonly DesignNode[], edges: readonly Edge[]): Cluster[] {
  const groups = new Map<string, DesignNode[]>();
  const groupOf = new Map<string, string>();
  for (const node of nodes) {
    if (node.type !== 'entity') continue;
    const shape = partitionShape(node.data.entity.keys.partitionKey);
    const key = shape === '' ? `alone:${node.id}` : `pk:${shape}`;
    groups.set(key, [...(groups.get(key) ?? []), node]);
    groupOf.set(node.id, key);
  }
  const indexes = nodes.filter((node) => node.type === 'index');
  const besideGroup = new Map<string, DesignNode[]>();
  const unwritten: DesignNode[] = [];
  for (const index of indexes) {
    const writers = new Map<string, number>();
    for (const edge of edges) {
      const group = edge.target === index.id ? groupOf.get(edge.source) : undefined;
      if (group) writers.set(group, (writers.get(group) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [group, count] of writers) if (best === undefined || count > (writers.get(best) ?? 0)) best = group;
    if (best === undefined) unwritten.push(index);
    else besideGroup.set(best, [...(besideGroup.get(best) ?? []), index]);
  }

  const result: Cluster[] = [];
  const table = nodes.find((node) => node.type === 'table');
  const lead = [...(table ? [table] : []), ...unwritten];
  if (lead.length) result.push(stack(lead.map((n) => n.id).join('+'), lead));
  for (const [key, members] of groups) result.push(group(key, members, besideGroup.get(key) ?? []));
  return result;
}

/** Nodes one under the other. */
function stack(id: string, nodes: readonly DesignNode[]): Cluster {
  const members: Positions = new Map();
  let y = 0;
  let width = 0;
  for (const node of nodes) {
    const size = nodeSize(node);
    members.set(node.id, { x: 0, y });
    y += size.height + GAP;
    width = Math.max(width, size.width);
  }
  return { id, width, height: Math.max(0, y - GAP), members };
}

function group(id: string, entities: readonly DesignNode[], indexes: readonly DesignNode[]): Cluster {
  const columns = Math.min(5, Math.ceil(Math.sqrt(entities.length * 2)));
  const sizes = entities.map(nodeSize);
  const columnWidths = Array.from({ length: columns }, (_, c) => Math.max(0, ...sizes.filter((_, i) => i % columns === c).map((s) => s.width)));
  const rows = Math.ceil(entities.length / columns);
  const rowHeights = Array.from({ length: rows }, (_, r) => Math.max(0, ...sizes.slice(r * columns, (r + 1) * columns).map((s) => s.height)));
  const members: Positions = new Map();
  entities.forEach((node, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const x = columnWidths.slice(0, column).reduce((sum, w) => sum + w + GAP, 0);
    const y = rowHeights.slice(0, row).reduce((sum, h) => sum + h + GAP, 0);
    members.set(node.id, { x, y });
  });
  const gridWidth = columnWidths.reduce((sum, w) => sum + w + GAP, 0) - GAP;
  const gridHeight = rowHeights.reduce((sum, h) => sum + h + GAP, 0) - GAP;
  if (!indexes.length) return { id, width: gridWidth, height: gridHeight, members };
  const side = stack('', indexes);
  for (const [nodeId, at] of side.members) members.set(nodeId, { x: gridWidth + GROUP_GAP / 2 + at.x, y: at.y });
  return { id, width: gridWidth + GROUP_GAP / 2 + side.width, height: Math.max(gridHeight, side.height), members };
}

export async function layoutGraph(nodes: readonly DesignNode[], edges: readonly Edge[]): Promise<Positions> {
  const parts = clusters(nodes, edges);
  elk ??= new ElkConstructor({ workerUrl: elkWorkerUrl });
  const packed = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.aspectRatio': String(ASPECT_RATIO),
      'elk.spacing.nodeNode': String(GROUP_GAP),
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    },
    children: parts.map((part) => ({ id: part.id, width: part.width, height: part.height })),
  });
  const origins = new Map((packed.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
  const positions: Positions = new Map();
  for (const part of parts) {
    const origin = origins.get(part.id) ?? { x: 0, y: 0 };
    for (const [id, at] of part.members) positions.set(id, { x: origin.x + at.x, y: origin.y + at.y });
  }
  return positions;
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/**
 * Places new nodes, in order, at the first free spot scanning rows of the occupied area (and
 * below it), so a new entity never lands on an existing one.
 */
export function placeInFreeSpace(placed: readonly Rect[], newcomers: readonly ({ id: string; near?: { x: number; y: number } } & Size)[]): Positions {
  const occupied = [...placed];
  const left = occupied.length ? Math.min(...occupied.map((r) => r.x)) : 0;
  const top = occupied.length ? Math.min(...occupied.map((r) => r.y)) : 0;
  const right = occupied.length ? Math.max(...occupied.map((r) => r.x + r.width)) : 1200;
  const bottom = occupied.length ? Math.max(...occupied.map((r) => r.y + r.height)) : 0;
  const positions: Positions = new Map();
  const step = GAP;
  const free = (candidate: Rect) => !occupied.some((rect) => overlaps(rect, candidate, GAP / 2));
  for (const node of newcomers) {
    let spot: Rect | undefined;
    if (node.near) {
      // The free spot closest to where the node belongs (an index: beside its writers),
      // searched within the occupied area widened by the node's own size.
      let best = Infinity;
      for (let y = top - node.height - GAP; y <= bottom + GAP; y += step) {
        for (let x = left - node.width - GAP; x <= right + GAP; x += step) {
          const distance = Math.hypot(x - node.near.x, y - node.near.y);
          const candidate = { x, y, width: node.width, height: node.height };
          if (distance < best && free(candidate)) {
            best = distance;
            spot = candidate;
          }
        }
      }
    }
    const rowEnd = Math.max(left, right - node.width);
    for (let y = top; !spot; y += step) {
      for (let x = left; x <= rowEnd && !spot; x += step) {
        const candidate = { x, y, width: node.width, height: node.height };
        if (free(candidate)) spot = candidate;
      }
    }
    occupied.push(spot);
    positions.set(node.id, { x: spot.x, y: spot.y });
  }
  return positions;
}

/** Where an index node belongs: just right of the entities that write into it, level with their top. */
export function besideWriters(nodeId: string, edges: readonly Edge[], rects: ReadonlyMap<string, Rect>): { x: number; y: number } | undefined {
  const writers = edges.filter((edge) => edge.target === nodeId).flatMap((edge) => rects.get(edge.source) ?? []);
  if (!writers.length) return undefined;
  return { x: Math.max(...writers.map((r) => r.x + r.width)) + GAP, y: Math.min(...writers.map((r) => r.y)) };
}

/** Immediate placement for nodes not laid out yet (until ELK answers): a grid, so nothing stacks at 0,0. */
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

/** Where each node sits and how big it is, for finding free space. */
export function nodeRect(node: DesignNode): Rect {
  return { ...node.position, ...nodeSize(node) };
}
