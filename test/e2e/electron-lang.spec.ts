import { readFileSync } from 'node:fs';
import { test, expect } from '../support/fixtures';
import { findElectronBinary } from '../../scripts/electron-binary';
import type { ShellWords } from '../../electron/shell/shell-words';

// Electron's binary comes from outside the npm registry: like electron-app.spec.ts this
// test may skip, and .ci/run recognises it by its title prefix. Everything it checks
// beyond Electron itself is also tested without the binary (test/unit/electron/main-locale.spec.ts).
const binary = findElectronBinary(process.cwd());

test('electron binary: --lang de gives a German window, Chromium locale and menu bar', async ({
  teardown,
}) => {
  if (!binary.found) console.log(`Skipping the Electron language test: ${binary.reason}.`);
  test.skip(!binary.found, binary.found ? '' : `No Electron binary: ${binary.reason}`);
  if (!binary.found) return;
  const words = JSON.parse(readFileSync('dist/electron/shell-words.json', 'utf8')) as Record<
    string,
    ShellWords
  >;
  // Loading playwright's _electron only here: it requires the electron package.
  const { _electron } = await import('playwright-core');
  const app = await _electron.launch({
    executablePath: binary.path,
    args: ['.', '--demo', 'enabled', '--no-sandbox', '--lang', 'de'],
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
  });
  teardown(() => app.close());
  const page = await app.firstWindow();
  await page.getByRole('switch', { name: /IPv4/ }).waitFor();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('de');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  const shell = await app.evaluate(({ app: electronApp, Menu }) => ({
    locale: electronApp.getLocale(),
    menu: Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [],
  }));
  expect(shell.locale).toBe('de');
  expect(shell.menu).toEqual([
    words.de?.['menu.file'],
    words.de?.['menu.edit'],
    words.de?.['menu.view'],
    words.de?.['menu.window'],
    words.de?.['menu.help'],
  ]);
});
