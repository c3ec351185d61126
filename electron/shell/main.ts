import { app, clipboard, dialog, Menu, type BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAboutPanelOptions, createMenuTemplate } from './about-panel';
import { readDemoArgument } from './app-args';
import {
  decideLocaleOverride,
  langQueryValue,
  systemLocaleRequest,
  type LocaleRequestResult,
} from './locale-request';
import { readShellWords, SHELL_WORDS_FILE } from './shell-words';
import { localeReportOf } from './shown-locale';
import { negotiateLocale } from '../../renderer/src/i18n/negotiate';
import { APP_VERSION } from '../app-version';
import { findDemoScenario, DEMO_SCENARIOS } from '../demo/scenarios';
import { createBackend, type Backend } from '../handlers/create-backend';
import { registerIpcHandlers } from './ipc';
import { isTrustedSender } from './trusted-sender';
import { saveTextWithDialog } from './save-dialog';
import { openMainWindow } from './window';

// App lifecycle only: pick the system (real or demo), register IPC, open the window.
const distDir = path.resolve(__dirname, '..');
const indexHtml = path.join(distDir, 'renderer', 'index.html');
const indexUrl = pathToFileURL(indexHtml).href;
const iconPath = path.join(distDir, '..', 'assets', 'icons', '512x512.png');
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

app.setName('Nonlocal Bind');

// `--lang` and LANGUAGE are known before Electron is ready, which is when Chromium reads
// its own --lang switch (its native strings and default locale). Set only to a language
// we ship, so Chromium always has a pack for it.
const localeOverride = decideLocaleOverride(process.argv, process.env);
if (localeOverride?.ok) {
  const negotiated = negotiateLocale(localeOverride.request.requested);
  if (!negotiated.fellBack && localeOverride.request.requested.length > 0) {
    app.commandLine.appendSwitch('lang', negotiated.locale.replace(/^pseudo-.*$/, 'en-US'));
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Nonlocal Bind could not start', String(error));
      app.exit(1);
    });
}

/** An invalid `--lang` stops the start, as an unknown demo does: support staff typed it. */
function refuseLang(result: LocaleRequestResult & { ok: false }): void {
  dialog.showErrorBox(
    'Invalid --lang value',
    result.error.code === 'lang-missing'
      ? '--lang needs a language, such as de, fr or es.'
      : `"${result.error.value}" is not a language. Use one such as de, fr or es, or a list such as de-DE:de.`,
  );
  app.exit(2);
}

async function start(): Promise<void> {
  if (localeOverride?.ok === false) {
    refuseLang(localeOverride);
    return;
  }
  const request = localeOverride?.ok
    ? localeOverride.request
    : systemLocaleRequest(app.getPreferredSystemLanguages());
  const report = localeReportOf(request);
  const read = readShellWords(path.join(__dirname, SHELL_WORDS_FILE), report.shown);
  const words = read.ok ? read.words : null;
  const demoName = readDemoArgument(process.argv);
  const scenario = demoName === null ? null : findDemoScenario(demoName);
  if (demoName !== null && !scenario) {
    dialog.showErrorBox(
      'Unknown demo scenario',
      `"${demoName}" is not a demo scenario. Known: ${DEMO_SCENARIOS.map((s) => s.name).join(', ')}`,
    );
    app.exit(2);
    return;
  }
  backend = await createBackend({
    target: scenario ? { kind: 'demo', scenario } : { kind: 'this-computer' },
    version: APP_VERSION,
    uiLocale: () => report,
    shell: {
      writeClipboard: (text) => clipboard.writeText(text),
      saveTextFile: (name, text) => saveTextWithDialog(mainWindow, name, text),
    },
  });
  registerIpcHandlers(backend.table, (event) => isTrustedSender(event, mainWindow, indexUrl));
  app.setAboutPanelOptions(createAboutPanelOptions({ version: APP_VERSION, iconPath, words }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(words)));
  mainWindow = await openMainWindow({
    preload: path.join(__dirname, 'preload.cjs'),
    indexHtml,
    icon: iconPath,
    lang: langQueryValue(request),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

app.on('window-all-closed', () => app.quit());
// Demo data lives in a temp directory that must not outlive the app.
app.on('will-quit', () => backend?.dispose());
