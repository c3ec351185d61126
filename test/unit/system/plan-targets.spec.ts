import { test, expect } from '@playwright/test';
import { lstat, readFile, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApplyRequest } from '../../../electron/contract';
import { createDemoRoot, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { SETTINGS } from '../../../electron/system/settings';
import { suggestedFileName } from '../../../renderer/src/state/selectors';
import { changeReportWords, settingNames } from '../../../renderer/src/words/outcome-words';
import { errorWords } from '../../../renderer/src/error-words';
import { captionWords } from '../../../renderer/src/words/command-words';

/** A demo scenario's handler table through the real core, its root, and a way to clean up. */
async function withDemo(
  name: string,
  body: (table: ReturnType<typeof createHandlerTable>, fsRoot: string) => Promise<void>,
): Promise<void> {
  const scenario = findDemoScenario(name);
  if (!scenario) throw new Error(name);
  const root = await createDemoRoot(scenario);
  try {
    await body(createHandlerTable(createHandlerDeps({ scenario, root }, 'test')), root.fsRoot);
  } finally {
    await root.dispose();
  }
}

async function stateOf(table: ReturnType<typeof createHandlerTable>) {
  const answer = await table['state:get'](null);
  if (!answer.ok) throw new Error(errorWords(answer.error));
  return answer.value;
}

async function planOf(table: ReturnType<typeof createHandlerTable>, request: ApplyRequest) {
  const answer = await table['changes:plan'](request);
  if (!answer.ok) throw new Error(errorWords(answer.error));
  return answer.value;
}

test('demo "fresh": a typed name that a vendor file has is refused, in words, and Apply writes nothing', async () => {
  await withDemo('fresh', async (table, fsRoot) => {
    const request: ApplyRequest = {
      values: { ipv4: 1 },
      persistence: { kind: 'persist', fileName: '50-pid-max.conf', expectedSha256: null },
    };
    const plan = await planOf(table, request);
    expect(plan.error?.code).toBe('file-name-hides-file');
    expect(plan.error && errorWords(plan.error)).toBe(
      '50-pid-max.conf would hide /usr/lib/sysctl.d/50-pid-max.conf at boot, and kernel.pid_max = 4194304 would no longer be set. Choose another name.',
    );
    expect(plan.file).toBeNull();
    expect(plan.commands).toEqual([]);
    const applied = await table['changes:apply'](request);
    if (!applied.ok) throw new Error(errorWords(applied.error));
    expect(applied.value).toMatchObject({
      applied: false,
      error: { code: 'file-name-hides-file' },
    });
    await expect(lstat(path.join(fsRoot, 'etc/sysctl.d/50-pid-max.conf'))).rejects.toThrow();
    expect(await readFile(path.join(fsRoot, 'proc/sys/net/ipv4/ip_nonlocal_bind'), 'utf8')).toBe(
      '0\n',
    );
    // Any other new name is fine, and one /etc/sysctl.d already has hides nothing new.
    const other = await planOf(table, {
      ...request,
      persistence: { kind: 'persist', fileName: '51-pid-max.conf', expectedSha256: null },
    });
    expect(other.error).toBeNull();
    expect(other.file).toEqual({ path: '/etc/sysctl.d/51-pid-max.conf', action: 'create' });
    await writeFile(path.join(fsRoot, 'etc/sysctl.d/50-pid-max.conf'), 'kernel.pid_max = 65536\n');
    const state = await stateOf(table);
    const sha = state.persistence.files.find((f) => f.name === '50-pid-max.conf')?.sha256 ?? null;
    const existing = await planOf(table, {
      ...request,
      persistence: { kind: 'persist', fileName: '50-pid-max.conf', expectedSha256: sha },
    });
    expect(existing.error).toBeNull();
    expect(existing.file?.action).toBe('edit');
  });
});

test('demo "conflict-sysctl-conf": the default target is per change, never a file that does not set it', async () => {
  await withDemo('conflict-sysctl-conf', async (table) => {
    const state = await stateOf(table);
    // Only IPv4 is decided by a file; a change of IPv6 alone goes to the app's own file.
    expect(state.persistence.decidingFiles).toEqual({ ipv4: '99-zz-ha.conf' });
    expect(suggestedFileName(state.persistence, [])).toBe('99-zz-ha.conf');
    expect(suggestedFileName(state.persistence, ['ipv6'])).toBe('90-nonlocal-bind.conf');
    // IPv6 alone, into the app's own file: a new file, and nothing overrides it at boot.
    const plan = await planOf(table, {
      values: { ipv6: 1 },
      persistence: { kind: 'persist', fileName: '90-nonlocal-bind.conf', expectedSha256: null },
    });
    expect(plan.error).toBeNull();
    expect(plan.file).toEqual({ path: '/etc/sysctl.d/90-nonlocal-bind.conf', action: 'create' });
    expect(plan.conflicts).toEqual([]);
  });
});

test('demo "conflict-sysctl-conf": Remove from /etc/sysctl.conf takes out only our line and keeps the file', async () => {
  await withDemo('conflict-sysctl-conf', async (table, fsRoot) => {
    const conf = path.join(fsRoot, 'etc/sysctl.conf');
    const before = await readFile(conf, 'utf8');
    const state = await stateOf(table);
    expect(state.persistence.sysctlConf).toMatchObject({
      name: 'sysctl.conf',
      kind: 'file',
      problem: null,
      writtenByApp: false,
      keyLines: [{ key: 'net.ipv4.ip_nonlocal_bind', value: '0', line: 3 }],
    });
    const request: ApplyRequest = {
      values: {},
      persistence: {
        kind: 'unpersist-sysctl-conf',
        expectedSha256: state.persistence.sysctlConf?.sha256 ?? null,
        resetRuntime: false,
        settings: ['ipv4'],
      },
    };
    const plan = await planOf(table, request);
    expect(plan.error).toBeNull();
    expect(plan.file).toEqual({ path: '/etc/sysctl.conf', action: 'edit' });
    expect(plan.commands.map((c) => captionWords(c.caption))).toContain(
      'Write /etc/sysctl.conf (complete new content)',
    );
    const applied = await table['changes:apply'](request);
    if (!applied.ok) throw new Error(errorWords(applied.error));
    const report = applied.value.report;
    if (!applied.value.applied || !report) throw new Error('not applied');
    expect(changeReportWords(report, settingNames(SETTINGS))).toBe(
      'IPv4 non-local bind is still on; the net.ipv4.ip_nonlocal_bind line was removed from /etc/sysctl.conf.',
    );
    expect(await readFile(conf, 'utf8')).toBe(
      before.replace('net.ipv4.ip_nonlocal_bind = 0\n', ''),
    );
    expect(await readlink(path.join(fsRoot, 'etc/sysctl.d/99-sysctl.conf'))).toBe('../sysctl.conf');
    // The running value was left alone, and both engines now agree on 99-zz-ha.conf's 1.
    const after = applied.value.state;
    expect(after.settings.find((s) => s.id === 'ipv4')?.runtime).toEqual({
      kind: 'value',
      value: 1,
    });
    expect(after.boot.settings.find((b) => b.id === 'ipv4')).toMatchObject({
      enginesDisagree: false,
      bootValue: 1,
    });
    // Nothing left to remove: said so, and nothing runs.
    const again = await planOf(table, {
      ...request,
      persistence: {
        ...request.persistence,
        expectedSha256: after.persistence.sysctlConf?.sha256 ?? null,
      } as ApplyRequest['persistence'],
    });
    expect(again.error?.code).toBe('nothing-to-remove');
  });
});

test('a removal from /etc/sysctl.conf edited since it was read is refused', async () => {
  await withDemo('conflict-sysctl-conf', async (table, fsRoot) => {
    const state = await stateOf(table);
    await writeFile(path.join(fsRoot, 'etc/sysctl.conf'), 'net.ipv4.ip_nonlocal_bind = 0\n# new\n');
    const plan = await planOf(table, {
      values: {},
      persistence: {
        kind: 'unpersist-sysctl-conf',
        expectedSha256: state.persistence.sysctlConf?.sha256 ?? null,
        resetRuntime: true,
      },
    });
    expect(plan.error?.code).toBe('file-changed');
  });
});

test('the request check takes a removal from /etc/sysctl.conf and refuses extra fields or values', async () => {
  await withDemo('conflict-sysctl-conf', async (table) => {
    const bad = [
      { values: {}, persistence: { kind: 'unpersist-sysctl-conf', expectedSha256: null } },
      {
        values: { ipv4: 1 },
        persistence: { kind: 'unpersist-sysctl-conf', expectedSha256: null, resetRuntime: false },
      },
      {
        values: {},
        persistence: {
          kind: 'unpersist-sysctl-conf',
          expectedSha256: null,
          resetRuntime: false,
          fileName: 'sysctl.conf',
        },
      },
    ];
    for (const payload of bad) {
      const answer = await table['changes:plan'](payload as unknown as ApplyRequest);
      expect(answer.ok, JSON.stringify(payload)).toBe(false);
    }
  });
});
