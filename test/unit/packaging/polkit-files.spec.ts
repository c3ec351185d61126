import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PRIVILEGED_SCRIPT } from '../../../electron/system/privileged-script';
import { HELPER_PATH, POLICY_PATH, POLKIT_ACTION_ID } from '../../../electron/system/step-helper';
import {
  polkitPackageFiles,
  readActionWords,
  renderPolicy,
  vendorOf,
} from '../../../scripts/packaging/polkit-files';
import { loadBuilderConfig } from '../../support/electron-builder-config';

/** The named polkit action's files, as `npm run build` wrote them into dist/polkit/. */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0];
const files = polkitPackageFiles(vendorOf(pkg));
const built = (installPath: string) => {
  const file = files.find((f) => f.installPath === installPath);
  if (!file) throw new Error(`no packaged file for ${installPath}`);
  expect(existsSync(file.source), 'run `npm run build` first').toBe(true);
  return readFileSync(file.source);
};
// polkit's own DTD, from Debian's polkitd package (see .ci/run).
const DTD = '/usr/share/polkit-1/policyconfig-1.dtd';

function xpath(file: string, expression: string): string {
  const r = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${r.stderr}`);
  // xmllint ends a number or string result with a newline of its own.
  return r.stdout.replace(/\n$/, '');
}

test('the built helper is byte for byte the step built into the app', () => {
  expect(built(HELPER_PATH).equals(Buffer.from(PRIVILEGED_SCRIPT, 'utf8'))).toBe(true);
  // pkexec executes it: it needs its interpreter line.
  expect(PRIVILEGED_SCRIPT.startsWith('#!/bin/sh\n')).toBe(true);
});

test('the built policy is what the renderer makes now (no stale build)', () => {
  expect(built(POLICY_PATH).toString('utf8')).toBe(renderPolicy(vendorOf(pkg), readActionWords()));
});

test("the policy is valid against polkit's DTD and names the action, its message and the helper", () => {
  const policy = files.find((f) => f.installPath === POLICY_PATH)?.source ?? '';
  built(POLICY_PATH);
  const valid = spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, policy], { encoding: 'utf8' });
  expect(valid.error, 'xmllint is missing: install libxml2-utils (see .ci/run)').toBeUndefined();
  expect(valid.stderr).toBe('');
  expect(valid.status).toBe(0);
  const action = `/policyconfig/action[@id="${POLKIT_ACTION_ID}"]`;
  expect(xpath(policy, `count(/policyconfig/action)`)).toBe('1');
  expect(xpath(policy, `string(${action}/message[not(@xml:lang)])`)).toBe(
    readActionWords().message,
  );
  expect(
    xpath(policy, `string(${action}/annotate[@key="org.freedesktop.policykit.exec.path"])`),
  ).toBe(HELPER_PATH);
  expect(xpath(policy, `string(${action}/defaults/allow_active)`)).toBe('auth_admin_keep');
  expect(xpath(policy, `string(${action}/defaults/allow_any)`)).toBe('auth_admin');
  expect(xpath(policy, `string(${action}/defaults/allow_inactive)`)).toBe('auth_admin');
});

test('electron-builder.yml maps exactly these files in the deb and the rpm, and keeps them out of the app archive', () => {
  const config = loadBuilderConfig();
  const mappings = files.map((f) => `${f.source}=${f.installPath}`);
  expect(config.deb.fpm).toEqual(mappings);
  expect(config.rpm.fpm).toEqual(mappings);
  expect(config.files).toContain('!dist/polkit/**/*');
  // The policy file is named after the vendor prefix of its action id.
  expect(POLICY_PATH).toBe('/usr/share/polkit-1/actions/io.nonlocalbind.app.policy');
  expect(POLKIT_ACTION_ID.startsWith('io.nonlocalbind.app.')).toBe(true);
});
