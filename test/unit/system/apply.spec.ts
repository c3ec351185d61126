import { test, expect } from '@playwright/test';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyRequest } from '../../../electron/contract';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';

/** Applies a removal from 90-nonlocal-bind.conf in the `enabled` scenario; the success words. */
async function removeFromAppFile(
  settings: readonly ('ipv4' | 'ipv6')[],
  resetRuntime: boolean,
): Promise<{ summary: string; fileLeft: boolean }> {
  const scenario = findDemoScenario('enabled');
  if (!scenario) throw new Error('scenario missing');
  const root = await createDemoRoot(scenario);
  try {
    const table = createHandlerTable(createHandlerDeps({ scenario, root }, 'test'));
    const state = await table['state:get'](null);
    if (!state.ok) throw new Error(state.error.message);
    const file = state.value.persistence.files.find((f) => f.name === '90-nonlocal-bind.conf');
    const request: ApplyRequest = {
      values: {},
      persistence: {
        kind: 'unpersist',
        fileName: '90-nonlocal-bind.conf',
        expectedSha256: file?.sha256 ?? null,
        resetRuntime,
        settings,
      },
    };
    const answer = await table['changes:apply'](request);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.error).toBeNull();
    const fileLeft = await access(
      path.join(root.fsRoot, 'etc/sysctl.d/90-nonlocal-bind.conf'),
    ).then(
      () => true,
      () => false,
    );
    return { summary: answer.value.summary, fileLeft };
  } finally {
    await root.dispose();
  }
}

test('a removal says which lines left which file, and what the running value is, never "was written"', async () => {
  const { summary, fileLeft } = await removeFromAppFile(['ipv4'], false);
  expect(fileLeft).toBe(true);
  expect(summary).toBe(
    'IPv4 non-local bind is still on; the net.ipv4.ip_nonlocal_bind line was removed from /etc/sysctl.d/90-nonlocal-bind.conf.',
  );
});

test('a removal that also turns the setting off says it is now off', async () => {
  const { summary } = await removeFromAppFile(['ipv4'], true);
  expect(summary).toBe(
    'IPv4 non-local bind is now off; the net.ipv4.ip_nonlocal_bind line was removed from /etc/sysctl.d/90-nonlocal-bind.conf.',
  );
});

test('a removal that leaves only the app’s header says the file was deleted', async () => {
  const { summary, fileLeft } = await removeFromAppFile(['ipv4', 'ipv6'], false);
  expect(fileLeft).toBe(false);
  expect(summary).toBe(
    'IPv4 non-local bind is still on; IPv6 non-local bind is still on; the net.ipv4.ip_nonlocal_bind and net.ipv6.ip_nonlocal_bind lines were removed from /etc/sysctl.d/90-nonlocal-bind.conf, which set nothing else and was deleted.',
  );
});

test('a file emptied of our lines is kept when it stands in for a same-named vendor file', async () => {
  const scenario = findDemoScenario('enabled');
  if (!scenario) throw new Error('scenario missing');
  const base = await createDemoRoot(scenario);
  try {
    // /etc/sysctl.d/90-nonlocal-bind.conf hides this one at boot; deleting ours would bring
    // its settings back.
    const vendorDir = path.join(base.fsRoot, 'usr/lib/sysctl.d');
    await mkdir(vendorDir, { recursive: true });
    await writeFile(
      path.join(vendorDir, '90-nonlocal-bind.conf'),
      'net.ipv4.ip_nonlocal_bind = 0\nkernel.pid_max = 4194304\n',
    );
    const table = createHandlerTable(createHandlerDeps({ scenario, root: base }, 'test'));
    const state = await table['state:get'](null);
    if (!state.ok) throw new Error(state.error.message);
    const file = state.value.persistence.files.find((f) => f.name === '90-nonlocal-bind.conf');
    const answer = await table['changes:apply']({
      values: {},
      persistence: {
        kind: 'unpersist',
        fileName: '90-nonlocal-bind.conf',
        expectedSha256: file?.sha256 ?? null,
        resetRuntime: false,
        settings: ['ipv4', 'ipv6'],
      },
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.error).toBeNull();
    const left = await readFile(
      path.join(base.fsRoot, 'etc/sysctl.d/90-nonlocal-bind.conf'),
      'utf8',
    );
    expect(left).not.toMatch(/^[ \t]*-?net[./]ipv[46][./]ip_nonlocal_bind[ \t]*=/m);
    expect(left).toMatch(/^# Written by Nonlocal Bind/);
    expect(answer.value.summary).not.toContain('deleted');

    // Nothing of ours is left in it now: a second removal has nothing to do and keeps it.
    const again = await table['state:get'](null);
    if (!again.ok) throw new Error(again.error.message);
    const emptied = again.value.persistence.files.find((f) => f.name === '90-nonlocal-bind.conf');
    const second = await table['changes:apply']({
      values: {},
      persistence: {
        kind: 'unpersist',
        fileName: '90-nonlocal-bind.conf',
        expectedSha256: emptied?.sha256 ?? null,
        resetRuntime: false,
        settings: ['ipv4', 'ipv6'],
      },
    });
    expect(second.ok ? second.value.error?.code : second.error.code).toBe('nothing-to-remove');
    await access(path.join(base.fsRoot, 'etc/sysctl.d/90-nonlocal-bind.conf'));
  } finally {
    await base.dispose();
  }
});
