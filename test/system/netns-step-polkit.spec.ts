import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readInsideNamespaces, type StepRunner } from '../../electron/system/netns/namespace-step';
import type { NamespaceRef } from '../../electron/system/netns/namespace-step-types';
import { SETTINGS } from '../../electron/system/settings';
import { HELPER_PATH, POLKIT_ACTION_ID } from '../../electron/system/step-helper';
import { polkitPackageFiles, vendorOf } from '../../scripts/packaging/polkit-files';
import { startPrivatePolkit, type PrivatePolkit } from '../harness/private-polkit';
import { asUserArgv, createSandbox, type Sandbox } from '../harness/sandbox';
import { holdNamespaces, valuesInside, type Holders } from '../harness/netns-holders';

// Issue 18: "Reading inside 20 namespaces takes one authentication". The real chain: a user
// runs the packaged helper through real pkexec, a polkitd of the sandbox's own decides by a
// rule that logs each time it is asked, and the helper (the step) reads all 20 as root.

const USER = 'nbnetns';
let sandbox: Sandbox;
let polkit: PrivatePolkit;
let holders: Holders | null = null;

test.beforeEach(async () => {
  sandbox = await createSandbox({ pidNamespace: true });
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0];
  const files = polkitPackageFiles(vendorOf(pkg)).map((f) => ({
    path: f.installPath,
    mode: f.mode,
    content: f.content,
  }));
  const rules = `polkit.addRule(function (action, subject) {
  if (subject.user === "${USER}") {
    polkit.log("nb-netns-asked " + action.id);
    return action.id === "${POLKIT_ACTION_ID}" ? polkit.Result.YES : polkit.Result.NO;
  }
  return polkit.Result.NOT_HANDLED;
});
`;
  polkit = await startPrivatePolkit(sandbox, files, rules);
  sandbox.run('useradd', ['--no-log-init', '--no-create-home', '--shell', '/bin/sh', USER]);
});
test.afterEach(async () => {
  await holders?.release();
  holders = null;
  await sandbox.dispose();
});

test('20 namespaces are read through pkexec and the packaged helper with one authorization', async () => {
  holders = await holdNamespaces(sandbox, 20);
  // Half of them on, so a read of the wrong namespace would show.
  for (const [i, h] of holders.held.entries()) {
    if (i % 2 === 1)
      sandbox.run('nsenter', [
        `--net=/proc/${h.pid}/ns/net`,
        'sh',
        '-c',
        'echo 1 > /proc/sys/net/ipv4/ip_nonlocal_bind',
      ]);
  }
  const [command, ...prefix] = asUserArgv(USER);
  let pkexecRuns = 0;
  const run: StepRunner = async (args) => {
    pkexecRuns += 1;
    // A shell stays pkexec's parent: polkit asks about the parent, inside the PID namespace.
    const r = sandbox.run(
      command as string,
      [
        ...prefix,
        'sh',
        '-c',
        '"$@"; exit $?',
        'sh',
        'pkexec',
        '--disable-internal-agent',
        HELPER_PATH,
        ...args,
      ],
      { allowFailure: true, timeoutMs: 60_000, cwd: '/' },
    );
    return { kind: 'ran', exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const asked = () =>
    polkit
      .readLog()
      .split('\n')
      .filter((l) => l.includes('nb-netns-asked')).length;
  expect(asked()).toBe(0);

  const refs = holders.held.map((h): NamespaceRef => ({ via: 'pid', pid: h.pid, inode: h.inode }));
  const result = await readInsideNamespaces(run, refs, SETTINGS);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(pkexecRuns).toBe(1);
  await expect.poll(asked, { timeout: 10_000 }).toBe(1);
  expect(result.readings.map((r) => r.ok && r.values.ipv4)).toEqual(
    holders.held.map((h) => ({
      kind: 'value',
      value: Number(valuesInside(sandbox, `/proc/${h.pid}/ns/net`)[0]),
    })),
  );
  expect(
    result.readings.filter(
      (r) => r.ok && r.values.ipv4?.kind === 'value' && r.values.ipv4.value === 1,
    ),
  ).toHaveLength(10);
  // The helper refuses for this user what the step refuses for anyone.
  const hostile = await run(['v2', '--', 'ns-read', 'name/../1'], []);
  expect(hostile.kind === 'ran' && hostile.exitCode).toBe(64);
});
