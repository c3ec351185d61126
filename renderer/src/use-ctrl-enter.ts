import { useEffect } from 'react';
import { useLatestCallback } from './use-latest-callback';

/** Input types that take no typing: Ctrl+Enter on them is still the window's. */
const NOT_TYPED_INTO = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/**
 * A field that takes typing, outside the apply bar: Ctrl+Enter there is that form's (the
 * bind test's address, an SSH destination, a sudo password), not the window's.
 */
function isTextFieldOutsideBar(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.closest('.apply-bar')) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED_INTO.has(target.type);
}

/**
 * Calls `handler` for Ctrl+Enter (or Cmd+Enter) anywhere in the window, from the first
 * render on, except in another form's text field or when something already handled it.
 */
export function useCtrlEnter(handler: (e: KeyboardEvent) => void): void {
  const onKey = useLatestCallback((e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
    if (isTextFieldOutsideBar(e.target)) return;
    handler(e);
  });
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);
}
