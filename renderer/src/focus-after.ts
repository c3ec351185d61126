import { flushSync } from 'react-dom';

/**
 * Applies `update` at once, then focuses the element with `id`: for a control that goes
 * away when used, so the focus lands on what replaced it instead of falling to <body>.
 */
export function updateThenFocus(update: () => void, id: string): void {
  flushSync(update);
  document.getElementById(id)?.focus();
}
