import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A stable function that always calls the latest `handler`: what an effect's
 * listener needs to read the current props without re-subscribing. React 18
 * has no `useEffectEvent`; the layout effect updates the handler before any
 * effect of the same render can call it.
 */
export function useLatestCallback<A extends unknown[]>(
  handler: (...args: A) => void,
): (...args: A) => void {
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  }, [handler]);
  return useCallback((...args: A) => latest.current(...args), []);
}
