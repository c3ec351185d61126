import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readlinkSync } from 'node:fs';
import { listNetworkNamespaces } from '../../electron/system/netns/list-namespaces';

/**
 * Load balancers are told by their process name (/proc/PID/comm), which any process sets
 * for itself. Real processes, each in its own network namespace (`unshare -n`), name
 * themselves as load balancers do and as a hostile process might; the listing, run here
 * on its worker thread, labels exactly the four names and nothing near them.
 */

// A process may name only itself: the shell writes its own comm, then waits on stdin.
const NAMING_SCRIPT = 'printf "%s" "$1" > /proc/self/comm && read -r _';
// unshare makes a namespace and the shell writes a file: milliseconds unloaded.
const READY_MS = 15_000;

const NAMES = {
  keepalived: 'keepalived',
  envoy: 'envoy',
  nginx: 'nginx',
  // Bytes a terminal would act on, a near miss, a name cut at 15 bytes, a trailing newline.
  escape: 'haproxy\u001b[2J',
  nearMiss: 'haproxy-lb',
  cut: 'nginxnginxnginxnginx',
  newline: 'envoy\n',
} as const;

const LABELLED: Readonly<Record<string, string>> = {
  keepalived: 'keepalived',
  envoy: 'envoy',
  nginx: 'nginx',
};

const children = new Map<string, ChildProcess>();
const inode = (pid: number) => Number(/\d+/.exec(readlinkSync(`/proc/${pid}/ns/net`))?.[0]);

test.beforeAll(async () => {
  for (const [key, name] of Object.entries(NAMES)) {
    const child = spawn('unshare', ['--net', 'sh', '-c', NAMING_SCRIPT, 'sh', name], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    children.set(key, child);
  }
  const deadline = Date.now() + READY_MS;
  for (const [key, child] of children) {
    // The kernel keeps 15 bytes of a name, and adds a newline when it is read.
    const expected = `${NAMES[key as keyof typeof NAMES].slice(0, 15)}\n`;
    for (;;) {
      const comm = (() => {
        try {
          return readFileSync(`/proc/${child.pid}/comm`, 'latin1');
        } catch {
          return '';
        }
      })();
      if (comm === expected && inode(child.pid ?? 0) !== inode(process.pid)) break;
      if (Date.now() > deadline) throw new Error(`${key} not named within ${READY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

test.afterAll(async () => {
  for (const child of children.values()) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
});

test('exactly the load balancers names are labelled, each in its own namespace', async () => {
  const answer = await listNetworkNamespaces();
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  expect(answer.scannedOn).toBe('worker');
  for (const [key, child] of children) {
    const ns = answer.namespaces.find((n) => n.inode === inode(child.pid ?? 0));
    expect(ns?.processCount, key).toBe(1);
    const program = LABELLED[key];
    // Only the label is this spec's concern; what runs inside (VIPs) is netns-services'.
    const labels = ns?.loadBalancers.map(({ program: p, pids }) => ({ program: p, pids }));
    expect(labels, key).toEqual(program ? [{ program, pids: [child.pid] }] : []);
  }
});
