import { BrowserWindow, session } from 'electron';
import { createWindowOptions } from './window-options';

/** Opens the one app window with navigation, new windows and permissions all refused. */
export async function openMainWindow(paths: {
  readonly preload: string;
  readonly indexHtml: string;
  readonly icon: string;
  /** The page's `?lang=` (locale-request.ts): the languages asked for, most preferred first. */
  readonly lang: string;
}): Promise<BrowserWindow> {
  // The page never needs camera, notifications, clipboard-read or anything else.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  const win = new BrowserWindow(createWindowOptions(paths.preload, paths.icon));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  await win.loadFile(paths.indexHtml, { query: { lang: paths.lang } });
  return win;
}
