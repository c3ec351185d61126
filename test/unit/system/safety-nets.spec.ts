import { test, expect } from '@playwright/test';
import { OWN_NAMESPACE_ONLY } from '../../../electron/demo/demo-namespaces';
import { errorWords } from '../../../renderer/src/error-words';
import { createLocalTarget } from '../../../electron/system/target/local-target';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoRoot, findDemoScenario, type DemoRoot } from '../../../electron/demo/scenarios';
import { createApplyHandlers } from '../../../electron/handlers/apply-handlers';
import { createHandlerTable } from '../../../electron/handlers/handler-table';
import { createNodeHandlers } from '../../../electron/handlers/node-handlers';
import type { HandlerDeps } from '../../../electron/handlers/deps';
import { sshNodes } from '../../../electron/system/target/node-target';
import { ROOT } from '../../../electron/handlers/payload-checks';
import { applyRequestCheck } from '../../../electron/handlers/validate-apply-request';
import { SETTINGS } from '../../../electron/system/settings';
import { createDirectElevator, type Elevator } from '../../../electron/system/elevate';
import { createHelperElevator } from '../../../electron/system/helper-elevator';
import { parseDestination } from '../../../electron/system/nodes/destination';
import { acceptHostKey } from '../../../electron/system/nodes/host-key';
import { saveNodes } from '../../../electron/system/nodes/node-store';
import {
  assertSafeTokens,
  buildElevatedCommand,
  StepPlanError,
} from '../../../electron/system/privileged-step';

const validateApplyRequest = (payload: unknown) => applyRequestCheck(SETTINGS)(payload, ROOT);

// Issue 22, item 10: safety nets outside the step whose removal no test noticed. Each test
// below fails when its net is taken out.

const GOOD = ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'] as const;

test('a token with a space is refused on both elevation paths, wherever it sits', () => {
  // Joined into sudo-prompt's command line, "1 -" would be two arguments: the step would
  // get a shifted vector. The helper path must refuse it alike (same tokens, same rules).
  const helper = createHelperElevator('/nonexistent/helper', '/nonexistent/pkexec');
  for (let i = 0; i < GOOD.length; i += 1) {
    for (const spaced of [' ', `${GOOD[i]} `, ` ${GOOD[i]}`, `${GOOD[i]} x`]) {
      const args = GOOD.map((t, j) => (j === i ? spaced : t));
      expect(() => assertSafeTokens(args), JSON.stringify(args)).toThrow(StepPlanError);
      expect(() => buildElevatedCommand(args), JSON.stringify(args)).toThrow(StepPlanError);
      // Refused before pkexec is started (it would fail with ENOENT here, not throw).
      expect(() => helper.runStep(args, []), JSON.stringify(args)).toThrow(StepPlanError);
    }
  }
  expect(() => assertSafeTokens(['v1', '', '-', 'none', '-', 'absent', '-'])).toThrow(
    StepPlanError,
  );
  expect(() => assertSafeTokens(GOOD)).not.toThrow();
});

test('a removal naming the same setting twice is an invalid payload, and nothing is elevated', async () => {
  for (const persistence of [
    {
      kind: 'unpersist',
      fileName: '90-nonlocal-bind.conf',
      expectedSha256: null,
      resetRuntime: true,
      settings: ['ipv4', 'ipv4'],
    },
    {
      kind: 'unpersist-sysctl-conf',
      expectedSha256: null,
      resetRuntime: true,
      settings: ['ipv6', 'ipv6'],
    },
  ]) {
    const checked = validateApplyRequest({ values: {}, persistence });
    expect(checked).toEqual({
      ok: false,
      error:
        'persistence.settings must be a non-empty list of distinct setting ids ("ipv4", "ipv6")',
    });
    // The same, one level up: the handler answers invalid-payload without elevating.
    const elevations: (readonly string[])[] = [];
    const table = createHandlerTable(
      depsFor(root, {
        kind: 'simulated',
        runStep: async (args) => {
          elevations.push(args);
          return { kind: 'ran', exitCode: 0, stdout: '', stderr: '' };
        },
      }),
    );
    const answer = await table['changes:apply']({ values: {}, persistence });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(elevations).toEqual([]);
  }
  // Distinct ids stay valid: the check is about duplicates, not about lists.
  expect(
    validateApplyRequest({
      values: {},
      persistence: {
        kind: 'unpersist',
        fileName: '90-nonlocal-bind.conf',
        expectedSha256: null,
        resetRuntime: true,
        settings: ['ipv6', 'ipv4'],
      },
    }).ok,
  ).toBe(true);
});

test('a second Apply while one is in flight is refused, runs nothing, and the guard lifts afterwards', async () => {
  // The real step on the demo's simulated root, held at its start until the test lets go.
  const real = createDirectElevator(root.fsRoot);
  let entered: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => (entered = resolve));
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const runs: (readonly string[])[] = [];
  const held: Elevator = {
    kind: 'direct',
    runStep: async (args, manual) => {
      runs.push(args);
      entered();
      if (runs.length === 1) await gate;
      return real.runStep(args, manual);
    },
  };
  const apply = createApplyHandlers(depsFor(root, held))['changes:apply'];
  const request = { values: { ipv4: 1 }, persistence: { kind: 'runtime' } };
  const first = apply(request);
  await reached;
  const second = await apply({ values: { ipv6: 1 }, persistence: { kind: 'runtime' } });
  expect(second).toMatchObject({
    ok: true,
    value: { applied: false, error: { code: 'apply-in-progress' } },
  });
  expect(runs).toHaveLength(1);
  release();
  expect(await first).toMatchObject({ ok: true, value: { applied: true } });
  const third = await apply({ values: { ipv6: 1 }, persistence: { kind: 'runtime' } });
  expect(third).toMatchObject({ ok: true, value: { applied: true } });
  expect(runs).toHaveLength(2);
});

test('a second "Make all alike" while one is in flight is refused, and the guard lifts afterwards', async () => {
  // A node whose first connection (real ssh, its ProxyCommand) waits on a FIFO until the
  // test lets go; later ones end at once (noclobber: only one creates the mark). The first
  // Make-alike is then in flight for as long as the test wants, and nothing else waits.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-alike-guard-'));
  try {
    const fifo = path.join(dir, 'gate');
    const reached = path.join(dir, 'reached');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const config = path.join(dir, 'config');
    writeFileSync(
      config,
      `Host lb-2\n  ProxyCommand sh -c 'set -C; { : > ${reached}; } 2>/dev/null && cat ${fifo} >/dev/null'\n`,
    );
    const storeFile = path.join(dir, 'nodes.json');
    await saveNodes(storeFile, ['lb-2']);
    const deps = depsFor(root, createDirectElevator(root.fsRoot));
    const ssh = { program: 'ssh', options: ['-F', config], timeoutMs: 60_000 };
    const handlers = createNodeHandlers({
      ...deps,
      nodes: { connect: sshNodes(ssh), storeFile, local: deps.target },
    });
    const makeAlike = handlers['nodes:make-alike'];
    const request = { reference: 'local', passwords: {} };
    const first = makeAlike(request);
    await expect.poll(() => existsSync(reached)).toBe(true);
    expect(await makeAlike(request)).toMatchObject({
      ok: false,
      error: { code: 'apply-in-progress' },
    });
    release(fifo);
    const firstAnswer = await first;
    expect(firstAnswer.ok ? null : firstAnswer.error.code).not.toBe('apply-in-progress');
    const third = await makeAlike(request);
    expect(third.ok ? null : third.error.code).not.toBe('apply-in-progress');
  } finally {
    release(path.join(dir, 'gate'));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('accepted host keys are whole lines: a second accept never runs into the first, and ssh-keygen finds each', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-known-hosts-'));
  try {
    const known = path.join(dir, 'known_hosts');
    const config = path.join(dir, 'config');
    writeFileSync(config, `UserKnownHostsFile ${known}\n`);
    const settings = { program: 'ssh', options: ['-F', config], timeoutMs: 10_000 };
    const lineFor = (host: string): string => {
      const key = path.join(dir, `key-${host}`);
      const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
      expect(made.status).toBe(0);
      const pub = readFileSync(`${key}.pub`, 'utf8').trim().split(' ');
      return `${host} ${pub[0]} ${pub[1]}`;
    };
    const hosts = ['lb-1.example.test', 'lb-2.example.test', 'lb-3.example.test'];
    const lines = hosts.map(lineFor);
    for (const [i, host] of hosts.slice(0, 2).entries()) {
      const destination = parseDestination(host);
      if (!destination.ok) throw new Error(errorWords(destination.error));
      // The last one offers two lines at once, as a node with two key types does.
      const offered = i === 0 ? [lines[0] as string] : [lines[1] as string, lines[2] as string];
      await acceptHostKey(settings, destination.destination, { lines: offered, fingerprints: [] });
    }
    expect(readFileSync(known, 'utf8')).toBe(lines.map((l) => `${l}\n`).join(''));
    for (const host of hosts) {
      const found = spawnSync('ssh-keygen', ['-F', host, '-f', known], { encoding: 'utf8' });
      expect(found.status, host).toBe(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

let root: DemoRoot;
test.beforeEach(async () => {
  const scenario = findDemoScenario('fresh');
  if (!scenario) throw new Error('fresh scenario missing');
  root = await createDemoRoot(scenario);
});
test.afterEach(async () => {
  await root.dispose();
});

/** Opening the FIFO for writing and closing it ends a connection waiting on it, if any. */
function release(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader (ENXIO) or no FIFO: nothing waits.
  }
}

function depsFor(demo: DemoRoot, elevator: Elevator): HandlerDeps {
  return {
    target: createLocalTarget(
      { kind: 'demo', scenario: 'fresh' },
      { fsRoot: demo.fsRoot, platform: 'linux' },
      elevator,
    ),
    demo: { scenario: 'fresh', summary: 'safety nets' },
    writeClipboard: null,
    saveTextFile: null,
    applyLog: { last: null },
    appVersion: 'test',
    nodes: null,
    listNamespaces: () => Promise.resolve(OWN_NAMESPACE_ONLY),
  };
}
