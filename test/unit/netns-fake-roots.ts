import { test } from '@playwright/test';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readNamespaceServices } from '../../electron/system/netns/namespace-services';
import type { InsideReader } from '../../electron/system/netns/namespace-services-glob';
import {
  localAddressesSync,
  processFactsSync,
} from '../../electron/system/netns/namespace-services-proc';
import {
  listInsideSync,
  readInsideSync,
} from '../../electron/system/netns/namespace-services-read';
import type { InsideAnswers, InsideCall } from '../../electron/system/netns/netns-thread';
import type {
  LoadBalancerInNamespace,
  NamespaceListing,
} from '../../electron/system/netns/netns-types';

/**
 * Fake container roots for the services reader's unit tests, with real files: a temporary
 * directory per root stands for /proc/PID/root, fake /proc/PID directories give each
 * process's arguments and parent, a fib_trie and if_inet6 the namespace's local addresses
 * (192.0.2.2 held, 198.51.100.0/24 an AnyIP route, loopback; IPv6 ::1 and 2001:db8::1, and
 * 2001:db8::99 whose duplicate address detection failed). The reader answers each call with
 * the real sync functions the listing thread runs.
 */

export interface FakeRoots {
  readonly base: string;
  readonly reader: InsideReader;
  write(file: string, content: string): void;
  /** A process `pid` (parent `ppid`) with these arguments, whose root is `root`. */
  proc(pid: number, ppid: number, args: readonly string[], root: string): void;
  /** The load balancers of one namespace after the services read. */
  lbsOf(
    lbs: readonly LoadBalancerInNamespace[],
    reader?: InsideReader,
  ): Promise<readonly LoadBalancerInNamespace[]>;
  dispose(): void;
}

/** A listing of one namespace (not the app's own) holding these load balancers. */
export function listingOf(lbs: readonly LoadBalancerInNamespace[]): NamespaceListing {
  return {
    ok: true,
    ownInode: 1,
    namespaces: [
      {
        inode: 4026532999,
        own: false,
        names: [],
        processCount: 3,
        samplePids: [100],
        loadBalancers: lbs,
        containers: [],
      },
    ],
    unseen: {
      processes: {},
      exitedDuringScan: 0,
      processesHidden: false,
      cgroups: {},
      nameDirectories: [],
      namedEntries: [],
    },
    truncated: [],
    scannedProcesses: 3,
    elapsedMs: 1,
    scannedOn: 'worker',
  };
}

/** A reader whose reads never answer (a hung file system inside a container). */
export const slowReader = (reader: InsideReader): InsideReader => ({
  ask: (call, waitMs) =>
    call.kind === 'read' ? new Promise(() => undefined) : reader.ask(call, waitMs),
});

export function createFakeRoots(): FakeRoots {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-netns-services-'));
  const roots = new Map<number, string>();
  const procs = new Map<number, string>();
  const netDir = `${base}/net`;
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const answer = (call: InsideCall): InsideAnswers[keyof InsideAnswers] => {
    const root = roots.get(call.pid) ?? '/nonexistent-nb';
    if (call.kind === 'read') return readInsideSync(fs, root, call.path, call.max);
    if (call.kind === 'list') return listInsideSync(fs, root, call.path, call.max);
    if (call.kind === 'facts') return processFactsSync(fs, procs.get(call.pid) ?? '/nonexistent');
    return localAddressesSync(fs, netDir);
  };
  const reader: InsideReader = {
    ask: <K extends InsideCall['kind']>(call: Extract<InsideCall, { kind: K }>) =>
      Promise.resolve(answer(call) as InsideAnswers[K]),
  };
  write(
    `${netDir}/fib_trie`,
    [
      'Local:',
      '  +-- 0.0.0.0/0 3 0 5',
      '     +-- 127.0.0.0/8 2 0 2',
      '        +-- 127.0.0.0/31 1 0 0',
      '           |-- 127.0.0.0',
      '              /8 host LOCAL',
      '     |-- 192.0.2.2',
      '        /32 host LOCAL',
      '     |-- 192.0.2.255',
      '        /32 link BROADCAST',
      '     |-- 198.51.100.0',
      '        /24 host LOCAL',
      '',
    ].join('\n'),
  );
  write(
    `${netDir}/if_inet6`,
    [
      '00000000000000000000000000000001 01 80 10 80       lo',
      '20010db8000000000000000000000001 02 40 00 80     eth0',
      '20010db8000000000000000000000099 02 40 00 88     eth0',
      '',
    ].join('\n'),
  );
  return {
    base,
    reader,
    write,
    proc(pid, ppid, args, root) {
      write(`${base}/proc/${pid}/cmdline`, `${args.join('\0')}\0`);
      const comm = path.basename(args[0] ?? 'x');
      write(`${base}/proc/${pid}/stat`, `${pid} (${comm}) S ${ppid} 1 1 0\n`);
      procs.set(pid, `${base}/proc/${pid}`);
      roots.set(pid, root);
    },
    async lbsOf(lbs, with_ = reader) {
      const answered = await readNamespaceServices(listingOf(lbs), with_);
      return answered.namespaces[0]?.loadBalancers ?? [];
    },
    dispose: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}

/**
 * Fresh fake roots for every test of a file (made before each, removed after): the same
 * calls as FakeRoots, always on the current test's roots.
 */
export function fakeRootsPerTest(): Omit<FakeRoots, 'dispose'> {
  let fake: FakeRoots | null = null;
  const current = (): FakeRoots => {
    if (fake === null) throw new Error('fake roots are made in beforeEach');
    return fake;
  };
  test.beforeEach(() => {
    fake = createFakeRoots();
  });
  test.afterEach(() => {
    current().dispose();
    fake = null;
  });
  return {
    get base() {
      return current().base;
    },
    get reader() {
      return current().reader;
    },
    write: (file, content) => current().write(file, content),
    proc: (pid, ppid, args, root) => current().proc(pid, ppid, args, root),
    lbsOf: (lbs, reader) => current().lbsOf(lbs, reader),
  };
}
