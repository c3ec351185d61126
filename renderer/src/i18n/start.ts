import { i18n } from '@lingui/core';
import { loadCatalog, type CatalogModule } from './catalogs';
import { loadCatalogRest } from './catalog-rest';
import { setActiveLocale } from './active';
import { directionOf, intlLocaleOf, languageTagOf, SOURCE_LOCALE } from './locales';
import { negotiateLocale, requestedLocales, type Negotiated } from './negotiate';
import { chooseRegionalFormats } from './format';

/**
 * Chooses the language, loads its catalog and activates it, before React's first
 * render (a `t` call before that would have no words). Sets <html lang dir> too;
 * the first-paint script already did for the static markup, this makes it so
 * without that script (it may have failed to load). `loadRest` fetches the words of
 * the views that load after the first paint (call it once the first render is started).
 */
export async function startI18n(page: {
  readonly search: string;
  readonly languages: readonly string[];
  readonly root: HTMLElement;
}): Promise<Negotiated & { readonly loadRest: () => Promise<void> }> {
  const asked = requestedLocales(page.search, page.languages);
  let chosen = negotiateLocale(asked);
  let catalog: CatalogModule;
  try {
    catalog = await loadCatalog(chosen.locale);
  } catch (error) {
    // A chunk that fails to load (a broken install) must not leave the window blank.
    if (chosen.locale === SOURCE_LOCALE) throw error;
    console.error(`The ${chosen.locale} catalog did not load; showing English`, error);
    chosen = { locale: SOURCE_LOCALE, fellBack: true, requested: chosen.requested };
    catalog = await loadCatalog(SOURCE_LOCALE);
  }
  // Lingui's locale is the Intl one: plurals and formats of the pseudo-locales are English.
  const linguiLocale = intlLocaleOf(chosen.locale);
  i18n.loadAndActivate({ locale: linguiLocale, messages: catalog.messages });
  chooseRegionalFormats(asked);
  page.root.lang = languageTagOf(chosen.locale);
  page.root.dir = directionOf(chosen.locale);
  setActiveLocale(chosen);
  return { ...chosen, loadRest: () => loadCatalogRest(catalog, linguiLocale) };
}
