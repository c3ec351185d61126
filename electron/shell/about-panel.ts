import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';
import type { ShellWords } from './shell-words';

/** English when the build's words cannot be read (shell-words.ts); the catalogs say the same. */
const COPYRIGHT = 'Copyright © 2026 Nonlocal Bind developers · MIT licence';

/**
 * What Help → About shows, in the language the window shows. On Linux the panel takes its
 * icon from `iconPath` only, so the same packaged PNG as the window's icon is passed in;
 * pure so tests need no Electron binary. The product name is never translated.
 */
export function createAboutPanelOptions(meta: {
  readonly version: string;
  readonly iconPath: string;
  readonly words?: ShellWords | null;
}): AboutPanelOptionsOptions {
  return {
    applicationName: 'Nonlocal Bind',
    applicationVersion: meta.version,
    copyright: meta.words?.['about.copyright'] ?? COPYRIGHT,
    iconPath: meta.iconPath,
  };
}

type Item = MenuItemConstructorOptions;

/**
 * Electron's default Linux menu has no About item, so the panel would be unreachable.
 * Same menus and items as the default, with Help → About added. With words, every label is
 * given in the window's language (Electron's own labels are English only); without, the
 * roles keep Electron's labels, which the English words repeat exactly.
 */
export function createMenuTemplate(words?: ShellWords | null): MenuItemConstructorOptions[] {
  if (!words) {
    return [
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      { role: 'help', submenu: [{ role: 'about' }] },
    ];
  }
  const separator: Item = { type: 'separator' };
  const menu = (role: Item['role'], label: string, submenu: Item[]): Item => ({
    role,
    label,
    submenu,
  });
  return [
    menu('fileMenu', words['menu.file'], [{ role: 'quit', label: words['menu.quit'] }]),
    menu('editMenu', words['menu.edit'], [
      { role: 'undo', label: words['menu.undo'] },
      { role: 'redo', label: words['menu.redo'] },
      separator,
      { role: 'cut', label: words['menu.cut'] },
      { role: 'copy', label: words['menu.copy'] },
      { role: 'paste', label: words['menu.paste'] },
      { role: 'delete', label: words['menu.delete'] },
      separator,
      { role: 'selectAll', label: words['menu.select-all'] },
    ]),
    menu('viewMenu', words['menu.view'], [
      { role: 'reload', label: words['menu.reload'] },
      { role: 'forceReload', label: words['menu.force-reload'] },
      { role: 'toggleDevTools', label: words['menu.toggle-dev-tools'] },
      separator,
      { role: 'resetZoom', label: words['menu.actual-size'] },
      { role: 'zoomIn', label: words['menu.zoom-in'] },
      { role: 'zoomOut', label: words['menu.zoom-out'] },
      separator,
      { role: 'togglefullscreen', label: words['menu.toggle-full-screen'] },
    ]),
    menu('windowMenu', words['menu.window'], [
      { role: 'minimize', label: words['menu.minimize'] },
      { role: 'zoom', label: words['menu.zoom'] },
      { role: 'close', label: words['menu.close'] },
    ]),
    menu('help', words['menu.help'], [{ role: 'about', label: words['menu.about'] }]),
  ];
}
