import { useCallback, useRef } from 'react';

/**
 * Keeps `--apply-bar-height` equal to the bar's real height, through every
 * content change, so focused content is never scrolled under the bar and the
 * page's end can be scrolled above it. Returns the way to stop.
 */
function observeBarHeight(element: HTMLElement): () => void {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    const bar = element.getBoundingClientRect();
    root.style.setProperty('--apply-bar-height', `${bar.height}px`);
    // The bar appearing or growing must not cover the control just used (the switch or
    // button that made it appear): scroll it back above the bar (scroll-padding-bottom).
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !element.contains(focused) && focused !== document.body) {
      if (focused.getBoundingClientRect().bottom > bar.top)
        focused.scrollIntoView({ block: 'nearest' });
    }
  });
  observer.observe(element, { box: 'border-box' });
  return () => {
    observer.disconnect();
    root.style.removeProperty('--apply-bar-height');
  };
}

/**
 * A callback ref for the bar, not an effect: the bar mounts and unmounts with
 * the pending change, and the ref is told of both.
 */
export function useBarHeightRef(): (element: HTMLElement | null) => void {
  const stop = useRef<(() => void) | null>(null);
  return useCallback((element: HTMLElement | null) => {
    stop.current?.();
    stop.current = element ? observeBarHeight(element) : null;
  }, []);
}
