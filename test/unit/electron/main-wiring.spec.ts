import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_CHANNELS } from '../../../electron/contract';

// The built main process, run under plain Node with a recording stand-in for Electron
// (no Electron binary is needed): it builds its backend with createBackend, installs every
// contract channel behind the sender check and the payload check, and removes the demo's
// temporary directory when the app quits.

const DIST_MAIN = path.resolve('dist/electron/main.cjs');
const DRIVER = path.resolve('test/unit/electron/fixtures/fake-electron-main.mjs');

function runMain(args: readonly string[], tmp: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, [DRIVER, DIST_MAIN, ...args], {
    env: { ...process.env, TMPDIR: tmp },
    encoding: 'utf8',
    // Start-up reads a demo tree and loads one bundle: seconds even beside two busy loops.
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

test('main: one backend, every channel behind both checks, demo data gone at quit', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nb-main-'));
  try {
    const result = runMain(['--demo', 'enabled'], tmp);
    expect(result.errors).toEqual([]);
    expect(result.channels).toEqual(Object.values(API_CHANNELS).sort());
    expect(result.window).toMatchObject({ contextIsolation: true, sandbox: true });
    expect(String(result.loaded)).toMatch(/dist\/renderer\/index\.html$/);
    expect(result.own).toMatchObject({
      ok: true,
      value: { demo: { scenario: 'enabled' } },
    });
    expect(result.badPayload).toEqual({
      ok: false,
      error: {
        code: 'invalid-payload',
        details: 'state:get: it takes no payload',
      },
    });
    expect(result.foreign).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    // One version, package.json's, in the About panel and in the backend's report.
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(result.about).toMatchObject({ applicationVersion: version });
    expect(result.diagnostics).toMatchObject({ ok: true });
    expect(JSON.stringify(result.diagnostics)).toContain(`App version: ${version}\\n`);
    // The demo laid its system out under TMPDIR, and will-quit removed it.
    expect(readdirSync(tmp)).toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('main: an unknown demo scenario is refused before any backend exists', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nb-main-'));
  try {
    const result = runMain(['--demo', 'no-such-scenario'], tmp);
    expect(result.errors).toEqual(['Unknown demo scenario']);
    expect(result.exit).toBe(2);
    expect(result.channels).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
