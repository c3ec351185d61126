import { app, clipboard, dialog, Menu, type BrowserWindow } from 'electron';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAboutPanelOptions, createMenuTemplate } from './about-panel';
import { readDemoArgument } from './app-args';
import { createDemoRoot, findDemoScenario, DEMO_SCENARIOS, type DemoRoot } from './demo/scenarios';
import { createHandlerDeps } from './handlers/create-deps';
import { createHandlerTable } from './handlers/handler-table';
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
let demoRoot: DemoRoot | null = null;

app.setName('Nonlocal Bind');

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

async function start(): Promise<void> {
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
  demoRoot = scenario ? await createDemoRoot(scenario) : null;
  const table = createHandlerTable(
    createHandlerDeps(
      scenario && demoRoot ? { scenario, root: demoRoot } : null,
      app.getVersion(),
      {
        writeClipboard: (text) => clipboard.writeText(text),
        saveTextFile: (name, text) => saveTextWithDialog(mainWindow, name, text),
      },
    ),
  );
  registerIpcHandlers(table, (event) => isTrustedSender(event, mainWindow, indexUrl));
  app.setAboutPanelOptions(createAboutPanelOptions({ version: app.getVersion(), iconPath }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate()));
  mainWindow = await openMainWindow({
    preload: path.join(__dirname, 'preload.cjs'),
    indexHtml,
    icon: iconPath,
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  // Demo data lives in a temp directory that must not outlive the app; removed
  // synchronously because the process exits right after this event.
  if (demoRoot) rmSync(demoRoot.fsRoot, { recursive: true, force: true });
});
