// Fills the empty German, French and Spanish entries of the words outside the window in
// renderer/locales/<locale>/messages.po with the seeds of outside-translations.ts. Only
// empty translations of the same English text are filled: a translator's work is never
// replaced, and a seed for an older English text is left out. Safe to run again.
// Then writes the desktop entry's words into electron-builder.yml (sync-desktop-entry.ts).
// Usage: npx tsx scripts/packaging/merge-outside-translations.ts [LOCALES_DIR]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { quotePoString, unquotePoString } from '../i18n/po-file';
import {
  OUTSIDE_KEYS,
  readCatalogText,
  TRANSLATED_LOCALES,
  type OutsideKey,
} from './outside-catalog';
import { OUTSIDE_TRANSLATIONS } from './outside-translations';
import { syncDesktopEntry } from './sync-desktop-entry';

export interface MergeResult {
  readonly text: string;
  readonly filled: readonly OutsideKey[];
  /** The catalog's English differs from the seed's: left for a translator. */
  readonly stale: readonly OutsideKey[];
  /** Not in the catalog at all: run npm run i18n:extract first. */
  readonly absent: readonly OutsideKey[];
  /** A msgid or msgstr that is not a PO string the project reads (po-file.ts): left as it is. */
  readonly unreadable: readonly OutsideKey[];
}

/**
 * One PO string (`msgid "…"` and its continuation lines) from line `start`: text and end;
 * null when a piece is not a PO string (a damaged catalog is reported, never rewritten).
 */
function readString(lines: readonly string[], start: number): { text: string; end: number } | null {
  const first = lines[start] ?? '';
  let text = unquotePoString(first.slice(first.indexOf('"')));
  let end = start + 1;
  while (text !== null && lines[end]?.startsWith('"')) {
    const piece = unquotePoString(lines[end++] ?? '');
    text = piece === null ? null : text + piece;
  }
  return text === null ? null : { text, end };
}

/** The merge on one catalog's text, for `locale`'s seeds. */
export function mergeSeeds(
  poText: string,
  locale: (typeof TRANSLATED_LOCALES)[number],
): MergeResult {
  const lines = poText.split('\n');
  const filled: OutsideKey[] = [];
  const stale: OutsideKey[] = [];
  const absent: OutsideKey[] = [];
  const unreadable: OutsideKey[] = [];
  for (const key of OUTSIDE_KEYS) {
    const at = lines.indexOf(`msgctxt ${quotePoString(key)}`);
    if (at === -1 || !lines[at + 1]?.startsWith('msgid "')) {
      absent.push(key);
      continue;
    }
    const msgid = readString(lines, at + 1);
    if (msgid === null) {
      unreadable.push(key);
      continue;
    }
    if (!lines[msgid.end]?.startsWith('msgstr "')) {
      absent.push(key);
      continue;
    }
    const msgstr = readString(lines, msgid.end);
    const seed = OUTSIDE_TRANSLATIONS[key];
    if (msgstr === null) unreadable.push(key);
    else if (msgid.text !== seed.english) stale.push(key);
    else if (msgstr.text === '') {
      lines.splice(msgid.end, msgstr.end - msgid.end, `msgstr ${quotePoString(seed[locale])}`);
      filled.push(key);
    }
  }
  return { text: lines.join('\n'), filled, stale, absent, unreadable };
}

function main(localesDir: string): number {
  let problems = 0;
  for (const locale of TRANSLATED_LOCALES) {
    const file = path.join(localesDir, locale, 'messages.po');
    const read = readCatalogText(file);
    if (!read.ok) {
      process.stdout.write(`${read.error}\n`);
      problems += 1;
      continue;
    }
    const result = mergeSeeds(read.text, locale);
    if (result.filled.length > 0) writeFileSync(file, result.text);
    process.stdout.write(`${file}: ${result.filled.length} filled\n`);
    for (const key of result.stale)
      process.stdout.write(`  ${key}: English changed, left for a translator\n`);
    for (const key of result.absent)
      process.stdout.write(`  ${key}: not in the catalog (run npm run i18n:extract)\n`);
    for (const key of result.unreadable)
      process.stdout.write(`  ${key}: not a PO string this merge reads, left as it is\n`);
    problems += result.absent.length + result.unreadable.length;
  }
  return problems === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = main(process.argv[2] ?? 'renderer/locales');
  // The desktop entry's words live in electron-builder.yml: written from the merged catalogs.
  if (process.argv[2] === undefined) process.stdout.write(`${await syncDesktopEntry()}\n`);
}
