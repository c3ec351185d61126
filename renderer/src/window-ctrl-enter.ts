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
 * Ctrl+Enter (or Cmd+Enter) meant for the window's Apply: nothing handled it yet and it was
 * not typed into another form's field. One rule for the hook (use-ctrl-enter.ts) and for
 * the listener that keeps a press made before the bar loaded (early-ctrl-enter.ts).
 */
export function isWindowCtrlEnter(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return false;
  return !isTextFieldOutsideBar(e.target);
}
