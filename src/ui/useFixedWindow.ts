import { useEffect, useState, type RefObject } from 'react';

/**
 * Windowing for rows of one fixed height: which rows are on screen is arithmetic on the scroll
 * offset, O(1) per update however many rows there are. (A general virtualizer measures every row
 * again when the count grows; with a program streaming 100,000 lines that kept the main thread
 * busy enough that Stop took seconds to respond.)
 */
export function useFixedWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 20,
) {
  const [view, setView] = useState({ top: 0, height: 0 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, [scroller]);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  return {
    first,
    last,
    totalSize: count * rowHeight,
    /** The viewport's height as last observed (no layout read). */
    viewportHeight: view.height,
  };
}
