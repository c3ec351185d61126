import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createAboutPanelOptions, createMenuTemplate } from '../../../electron/shell/about-panel';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  license: string;
};

test('the about panel shows the app icon, name, version and licence', () => {
  const options = createAboutPanelOptions({
    version: pkg.version,
    iconPath: 'assets/icons/512x512.png',
  });
  expect(options.applicationName).toBe('Nonlocal Bind');
  expect(options.applicationVersion).toBe(pkg.version);
  expect(options.iconPath).toBe('assets/icons/512x512.png');
  expect(existsSync(options.iconPath ?? '')).toBe(true);
  expect(pkg.license).toBe('MIT');
  expect(options.copyright).toContain('MIT');
});

test('main passes the window icon to the about panel and installs a menu that reaches it', () => {
  const main = readFileSync('electron/shell/main.ts', 'utf8');
  expect(main).toContain('createAboutPanelOptions({ version: APP_VERSION, iconPath })');
  expect(main).toContain('icon: iconPath');
  expect(main).toContain('Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate()))');
  const help = createMenuTemplate().find((item) => item.role === 'help');
  expect(help?.submenu).toEqual([{ role: 'about' }]);
});
