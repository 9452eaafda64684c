// The design canvas: entities, the table and its indexes as nodes. Entity positions live in
// the model (dragging is an undoable edit); the table and index nodes are placed by the
// automatic layout and may be moved freely for the session.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
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
import { gridPositions, layoutGraph, type Positions } from './layout';
import { nodeTypes } from './nodes';

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

  // Lay out whatever has no position yet (first load, new entity, new index, import).
  const unplacedCount = useMemo(
    () =>
      graph.nodes.filter((node) => {
        if (node.type === 'entity' && node.data.entity.position) return false;
        return !autoPositions.has(node.id) && !movedPositions.current.has(node.id);
      }).length,
    [graph, autoPositions],
  );
  useEffect(() => {
    if (unplacedCount === 0) return;
    // A mostly new graph (first load, an import, an example) is worth showing whole.
    const refit = unplacedCount > graph.nodes.length / 2;
    let cancelled = false;
    void layoutGraph(graph.nodes, graph.edges).then((positions) => {
      if (cancelled) return;
      setAutoPositions((previous) => {
        const next = new Map(previous);
        for (const [id, position] of positions) if (!next.has(id)) next.set(id, position);
        return next;
      });
      if (refit) requestAnimationFrame(() => void flow.fitView({ padding: 0.1 }));
    });
    return () => {
      cancelled = true;
    };
  }, [unplacedCount, graph, flow]);

  const autoLayout = useCallback(async () => {
    // The rendered nodes carry React Flow's measured sizes, which make a tighter layout.
    const positions = await layoutGraph(nodes, graph.edges);
    movedPositions.current = new Map();
    setAutoPositions(positions);
    updateModel('Auto layout', (m) => ({
      ...m,
      entities: m.entities.map((entity) => {
        const position = positions.get(entityNodeId(entity.id));
        return position ? { ...entity, position: { x: Math.round(position.x), y: Math.round(position.y) } } : entity;
      }),
    }));
    requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: 200 }));
  }, [graph, nodes, updateModel, flow]);

  useEffect(
    () =>
      registerViewBridge({
        fitView: () => void flow.fitView({ padding: 0.1, duration: 200 }),
        autoLayout: () => void autoLayout(),
        focusNode: (id) => {
          const node = flow.getNode(id);
          if (!node) return;
          const width = node.measured?.width ?? 0;
          const height = node.measured?.height ?? 0;
          void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.6), duration: 200 });
        },
      }),
    [flow, autoLayout],
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

  return (
    <ReactFlow<DesignNode>
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
      aria-label="Design canvas"
    >
      <Background gap={24} />
      <MiniMap pannable zoomable ariaLabel="Canvas minimap" nodeColor={(node: DesignNode) => (node.type === 'entity' ? node.data.color : '#334155')} />
      <Controls showInteractive={false} aria-label="Zoom controls" />
    </ReactFlow>
  );
}
