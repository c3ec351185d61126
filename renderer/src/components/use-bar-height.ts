import { useCallback, useRef } from 'react';

/** The gap styles.css keeps above the bar (scroll-padding-bottom: bar + 12px). */
const BAR_GAP = 12;

/**
 * The lowest of a control and the notes describing it (aria-describedby) that still fit
 * with the control between the window's top and the bar: showing it shows them all.
 */
function lowestDescription(control: HTMLElement, barTop: number): HTMLElement {
  const top = control.getBoundingClientRect().top;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/);
  let lowest = control;
  for (const id of ids) {
    const note = id ? document.getElementById(id) : null;
    if (!note) continue;
    const box = note.getBoundingClientRect();
    const fits = box.bottom - top + BAR_GAP <= barTop;
    if (fits && box.bottom > lowest.getBoundingClientRect().bottom) lowest = note;
  }
  return lowest;
}

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
    // button that made it appear), nor what describes it on its card (a read-only
    // /proc/sys line saying why it cannot change): scroll them back above the bar
    // (scroll-padding-bottom).
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !element.contains(focused) && focused !== document.body) {
      const lowest = lowestDescription(focused, bar.top);
      if (lowest.getBoundingClientRect().bottom > bar.top)
        lowest.scrollIntoView({ block: 'nearest' });
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
