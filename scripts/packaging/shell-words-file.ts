import {
  SHELL_WORD_KEYS,
  type ShellWords,
  type ShellWordsFile,
} from '../../electron/shell/shell-words';
import { TRANSLATED_LOCALES, type OutsideCatalog } from './outside-catalog';

/**
 * dist/electron/shell-words.json: the About panel's and menu bar's words for Electron's
 * main, per language, every key present (English where a catalog lacks a translation).
 */
export function shellWordsFile(catalog: OutsideCatalog): ShellWordsFile {
  const pick = (words: Partial<Record<(typeof SHELL_WORD_KEYS)[number], string>>): ShellWords =>
    Object.fromEntries(
      SHELL_WORD_KEYS.map((key) => [key, words[key] ?? catalog.en[key]]),
    ) as Record<(typeof SHELL_WORD_KEYS)[number], string>;
  const file: Record<string, ShellWords> = { en: pick(catalog.en) };
  for (const locale of TRANSLATED_LOCALES) file[locale] = pick(catalog.translated[locale]);
  return file;
}
