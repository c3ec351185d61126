import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  GUIDE_LANGUAGES,
  guideCatalogPath,
  guideSourceStrings,
  languageArgument,
} from '../../../scripts/docs/guide-language';
import { MAX_PO_BYTES, readPo, readPoFile, writePo } from '../../../scripts/i18n/po-file';
import { GUIDE_TASKS } from '../../../scripts/docs/steps';
import { PAIR_TASK } from '../../../scripts/docs/steps-pair';

/**
 * Issue 20, item 6: a guide in each language. Its words live in docs/i18n/guide.<lang>.po,
 * extracted from the English guide by `npm run i18n:extract-guide`. A catalog that lacks a
 * string, keeps one the guide no longer has, or changes what must never be translated
 * (commands and file names in backticks, `{placeholders}`) fails here, before a guide with
 * an English sentence or a wrong command is written.
 */
const sources = guideSourceStrings([...GUIDE_TASKS, PAIR_TASK]);
const codeSpans = (text: string) => [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
const quotes = (text: string) => [...text.matchAll(/"[^"]+"/g)].length;

for (const language of GUIDE_LANGUAGES.filter((l) => l !== 'en')) {
  test(`the ${language} guide catalog translates exactly the guide's strings`, () => {
    const file = guideCatalogPath(language);
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const read = readPoFile(file);
    if (!read.ok) throw new Error(read.error);
    const entries = read.entries.filter((e) => e.id !== '' && !e.obsolete);
    const ids = new Set(entries.map((e) => e.id));
    const wanted = new Set(sources.map((e) => e.id));
    expect(
      [...wanted].filter((id) => !ids.has(id)),
      'strings the catalog lacks',
    ).toEqual([]);
    expect(
      [...ids].filter((id) => !wanted.has(id)),
      'stale strings',
    ).toEqual([]);
    expect(
      entries.filter((e) => e.text.trim() === '').map((e) => e.id),
      'untranslated',
    ).toEqual([]);
    for (const entry of entries) {
      expect(codeSpans(entry.text), `code spans of "${entry.id.slice(0, 60)}"`).toEqual(
        codeSpans(entry.id),
      );
      expect(placeholders(entry.text), `placeholders of "${entry.id.slice(0, 60)}"`).toEqual(
        placeholders(entry.id),
      );
      // Every quoted phrase is a claim the step runner checks on screen in that language.
      expect(quotes(entry.text), `quoted phrases of "${entry.id.slice(0, 60)}"`).toBe(
        quotes(entry.id),
      );
    }
  });
}

test('PO files round-trip, and a damaged one is an error with its line', () => {
  const entries = [
    { id: 'Say "hi"\nto `x`', text: 'Sag „hallo“\nzu `x`', notes: ['n'], obsolete: false },
  ];
  const read = readPo(writePo('de', entries));
  expect(read).toEqual({
    ok: true,
    entries: [
      { id: '', text: expect.stringContaining('Language: de'), notes: [], obsolete: false },
      ...entries,
    ],
  });
  expect(readPo('msgid "a"\nmsgstr "b\\q"\n')).toEqual({
    ok: false,
    error: 'line 2: not a PO string: msgstr "b\\q"',
  });
  expect(readPo('"x"\n')).toEqual({
    ok: false,
    error: 'line 1: a continued string before any msgid',
  });
});

test('--lang chooses the guide language, and names the choices when it is wrong', () => {
  expect(languageArgument([])).toEqual({ ok: true, language: 'en' });
  expect(languageArgument(['--lang', 'de'])).toEqual({ ok: true, language: 'de' });
  expect(languageArgument(['--lang=es'])).toEqual({ ok: true, language: 'es' });
  expect(languageArgument(['--lang', 'pt'])).toEqual({
    ok: false,
    error: '--lang needs one of en, de, fr, es; got "pt"',
  });
  // Read as the app reads its own --lang: the last one wins, a bare one names nothing.
  expect(languageArgument(['--lang', 'pt', '--lang=fr'])).toEqual({ ok: true, language: 'fr' });
  expect(languageArgument(['--lang'])).toEqual({
    ok: false,
    error: '--lang needs one of en, de, fr, es; got nothing',
  });
});

test('a catalog file that is missing, not a regular file or oversized is refused by name', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-guide-po-'));
  try {
    const big = path.join(dir, 'big.po');
    await writeFile(big, Buffer.alloc(MAX_PO_BYTES + 1, 0x23));
    expect(readPoFile(big)).toEqual({
      ok: false,
      error: `${big} is larger than ${MAX_PO_BYTES} bytes`,
    });
    expect(readPoFile(dir)).toEqual({ ok: false, error: `${dir} is not a regular file` });
    const gone = path.join(dir, 'gone.po');
    expect(readPoFile(gone)).toEqual({ ok: false, error: `${gone} is missing` });
    const damaged = path.join(dir, 'damaged.po');
    await writeFile(damaged, 'msgid "a"\nmsgstr b\n');
    expect(readPoFile(damaged)).toEqual({
      ok: false,
      error: `${damaged}: line 2: not a PO string: msgstr b`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
