import { test, expect } from '@playwright/test';
import type { Sandbox } from '../harness/sandbox';
import { applyInSandbox } from '../harness/apply-child';
import { createPolkitSandbox, POLKIT_USERS } from '../harness/polkit-sandbox';
import { errorWords } from '../../renderer/src/error-words';

// Real chain: non-root user -> @vscode/sudo-prompt -> pkexec -> the sandbox's own polkitd
// (rules per user) -> root sh.
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';

let sandbox: Sandbox;
test.beforeEach(async () => {
  ({ sandbox } = await createPolkitSandbox());
});
test.afterEach(async () => {
  await sandbox.dispose();
});

const request = {
  values: { ipv4: 1 as const, ipv6: 1 as const },
  persistence: {
    kind: 'persist' as const,
    fileName: '90-nonlocal-bind.conf',
    expectedSha256: null,
  },
};
const fileExists = () => sandbox.run('test', ['-e', FILE], { allowFailure: true }).status === 0;

test('polkit YES: one authentication applies runtime and file as root', async () => {
  const result = await applyInSandbox(sandbox, request, POLKIT_USERS.granted);
  expect(result).toMatchObject({ applied: true });
  expect(sandbox.readText(V4)).toBe('1\n');
  expect(sandbox.readText('/proc/sys/net/ipv6/ip_nonlocal_bind')).toBe('1\n');
  expect(sandbox.run('stat', ['-c', '%u %a', FILE]).stdout.trim()).toBe('0 644');
});

test('polkit NO: "refused" message, nothing changed', async () => {
  const result = await applyInSandbox(sandbox, request, POLKIT_USERS.refused);
  expect(result).toMatchObject({ applied: false, error: { code: 'auth-refused' } });
  expect(result.applied === false && errorWords(result.error)).toContain('refused or cancelled');
  expect(sandbox.readText(V4)).toBe('0\n');
  expect(fileExists()).toBe(false);
});

test('polkit AUTH_ADMIN without an agent: explains and gives the terminal commands, nothing changed', async () => {
  const result = await applyInSandbox(sandbox, request, POLKIT_USERS.needsAgent);
  expect(result).toMatchObject({ applied: false, error: { code: 'no-polkit-agent' } });
  if (result.applied) throw new Error('unreachable');
  // One complete block per alternative: pasting one never runs the other.
  const [withSysctl, withProc] = result.error.alternatives ?? [];
  expect(withSysctl?.commands).toContain('sudo sysctl -w net.ipv4.ip_nonlocal_bind=1');
  expect(withSysctl?.commands).toContain(`sudo tee ${FILE}`);
  expect(withSysctl?.commands).not.toContain('/proc/sys');
  expect(withProc?.commands).toContain('sudo tee /proc/sys/net/ipv4/ip_nonlocal_bind');
  expect(withProc?.commands).toContain(`sudo tee ${FILE}`);
  expect(withProc?.commands).not.toContain('sysctl -w');
  expect(sandbox.readText(V4)).toBe('0\n');
  expect(fileExists()).toBe(false);
});
