import { test, expect } from '@playwright/test';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyRequest, ChangeReport } from '../../../electron/contract';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { SETTINGS } from '../../../electron/system/settings';
import { changeReportWords, settingNames } from '../../../renderer/src/words/outcome-words';
import { errorWords } from '../../../renderer/src/error-words';

/** The success words the renderer shows for an Apply's report. */
const words = (report: ChangeReport | null) =>
  report ? changeReportWords(report, settingNames(SETTINGS)) : '';

type HandlerTable = ReturnType<typeof createHandlerTable>;
const APP_FILE = '90-nonlocal-bind.conf';

/** Runs `body` on the `enabled` demo's handler table, after `prepare` has added to its root. */
async function withEnabledDemo<T>(
  body: (table: HandlerTable, fsRoot: string) => Promise<T>,
  prepare: (fsRoot: string) => Promise<void> = async () => {},
): Promise<T> {
  const scenario = findDemoScenario('enabled');
  if (!scenario) throw new Error('scenario missing');
  const root = await createDemoRoot(scenario);
  try {
    await prepare(root.fsRoot);
    return await body(
      createHandlerTable(createHandlerDeps({ scenario, root }, 'test')),
      root.fsRoot,
    );
  } finally {
    await root.dispose();
  }
}

/** "Remove from 90-nonlocal-bind.conf" as the UI sends it, with the hash it has just read. */
async function removeFromAppFileVia(
  table: HandlerTable,
  settings: readonly ('ipv4' | 'ipv6')[],
  resetRuntime: boolean,
) {
  const state = await table['state:get'](null);
  if (!state.ok) throw new Error(errorWords(state.error));
  const file = state.value.persistence.files.find((f) => f.name === APP_FILE);
  const request: ApplyRequest = {
    values: {},
    persistence: {
      kind: 'unpersist',
      fileName: APP_FILE,
      expectedSha256: file?.sha256 ?? null,
      resetRuntime,
      settings,
    },
  };
  return table['changes:apply'](request);
}

const appFileLeft = (fsRoot: string) =>
  access(path.join(fsRoot, 'etc/sysctl.d', APP_FILE)).then(
    () => true,
    () => false,
  );

/** Applies a removal from 90-nonlocal-bind.conf in the `enabled` scenario; the success words. */
function removeFromAppFile(
  settings: readonly ('ipv4' | 'ipv6')[],
  resetRuntime: boolean,
): Promise<{ summary: string; fileLeft: boolean }> {
  return withEnabledDemo(async (table, fsRoot) => {
    const answer = await removeFromAppFileVia(table, settings, resetRuntime);
    if (!answer.ok) throw new Error(errorWords(answer.error));
    expect(answer.value.error).toBeNull();
    return { summary: words(answer.value.report), fileLeft: await appFileLeft(fsRoot) };
  });
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
  // /etc/sysctl.d/90-nonlocal-bind.conf hides this one at boot; deleting ours would bring
  // its settings back.
  const addVendorFile = async (fsRoot: string) => {
    const vendorDir = path.join(fsRoot, 'usr/lib/sysctl.d');
    await mkdir(vendorDir, { recursive: true });
    await writeFile(
      path.join(vendorDir, APP_FILE),
      'net.ipv4.ip_nonlocal_bind = 0\nkernel.pid_max = 4194304\n',
    );
  };
  await withEnabledDemo(async (table, fsRoot) => {
    const answer = await removeFromAppFileVia(table, ['ipv4', 'ipv6'], false);
    if (!answer.ok) throw new Error(errorWords(answer.error));
    expect(answer.value.error).toBeNull();
    const left = await readFile(path.join(fsRoot, 'etc/sysctl.d', APP_FILE), 'utf8');
    expect(left).not.toMatch(/^[ \t]*-?net[./]ipv[46][./]ip_nonlocal_bind[ \t]*=/m);
    expect(left).toMatch(/^# Written by Nonlocal Bind/);
    expect(words(answer.value.report)).not.toContain('deleted');

    // Nothing of ours is left in it now: a second removal has nothing to do and keeps it.
    const second = await removeFromAppFileVia(table, ['ipv4', 'ipv6'], false);
    expect(second.ok ? second.value.error?.code : second.error.code).toBe('nothing-to-remove');
    expect(await appFileLeft(fsRoot)).toBe(true);
  }, addVendorFile);
});
