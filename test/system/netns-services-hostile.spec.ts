import { expect, test } from '@playwright/test';
import { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_SCAN_LIMITS,
  listNetworkNamespaces,
} from '../../electron/system/netns/list-namespaces';
import { DEFAULT_SERVICE_LIMITS } from '../../electron/system/netns/namespace-services';
import { THREAD_GRACE_MS } from '../../electron/system/netns/netns-thread';
import type { LoadBalancerInNamespace } from '../../electron/system/netns/netns-types';
import { createSandbox, type Sandbox } from '../harness/sandbox';

/**
 * Hostile configuration inside real roots: processes named haproxy, each chrooted into a
 * directory on the sandbox's tmpfs (its /proc/PID/root) and each in a network namespace of
 * its own, started with `-f` naming a FIFO, a link loop, a 300 MB sparse file, a link to a
 * file the host has (absolute, and with `..` climbing out), and a directory. The listing must
 * say what each is, read none of the host's file, wait on nothing, and finish in its bounds.
 * The "haproxy" is a shell script of that name (its comm), which only sleeps.
 */

const LISTING_MS =
  DEFAULT_SCAN_LIMITS.timeLimitMs + THREAD_GRACE_MS + DEFAULT_SERVICE_LIMITS.timeLimitMs;
const CASES = {
  fifo: '/etc/haproxy/fifo.cfg',
  loop: '/etc/haproxy/loop-a.cfg',
  huge: '/etc/haproxy/huge.cfg',
  toHost: '/etc/haproxy/to-host.cfg',
  climbs: '/etc/haproxy/climbs.cfg',
  directoryOfNone: '/etc/haproxy/empty.d',
} as const;

let sandbox: Sandbox;
let hostDir: string;
let root: string;
const started: ChildProcess[] = [];

const netInode = (pid: number) =>
  Number(/^net:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/net`))?.[1]);

test.beforeAll(async () => {
  hostDir = mkdtempSync(path.join(os.tmpdir(), 'nb-host-secret-'));
  writeFileSync(`${hostDir}/h.cfg`, 'frontend host\n  bind 203.0.113.66:1\n');
  sandbox = await createSandbox();
  root = `${sandbox.scratch}/root`;
  sandbox.run('sh', [
    '-c',
    [
      'set -e',
      'r=$1; host=$2',
      'mkdir -p "$r/etc/haproxy/empty.d" "$r/usr" "$r/tmp"',
      'for d in bin lib lib64 sbin; do ln -s "usr/$d" "$r/$d"; done',
      'mount --bind -o ro /usr "$r/usr"',
      // The stand-in: a shell script named haproxy (its comm) that sleeps.
      'printf "#!/bin/sh\\nsleep 600\\n" > "$r/haproxy" && chmod 755 "$r/haproxy"',
      'mkfifo "$r/etc/haproxy/fifo.cfg"',
      'ln -s loop-b.cfg "$r/etc/haproxy/loop-a.cfg" && ln -s loop-a.cfg "$r/etc/haproxy/loop-b.cfg"',
      'truncate -s 300M "$r/etc/haproxy/huge.cfg"',
      'ln -s "$host/h.cfg" "$r/etc/haproxy/to-host.cfg"',
      'ln -s "../../../../../../..$host/h.cfg" "$r/etc/haproxy/climbs.cfg"',
    ].join('\n'),
    'sh',
    root,
    hostDir,
  ]);
  const hostNet = netInode(process.pid);
  for (const file of Object.values(CASES)) {
    started.push(
      sandbox.spawn('unshare', ['--net', 'chroot', root, '/haproxy', '-f', file], {
        stdio: 'ignore',
        // Its own process group: the script's sleep goes with it at the end.
        detached: true,
      }),
    );
  }
  // Each in its own namespace before the listing looks.
  const deadline = Date.now() + 10_000;
  for (const child of started) {
    while (
      netInode(child.pid ?? 0) === hostNet ||
      netInode(child.pid ?? 0) === netInode(sandbox.pid)
    ) {
      if (Date.now() > deadline) throw new Error('a stand-in never left the sandbox namespace');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

test.afterAll(async () => {
  for (const child of started) {
    const pid = child.pid;
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      process.kill(-pid, 'SIGKILL');
      await exited;
    }
  }
  await sandbox?.dispose();
  rmSync(hostDir, { recursive: true, force: true });
});

test('each hostile config gives its code; the host file is never read; nothing waits', async () => {
  test.setTimeout(LISTING_MS + 30_000);
  const begun = performance.now();
  const answer = await listNetworkNamespaces();
  const elapsed = performance.now() - begun;
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  const byFile = new Map<string, LoadBalancerInNamespace>();
  for (const [n, child] of started.entries()) {
    const info = answer.namespaces.find((ns) => ns.inode === netInode(child.pid ?? 0));
    const lb = info?.loadBalancers.find((l) => l.program === 'haproxy');
    if (lb) byFile.set(Object.values(CASES)[n] ?? '', lb);
  }
  const problem = (file: string) => {
    const lb = byFile.get(file);
    return [lb?.configProblem?.code, lb?.configProblem?.reason, lb?.vips?.length];
  };
  expect(problem(CASES.fifo)).toEqual(['unreadable', 'not-regular', 0]);
  expect(problem(CASES.loop)).toEqual(['unreadable', 'ELOOP', 0]);
  expect(problem(CASES.huge)).toEqual(['too-large', 'EFBIG', 0]);
  // Resolved inside the root: the host's path is not there. Never the host's file.
  expect(problem(CASES.toHost)).toEqual(['not-found', 'ENOENT', 0]);
  expect(problem(CASES.climbs)).toEqual(['unreadable', 'escapes-root', 0]);
  // `-f DIRECTORY` with no *.cfg in it: nothing to read, nothing claimed.
  expect(byFile.get(CASES.directoryOfNone)).toMatchObject({ vips: [], configFiles: [] });
  expect(JSON.stringify(answer)).not.toContain('203.0.113.66');
  // Bounded by the listing's own limits, never by a FIFO's writer or 300 MB.
  expect(elapsed).toBeLessThan(LISTING_MS);
});
