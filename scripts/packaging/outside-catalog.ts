// The words shown outside the window (renderer/src/outside-messages.ts) at build time: the
// English from that module, the translations from the renderer's PO catalogs (found by
// their context), each formatted by Lingui itself so placeholders and ICU quoting behave
// exactly as in the window.
import fs from 'node:fs';
import path from 'node:path';
import { setupI18n } from '@lingui/core';
import { formatter } from '@lingui/format-po';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { SETTINGS } from '../../electron/system/settings';
import { readRegularSync } from '../../electron/system/sysctl-read-entry';
import { SOURCE_LOCALE, USER_LOCALES } from '../../renderer/src/i18n/locales';
import { OUTSIDE_SOURCE, readOutsideSource } from './outside-source';
import { SHELL_WORD_KEYS } from '../../electron/shell/shell-words';

/** The contexts of renderer/src/outside-messages.ts, in its order. */
export const OUTSIDE_KEYS = [
  'polkit.apply.description',
  'polkit.apply.message',
  'desktop.name',
  'desktop.comment',
  'desktop.keywords',
  // The About panel's and the menu bar's words: main reads them by these keys.
  ...SHELL_WORD_KEYS,
] as const;

export type OutsideKey = (typeof OUTSIDE_KEYS)[number];
export type OutsideWords = Readonly<Record<OutsideKey, string>>;
/** The languages translated beyond English. */
export type TranslatedLocale = Exclude<(typeof USER_LOCALES)[number], typeof SOURCE_LOCALE>;
export const TRANSLATED_LOCALES = USER_LOCALES.filter(
  (l): l is TranslatedLocale => l !== SOURCE_LOCALE,
);

/** What fills the placeholders; never translated (kernel setting names). */
const settingKey = (id: string): string => SETTINGS.find((s) => s.id === id)?.key ?? id;
const OUTSIDE_VALUES: Readonly<Partial<Record<OutsideKey, Record<string, string>>>> = {
  'desktop.comment': { ipv4Key: settingKey('ipv4'), ipv6Key: settingKey('ipv6') },
};

export interface OutsideCatalog {
  readonly en: OutsideWords;
  /** Only the keys a catalog translates; a missing one falls back to English where shown. */
  readonly translated: Readonly<Record<TranslatedLocale, Partial<OutsideWords>>>;
  /** What a shipped catalog lacks, for the build's warning and the tests. */
  readonly missing: readonly { readonly locale: TranslatedLocale; readonly key: OutsideKey }[];
}

export type OutsideCatalogResult =
  | { readonly ok: true; readonly catalog: OutsideCatalog }
  | { readonly ok: false; readonly error: string };

/** A catalog is about 100 KB; anything far larger is not ours. */
const MAX_PO_BYTES = 4 * 1024 * 1024;
/**
 * What XML 1.0 refuses as text (C0 controls but tab, newline and return; U+FFFE, U+FFFF; a
 * lone surrogate): one in a translation would make the shipped polkit policy malformed,
 * and polkitd then drops the whole action. The desktop entry and menus want none either.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u;
const isOutsideKey = (value: string | null | undefined): value is OutsideKey =>
  (OUTSIDE_KEYS as readonly string[]).includes(value ?? '');
const placeholders = (text: string): string =>
  [...text.matchAll(/\{\s*(\w+)\s*\}/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join(',');

/**
 * A catalog's text, read as the app reads files others control (sysctl-read-entry.ts): a
 * regular file only (a FIFO would hang the build, a device exhaust it), at most MAX_PO_BYTES.
 */
export function readCatalogText(
  file: string,
): { ok: true; text: string } | { ok: false; error: string } {
  const read = readRegularSync(fs, file, MAX_PO_BYTES);
  if (read.kind === 'missing') {
    return { ok: false, error: `${file} is missing: run npm run i18n:extract` };
  }
  if (read.kind === 'refused') return { ok: false, error: `${file}: ${read.reason}` };
  return { ok: true, text: read.bytes.toString('utf8') };
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** key → [English message, this catalog's translation ('' when untranslated)]. */
function readEntries(
  file: string,
  locale: string,
): { ok: true; entries: Map<OutsideKey, [string, string]> } | { ok: false; error: string } {
  const read = readCatalogText(file);
  if (!read.ok) return read;
  let parsed;
  try {
    parsed = formatter().parse(read.text, { locale, sourceLocale: SOURCE_LOCALE, filename: file });
  } catch (error) {
    return { ok: false, error: `${file} is not a PO catalog: ${String(error).slice(0, 200)}` };
  }
  // Lingui's PO formatter parses synchronously; a promise would be a different formatter.
  if (parsed instanceof Promise)
    return { ok: false, error: `${file}: the PO parser is not synchronous` };
  const entries = new Map<OutsideKey, [string, string]>();
  for (const entry of Object.values(parsed ?? {})) {
    if (!isOutsideKey(entry.context) || entry.obsolete) continue;
    entries.set(entry.context, [textOf(entry.message), textOf(entry.translation)]);
  }
  return { ok: true, entries };
}

/** One message rendered by Lingui with its placeholder values, as the window would. */
function render(locale: string, key: OutsideKey, text: string): string {
  const i18n = setupI18n({ locale, messages: { [locale]: { [key]: text } } });
  i18n.setMessagesCompiler(compileMessage);
  return i18n._(key, OUTSIDE_VALUES[key]);
}

/**
 * English from renderer/src/outside-messages.ts, translations from
 * `localesDir`/<locale>/messages.po. A translation of a different English text (stale) or
 * an empty one is left out and listed in `missing`: the build shows English there.
 */
export function readOutsideCatalog(
  localesDir: string,
  sourceFile = OUTSIDE_SOURCE,
): OutsideCatalogResult {
  const source = readOutsideSource(sourceFile);
  if (!source.ok) return source;
  const keys = [...source.english.keys()];
  if (keys.join('\n') !== OUTSIDE_KEYS.join('\n')) {
    return {
      ok: false,
      error: `${sourceFile} has the contexts ${keys.join(', ')}; the build expects ${OUTSIDE_KEYS.join(', ')}`,
    };
  }
  const english = (key: OutsideKey): string => source.english.get(key) ?? '';
  const en: Partial<Record<OutsideKey, string>> = {};
  for (const key of OUTSIDE_KEYS) en[key] = render('en', key, english(key));
  const translated: Partial<Record<TranslatedLocale, Partial<OutsideWords>>> = {};
  const missing: { locale: TranslatedLocale; key: OutsideKey }[] = [];
  for (const locale of TRANSLATED_LOCALES) {
    const read = readEntries(path.join(localesDir, locale, 'messages.po'), locale);
    if (!read.ok) return read;
    const words: Partial<Record<OutsideKey, string>> = {};
    for (const key of OUTSIDE_KEYS) {
      const [message, translation] = read.entries.get(key) ?? ['', ''];
      if (translation === '' || message !== english(key)) {
        missing.push({ locale, key });
        continue;
      }
      if (placeholders(translation) !== placeholders(message)) {
        return {
          ok: false,
          error: `${locale} ${key}: the translation's placeholders {${placeholders(translation)}} differ from English {${placeholders(message)}}`,
        };
      }
      if (NOT_TEXT.test(translation)) {
        return {
          ok: false,
          error: `${locale} ${key}: the translation holds a control character or a non-character, which no polkit policy, desktop entry or menu may carry`,
        };
      }
      words[key] = render(locale, key, translation);
    }
    translated[locale] = words;
  }
  return {
    ok: true,
    catalog: {
      en: en as OutsideWords,
      translated: translated as Record<TranslatedLocale, Partial<OutsideWords>>,
      missing,
    },
  };
}
