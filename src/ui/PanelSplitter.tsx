// The handle between the canvas and the details panel: drag it, or focus it and use the
// arrow keys, to give the preview more or less room.
import type { KeyboardEvent, PointerEvent } from 'react';

const STEP = 32;
export const MIN_PANEL = 120;

export function PanelSplitter({ height, onChange }: { height: number; onChange: (height: number) => void }) {
  const max = Math.max(MIN_PANEL, window.innerHeight - 200);
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(MIN_PANEL, value)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) onChange(clamp(window.innerHeight - event.clientY));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowUp' ? STEP : event.key === 'ArrowDown' ? -STEP : 0;
    if (event.key === 'Home') onChange(MIN_PANEL);
    else if (event.key === 'End') onChange(max);
    else if (delta) onChange(clamp(height + delta));
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize details panel"
      aria-valuemin={MIN_PANEL}
      aria-valuemax={max}
      aria-valuenow={height}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
