import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packAppWithStandInElectron, type PackedApp } from '../../support/pack-app';
import { polkitPackageFiles, vendorOf } from '../../../scripts/packaging/polkit-files';

// One pack (about 7 s) shared by the tests in this file, so they run in one worker.
test.describe.configure({ mode: 'serial' });
let packed: PackedApp;

test.beforeAll(async () => {
  expect(existsSync('dist/electron/main.cjs'), 'run `npm run build` first').toBe(true);
  packed = await packAppWithStandInElectron();
});
test.afterAll(async () => packed?.dispose());

/** Files under a directory, as `/dir/...` paths like asar lists them. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => `/${file}`);
}

test('the app archive holds the built app, the icons and package.json, nothing else', () => {
  const expected = [
    ...listFiles('dist').filter(
      (f) =>
        !f.endsWith('.map') && !f.startsWith('/dist/preview/') && !f.startsWith('/dist/polkit/'),
    ),
    ...listFiles('assets/icons'),
    '/package.json',
  ].sort();
  expect(packed.asarFiles).toEqual(expected);
  // No sources, source maps, dev preview server or node_modules (everything is bundled).
  for (const name of packed.asarFiles) {
    expect(name).not.toMatch(/\.(ts|tsx|map)$|^\/(node_modules|electron|renderer\/src)\/|preview/);
  }
});

test('what main.ts loads at start is in the archive', () => {
  const pkg = JSON.parse(packed.readAsarFile('package.json').toString('utf8')) as {
    main: string;
    desktopName: string;
  };
  expect(packed.asarFiles).toContain(`/${pkg.main}`);
  expect(packed.asarFiles).toContain('/dist/electron/preload.cjs');
  // The About panel's and menu bar's words (electron/shell/shell-words.ts).
  expect(packed.asarFiles).toContain('/dist/electron/shell-words.json');
  expect(packed.asarFiles).toContain('/dist/renderer/index.html');
  expect(packed.asarFiles).toContain('/assets/icons/512x512.png');
  // Electron reads desktopName from the packaged package.json for the window's app id.
  expect(pkg.desktopName).toBe('nonlocal-bind.desktop');
});

test('the executable carries the configured name', () => {
  expect(readdirSync(packed.appDir).sort()).toEqual([
    'chrome-sandbox',
    'nonlocal-bind',
    'resources',
  ]);
  expect(statSync(path.join(packed.appDir, 'nonlocal-bind')).mode & 0o111).not.toBe(0);
});

test('the deb and rpm install the named action’s policy and helper from dist/polkit at their system paths', () => {
  const pkg = JSON.parse(packed.readAsarFile('package.json').toString('utf8')) as Parameters<
    typeof vendorOf
  >[0];
  const mappings = polkitPackageFiles(vendorOf(pkg)).map((f) => `${f.source}=${f.installPath}`);
  for (const args of [packed.fpmArgs.deb, packed.fpmArgs.rpm]) {
    expect(args).toContain('--package');
    for (const mapping of mappings) expect(args).toContain(mapping);
  }
  // fpm keeps the source's mode: what `npm run build` wrote is what gets installed.
  for (const file of polkitPackageFiles(vendorOf(pkg))) {
    expect(statSync(file.source).mode & 0o7777).toBe(file.mode);
  }
  // The helper is a system file, not part of the app archive.
  expect(packed.asarFiles.some((f) => f.startsWith('/dist/polkit/'))).toBe(false);
});
