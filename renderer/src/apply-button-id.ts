/**
 * The Apply button's element id. App moves the focus to it without importing the bar,
 * whose code loads after the first paint (app.tsx); apply-bar.tsx gives its button this id.
 */
export const APPLY_BUTTON_ID = 'apply-button';
