import { test, expect } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  extractSourceCatalogInto,
  readCatalog,
  REPO_ROOT,
  sourceLocale,
} from '../../../scripts/i18n/catalog-source.ts';
import {
  catalogProblems,
  describeProblems,
  translationProblems,
} from '../../../scripts/i18n/catalog-checks.ts';

// The shipped catalogs are complete and current: English is what the extractor makes of
// the sources today, and German, French and Spanish translate every message of it (no
// more, no fewer), keeping placeholders, elements and commands as they are.

const SHIPPED = ['de', 'fr', 'es'] as const;

/** The messages, without the header (its dates and team lines are no message). */
const withoutHeader = (po: string) => po.slice(po.indexOf('\n\n') + 2);

test('the English catalog is what the extractor makes of the sources now', async () => {
  // The extractor reads every renderer source; on a loaded machine that takes a while.
  test.setTimeout(180_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-extract-'));
  try {
    const fresh = await readFile(await extractSourceCatalogInto(dir), 'utf8');
    const shipped = await readFile(
      path.join(REPO_ROOT, 'renderer/locales', sourceLocale(), 'messages.po'),
      'utf8',
    );
    expect(
      withoutHeader(shipped) === withoutHeader(fresh),
      'renderer/locales/en/messages.po is out of date: run npm run i18n:extract',
    ).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

for (const locale of SHIPPED) {
  test(`${locale} translates every English message, keeps its placeholders, and has no stale one`, async () => {
    const problems = catalogProblems(await readCatalog(sourceLocale()), await readCatalog(locale));
    expect(problems.length, describeProblems(locale, problems)).toBe(0);
  });
}

test('the checks find what they are for', () => {
  const english =
    'Run `sysctl --system` to read {path} now: <0>{count, plural, one {# file} other {# files}}</0>';
  const good =
    '`sysctl --system` ausführen, um {path} jetzt zu lesen: <0>{count, plural, one {# Datei} other {# Dateien}}</0>';
  expect(translationProblems(english, good)).toEqual([]);
  const kinds = (translation: string) =>
    translationProblems(english, translation).map((p) => p.kind);
  expect(kinds('')).toEqual(['empty']);
  expect(kinds(good.replace('{path}', '{pfad}'))).toEqual(['placeholder']);
  expect(kinds(good.replace('<0>', ''))).toEqual(['element']);
  expect(kinds(good.replace('`sysctl --system`', '`sysctl --System`'))).toEqual(['code']);
  expect(kinds(good.replace('{count, plural,', '{count plural,'))).toEqual(['syntax']);
  // Choice texts are translated, a select's keys are not; plural categories follow the language.
  const select = '{value, select, on {on} off {off} other {unknown}}';
  expect(
    translationProblems(select, '{value, select, on {an} off {aus} other {unbekannt}}'),
  ).toEqual([]);
  expect(
    translationProblems(select, '{value, select, an {an} off {aus} other {unbekannt}}').map(
      (p) => p.kind,
    ),
  ).toEqual(['select']);
  expect(
    translationProblems(
      '{n, plural, one {# file} other {# files}}',
      '{n, plural, one {# fichier} many {# de fichiers} other {# fichiers}}',
    ),
  ).toEqual([]);

  const entry = (message: string, translation: string, obsolete = false) => ({
    message,
    translation,
    obsolete,
  });
  const source = { a: entry('One', 'One'), b: entry('Two', 'Two') };
  const shipped = {
    a: entry('One', 'Eins'),
    c: entry('Three', 'Drei'),
    d: entry('Old', 'Alt', true),
  };
  expect(catalogProblems(source, shipped).map((p) => `${p.kind} ${p.message}`)).toEqual([
    'missing Two',
    'stale Three',
    'obsolete Old',
  ]);
});
