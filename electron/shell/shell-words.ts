import fs from 'node:fs';
import { readRegularSync } from '../system/sysctl-read-entry';

/**
 * The About panel's and the menu bar's words in every shipped language, written by the
 * build (scripts/packaging/write-polkit-files.ts) from the renderer's catalogs into
 * dist/electron/shell-words.json, next to main.cjs. Main reads it once at start; without
 * it the panel and menus keep Electron's own English labels.
 */
export const SHELL_WORDS_FILE = 'shell-words.json';

export const SHELL_WORD_KEYS = [
  'about.copyright',
  'menu.file',
  'menu.quit',
  'menu.edit',
  'menu.undo',
  'menu.redo',
  'menu.cut',
  'menu.copy',
  'menu.paste',
  'menu.delete',
  'menu.select-all',
  'menu.view',
  'menu.reload',
  'menu.force-reload',
  'menu.toggle-dev-tools',
  'menu.actual-size',
  'menu.zoom-in',
  'menu.zoom-out',
  'menu.toggle-full-screen',
  'menu.window',
  'menu.minimize',
  'menu.zoom',
  'menu.close',
  'menu.help',
  'menu.about',
] as const;

export type ShellWordKey = (typeof SHELL_WORD_KEYS)[number];
export type ShellWords = Readonly<Record<ShellWordKey, string>>;
/** language → its words, every key present (the build fills gaps with English). */
export type ShellWordsFile = Readonly<Record<string, ShellWords>>;

/** The build's own file is about 10 KB; a larger one is not ours. */
const MAX_FILE_BYTES = 256 * 1024;
const MAX_WORD_CHARS = 200;

export type ShellWordsResult =
  | { readonly ok: true; readonly words: ShellWords }
  | { readonly ok: false; readonly error: 'unreadable' | 'malformed' | 'no-language' };

function isShellWords(value: unknown): value is ShellWords {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return SHELL_WORD_KEYS.every((key) => {
    const word = record[key];
    return typeof word === 'string' && word.length > 0 && word.length <= MAX_WORD_CHARS;
  });
}

/** The words of `language` from the file's text, checked like any input. */
export function parseShellWords(text: string, language: string): ShellWordsResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, error: 'malformed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'malformed' };
  }
  if (!Object.hasOwn(parsed, language)) return { ok: false, error: 'no-language' };
  const words = (parsed as Record<string, unknown>)[language];
  return isShellWords(words) ? { ok: true, words } : { ok: false, error: 'malformed' };
}

/**
 * Read once at start, before the window opens: a regular file only (a FIFO in its place
 * would hang the start), at most MAX_FILE_BYTES, as every file others may control is read.
 */
export function readShellWords(file: string, language: string): ShellWordsResult {
  const read = readRegularSync(fs, file, MAX_FILE_BYTES);
  if (read.kind === 'read') return parseShellWords(read.bytes.toString('utf8'), language);
  return {
    ok: false,
    error: read.kind === 'refused' && read.code === 'EFBIG' ? 'malformed' : 'unreadable',
  };
}
