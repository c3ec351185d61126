import { i18n } from '@lingui/core';
import type { CatalogModule } from './catalogs';
import { REST_GATE } from './rest-gate';

/**
 * The later views' words (the catalog's `rest`, see catalogs.ts), loaded once the first
 * render is under way. A build makes every chunk loaded after the first paint that uses
 * such words start with `await globalThis[REST_GATE]`, so no view renders before its
 * words are there; the gate opens whether or not they loaded (ids beat a hung view).
 */
type Gate = { [REST_GATE]?: Promise<void> };
let open: () => void = () => undefined;
(globalThis as Gate)[REST_GATE] = new Promise<void>((resolve) => {
  open = resolve;
});

export async function loadCatalogRest(catalog: CatalogModule, linguiLocale: string): Promise<void> {
  try {
    if (catalog.rest) i18n.load(linguiLocale, (await catalog.rest()).messages);
  } catch (error) {
    console.error('The rest of the catalog did not load', error);
  } finally {
    open();
  }
}
