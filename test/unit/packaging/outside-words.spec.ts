import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POLKIT_ACTION_ID } from '../../../electron/system/step-helper';
import {
  OUTSIDE_KEYS,
  readOutsideCatalog,
  TRANSLATED_LOCALES,
  type OutsideKey,
  type TranslatedLocale,
} from '../../../scripts/packaging/outside-catalog';
import {
  readOutsideSource,
  readOutsideSourceText,
} from '../../../scripts/packaging/outside-source';
import { OUTSIDE_TRANSLATIONS } from '../../../scripts/packaging/outside-translations';
import { mergeSeeds } from '../../../scripts/packaging/merge-outside-translations';
import { actionWordsOf, renderPolicy } from '../../../scripts/packaging/polkit-files';

// polkit's own DTD, from Debian's polkitd package (see .ci/run).
const DTD = '/usr/share/polkit-1/policyconfig-1.dtd';
const VENDOR = { name: 'Nonlocal Bind developers', url: 'https://nonlocal-bind.invalid' };

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nb-outside-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

const po = (text: string): string => JSON.stringify(text);

/** A catalog as `npm run i18n:extract` writes it: context, English, translation. */
function catalogText(locale: string, translate: (key: OutsideKey) => string | null): string {
  const entries = OUTSIDE_KEYS.map((key) => {
    const english = OUTSIDE_TRANSLATIONS[key].english;
    return `msgctxt ${po(key)}\nmsgid ${po(english)}\nmsgstr ${po(translate(key) ?? '')}\n`;
  });
  return `msgid ""\nmsgstr ""\n"Language: ${locale}\\n"\n\n${entries.join('\n')}`;
}

function writeCatalogs(seedOf: (locale: TranslatedLocale, key: OutsideKey) => string | null): void {
  for (const locale of TRANSLATED_LOCALES) {
    mkdirSync(path.join(dir, locale));
    writeFileSync(
      path.join(dir, locale, 'messages.po'),
      catalogText(locale, (key) => seedOf(locale, key)),
    );
  }
}

function xpath(file: string, expression: string): string {
  const r = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}

test('the seeds translate the English of renderer/src/outside-messages.ts, every key', () => {
  const source = readOutsideSource();
  if (!source.ok) throw new Error(source.error);
  expect([...source.english.keys()]).toEqual([...OUTSIDE_KEYS]);
  for (const key of OUTSIDE_KEYS) {
    expect(OUTSIDE_TRANSLATIONS[key].english, key).toBe(source.english.get(key));
  }
});

test('a policy with every translation is valid against polkit’s DTD, one text per language', () => {
  writeCatalogs((locale, key) => OUTSIDE_TRANSLATIONS[key][locale]);
  const read = readOutsideCatalog(dir);
  if (!read.ok) throw new Error(read.error);
  expect(read.catalog.missing).toEqual([]);
  const file = path.join(dir, 'action.policy');
  writeFileSync(file, renderPolicy(VENDOR, actionWordsOf(read.catalog)));
  const valid = spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, file], { encoding: 'utf8' });
  expect(valid.stderr).toBe('');
  expect(valid.status).toBe(0);
  const action = `/policyconfig/action[@id="${POLKIT_ACTION_ID}"]`;
  for (const element of ['description', 'message'] as const) {
    const key = element === 'message' ? 'polkit.apply.message' : 'polkit.apply.description';
    expect(xpath(file, `count(${action}/${element})`)).toBe('4');
    expect(xpath(file, `string(${action}/${element}[not(@xml:lang)])`)).toBe(
      OUTSIDE_TRANSLATIONS[key].english,
    );
    for (const lang of TRANSLATED_LOCALES) {
      expect(xpath(file, `string(${action}/${element}[@xml:lang="${lang}"])`)).toBe(
        OUTSIDE_TRANSLATIONS[key][lang],
      );
    }
  }
});

test('markup in a translation stays text in the policy; an untranslated language is left out', () => {
  writeCatalogs((locale, key) =>
    locale === 'de' && key === 'polkit.apply.message'
      ? '</message><allow_any>yes</allow_any> & "quotes"'
      : locale === 'es'
        ? null
        : OUTSIDE_TRANSLATIONS[key][locale],
  );
  const read = readOutsideCatalog(dir);
  if (!read.ok) throw new Error(read.error);
  expect(read.catalog.missing.filter((m) => m.locale === 'es')).toHaveLength(OUTSIDE_KEYS.length);
  const file = path.join(dir, 'action.policy');
  writeFileSync(file, renderPolicy(VENDOR, actionWordsOf(read.catalog)));
  expect(spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, file]).status).toBe(0);
  const action = `/policyconfig/action[@id="${POLKIT_ACTION_ID}"]`;
  expect(xpath(file, `string(${action}/message[@xml:lang="de"])`)).toBe(
    '</message><allow_any>yes</allow_any> & "quotes"',
  );
  expect(xpath(file, `count(${action}/message[@xml:lang="es"])`)).toBe('0');
  expect(xpath(file, `count(${action}/defaults/allow_any)`)).toBe('1');
});

test('a translation of an older English is stale: English is used and the key is listed', () => {
  writeCatalogs((locale, key) => OUTSIDE_TRANSLATIONS[key][locale]);
  const file = path.join(dir, 'fr', 'messages.po');
  const stale = catalogText('fr', (key) => OUTSIDE_TRANSLATIONS[key].fr).replace(
    `msgid ${po('Help')}`,
    `msgid ${po('Help!')}`,
  );
  writeFileSync(file, stale);
  const read = readOutsideCatalog(dir);
  if (!read.ok) throw new Error(read.error);
  expect(read.catalog.missing).toEqual([{ locale: 'fr', key: 'menu.help' }]);
  expect(read.catalog.translated.fr['menu.help']).toBeUndefined();
});

test('placeholders are filled, never translated; a translation that renames one is refused', () => {
  writeCatalogs((locale, key) => OUTSIDE_TRANSLATIONS[key][locale]);
  const read = readOutsideCatalog(dir);
  if (!read.ok) throw new Error(read.error);
  expect(read.catalog.en['desktop.comment']).toContain(
    'proves net.ipv4.ip_nonlocal_bind and net.ipv6.ip_nonlocal_bind, so',
  );
  expect(read.catalog.translated.de['desktop.comment']).toContain(
    'net.ipv4.ip_nonlocal_bind und net.ipv6.ip_nonlocal_bind',
  );
  writeFileSync(
    path.join(dir, 'es', 'messages.po'),
    catalogText('es', (key) => OUTSIDE_TRANSLATIONS[key].es.replace('{ipv4Key}', '{claveIpv4}')),
  );
  const bad = readOutsideCatalog(dir);
  expect(bad).toEqual({
    ok: false,
    error:
      "es desktop.comment: the translation's placeholders {claveIpv4,ipv6Key} differ from English {ipv4Key,ipv6Key}",
  });
});

test('a control character in a translation is refused, not written into the policy', () => {
  writeCatalogs((locale, key) => OUTSIDE_TRANSLATIONS[key][locale]);
  const file = path.join(dir, 'de', 'messages.po');
  // Raw bytes in the msgstr, as a hostile or broken editor would leave them.
  const text = catalogText('de', (key) =>
    key === 'polkit.apply.description' ? 'HOSTILE' : OUTSIDE_TRANSLATIONS[key].de,
  );
  for (const bad of ['\u0001', '\u000b', '\uffff']) {
    writeFileSync(file, text.replace('HOSTILE', `Ändern${bad}`));
    expect(readOutsideCatalog(dir)).toEqual({
      ok: false,
      error:
        'de polkit.apply.description: the translation holds a control character or a non-character, which no polkit policy, desktop entry or menu may carry',
    });
  }
  writeFileSync(file, text.replace('HOSTILE', 'Ändern\tja'));
  expect(readOutsideCatalog(dir).ok).toBe(true);
});

test('a catalog that is not a regular file of sane size is refused, never waited on', () => {
  writeCatalogs((locale, key) => OUTSIDE_TRANSLATIONS[key][locale]);
  const file = path.join(dir, 'de', 'messages.po');
  rmSync(file);
  // A named pipe with no writer: reading it plainly would hang the build for good.
  const made = spawnSync('mkfifo', [file]);
  expect(made.status).toBe(0);
  expect(readOutsideCatalog(dir)).toMatchObject({
    ok: false,
    error: expect.stringContaining(`${file}: a named pipe (FIFO)`) as unknown,
  });
  rmSync(file);
  mkdirSync(file);
  expect(readOutsideCatalog(dir)).toEqual({
    ok: false,
    error: `${file}: a directory, not a file`,
  });
  rmSync(file, { recursive: true });
  writeFileSync(file, 'x'.repeat(4 * 1024 * 1024 + 1));
  expect(readOutsideCatalog(dir)).toMatchObject({
    ok: false,
    error: expect.stringContaining(`${file}: skipped: larger than 4 MiB`) as unknown,
  });
  rmSync(file);
  expect(readOutsideCatalog(dir)).toEqual({
    ok: false,
    error: `${file} is missing: run npm run i18n:extract`,
  });
});

test('the English source must be literal, each context once', () => {
  expect(readOutsideSourceText("msg({ context: 'a', message: `x${y}` });")).toMatchObject({
    ok: false,
    error: expect.stringContaining('needs a literal context and message') as unknown,
  });
  expect(
    readOutsideSourceText(
      "msg({ context: 'a', message: 'x' }); msg({ context: 'a', message: 'y' });",
    ),
  ).toMatchObject({
    ok: false,
    error: expect.stringContaining('context a is used twice') as unknown,
  });
});

test('the merge fills only empty entries of the same English, and says what it left', () => {
  const extracted = catalogText('de', (key) => (key === 'menu.file' ? 'Akte' : null)).replace(
    `msgid ${po('Help')}`,
    `msgid ${po('Help!')}`,
  );
  const merged = mergeSeeds(
    extracted.replace(/msgctxt "menu.about"\nmsgid "About"\nmsgstr ""\n/, ''),
    'de',
  );
  expect(merged.stale).toEqual(['menu.help']);
  expect(merged.absent).toEqual(['menu.about']);
  // The translator's "Akte" stays; everything else empty and current is seeded.
  expect(merged.filled).not.toContain('menu.file');
  expect(merged.filled).toHaveLength(OUTSIDE_KEYS.length - 3);
  expect(merged.text).toContain(`msgctxt "menu.file"\nmsgid "File"\nmsgstr "Akte"`);
  expect(merged.text).toContain(
    `msgctxt "polkit.apply.message"\nmsgid ${po(OUTSIDE_TRANSLATIONS['polkit.apply.message'].english)}\nmsgstr ${po(OUTSIDE_TRANSLATIONS['polkit.apply.message'].de)}`,
  );
  // Running it again changes nothing.
  expect(mergeSeeds(merged.text, 'de').filled).toEqual([]);
});

test('the merge leaves an entry whose strings are not PO strings it reads, and names it', () => {
  // `\x41` is no escape a PO catalog of ours holds: the entry is reported, not guessed at.
  const damaged = catalogText('de', () => null).replace(
    `msgctxt "menu.file"\nmsgid "File"\nmsgstr ""`,
    `msgctxt "menu.file"\nmsgid "File"\nmsgstr "\\x41"`,
  );
  const merged = mergeSeeds(damaged, 'de');
  expect(merged.unreadable).toEqual(['menu.file']);
  expect(merged.filled).not.toContain('menu.file');
  expect(merged.text).toContain(`msgctxt "menu.file"\nmsgid "File"\nmsgstr "\\x41"`);
});
