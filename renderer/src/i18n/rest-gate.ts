/**
 * The global a later chunk awaits before it runs (its words are in the catalog's rest):
 * the build writes `await globalThis[REST_GATE]` (scripts/i18n/vite-catalog-split.ts),
 * the app opens it (catalog-rest.ts). Named once for both.
 */
export const REST_GATE = '__nonlocalBindCatalogRest';
