/**
 * Catalog chunks are named by locale (assets/catalog-de-HASH.js), so the bench and
 * the tests can tell which language's words a page fetched. Other chunks keep
 * Vite's default name.
 */
const CATALOG_MODULE = /locales\/([a-z]{2})\/messages\.po$|virtual:pseudo-catalog\/([a-z-]+)$/;

export function catalogChunkName(facadeModuleId: string | null): string {
  const match = facadeModuleId ? CATALOG_MODULE.exec(facadeModuleId) : null;
  const locale = match?.[1] ?? match?.[2];
  return locale ? `assets/catalog-${locale}-[hash].js` : 'assets/[name]-[hash].js';
}

/** The locale of a built catalog chunk's file name, or null for any other file. */
export function catalogChunkLocale(fileName: string): string | null {
  return /(?:^|\/)catalog-([a-z-]+?)-[\w-]{8}\.js$/.exec(fileName)?.[1] ?? null;
}
