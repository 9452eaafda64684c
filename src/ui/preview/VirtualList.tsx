// A fixed-row-height windowed list: only the rows in view (plus a small overscan) are in the
// DOM, so 20,000 sample items scroll and update without layout work for the hidden ones.
// The list is one tab stop (a roving tabindex): Tab reaches the control of the row last
// used, and the arrow keys, Page Up/Down, Home and End move between rows inside it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const OVERSCAN = 8;
const CONTROLS = 'button, a[href], input, select, textarea';

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
  const [active, setActive] = useState(0);
  /** Set by a key press: focus the active row's control once rendered, moving on past rows without one. */
  const pendingFocus = useRef<0 | 1 | -1 | undefined>(undefined);
  const [viewportTabbable, setViewportTabbable] = useState(false);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setHeight(entry.contentRect.height));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Reads the viewport when called, so it changes only with the row height.
  const reveal = useCallback((index: number) => {
    const element = viewport.current;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop || top + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = Math.max(0, top - element.clientHeight / 2);
      setScrollTop(element.scrollTop);
    }
  }, [rowHeight]);

  useEffect(() => {
    if (scrollToIndex !== undefined && scrollToIndex >= 0) reveal(scrollToIndex);
  }, [scrollToIndex, reveal]);

  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  // After every render on purpose: which rows are in the DOM changes with each scroll, resize
  // and new item list, and the tab stop follows them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    let holder: HTMLElement | undefined;
    for (const row of element.querySelectorAll<HTMLElement>('[data-row]')) {
      const isActive = Number(row.dataset.row) === activeIndex;
      for (const control of row.querySelectorAll<HTMLElement>(CONTROLS)) {
        control.tabIndex = isActive && !holder ? 0 : -1;
        if (isActive && !holder) holder = control;
      }
    }
    // With the active row scrolled away (or without a control), the list itself keeps the stop.
    setViewportTabbable(!holder);
    const direction = pendingFocus.current;
    if (direction === undefined) return;
    if (holder) {
      pendingFocus.current = undefined;
      holder.focus({ preventScroll: true });
    } else if (direction !== 0 && activeIndex + direction >= 0 && activeIndex + direction < items.length) {
      setActive(activeIndex + direction);
    } else {
      pendingFocus.current = undefined;
      element.focus({ preventScroll: true });
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, [number, 1 | -1]> = {
      ArrowDown: [activeIndex + 1, 1],
      ArrowUp: [activeIndex - 1, -1],
      PageDown: [activeIndex + page, 1],
      PageUp: [activeIndex - page, -1],
      Home: [0, 1],
      End: [items.length - 1, -1],
    };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || items.length === 0) return;
    event.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, move[0]));
    pendingFocus.current = move[1];
    setActive(next);
    reveal(next);
  };

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
      <div key={i - first} data-row={i} role="listitem" aria-setsize={items.length} aria-posinset={i + 1} className="virtual-row" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }
  return (
    <div
      ref={viewport}
      className="virtual-viewport"
      tabIndex={viewportTabbable ? 0 : -1}
      aria-label={viewportTabbable ? label : undefined}
      role={viewportTabbable ? 'group' : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
        if (row) setActive(Number(row.dataset.row));
      }}
    >
      <div role="list" aria-label={label} className="virtual-content" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
