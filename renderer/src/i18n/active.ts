import { SOURCE_LOCALE } from './locales';
import type { Negotiated } from './negotiate';

/**
 * The locale chosen at start-up (see start.ts). It does not change while the page
 * lives: a different language is a reload with another ?lang=. Until start-up
 * sets it (and in unit tests), it is English as asked for.
 */
let current: Negotiated = { locale: SOURCE_LOCALE, fellBack: false, requested: null };

export function activeLocale(): Negotiated {
  return current;
}

export function setActiveLocale(negotiated: Negotiated): void {
  current = negotiated;
}
