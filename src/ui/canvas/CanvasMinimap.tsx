// The canvas minimap, drawn beside the canvas (under the outline) rather than over it, so it
// never hides a node. It reads React Flow's store through the shared provider.
import { MiniMap } from '@xyflow/react';
import type { DesignNode } from './graph';

export function CanvasMinimap() {
  return (
    <div className="canvas-minimap">
      <MiniMap<DesignNode>
        pannable
        zoomable
        ariaLabel="Canvas minimap"
        position="top-left"
        nodeColor={(node) => (node.type === 'entity' ? node.data.color : '#334155')}
      />
    </div>
  );
}
