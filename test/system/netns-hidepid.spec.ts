import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCAN_LIMITS } from '../../electron/system/netns/list-namespaces';
import { THREAD_GRACE_MS } from '../../electron/system/netns/netns-thread';
import type {
  NamespaceListing,
  NamespaceListingAnswer,
} from '../../electron/system/netns/netns-types';
import { bundleForChild } from '../harness/bundle';
import { asUserArgv, createSandbox, type Sandbox } from '../harness/sandbox';

/**
 * A /proc mounted with hidepid= hides other users' processes entirely: no EACCES to
 * count. The listing says so. The sandbox has its own pid namespace and so its own /proc
 * instance; only that instance is remounted with hidepid=invisible.
 */

const CHILD_LIMIT_S = Math.ceil((DEFAULT_SCAN_LIMITS.timeLimitMs + THREAD_GRACE_MS) / 1000) + 20;

let sandbox: Sandbox;
let entryDir: string;
let childEntry: string;

function listed(asUser?: string): NamespaceListing {
  const argv = [...(asUser ? asUserArgv(asUser) : []), process.execPath, childEntry];
  const run = sandbox.run('timeout', [String(CHILD_LIMIT_S), ...argv], {
    timeoutMs: (CHILD_LIMIT_S + 5) * 1000,
  });
  const answer = JSON.parse(run.stdout) as NamespaceListingAnswer;
  if (!answer.ok) throw new Error(`listing failed: ${JSON.stringify(answer.error)}`);
  return answer;
}

const hostProcMount = () =>
  readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((line) => line.split(' ')[4] === '/proc');

test.beforeAll(async () => {
  entryDir = mkdtempSync(path.join(os.tmpdir(), 'nb-netns-entry-'));
  const entry = path.join(entryDir, 'list-child.ts');
  const module = JSON.stringify(path.resolve('electron/system/netns/list-namespaces.ts'));
  writeFileSync(
    entry,
    `import { listNetworkNamespaces } from ${module};\nprocess.stdout.write(JSON.stringify(await listNetworkNamespaces()));\n`,
  );
  childEntry = await bundleForChild(entry);
  sandbox = await createSandbox({ pidNamespace: true });
});

test.afterAll(async () => {
  await sandbox?.dispose();
  rmSync(entryDir, { recursive: true, force: true });
});

test('with hidepid, an unprivileged listing says other processes are hidden', () => {
  const hostBefore = hostProcMount();
  expect(listed('65534').unseen.processesHidden).toBe(false);
  expect(listed().unseen.processesHidden).toBe(false);

  sandbox.run('mount', ['-o', 'remount,hidepid=invisible', '/proc']);
  const hidden = listed('65534');
  expect(hidden.unseen.processesHidden).toBe(true);
  // Hidden, not refused: nothing to count by errno.
  expect(hidden.unseen.processes).toEqual({});
  expect(hidden.namespaces.find((n) => n.own)?.processCount).toBeGreaterThanOrEqual(1);
  // root still sees every process of the sandbox.
  expect(listed().unseen.processesHidden).toBe(false);
  // The host's /proc is another instance, untouched.
  expect(hostProcMount()).toEqual(hostBefore);
});
