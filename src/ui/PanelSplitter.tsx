// The handles between the canvas and the panels around it: drag one, or focus it and use the
// arrow keys (Home/End for the smallest and largest size). Sizes are kept in this browser.
import { useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';

const STEP = 32;
export const MIN_PANEL = 120;
const STORAGE_PREFIX = 'tablesmith:panel:';

/** A panel size in pixels, restored from and saved to localStorage under `key`. */
export function useRememberedSize(key: string, initial: () => number): [number, (size: number) => void] {
  const [size, setSize] = useState(() => {
    const saved = Number(localStorage.getItem(STORAGE_PREFIX + key));
    return Number.isFinite(saved) && saved >= MIN_PANEL ? saved : Math.max(MIN_PANEL, initial());
  });
  useEffect(() => localStorage.setItem(STORAGE_PREFIX + key, String(size)), [key, size]);
  return [size, setSize];
}

/**
 * `horizontal` sizes the panel below the handle (its height), `vertical` the panel to its
 * right (its width); either way the canvas keeps room (260 px of height, 560 px of width).
 */
export function PanelSplitter({
  orientation,
  label,
  size,
  onChange,
}: {
  orientation: 'horizontal' | 'vertical';
  label: string;
  size: number;
  onChange: (size: number) => void;
}) {
  const horizontal = orientation === 'horizontal';
  const extent = horizontal ? window.innerHeight : window.innerWidth;
  const max = Math.max(MIN_PANEL, extent - (horizontal ? 260 : 560));
  const clamp = (value: number) => Math.round(Math.min(max, Math.max(MIN_PANEL, value)));
  const grow = horizontal ? 'ArrowUp' : 'ArrowLeft';
  const shrink = horizontal ? 'ArrowDown' : 'ArrowRight';

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    onChange(clamp(horizontal ? window.innerHeight - event.clientY : window.innerWidth - event.clientX));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === grow ? STEP : event.key === shrink ? -STEP : 0;
    if (event.key === 'Home') onChange(MIN_PANEL);
    else if (event.key === 'End') onChange(max);
    else if (delta) onChange(clamp(size + delta));
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`panel-splitter panel-splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={MIN_PANEL}
      aria-valuemax={max}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
