// The design canvas: entities, the table and its indexes as nodes. Entity positions live in
// the model (dragging is an undoable edit); the table and index nodes are placed by the
// automatic layout and may be moved freely for the session.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ReactFlow,
  useReactFlow,
  useStore,
  applyNodeChanges,
  type Edge,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useDesignStore, type Selection } from '../../store/designStore';
import { entityColors } from '../entityColors';
import { registerViewBridge } from '../../store/commands';
import { TABLE_NODE_ID, buildGraph, entityNodeId, gsiNodeId, lsiNodeId, nodeTarget, reuseUnchanged, sameEdge, sameNode, type DesignNode } from './graph';
import { besideWriters, gridPositions, layoutGraph, nodeRect, nodeSize, placeInFreeSpace, type Positions } from './layout';
import { nodeTypes } from './nodes';

/** Padding of "Fit to view": room for the toolbar's shadow, nothing more. */
export const FIT_PADDING = 0.06;

/**
 * How far out the view is. Zoomed out, a node drops its attribute list and draws its name and
 * key templates larger, so they stay readable when the whole design is in view.
 */
function zoomLevel(zoom: number): 'near' | 'mid' | 'far' {
  return zoom >= 0.75 ? 'near' : zoom >= 0.5 ? 'mid' : 'far';
}

function selectedNodeId(selection: Selection): string | undefined {
  if (!selection) return undefined;
  if (selection.kind === 'table') return TABLE_NODE_ID;
  if (selection.kind === 'entity') return entityNodeId(selection.id);
  return selection.kind === 'gsi' ? gsiNodeId(selection.id) : lsiNodeId(selection.id);
}

export function DesignCanvas() {
  const model = useDesignStore((s) => s.model);
  const issues = useDesignStore((s) => s.issues);
  const selection = useDesignStore((s) => s.selection);
  const select = useDesignStore((s) => s.select);
  const updateModel = useDesignStore((s) => s.updateModel);
  const flow = useReactFlow<DesignNode>();

  // Zoomed out, nodes are drawn differently and their bounds change: a fit that crosses a zoom
  // level is done once more after the nodes have been drawn at the new level.
  const refitAtLevel = useRef(false);
  const fitWhole = useCallback(
    (duration = 0) => {
      refitAtLevel.current = true;
      void flow.fitView({ padding: FIT_PADDING, duration }).then(() => setTimeout(() => (refitAtLevel.current = false), 1000));
    },
    [flow],
  );

  // Positions from ELK and from dragging the table/index nodes; the model's entity positions win.
  const [autoPositions, setAutoPositions] = useState<Positions>(() => new Map());
  const movedPositions = useRef<Positions>(new Map());
  const colors = useMemo(() => entityColors(model), [model]);

  const graph = useMemo(() => {
    const fallback = new Map([...autoPositions, ...movedPositions.current]);
    const draft = buildGraph(model, issues, { colors, fallbackPositions: fallback });
    const grid = gridPositions(draft.nodes);
    for (const node of draft.nodes) {
      if (!fallback.has(node.id) && !(node.type === 'entity' && node.data.entity.position)) {
        node.position = grid.get(node.id) ?? node.position;
      }
    }
    return draft;
  }, [model, issues, colors, autoPositions]);

  const [nodes, setNodes] = useState<DesignNode[]>(graph.nodes);
  const previousEdges = useRef<Edge[]>([]);
  const edges = useMemo(() => (previousEdges.current = reuseUnchanged(previousEdges.current, graph.edges, sameEdge)), [graph.edges]);
  const selectedId = selectedNodeId(selection);
  useEffect(() => {
    setNodes((previous) => {
      const measured = new Map(previous.map((n) => [n.id, n.measured]));
      const next = graph.nodes.map((node) => ({ ...node, measured: measured.get(node.id), selected: node.id === selectedId }) as DesignNode);
      return reuseUnchanged(previous, next, sameNode);
    });
  }, [graph, selectedId]);

  // Lay out whatever has no position yet: a mostly new graph (first load, an import, an
  // example) is laid out whole and shown whole; a few newcomers (a new entity or index) go
  // where there is room, so nothing lands on what the user arranged.
  const unplaced = useMemo(
    () =>
      graph.nodes.filter((node) => {
        if (node.type === 'entity' && node.data.entity.position) return false;
        return !autoPositions.has(node.id) && !movedPositions.current.has(node.id);
      }),
    [graph, autoPositions],
  );
  useEffect(() => {
    if (unplaced.length === 0) return undefined;
    if (unplaced.length <= graph.nodes.length / 2) {
      const newcomers = new Set(unplaced.map((node) => node.id));
      const measured = new Map(flow.getNodes().map((node) => [node.id, node]));
      const placed = new Map(
        graph.nodes.filter((node) => !newcomers.has(node.id)).map((node) => [node.id, nodeRect({ ...node, measured: measured.get(node.id)?.measured } as DesignNode)] as const),
      );
      const spots = placeInFreeSpace(
        [...placed.values()],
        unplaced.map((node) => ({ id: node.id, ...nodeSize(node), near: node.type === 'index' ? besideWriters(node.id, graph.edges, placed) : undefined })),
      );
      setAutoPositions((previous) => new Map([...previous, ...spots]));
      return undefined;
    }
    let cancelled = false;
    void layoutGraph(graph.nodes, graph.edges).then((positions) => {
      if (cancelled) return;
      // Laid out whole, so nodes kept from a previous design (same ids) move too.
      setAutoPositions(positions);
      requestAnimationFrame(() => fitWhole());
    });
    return () => {
      cancelled = true;
    };
  }, [unplaced, graph, flow, fitWhole]);

  const autoLayout = useCallback(async () => {
    // The rendered nodes carry React Flow's measured sizes, which make a tighter layout.
    const started = performance.now();
    const positions = await layoutGraph(nodes, graph.edges);
    // Read by `npm run bench:ui`, like the preview's marks.
    performance.measure('tablesmith:auto-layout', { start: started, detail: { nodes: nodes.length } });
    movedPositions.current = new Map();
    setAutoPositions(positions);
    updateModel('Auto layout', (m) => ({
      ...m,
      entities: m.entities.map((entity) => {
        const position = positions.get(entityNodeId(entity.id));
        return position ? { ...entity, position: { x: Math.round(position.x), y: Math.round(position.y) } } : entity;
      }),
    }));
    requestAnimationFrame(() => fitWhole(200));
  }, [graph, nodes, updateModel, fitWhole]);

  useEffect(
    () =>
      registerViewBridge({
        fitView: () => fitWhole(200),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
        autoLayout: () => void autoLayout(),
        focusNode: (id) => {
          const node = flow.getNode(id);
          if (!node) return;
          const width = node.measured?.width ?? 0;
          const height = node.measured?.height ?? 0;
          void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.6), duration: 200 });
        },
      }),
    [flow, autoLayout, fitWhole],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<DesignNode>[]) => {
      // Selection lives in the store (clicks, Enter on a focused node); removal is the Delete
      // command; positions and sizes are view state.
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      const target = picked && 'id' in picked ? nodeTarget(picked.id) : undefined;
      if (target) select(target);
      const viewChanges = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (viewChanges.length) setNodes((current) => applyNodeChanges(viewChanges, current));
    },
    [select],
  );

  const onNodeClick: NodeMouseHandler<DesignNode> = useCallback(
    (_event, node) => {
      const target = nodeTarget(node.id);
      if (target) select(target);
    },
    [select],
  );

  const onNodeDragStop: OnNodeDrag<DesignNode> = useCallback(
    (_event, node) => {
      const target = nodeTarget(node.id);
      if (!target) return;
      if (target.kind !== 'entity') {
        movedPositions.current.set(node.id, node.position);
        return;
      }
      const x = Math.round(node.position.x);
      const y = Math.round(node.position.y);
      updateModel(`Move entity ${node.type === 'entity' ? node.data.entity.name : ''}`.trim(), (m) => ({
        ...m,
        entities: m.entities.map((e) => (e.id === target.id ? { ...e, position: { x, y } } : e)),
      }));
    },
    [updateModel],
  );

  const zoom = useStore((s) => zoomLevel(s.transform[2]));
  useEffect(() => {
    if (!refitAtLevel.current) return;
    refitAtLevel.current = false;
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: FIT_PADDING })));
  }, [zoom, flow]);

  return (
    <ReactFlow<DesignNode>
      className={`zoom-${zoom}`}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onNodeDragStop={onNodeDragStop}
      onPaneClick={() => select(null)}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      nodesConnectable={false}
      minZoom={0.1}
      fitView
      fitViewOptions={{ padding: FIT_PADDING }}
      aria-label="Design canvas"
    >
      <Background gap={24} />
    </ReactFlow>
  );
}
