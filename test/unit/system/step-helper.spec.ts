import { test, expect } from '@playwright/test';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  checkInstalledHelper,
  HELPER_CONTENT,
  HELPER_PATH,
  PKEXEC_PATH,
} from '../../../electron/system/step-helper';

/**
 * The decision to use the packaged helper, on directories laid out like `/`. The owner the
 * check demands is this test's own uid, so it runs as root and as anyone else.
 */
const uid = process.getuid?.() ?? 0;
let root: string;
const at = (p: string) => path.join(root, p);

test.beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'nb-helper-'));
  chmodSync(root, 0o755);
  mkdirSync(path.dirname(at(PKEXEC_PATH)), { recursive: true, mode: 0o755 });
  writeFileSync(at(PKEXEC_PATH), '#!/bin/sh\n', { mode: 0o755 });
  mkdirSync(path.dirname(at(HELPER_PATH)), { recursive: true, mode: 0o755 });
  writeFileSync(at(HELPER_PATH), HELPER_CONTENT);
  chmodSync(at(HELPER_PATH), 0o755);
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

const check = () => checkInstalledHelper({ fsRoot: root, ownerUid: uid });

test('the exact built-in step, owned and writable only by its owner: used', () => {
  expect(check()).toEqual({ usable: true, path: HELPER_PATH });
  // Read-only for everyone is as good.
  chmodSync(at(HELPER_PATH), 0o555);
  expect(check()).toEqual({ usable: true, path: HELPER_PATH });
});

test('no package installed, or no pkexec: not used', () => {
  rmSync(at(HELPER_PATH));
  expect(check()).toMatchObject({ usable: false, reason: expect.stringMatching(/not installed/) });
  rmSync(path.dirname(at(HELPER_PATH)), { recursive: true });
  expect(check()).toEqual({ usable: false, reason: `${HELPER_PATH} is not installed` });
  mkdirSync(path.dirname(at(HELPER_PATH)), { mode: 0o755 });
  writeFileSync(at(HELPER_PATH), HELPER_CONTENT, { mode: 0o755 });
  rmSync(at(PKEXEC_PATH));
  expect(check()).toMatchObject({
    usable: false,
    reason: expect.stringMatching(/pkexec is missing/),
  });
});

test('one changed, missing or added byte: not used', () => {
  const changed = Buffer.from(HELPER_CONTENT);
  const at2 = changed.length - 2;
  changed.writeUInt8(changed.readUInt8(at2) ^ 1, at2);
  for (const content of [
    changed,
    HELPER_CONTENT.subarray(1),
    Buffer.concat([HELPER_CONTENT, Buffer.from('\n')]),
  ]) {
    writeFileSync(at(HELPER_PATH), content);
    expect(check()).toMatchObject({ usable: false, reason: expect.stringMatching(/differs/) });
  }
});

test('writable by group or others, or not executable: not used', () => {
  for (const [mode, reason] of [
    [0o775, /writable by group or others/],
    [0o757, /writable by group or others/],
    [0o644, /not executable/],
  ] as const) {
    chmodSync(at(HELPER_PATH), mode);
    expect(check()).toMatchObject({ usable: false, reason: expect.stringMatching(reason) });
  }
});

test('a directory on the way that others can write: not used', () => {
  chmodSync(path.dirname(at(HELPER_PATH)), 0o777);
  expect(check()).toMatchObject({
    usable: false,
    reason: '/usr/lib/nonlocal-bind is writable by group or others',
  });
  chmodSync(path.dirname(at(HELPER_PATH)), 0o755);
  chmodSync(at('/usr'), 0o775);
  expect(check()).toMatchObject({ usable: false, reason: '/usr is writable by group or others' });
});

test('a symbolic link to the exact step, a FIFO or a directory: not used', () => {
  const elsewhere = at('/step-copy');
  writeFileSync(elsewhere, HELPER_CONTENT, { mode: 0o755 });
  rmSync(at(HELPER_PATH));
  symlinkSync(elsewhere, at(HELPER_PATH));
  expect(check()).toMatchObject({
    usable: false,
    reason: expect.stringMatching(/is a symbolic link/),
  });
  rmSync(at(HELPER_PATH));
  execFileSync('mkfifo', ['-m', '0755', at(HELPER_PATH)]);
  expect(check()).toMatchObject({
    usable: false,
    reason: expect.stringMatching(/not a regular file/),
  });
  rmSync(at(HELPER_PATH));
  mkdirSync(at(HELPER_PATH), { mode: 0o755 });
  expect(check()).toMatchObject({
    usable: false,
    reason: expect.stringMatching(/not a regular file/),
  });
});

test('owned by someone else: not used', () => {
  chownSync(at(HELPER_PATH), 65534, 65534);
  expect(checkInstalledHelper({ fsRoot: root })).toMatchObject({
    usable: false,
    reason: expect.stringMatching(/not owned by root/),
  });
  chownSync(at(HELPER_PATH), 0, 0);
  chownSync(path.dirname(at(HELPER_PATH)), 65534, 65534);
  expect(checkInstalledHelper({ fsRoot: root })).toMatchObject({
    usable: false,
    reason: '/usr/lib/nonlocal-bind is not owned by root',
  });
});
