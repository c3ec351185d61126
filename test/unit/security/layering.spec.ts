import { test, expect } from '@playwright/test';
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { typeScriptFilesBelow } from '../../support/ts-ast';

// The backend's layers as lint enforces them: only electron/shell/ imports Electron, and the
// core (system/, demo/) never reaches up into handlers, the shell or the preview.

const eslint = new ESLint();

async function restrictedLines(filePath: string, code: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.line);
}

test('Electron is imported under electron/shell/ only', async () => {
  const probe = "import { app } from 'electron';\nexport const x = app;\n";
  for (const file of [
    'electron/handlers/probe.ts',
    'electron/preview/probe.ts',
    'electron/system/probe.ts',
    'electron/demo/probe.ts',
    'electron/probe.ts',
  ])
    expect(await restrictedLines(file, probe), file).toEqual([1]);
  expect(await restrictedLines('electron/shell/probe.ts', probe)).toEqual([]);
  // And the tree as it is: no file outside the shell names the module.
  const outside = typeScriptFilesBelow('electron').filter(
    (f) => !f.startsWith('electron/shell/') && /from 'electron'/.test(readFileSync(f, 'utf8')),
  );
  expect(outside).toEqual([]);
});

test('the core never imports handlers, the shell or the preview', async () => {
  const probe = [
    "import { createBackend } from '../handlers/create-backend';",
    "import { isTrustedSender } from '../shell/trusted-sender';",
    "import { startPreviewServer } from '../preview/server';",
    "import { readAppState } from './app-state';",
    'export const x = [createBackend, isTrustedSender, startPreviewServer, readAppState];',
  ].join('\n');
  expect(await restrictedLines('electron/system/probe.ts', probe)).toEqual([1, 2, 3]);
  expect(await restrictedLines('electron/demo/probe.ts', probe)).toEqual([1, 2, 3]);
  // Handlers call the core: allowed.
  expect(
    await restrictedLines(
      'electron/handlers/probe.ts',
      "import { readAppState } from '../system/app-state';\nexport const x = readAppState;\n",
    ),
  ).toEqual([]);
});
