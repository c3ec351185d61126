import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { POLICY_PATH, POLKIT_ACTION_ID } from '../../../electron/system/step-helper';
import type { ShellWords } from '../../../electron/shell/shell-words';
import { desktopEntryFields } from '../../../scripts/packaging/desktop-entry';
import {
  readOutsideCatalog,
  TRANSLATED_LOCALES,
  type OutsideCatalog,
} from '../../../scripts/packaging/outside-catalog';
import { LOCALES_DIR, polkitPackageFiles, vendorOf } from '../../../scripts/packaging/polkit-files';
import { shellWordsFile } from '../../../scripts/packaging/shell-words-file';
import { loadBuilderConfig, renderDesktopEntry } from '../../support/electron-builder-config';

// What ships: the catalogs translate every word outside the window, and the build and
// electron-builder.yml carry those translations.
const MERGE =
  'npm run i18n:extract && npx tsx scripts/packaging/merge-outside-translations.ts && npm run build';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0] & {
  desktopName: string;
  description: string;
};

function shipped(): OutsideCatalog {
  const read = readOutsideCatalog(LOCALES_DIR);
  if (!read.ok) throw new Error(read.error);
  return read.catalog;
}

test('German, French and Spanish catalogs translate every word outside the window', () => {
  expect(shipped().missing, `untranslated or stale: run ${MERGE}`).toEqual([]);
});

test('the built policy carries the de, fr and es texts of the catalogs', () => {
  const catalog = shipped();
  const policy = polkitPackageFiles(vendorOf(pkg)).find((f) => f.installPath === POLICY_PATH);
  expect(existsSync(policy?.source ?? ''), 'run `npm run build` first').toBe(true);
  const file = policy?.source ?? '';
  const valid = spawnSync(
    'xmllint',
    ['--noout', '--dtdvalid', '/usr/share/polkit-1/policyconfig-1.dtd', file],
    {
      encoding: 'utf8',
    },
  );
  expect(valid.stderr).toBe('');
  const action = `/policyconfig/action[@id="${POLKIT_ACTION_ID}"]`;
  for (const lang of TRANSLATED_LOCALES) {
    for (const [element, key] of [
      ['description', 'polkit.apply.description'],
      ['message', 'polkit.apply.message'],
    ] as const) {
      const r = spawnSync(
        'xmllint',
        ['--xpath', `string(${action}/${element}[@xml:lang="${lang}"])`, file],
        { encoding: 'utf8' },
      );
      expect(r.stdout.replace(/\n$/, ''), `${element} ${lang}: run ${MERGE}`).toBe(
        catalog.translated[lang][key] ?? '(untranslated)',
      );
    }
  }
});

test('the built About panel and menu words are the catalogs’', () => {
  const built = JSON.parse(readFileSync('dist/electron/shell-words.json', 'utf8')) as Record<
    string,
    ShellWords
  >;
  expect(built, `stale build: run ${MERGE}`).toEqual(shellWordsFile(shipped()));
  for (const lang of TRANSLATED_LOCALES) {
    expect(built[lang]?.['menu.help'], lang).not.toBe(built.en?.['menu.help']);
  }
});

test('electron-builder.yml’s desktop entry holds the catalogs’ words, and the entry gets Name[de], Comment[de]…', async () => {
  const catalog = shipped();
  const config = loadBuilderConfig();
  expect(config.linux.desktop.entry, 'run npx tsx scripts/packaging/sync-desktop-entry.ts').toEqual(
    desktopEntryFields(catalog),
  );
  // English Comment comes from linux.description: the same words as the catalog's.
  const description = String(config.linux.description);
  expect(description.replace(/\s+/g, ' ')).toBe(catalog.en['desktop.comment']);
  const entry = await renderDesktopEntry(config, pkg);
  const fields = new Map(
    entry
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  for (const lang of TRANSLATED_LOCALES) {
    expect(fields.get(`Name[${lang}]`), lang).toBe(catalog.translated[lang]['desktop.name']);
    expect(fields.get(`Comment[${lang}]`), lang).toBe(catalog.translated[lang]['desktop.comment']);
    expect(fields.get(`Keywords[${lang}]`), lang).toBe(
      catalog.translated[lang]['desktop.keywords'],
    );
    // Kernel keys are placeholders: the same in every language.
    expect(fields.get(`Comment[${lang}]`), lang).toContain('net.ipv4.ip_nonlocal_bind');
  }
  expect(fields.get('Comment[de]')).not.toBe(fields.get('Comment'));
});
