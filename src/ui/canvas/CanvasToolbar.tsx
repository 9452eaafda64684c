// Canvas actions, each a registry command (so its shortcut is shown in its title).
import { useDesignStore } from '../../store/designStore';
import { CommandButton } from '../TopBar';

export function CanvasToolbar() {
  const selection = useDesignStore((s) => s.selection);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <CommandButton id="addEntity" />
      <CommandButton id="addGsi" />
      <CommandButton id="addLsi" />
      <span className="separator" aria-hidden="true" />
      <CommandButton id="duplicate" disabled={!selection || selection.kind === 'table'} />
      <CommandButton id="delete" label="Delete" disabled={!selection || selection.kind === 'table'} className="danger" />
      <span className="separator" aria-hidden="true" />
      <CommandButton id="autoLayout" />
      <CommandButton id="fitView" />
      <CommandButton id="zoomIn" label="+" ariaLabel="Zoom in" />
      <CommandButton id="zoomOut" label="−" ariaLabel="Zoom out" />
    </div>
  );
}
