import { isWindowCtrlEnter } from './window-ctrl-enter';

/**
 * The Apply bar is a chunk of its own that may still be loading (with its words) when the
 * values are already on screen; a Ctrl+Enter typed in that moment must not be lost. This
 * listener is in the first-paint code: it remembers such a press until the bar, once
 * mounted, takes it (use-apply-shortcut.ts) and the bar's own listener takes over.
 */
let pressed = false;

function onKey(e: KeyboardEvent): void {
  if (isWindowCtrlEnter(e)) pressed = true;
}

/** Adding the same listener twice is a no-op, so a second call changes nothing. */
export function listenForEarlyCtrlEnter(): void {
  document.addEventListener('keydown', onKey);
}

/** Whether Ctrl+Enter was pressed before the bar listened; stops the early listener. */
export function takeEarlyCtrlEnter(): boolean {
  document.removeEventListener('keydown', onKey);
  const was = pressed;
  pressed = false;
  return was;
}
