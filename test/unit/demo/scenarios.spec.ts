import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import type { AppState, ApplyOutcome, SettingId } from '../../../electron/contract';
import { createDemoRoot, DEMO_SCENARIOS, findDemoScenario } from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { readAppState } from '../../../electron/handlers/state-handlers';
import { DEFAULT_FILE_NAME } from '../../../electron/system/file-name';

/** Lays a scenario out, reads it back through the real core, and removes it again. */
async function withScenario<T>(
  name: string,
  use: (state: AppState, run: ReturnType<typeof createHandlerTable>, fsRoot: string) => Promise<T>,
): Promise<T> {
  const scenario = findDemoScenario(name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const root = await createDemoRoot(scenario);
  try {
    const deps = createHandlerDeps({ scenario, root });
    return await use(await readAppState(deps), createHandlerTable(deps), root.fsRoot);
  } finally {
    await root.dispose();
  }
}

function runtimeOf(state: AppState, id: SettingId): string {
  const reading = state.settings.find((s) => s.id === id)?.runtime;
  if (!reading) return 'missing';
  return reading.kind === 'value' ? String(reading.value) : reading.kind;
}

function bootOf(state: AppState, id: SettingId) {
  const boot = state.boot.settings.find((s) => s.id === id);
  if (!boot) throw new Error(`no boot state for ${id}`);
  return boot;
}

async function applyIpv4On(run: ReturnType<typeof createHandlerTable>): Promise<ApplyOutcome> {
  const answer = await run['changes:apply']({
    values: { ipv4: 1 },
    persistence: { kind: 'runtime' },
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

test('every scenario the issue names exists, with a unique name and a summary', () => {
  const names = DEMO_SCENARIOS.map((s) => s.name);
  for (const wanted of [
    'fresh',
    'enabled',
    'enabled-runtime-only',
    'persisted',
    'drift',
    'conflict-sysctl-conf',
    'no-ipv6',
    'readonly-proc',
    'auth-denied',
    'no-polkit-agent',
    'no-pkexec',
    'vips-found',
  ]) {
    expect(names).toContain(wanted);
  }
  expect(new Set(names).size).toBe(names.length);
  for (const s of DEMO_SCENARIOS) expect(s.summary.length).toBeGreaterThan(10);
});

test('fresh: both off now and at boot, no drift, no disagreement', async () => {
  await withScenario('fresh', async (state) => {
    expect(state.demo).toEqual({ scenario: 'fresh' });
    expect([runtimeOf(state, 'ipv4'), runtimeOf(state, 'ipv6')]).toEqual(['0', '0']);
    for (const id of ['ipv4', 'ipv6'] as const) {
      expect(bootOf(state, id).drift).toBe(false);
      expect(bootOf(state, id).enginesDisagree).toBe(false);
    }
    expect(state.persistence.suggestedFileName).toBe(DEFAULT_FILE_NAME);
  });
});

test('enabled-runtime-only: IPv4 on now, but nothing keeps it at boot (drift)', async () => {
  await withScenario('enabled-runtime-only', async (state) => {
    expect(runtimeOf(state, 'ipv4')).toBe('1');
    expect(bootOf(state, 'ipv4').systemd.value).toBeNull();
    expect(bootOf(state, 'ipv4').drift).toBe(true);
    expect(state.persistence.files.filter((f) => f.keyLines.length > 0)).toEqual([]);
  });
});

test('persisted: IPv4 on now and at boot from the app’s default file', async () => {
  await withScenario('persisted', async (state) => {
    expect(runtimeOf(state, 'ipv4')).toBe('1');
    const boot = bootOf(state, 'ipv4');
    expect(boot.systemd.winner?.path).toBe(`/etc/sysctl.d/${DEFAULT_FILE_NAME}`);
    expect(boot.procps.value).toBe('1');
    expect(boot.drift).toBe(false);
    expect(boot.enginesDisagree).toBe(false);
    expect(state.persistence.suggestedFileName).toBe(DEFAULT_FILE_NAME);
  });
});

test('drift: the running IPv4 value differs from what boot sets', async () => {
  await withScenario('drift', async (state) => {
    expect(runtimeOf(state, 'ipv4')).toBe('0');
    expect(bootOf(state, 'ipv4').bootValue).toBe(1);
    expect(bootOf(state, 'ipv4').drift).toBe(true);
    expect(bootOf(state, 'ipv4').enginesDisagree).toBe(false);
  });
});

test('conflict-sysctl-conf: systemd-sysctl leaves 1, sysctl --system leaves 0 via /etc/sysctl.conf', async () => {
  await withScenario('conflict-sysctl-conf', async (state) => {
    const boot = bootOf(state, 'ipv4');
    expect(boot.enginesDisagree).toBe(true);
    expect(boot.systemd.value).toBe('1');
    expect(boot.systemd.winner?.path).toBe('/etc/sysctl.d/99-zz-ha.conf');
    expect(boot.procps.value).toBe('0');
    expect(boot.procps.winner?.path).toBe('/etc/sysctl.conf');
  });
});

test('no-ipv6: IPv6 reads as absent, IPv4 as off', async () => {
  await withScenario('no-ipv6', async (state) => {
    expect(runtimeOf(state, 'ipv4')).toBe('0');
    const v6 = state.settings.find((s) => s.id === 'ipv6')?.runtime;
    expect(v6).toMatchObject({ kind: 'unavailable', reason: 'ipv6-absent' });
  });
});

test('a granted demo Apply really changes the demo files and nothing else', async () => {
  await withScenario('fresh', async (_state, run) => {
    const outcome = await applyIpv4On(run);
    expect(outcome.error).toBeNull();
    expect(outcome.applied).toBe(true);
    expect(runtimeOf(outcome.state, 'ipv4')).toBe('1');
  });
});

for (const [name, code, words] of [
  ['auth-denied', 'auth-refused', 'Authentication was refused or cancelled'],
  ['no-polkit-agent', 'no-polkit-agent', 'No polkit authentication agent is running'],
  ['no-pkexec', 'no-pkexec', 'pkexec is not installed'],
  ['readonly-proc', 'proc-read-only', '/proc/sys is read-only here'],
] as const) {
  test(`${name}: Apply fails with the same error the real elevation path maps, and changes nothing`, async () => {
    await withScenario(name, async (state, run, fsRoot) => {
      expect(state.demo?.note).toMatch(/^Simulated: /);
      const outcome = await applyIpv4On(run);
      expect(outcome.applied).toBe(false);
      expect(outcome.error?.code).toBe(code);
      expect(outcome.error?.message).toContain(words);
      expect(runtimeOf(outcome.state, 'ipv4')).toBe('0');
      const raw = await readFile(path.join(fsRoot, 'proc/sys/net/ipv4/ip_nonlocal_bind'), 'utf8');
      expect(raw).toBe('0\n');
      if (name === 'no-polkit-agent') {
        // The fallback: the commands to run by hand, as the real mapping lists them.
        expect(outcome.error?.details).toContain('net.ipv4.ip_nonlocal_bind');
      }
    });
  });
}

test('vips-found: the HAProxy, Keepalived and Nginx configs are laid out under the demo root', async () => {
  await withScenario('vips-found', async (_state, _run, fsRoot) => {
    const read = (p: string) => readFile(path.join(fsRoot, p), 'utf8');
    expect(await read('etc/haproxy/haproxy.cfg')).toContain('bind 192.0.2.10:80');
    expect(await read('etc/keepalived/keepalived.conf')).toMatch(
      /virtual_ipaddress \{\n\s+192\.0\.2\.10\/24/,
    );
    expect(await read('etc/nginx/conf.d/vip.conf')).toContain('listen [2001:db8::12]:8443;');
  });
});

test('the demo root is removed on dispose', async () => {
  const scenario = findDemoScenario('persisted');
  if (!scenario) throw new Error('missing');
  const root = await createDemoRoot(scenario);
  await root.dispose();
  await expect(readFile(path.join(root.fsRoot, 'etc/sysctl.conf'))).rejects.toThrow(/ENOENT/);
});
