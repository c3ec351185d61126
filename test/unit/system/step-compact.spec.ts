import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { buildElevatedCommand } from '../../../electron/system/privileged-step';
import { compactScript } from '../../../electron/system/step/compact';
import { privilegedScript } from '../../../electron/system/step/script';
import { THIRD_SETTING_CATALOGUE } from '../../support/third-setting';

// Issue 21: sudo-prompt carries the step inside its command line, where every byte costs time
// at each stage of the polkit chain, so it goes without comments and indentation. Bash's own
// parser (`--pretty-print` prints what it parsed, without comments) must find the same
// program in both texts.

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nb-compact-'));
});
test.afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What bash parsed, without the blank lines that removed comments leave in its printout. */
function parsed(script: string): string {
  const file = path.join(dir, 'script.sh');
  writeFileSync(file, script);
  const r = spawnSync('/bin/bash', ['--pretty-print', file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');
}

for (const [name, script] of [
  ['the app’s step', PRIVILEGED_SCRIPT],
  ['the step of a catalogue with a third setting', privilegedScript(THIRD_SETTING_CATALOGUE)],
] as const) {
  test(`${name}: the compact text is the same program, and at least a fifth shorter`, () => {
    const compact = compactScript(script);
    expect(parsed(compact)).toBe(parsed(script));
    expect(compact.length).toBeLessThan(script.length * 0.8);
    // No comment line and no indentation is left outside quoted programs.
    expect(compact).not.toMatch(/^#!/);
    expect(compact).toMatch(/^set -u\n/);
  });
}

/**
 * Each line of a script and whether the compact text keeps it: comment lines and blank lines
 * outside quotes go, everything inside quotes (or continued by a backslash) stays.
 */
const QUOTED_CASES: readonly (readonly [line: string, fate: 'kept' | 'dropped'])[] = [
  ['  # a comment', 'dropped'],
  ["prog='", 'kept'],
  ['  # awk keeps this', 'kept'],
  ["    print 1'", 'kept'],
  ['x="a', 'kept'],
  ['  # still in double quotes', 'kept'],
  ['  "', 'kept'],
  ['y=$(printf "%s" "$(echo \')\')")', 'kept'],
  ['  # after a nested substitution', 'dropped'],
  ['z=a\\', 'kept'],
  ['  b', 'kept'],
  ['', 'dropped'],
  ['echo "$prog$x$y$z" # trailing comments stay', 'kept'],
];

test('quoted text is kept byte for byte: a # line or indentation inside quotes is data', () => {
  const script = QUOTED_CASES.map(([line]) => line).join('\n');
  const kept = QUOTED_CASES.filter(([, fate]) => fate === 'kept').map(([line]) => line);
  // The compact text ends its last line.
  expect(compactScript(script)).toBe([...kept, ''].join('\n'));
});

test('the command sudo-prompt runs decodes to the compact step, gzipped into 12 KB', () => {
  const command = buildElevatedCommand(['v2', '--', 'none', '-', 'absent', '-']);
  const encoded = /<<< ([A-Za-z0-9+/=]+)\)/.exec(command)?.[1] ?? '';
  expect(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')).toBe(
    compactScript(PRIVILEGED_SCRIPT),
  );
  expect(command.length).toBeLessThan(12 * 1024);
});
