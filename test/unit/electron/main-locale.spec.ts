import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShellWords } from '../../../electron/shell/shell-words';

// The built main process under plain Node with the recording stand-in for Electron (as in
// main-wiring.spec.ts): which languages it asks the page for, what it tells Chromium, the
// About panel's and menu bar's words, and the diagnostics line.

const DIST_MAIN = path.resolve('dist/electron/main.cjs');
const DRIVER = path.resolve('test/unit/electron/fixtures/fake-electron-main.mjs');
const WORDS = JSON.parse(readFileSync('dist/electron/shell-words.json', 'utf8')) as Record<
  string,
  ShellWords
>;

interface Run {
  errors: string[];
  exit: number | null;
  query: { lang: string } | null;
  switches: Record<string, string>;
  about: { copyright: string } | null;
  menu: { label?: string }[] | null;
  diagnostics: { ok: boolean; value?: { text: string } } | null;
}

/** Runs main with only the locale variables given (plus PATH), as a desktop session would. */
function runMain(args: readonly string[], env: Record<string, string>): Run {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nb-main-locale-'));
  try {
    const out = execFileSync(process.execPath, [DRIVER, DIST_MAIN, '--demo', 'enabled', ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, ...env },
      encoding: 'utf8',
      // Start-up reads a demo tree and loads one bundle: seconds even beside two busy loops.
      timeout: 30_000,
    });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const diagnosticsText = (run: Run): string => run.diagnostics?.value?.text ?? '';

test('--lang de: the page asks for German, Chromium gets de, the About panel and menus are German', () => {
  const run = runMain(['--lang', 'de'], { LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' });
  expect(run.errors).toEqual([]);
  expect(run.query).toEqual({ lang: 'de' });
  expect(run.switches).toEqual({ lang: 'de' });
  expect(run.about?.copyright).toBe(WORDS.de?.['about.copyright']);
  expect(run.menu?.map((m) => m.label)).toEqual([
    WORDS.de?.['menu.file'],
    WORDS.de?.['menu.edit'],
    WORDS.de?.['menu.view'],
    WORDS.de?.['menu.window'],
    WORDS.de?.['menu.help'],
  ]);
  expect(diagnosticsText(run)).toContain('UI language: de (asked for de by the --lang argument)\n');
  // The rest of the report stays English.
  expect(diagnosticsText(run)).toContain('Runtime values\n');
});

test('LANGUAGE (a gettext list) overrides the system, under a locale that is not C', () => {
  const run = runMain([], {
    LANG: 'es_ES.UTF-8',
    LANGUAGE: 'fr_CA:fr:en',
    FAKE_SYSTEM_LANGUAGES: 'es-ES,es',
  });
  expect(run.query).toEqual({ lang: 'fr-CA,fr,en' });
  expect(run.switches).toEqual({ lang: 'fr' });
  expect(run.about?.copyright).toBe(WORDS.fr?.['about.copyright']);
  expect(diagnosticsText(run)).toContain(
    'UI language: fr (asked for fr-CA, fr, en by the LANGUAGE variable)\n',
  );
});

test('without an override the system languages decide, and Chromium keeps its own locale', () => {
  const run = runMain([], { LANG: 'es_ES.UTF-8', FAKE_SYSTEM_LANGUAGES: 'es-ES,es' });
  expect(run.query).toEqual({ lang: 'es-ES,es' });
  expect(run.switches).toEqual({});
  expect(run.about?.copyright).toBe(WORDS.es?.['about.copyright']);
  expect(diagnosticsText(run)).toContain(
    "UI language: es (asked for es-ES, es by the system's languages)\n",
  );
});

test('a language without a catalog shows English, and the report says none was found', () => {
  const run = runMain([], { LANG: 'ja_JP.UTF-8', FAKE_SYSTEM_LANGUAGES: 'ja-JP,ja' });
  expect(run.query).toEqual({ lang: 'ja-JP,ja' });
  expect(run.about?.copyright).toBe(WORDS.en?.['about.copyright']);
  expect(diagnosticsText(run)).toContain(
    "UI language: en (asked for ja-JP, ja by the system's languages, no catalog for any of them)\n",
  );
});

test('a C locale asks for English even with LANGUAGE set, as gettext does', () => {
  const run = runMain([], { LC_ALL: 'C', LANGUAGE: 'de', FAKE_SYSTEM_LANGUAGES: 'de-DE' });
  expect(run.query).toEqual({ lang: '' });
  expect(run.switches).toEqual({});
  expect(diagnosticsText(run)).toContain(
    'UI language: en (asked for nothing by a C or POSIX locale',
  );
});

test('a pseudo-locale reaches the page; Chromium is given English, which it has', () => {
  const run = runMain(['--lang=pseudo-rtl'], {});
  expect(run.query).toEqual({ lang: 'pseudo-rtl' });
  expect(run.switches).toEqual({ lang: 'en-US' });
  expect(diagnosticsText(run)).toContain(
    'UI language: pseudo-rtl (asked for pseudo-rtl by the --lang argument)',
  );
});

test('an invalid --lang stops the start with its own error, before any backend exists', () => {
  const run = runMain(['--lang', 'de;rm -rf ~'], {});
  expect(run.errors).toEqual(['Invalid --lang value']);
  expect(run.exit).toBe(2);
  expect(run.query).toBeNull();
  const missing = runMain(['--lang'], {});
  expect(missing.errors).toEqual(['Invalid --lang value']);
  expect(missing.exit).toBe(2);
});
