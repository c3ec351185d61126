/** How long the full success message stays before it folds to one line (tests wait on it). */
export const SUCCESS_FOLD_MS = 6000;
