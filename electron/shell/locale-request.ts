/**
 * Which languages the user asks the app for, before any catalog is consulted. Pure, so the
 * whole decision is tested under Node; main.ts only feeds it argv, the environment and
 * Electron's system list, and passes the result to the page as `?lang=`.
 *
 * Order (gettext's, with one documented difference):
 * 1. `--lang LIST` / `--lang=LIST` on the command line (support staff, docs scripts).
 * 2. A C or POSIX locale (the first non-empty of LC_ALL, LC_MESSAGES, LANG, as gettext
 *    reads them) asks for untranslated messages: the list is empty and the page shows
 *    English. gettext ignores LANGUAGE then, and so do we.
 * 3. `LANGUAGE`, a colon-separated list as gettext uses it (`de_DE:de:en`). Unlike gettext,
 *    it also counts when LC_ALL, LC_MESSAGES and LANG are all unset: `env -i LANGUAGE=de`
 *    should not silently mean English.
 * 4. Electron's `app.getPreferredSystemLanguages()` (on Linux GLib's g_get_language_names,
 *    which reads the same variables; on other systems the user's language settings).
 *
 * LIST is one tag or several, separated by `:` (gettext) or `,` (Accept-Language).
 * Tags may be POSIX locale names (`de_DE.UTF-8@euro`): the codeset and modifier are
 * dropped and `_` becomes `-`. Everything read is hostile: sizes are capped, a malformed
 * entry from the environment or the system is left out, a malformed `--lang` is an error.
 */

import type { LocaleSourceKind } from '../system/diagnostics-locale';

export interface LocaleRequest {
  /** Most preferred first, normalised (`de-DE`), without duplicates; empty means English. */
  readonly requested: readonly string[];
  readonly source: LocaleSourceKind;
}

export type LocaleRequestResult =
  | { readonly ok: true; readonly request: LocaleRequest }
  | {
      readonly ok: false;
      readonly error: { readonly code: 'lang-missing' | 'lang-invalid'; readonly value: string };
    };

/** More is never a real preference list; it only costs time and URL length. */
export const MAX_REQUESTED_LOCALES = 16;
/** The longest raw list read from one place (argument, variable or system). */
export const MAX_LIST_CHARS = 512;
/** A BCP 47 tag with a region and a script fits with room to spare. */
const MAX_TAG_CHARS = 35;
/** Language (2-8 letters, so `pseudo-long` fits) and subtags of 1-8 letters or digits. */
const TAG = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `de_DE.UTF-8@euro` → `de-DE`; null for anything that is not a language tag (including
 * C and POSIX, which name no language).
 */
export function normalizeLocaleTag(raw: string): string | null {
  // `xx_YY.codeset@modifier` with room for spaces; a longer entry is not a locale name.
  if (raw.length > MAX_TAG_CHARS * 2) return null;
  const bare = raw.trim().split('@')[0]?.split('.')[0]?.replace(/_/g, '-') ?? '';
  if (bare.length === 0 || bare.length > MAX_TAG_CHARS) return null;
  const lower = bare.toLowerCase();
  if (!TAG.test(lower) || lower === 'posix') return null;
  // A two-letter subtag after the language is a region: upper case, as `Intl` writes it.
  return lower
    .split('-')
    .map((part, index) => (index > 0 && /^[a-z]{2}$/.test(part) ? part.toUpperCase() : part))
    .join('-');
}

/** The entries of a `:`- or `,`-separated list; malformed entries are dropped or reported. */
function parseList(
  raw: string,
  strict: boolean,
): { ok: true; tags: string[] } | { ok: false; bad: string } {
  if (raw.length > MAX_LIST_CHARS) return strict ? { ok: false, bad: raw } : { ok: true, tags: [] };
  const tags: string[] = [];
  for (const entry of raw.split(/[:,]/)) {
    if (entry.trim() === '') continue;
    const tag = normalizeLocaleTag(entry);
    if (tag === null) {
      if (strict) return { ok: false, bad: entry };
      continue;
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  return { ok: true, tags: tags.slice(0, MAX_REQUESTED_LOCALES) };
}

/** The value of `--lang X` / `--lang=X` in argv (last one wins, as with most CLIs); null if absent. */
export function readLangArgument(
  argv: readonly string[],
): { found: false } | { found: true; value: string | null } {
  let found: { found: false } | { found: true; value: string | null } = { found: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--lang') {
      const next = argv[i + 1];
      found = { found: true, value: next === undefined || next.startsWith('--') ? null : next };
    } else if (arg.startsWith('--lang='))
      found = { found: true, value: arg.slice('--lang='.length) };
  }
  return found;
}

/** Whether the locale gettext would use for messages is C or POSIX (untranslated). */
function isUntranslatedLocale(env: Env): boolean {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return false;
  const name = locale.split('.')[0]?.split('@')[0] ?? '';
  return name === 'C' || name === 'POSIX';
}

/**
 * The override from the command line or the environment, if any. Decided before Electron
 * is ready (Chromium's own `--lang` switch must be set by then); null means "ask the system".
 */
export function decideLocaleOverride(
  argv: readonly string[],
  env: Env,
): LocaleRequestResult | null {
  const argument = readLangArgument(argv);
  if (argument.found) {
    if (argument.value === null || argument.value.trim() === '') {
      return { ok: false, error: { code: 'lang-missing', value: '' } };
    }
    const parsed = parseList(argument.value, true);
    if (!parsed.ok || parsed.tags.length === 0) {
      const value = parsed.ok ? argument.value : parsed.bad;
      return { ok: false, error: { code: 'lang-invalid', value: value.slice(0, 80) } };
    }
    return { ok: true, request: { requested: parsed.tags, source: 'argument' } };
  }
  if (isUntranslatedLocale(env))
    return { ok: true, request: { requested: [], source: 'c-locale' } };
  const language = env.LANGUAGE;
  if (language !== undefined) {
    const parsed = parseList(language, false);
    if (parsed.ok && parsed.tags.length > 0) {
      return { ok: true, request: { requested: parsed.tags, source: 'LANGUAGE' } };
    }
  }
  return null;
}

/** The system's list, as Electron reports it, cleaned like any other hostile input. */
export function systemLocaleRequest(languages: readonly unknown[]): LocaleRequest {
  const requested: string[] = [];
  for (const language of languages.slice(0, MAX_REQUESTED_LOCALES * 4)) {
    if (typeof language !== 'string') continue;
    const tag = normalizeLocaleTag(language);
    if (tag !== null && !requested.includes(tag)) requested.push(tag);
    if (requested.length === MAX_REQUESTED_LOCALES) break;
  }
  return { requested, source: 'system' };
}

/**
 * A browser's Accept-Language (`de-DE,de;q=0.9,en;q=0.8`) as a list, in the browser's order
 * (Chromium sends it sorted by weight); for the preview, whose page asks the browser.
 */
export function acceptLanguageRequest(header: string | undefined): LocaleRequest {
  if (header === undefined || header.length > MAX_LIST_CHARS) {
    return { requested: [], source: 'browser' };
  }
  const tags = header.split(',').map((part) => part.split(';')[0] ?? '');
  return {
    requested: systemLocaleRequest(tags.filter((t) => t.trim() !== '*')).requested,
    source: 'browser',
  };
}

/** The whole decision, for callers that already have the system list. */
export function decideLocaleRequest(
  argv: readonly string[],
  env: Env,
  systemLanguages: readonly unknown[],
): LocaleRequestResult {
  return (
    decideLocaleOverride(argv, env) ?? { ok: true, request: systemLocaleRequest(systemLanguages) }
  );
}

/** The `?lang=` value the page reads: the list joined with commas (empty: English). */
export function langQueryValue(request: LocaleRequest): string {
  return request.requested.join(',');
}
