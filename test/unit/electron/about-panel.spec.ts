import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createAboutPanelOptions, createMenuTemplate } from '../../../electron/shell/about-panel';
import { SHELL_WORD_KEYS, type ShellWords } from '../../../electron/shell/shell-words';

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

test('main passes the window icon and words to the about panel and installs a menu that reaches it', () => {
  const main = readFileSync('electron/shell/main.ts', 'utf8');
  expect(main).toContain('createAboutPanelOptions({ version: APP_VERSION, iconPath, words })');
  expect(main).toContain('icon: iconPath');
  expect(main).toContain(
    'Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(words)))',
  );
  const help = createMenuTemplate().find((item) => item.role === 'help');
  expect(help?.submenu).toEqual([{ role: 'about' }]);
});

// Every key marked, so a label shows which word it took.
const marked = Object.fromEntries(SHELL_WORD_KEYS.map((k) => [k, `<${k}>`])) as ShellWords;

test('with words, the about panel and every menu label are the window’s language, roles unchanged', () => {
  expect(
    createAboutPanelOptions({ version: '1.2.3', iconPath: 'x.png', words: marked }),
  ).toMatchObject({ applicationName: 'Nonlocal Bind', copyright: '<about.copyright>' });
  const template = createMenuTemplate(marked);
  // The same menus as Electron's default Linux menu (menu-item-roles.ts), and the About item.
  expect(template.map((m) => [m.role, m.label])).toEqual([
    ['fileMenu', '<menu.file>'],
    ['editMenu', '<menu.edit>'],
    ['viewMenu', '<menu.view>'],
    ['windowMenu', '<menu.window>'],
    ['help', '<menu.help>'],
  ]);
  const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
  expect(items.filter((i) => i.type !== 'separator').map((i) => [i.role, i.label])).toEqual([
    ['quit', '<menu.quit>'],
    ['undo', '<menu.undo>'],
    ['redo', '<menu.redo>'],
    ['cut', '<menu.cut>'],
    ['copy', '<menu.copy>'],
    ['paste', '<menu.paste>'],
    ['delete', '<menu.delete>'],
    ['selectAll', '<menu.select-all>'],
    ['reload', '<menu.reload>'],
    ['forceReload', '<menu.force-reload>'],
    ['toggleDevTools', '<menu.toggle-dev-tools>'],
    ['resetZoom', '<menu.actual-size>'],
    ['zoomIn', '<menu.zoom-in>'],
    ['zoomOut', '<menu.zoom-out>'],
    ['togglefullscreen', '<menu.toggle-full-screen>'],
    ['minimize', '<menu.minimize>'],
    ['zoom', '<menu.zoom>'],
    ['close', '<menu.close>'],
    ['about', '<menu.about>'],
  ]);
  // Every word is used, once.
  const labels = [...template, ...items].map((i) => i.label).filter(Boolean);
  expect(labels.sort()).toEqual(
    Object.values(marked)
      .filter((w) => w.startsWith('<menu.'))
      .sort(),
  );
});

test('the English words repeat Electron’s own Linux labels, so English looks as before', () => {
  const words = JSON.parse(readFileSync('dist/electron/shell-words.json', 'utf8')) as Record<
    string,
    ShellWords
  >;
  const en = words.en;
  expect(en?.['about.copyright']).toBe(
    createAboutPanelOptions({ version: '', iconPath: '' }).copyright,
  );
  // Electron's labels for these roles on Linux (lib/browser/api/menu-item-roles.ts).
  expect(en).toMatchObject({
    'menu.file': 'File',
    'menu.quit': 'Quit',
    'menu.edit': 'Edit',
    'menu.select-all': 'Select All',
    'menu.toggle-dev-tools': 'Toggle Developer Tools',
    'menu.actual-size': 'Actual Size',
    'menu.toggle-full-screen': 'Toggle Full Screen',
    'menu.close': 'Close',
    'menu.help': 'Help',
    'menu.about': 'About',
  });
});
