import { test, expect } from '@playwright/test';
import { bindTestWords } from '../../../renderer/src/words/bind-test-words';
import {
  createDemoRoot,
  DEMO_OWN_ADDRESSES,
  DEMO_SCENARIOS,
  findDemoScenario,
} from '../../../electron/demo/scenarios';
import { createHandlerDeps } from '../../../electron/handlers/create-deps';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import type { AppState } from '../../../electron/contract';
import { errorWords } from '../../../renderer/src/error-words';

async function stateOf(name: string): Promise<{
  state: AppState;
  table: ReturnType<typeof createHandlerTable>;
  dispose: () => Promise<void>;
}> {
  const scenario = findDemoScenario(name);
  if (!scenario) throw new Error(name);
  const root = await createDemoRoot(scenario);
  const table = createHandlerTable(createHandlerDeps({ scenario, root }, 'test'));
  const answer = await table['state:get'](null);
  if (!answer.ok) throw new Error(errorWords(answer.error));
  return { state: answer.value, table, dispose: root.dispose };
}

const runtime = (s: AppState) =>
  s.settings.map((x) => (x.runtime.kind === 'value' ? x.runtime.value : x.runtime.kind));
const boot = (s: AppState, id: 'ipv4' | 'ipv6') => s.boot.settings.find((b) => b.id === id);

test('every scenario the issue lists exists', () => {
  expect(DEMO_SCENARIOS.map((s) => s.name).sort()).toEqual(
    [
      'auth-denied',
      'conflict-sysctl-conf',
      'docker-haproxy',
      'netns-nginx',
      'drift',
      'enabled',
      'enabled-runtime-only',
      'fresh',
      'no-ipv6',
      'no-pkexec',
      'no-polkit-agent',
      'persisted',
      'readonly-proc',
      'vips-found',
    ].sort(),
  );
});

test('scenarios read back as their names say, through the real core', async () => {
  const expectations: Record<string, (s: AppState) => void> = {
    fresh: (s) => expect(runtime(s)).toEqual([0, 0]),
    enabled: (s) => {
      // The banner says "now and at every boot": no drift note may contradict it.
      expect(runtime(s)).toEqual([1, 1]);
      expect(boot(s, 'ipv4')).toMatchObject({ drift: false, bootValue: 1 });
      expect(boot(s, 'ipv6')).toMatchObject({ drift: false, bootValue: 1 });
    },
    'enabled-runtime-only': (s) => {
      expect(runtime(s)).toEqual([1, 0]);
      expect(boot(s, 'ipv4')?.drift).toBe(true);
    },
    persisted: (s) => {
      expect(boot(s, 'ipv4')?.systemd.winner?.path).toBe('/etc/sysctl.d/90-nonlocal-bind.conf');
      expect(boot(s, 'ipv4')?.drift).toBe(false);
    },
    drift: (s) => expect(boot(s, 'ipv4')).toMatchObject({ drift: true, bootValue: 1 }),
    'conflict-sysctl-conf': (s) => expect(boot(s, 'ipv4')?.enginesDisagree).toBe(true),
    'no-ipv6': (s) => expect(runtime(s)).toEqual([0, 'unavailable']),
  };
  for (const [name, check] of Object.entries(expectations)) {
    const { state, dispose } = await stateOf(name);
    expect(state.demo?.scenario).toBe(name);
    check(state);
    await dispose();
  }
});

test('elevation scenarios answer Apply with the real messages and change nothing', async () => {
  const codes: Record<string, string> = {
    'auth-denied': 'auth-refused',
    'no-polkit-agent': 'no-polkit-agent',
    'no-pkexec': 'no-pkexec',
    'readonly-proc': 'proc-read-only',
  };
  for (const [name, code] of Object.entries(codes)) {
    const { table, dispose } = await stateOf(name);
    const answer = await table['changes:apply']({
      values: { ipv4: 1 },
      persistence: { kind: 'runtime' },
    });
    expect(answer.ok && answer.value.error?.code, name).toBe(code);
    expect(answer.ok && runtime(answer.value.state), name).toEqual([0, 0]);
    await dispose();
  }
});

test('the demo bind test knows loopback, the any-address and the simulated machine as local', async () => {
  const { table, dispose } = await stateOf('fresh');
  try {
    for (const address of ['127.0.0.1', '127.5.6.7', '::1', ...DEMO_OWN_ADDRESSES]) {
      const answer = await table['bind:test']({ address, port: 0 });
      if (!answer.ok) throw new Error(errorWords(answer.error));
      expect(answer.value, address).toMatchObject({
        outcome: 'works',
        assignedLocally: true,
        anyAddress: false,
      });
      expect(bindTestWords(answer.value), address).toContain('belongs to this computer');
    }
    // The any-address is all of the machine's addresses, in the real test's words.
    for (const address of ['0.0.0.0', '::', '[::]']) {
      const answer = await table['bind:test']({ address, port: 0 });
      if (!answer.ok) throw new Error(errorWords(answer.error));
      expect(answer.value, address).toMatchObject({ outcome: 'works', anyAddress: true });
      expect(bindTestWords(answer.value), address).toBe(
        "works: this is the any-address (all of this computer's addresses), which never needs non-local bind (simulated in the demo)",
      );
      expect(bindTestWords(answer.value), address).not.toContain('belongs to this computer');
    }
    // A virtual IP with the (simulated) setting off still fails, in the real test's words.
    const vip = await table['bind:test']({ address: '192.0.2.10', port: 0 });
    if (!vip.ok) throw new Error(errorWords(vip.error));
    expect(vip.value).toMatchObject({ outcome: 'not-local', assignedLocally: false });
    expect(bindTestWords(vip.value)).toContain('this computer does not hold this address');
  } finally {
    await dispose();
  }
});

test('each scenario says whether Apply can ask for a password, from its simulated tools', async () => {
  const expected: Record<string, string> = {
    fresh: 'asks',
    'no-pkexec': 'no-pkexec',
    'no-polkit-agent': 'no-agent',
  };
  for (const [name, prompt] of Object.entries(expected)) {
    const { state, dispose } = await stateOf(name);
    await dispose();
    expect(state.passwordPrompt, name).toBe(prompt);
  }
});

test('each scenario’s diagnostics name the tools of its story: the packaged helper unless pkexec is missing', async () => {
  const used =
    "polkit action io.nonlocalbind.app.apply: used (/usr/lib/nonlocal-bind/nonlocal-bind-step is this version's step)";
  for (const scenario of DEMO_SCENARIOS) {
    const { table, state, dispose } = await stateOf(scenario.name);
    try {
      const report = await table['diagnostics:get'](null);
      if (!report.ok) throw new Error(errorWords(report.error));
      const text = report.value.text;
      expect(text, scenario.name).not.toContain('is not installed');
      if (scenario.name === 'no-pkexec') {
        expect(text, scenario.name).toContain('pkexec: missing');
        expect(text, scenario.name).toContain(
          'polkit action io.nonlocalbind.app.apply: not used, the generic pkexec prompt instead (/usr/bin/pkexec is missing)',
        );
      } else {
        expect(text, scenario.name).toContain('pkexec: /usr/bin/pkexec');
        expect(text, scenario.name).toContain(used);
      }
      // The password-prompt words agree with the same tools.
      expect(state.passwordPrompt === 'no-pkexec', scenario.name).toBe(
        scenario.name === 'no-pkexec',
      );
    } finally {
      await dispose();
    }
  }
});

test('demo diagnostics: the simulated kernel, and a failed Apply with the blocks its words point at', async () => {
  const { table, dispose } = await stateOf('no-polkit-agent');
  try {
    await table['changes:apply']({ values: { ipv4: 1 }, persistence: { kind: 'runtime' } });
    const report = await table['diagnostics:get'](null);
    if (!report.ok) throw new Error(errorWords(report.error));
    const text = report.value.text;
    expect(text).toContain('Kernel release: 6.1.0-28-amd64');
    const last = text.slice(text.indexOf('Last Apply:'));
    expect(last).toContain('not applied (no-polkit-agent)');
    // The app's words end "Run ONE of these blocks …:": the report must list those blocks.
    const afterMessage = last.split('\n').slice(1).join('\n');
    expect(afterMessage).toMatch(/^ {4}\S.*:\n {6}\S/);
  } finally {
    await dispose();
  }
});
