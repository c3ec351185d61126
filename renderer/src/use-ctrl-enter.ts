import { useEffect } from 'react';
import { useLatestCallback } from './use-latest-callback';
import { isWindowCtrlEnter } from './window-ctrl-enter';

/**
 * Calls `handler` for Ctrl+Enter (or Cmd+Enter) anywhere in the window, from the first
 * render on, except in another form's text field or when something already handled it.
 */
export function useCtrlEnter(handler: (e: KeyboardEvent) => void): void {
  const onKey = useLatestCallback((e: KeyboardEvent) => {
    if (isWindowCtrlEnter(e)) handler(e);
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);
}
