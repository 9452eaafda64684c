// A fixed-row-height windowed list: only the rows in view (plus a small overscan) are in the
// DOM, so 5,000 sample items scroll and update without layout work for the hidden ones.
import { useEffect, useRef, useState, type ReactNode } from 'react';

const OVERSCAN = 8;

export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  label,
  scrollToIndex,
}: {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  /** When set, scrolls so this row is visible (e.g. the selected item after a filter change). */
  scrollToIndex?: number;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = viewport.current;
    if (!element || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    if (top < element.scrollTop || top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - element.clientHeight / 2);
    }
  }, [scrollToIndex, rowHeight]);

  // A shorter list (filter, smaller sample) must not leave the window past its end.
  const maxTop = Math.max(0, items.length * rowHeight - height);
  const top = Math.min(scrollTop, maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i] as T;
    rows.push(
      // Keyed by position: scrolling or an edit that renames every key (typing in a key
      // template) then updates the rows in place instead of rebuilding them.
      <div key={i - first} role="listitem" aria-setsize={items.length} aria-posinset={i + 1} className="virtual-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div ref={viewport} className="virtual-viewport" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div role="list" aria-label={label} className="virtual-content" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
