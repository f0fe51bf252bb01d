/** Whether a sideways scroller has more content off its left and right edges (for the scroll hints). */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface SideScroll {
  /** Content wider than the box: it scrolls. */
  overflows: boolean;
  /** More content off the left edge / off the right edge. */
  left: boolean;
  right: boolean;
}

const NONE: SideScroll = { overflows: false, left: false, right: false };

function measure(el: HTMLElement): SideScroll {
  // 1 px slack: sub-pixel widths round differently in scrollWidth and clientWidth.
  const overflows = el.scrollWidth > el.clientWidth + 1;
  if (!overflows) return NONE;
  return { overflows, left: el.scrollLeft > 1, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 };
}

/**
 * Re-measured when the box or its content resizes (ResizeObserver) and on every scroll. Where
 * ResizeObserver is missing (old hosts, jsdom without a stub) it is measured on mount and scroll.
 */
export function useSideScroll<T extends HTMLElement>(): { ref: RefObject<T | null>; state: SideScroll; onScroll: () => void } {
  const ref = useRef<T | null>(null);
  const [state, setState] = useState<SideScroll>(NONE);
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const next = measure(el);
    setState((prev) => (prev.overflows === next.overflows && prev.left === next.left && prev.right === next.right ? prev : next));
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    for (const child of Array.from(el.children)) ro.observe(child);
    return () => ro.disconnect();
  }, [update]);
  return { ref, state, onScroll: update };
}
