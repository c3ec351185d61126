/**
 * The Apply bar is a chunk of its own that may still be loading (with its words) when the
 * values are already on screen; a Ctrl+Enter typed in that moment must not be lost. This
 * listener is in the first-paint code: it remembers such a press until the bar, once
 * mounted, takes it (use-apply-shortcut.ts) and the bar's own listener takes over.
 */
let pressed = false;
let listening = false;

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
  const target = e.target;
  // Another form's text field keeps its own Ctrl+Enter, as use-ctrl-enter.ts says.
  if (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio')
    return;
  if (target instanceof HTMLTextAreaElement) return;
  pressed = true;
}

export function listenForEarlyCtrlEnter(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('keydown', onKey);
}

/** Whether Ctrl+Enter was pressed before the bar listened; stops the early listener. */
export function takeEarlyCtrlEnter(): boolean {
  document.removeEventListener('keydown', onKey);
  listening = false;
  const was = pressed;
  pressed = false;
  return was;
}
