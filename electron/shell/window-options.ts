import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The locked-down options of the one window. Kept apart from window.ts so
 * tests can check every security-relevant value without an Electron binary.
 */
export function createWindowOptions(
  preloadPath: string,
  iconPath: string,
): BrowserWindowConstructorOptions {
  return {
    width: 920,
    height: 760,
    minWidth: 560,
    minHeight: 480,
    title: 'Nonlocal Bind',
    icon: iconPath,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
