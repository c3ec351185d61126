import type { AboutPanelOptionsOptions, MenuItemConstructorOptions } from 'electron';

/**
 * What Help → About shows. On Linux the panel takes its icon from `iconPath` only, so the
 * same packaged PNG as the window's icon is passed in; pure so tests need no Electron binary.
 */
export function createAboutPanelOptions(meta: {
  readonly version: string;
  readonly iconPath: string;
}): AboutPanelOptionsOptions {
  return {
    applicationName: 'Nonlocal Bind',
    applicationVersion: meta.version,
    copyright: 'Copyright © 2026 Nonlocal Bind developers · MIT licence',
    iconPath: meta.iconPath,
  };
}

/**
 * Electron's default Linux menu has no About item, so the panel would be unreachable.
 * Same menus as the default, with Help → About added.
 */
export function createMenuTemplate(): MenuItemConstructorOptions[] {
  return [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
