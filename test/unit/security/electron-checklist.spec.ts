import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { ESLint } from 'eslint';
import { createWindowOptions } from '../../../electron/window-options';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp';
import { API_CHANNELS, API_GLOBAL } from '../../../electron/contract';
import { startPreview } from '../../support/preview';

// Static versions of Electron's security checklist; the _electron test checks the same live
// wherever an Electron binary exists. docs/security.md maps all 20 items.

function sourceFile(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** Every call expression `x.name(...)` in a file. */
function callsNamed(file: string, name: string): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === name
    ) {
      found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile(file));
  return found;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesBelow(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('#2-4 webPreferences: context isolation, sandbox, no Node integration anywhere', () => {
  const prefs = createWindowOptions('/p.cjs', '/i.png').webPreferences;
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
  });
});

test('#6-9 web security on, no insecure content, no experimental features, no <webview>', () => {
  const prefs = createWindowOptions('/p.cjs', '/i.png').webPreferences;
  expect(prefs).toMatchObject({
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
  });
  expect(JSON.stringify(prefs)).not.toContain('enableBlinkFeatures');
});

test('#7 CSP is strict, in the built page and on the preview', async () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|http:|https:/);
  const html = readFileSync('dist/renderer/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'");
  expect(meta).toBe(CONTENT_SECURITY_POLICY);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const preview = await startPreview({ args: ['--demo', 'fresh'] });
  try {
    const response = await fetch(preview.url);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  } finally {
    await preview.stop();
  }
});

test('#5 permission requests and checks are all denied', () => {
  const [request] = callsNamed('electron/window.ts', 'setPermissionRequestHandler');
  const [check] = callsNamed('electron/window.ts', 'setPermissionCheckHandler');
  expect(request?.getText()).toMatch(/callback\(false\)/);
  expect(request?.getText()).not.toMatch(/callback\(true\)/);
  expect(check?.getText()).toMatch(/=>\s*false/);
});

test('#13-14 navigation and new windows are refused', () => {
  const handlers = callsNamed('electron/window.ts', 'on').map((c) => c.getText());
  for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    expect(handlers.find((h) => h.includes(`'${event}'`))).toMatch(/event\.preventDefault\(\)/);
  }
  expect(callsNamed('electron/window.ts', 'setWindowOpenHandler')[0]?.getText()).toMatch(
    /action: 'deny'/,
  );
});

test('#15 no shell.openExternal with page data: the app never calls it', () => {
  for (const file of filesBelow('electron')) {
    expect(callsNamed(file, 'openExternal'), file).toEqual([]);
  }
});

test('#17 every IPC message is checked for its sender before it reaches a handler', () => {
  const text = readFileSync('electron/ipc.ts', 'utf8');
  expect(text).toMatch(/if \(!isTrustedSender\(event\)\)/);
  const main = readFileSync('electron/main.ts', 'utf8');
  expect(main).toMatch(/event\.senderFrame === mainWindow\.webContents\.mainFrame/);
  expect(main).toMatch(/isTrustedSenderUrl\(event\.senderFrame\.url, indexUrl\)/);
});

test('the built preload exposes exactly the contract methods, each invoking only its own channel', () => {
  const exposed: { name: string; api: Record<string, (payload?: unknown) => unknown> }[] = [];
  const invoked: unknown[][] = [];
  const fakeElectron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, (p?: unknown) => unknown>) =>
        exposed.push({ name, api }),
    },
    ipcRenderer: { invoke: (...args: unknown[]) => invoked.push(args) },
  };
  const code = readFileSync('dist/electron/preload.cjs', 'utf8');
  const module = { exports: {} };
  vm.runInNewContext(code, {
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id === 'electron') return fakeElectron;
      throw new Error(`the sandboxed preload may not require ${id}`);
    },
  });
  expect(exposed.map((e) => e.name)).toEqual([API_GLOBAL]);
  const api = exposed[0]?.api ?? {};
  expect(Object.keys(api).sort()).toEqual(Object.keys(API_CHANNELS).sort());
  expect(Object.isFrozen(api)).toBe(true);
  for (const [method, channel] of Object.entries(API_CHANNELS)) {
    invoked.length = 0;
    api[method]?.({ x: 1 });
    expect(invoked).toEqual([[channel, { x: 1 }]]);
  }
  expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
});

test('lint keeps electron, node:* and runtime main-process code out of renderer/', async () => {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(
    "import { ipcRenderer } from 'electron';\nimport fs from 'node:fs';\nimport { SETTINGS } from '../../electron/system/settings';\nimport type { AppState } from '../../electron/contract';\nexport const x: [unknown, unknown, unknown, AppState | null] = [ipcRenderer, fs, SETTINGS, null];\n",
    { filePath: 'renderer/src/lint-probe.ts' },
  );
  const restricted = (result?.messages ?? []).filter(
    (m) => m.ruleId === '@typescript-eslint/no-restricted-imports',
  );
  expect(restricted.map((m) => m.line).sort()).toEqual([1, 2, 3]);
});
