import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import { cp, link, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  armedTree,
  noteTreeAnswer,
  readTreeHere,
  vetAsk,
} from '../../../electron/system/sysctl-read-here';
import { identityOf } from '../../../electron/system/sysctl-read-log';
import { vetRead } from '../../../electron/system/sysctl-read-vet';
import {
  afterPendingEvents,
  armGate,
  closeGate,
  watchTree,
} from '../../../electron/system/sysctl-read-watch';
import { WATCHED_FILE_SYSTEMS } from '../../../electron/system/sysctl-read-file-systems';
import { readSysctlSources } from '../../../electron/system/sysctl-sources';
import {
  readAfresh,
  rewriteKeepingTimes,
  treeContext,
  treeRequest,
  untilSettled,
} from '../../support/sysctl-read-trees';

/**
 * A confirmed tree's watches (sysctl-read-watch.ts) answer the next read with no stat at
 * all. Each change below is made after the gate opened; the gate must then be closed by
 * the kernel's event alone (no stat is made before asking), and the next read must say
 * what a read afresh says. The outside directory holds a hard link and the source of the
 * linked file, which change without any event in the tree's own directories.
 */
test.describe.configure({ mode: 'default' });

const made: string[] = [];

test.afterAll(async () => {
  await Promise.all(made.map((r) => rm(r, { recursive: true, force: true })));
});

async function tree(): Promise<{ root: string; outside: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-watch-'));
  const outside = await mkdtemp(path.join(os.tmpdir(), 'nb-watch-outside-'));
  made.push(root, outside);
  const file = async (p: string, text: string) => {
    await mkdir(path.dirname(path.join(root, p)), { recursive: true });
    await writeFile(path.join(root, p), text);
  };
  await file('etc/sysctl.d/a.conf', 'vm.a = 1\n');
  await file('etc/sysctl.conf', 'vm.c = 1\n');
  await symlink('../sysctl.conf', path.join(root, 'etc/sysctl.d/99-sysctl.conf'));
  await file('usr/lib/sysctl.d/c.conf', 'vm.d = 1\n');
  await file('run/sysctl.d/h.conf', 'vm.h = 1\n');
  await link(path.join(root, 'run/sysctl.d/h.conf'), path.join(outside, 'h-link'));
  await writeFile(path.join(outside, 'target.conf'), 'vm.t = 1\n');
  // Relative: an absolute target is a system path, read below the root.
  const sysctlD = path.join(root, 'usr/lib/sysctl.d');
  await symlink(path.relative(sysctlD, path.join(outside, 'target.conf')), `${sysctlD}/t.conf`);
  return { root, outside };
}

type Trees = { root: string; outside: string };
const changes: Record<string, (t: Trees) => Promise<void>> = {
  'a file rewritten, same size, mtime set back': ({ root }) =>
    rewriteKeepingTimes(path.join(root, 'etc/sysctl.d/a.conf'), 'vm.a = 2\n'),
  'a linked file rewritten where it lies': ({ root }) =>
    rewriteKeepingTimes(path.join(root, 'etc/sysctl.conf'), 'vm.c = 3\n'),
  'a file written through a hard link outside the tree': ({ outside }) =>
    rewriteKeepingTimes(path.join(outside, 'h-link'), 'vm.h = 2\n'),
  'the target of a link rewritten outside the tree': ({ outside }) =>
    rewriteKeepingTimes(path.join(outside, 'target.conf'), 'vm.t = 2\n'),
  'a link target replaced outside the tree': async ({ outside }) => {
    await writeFile(path.join(outside, 'new.conf'), 'vm.t = 3\n');
    await rename(path.join(outside, 'new.conf'), path.join(outside, 'target.conf'));
  },
  'a file added': ({ root }) => writeFile(path.join(root, 'etc/sysctl.d/b.conf'), 'vm.b = 1\n'),
  'a file renamed to *.conf': async ({ root }) => {
    await writeFile(path.join(root, 'etc/sysctl.d/b.tmp'), 'vm.b = 1\n');
    await afterPendingEvents();
    await rename(path.join(root, 'etc/sysctl.d/b.tmp'), path.join(root, 'etc/sysctl.d/b.conf'));
  },
  'a listed directory made unreadable': async ({ root }) =>
    fs.promises.chmod(path.join(root, 'usr/lib/sysctl.d'), 0o700),
  'an absent directory appears': async ({ root }) => {
    await mkdir(path.join(root, 'usr/local/lib/sysctl.d'), { recursive: true });
  },
  'a leading directory replaced by a copy': async ({ root }) => {
    await cp(path.join(root, 'usr'), path.join(root, 'usr.copy'), { recursive: true });
    await rename(path.join(root, 'usr'), path.join(root, 'usr.old'));
    await rename(path.join(root, 'usr.copy'), path.join(root, 'usr'));
  },
  'the tree itself replaced by a copy': async ({ root }) => {
    await cp(root, `${root}.copy`, { recursive: true, verbatimSymlinks: true });
    made.push(`${root}.copy`, `${root}.old`);
    await writeFile(path.join(`${root}.copy`, 'etc/sysctl.d/a.conf'), 'vm.a = 9\n');
    await rename(root, `${root}.old`);
    await rename(`${root}.copy`, root);
  },
};

test('every change to what a confirmed tree depends on closes its gate, and the next read shows it', async () => {
  const trees = await Promise.all(Object.keys(changes).map(() => tree()));
  expect(WATCHED_FILE_SYSTEMS).toContain(fs.statfsSync(os.tmpdir()).type);
  await untilSettled();
  for (const { root } of trees) {
    const first = await readSysctlSources(treeContext(root));
    expect(readTreeHere(treeRequest(root))).toBe(first);
    // Open: the next read is the last answer, with no stat made.
    expect(armedTree(treeRequest(root))?.value).toBe(first);
    expect(await readSysctlSources(treeContext(root))).toBe(first);
  }
  for (const [i, [name, change]] of Object.entries(changes).entries()) {
    const t = trees[i] as Trees;
    await change(t);
    await afterPendingEvents();
    expect(armedTree(treeRequest(t.root)), name).toBeNull();
    const truth = readAfresh(t.root);
    expect(await readSysctlSources(treeContext(t.root)), name).toEqual(truth);
  }
});

test('a change next to the tree, to names no read looks up, leaves the gate open', async () => {
  const { root } = await tree();
  await untilSettled();
  const first = await readSysctlSources(treeContext(root));
  readTreeHere(treeRequest(root));
  await writeFile(path.join(root, 'etc/other.conf'), 'vm.o = 1\n');
  await writeFile(path.join(root, 'etc/sysctl.d/notes.txt'), 'not a conf file\n');
  await writeFile(`${root}-sibling`, '');
  made.push(`${root}-sibling`);
  await afterPendingEvents();
  expect(armedTree(treeRequest(root))?.value).toBe(first);
  expect(await readSysctlSources(treeContext(root))).toBe(first);
});

test('a change made just before a read, with no turn of the event loop between, shows in that read', async () => {
  const { root } = await tree();
  await untilSettled();
  const first = await readSysctlSources(treeContext(root));
  readTreeHere(treeRequest(root));
  expect(armedTree(treeRequest(root))?.value).toBe(first);
  // Synchronous: the kernel has queued the event, the event loop has not delivered it yet.
  fs.writeFileSync(path.join(root, 'etc/sysctl.d/a.conf'), 'vm.a = 5\n');
  expect(armedTree(treeRequest(root))?.value).toBe(first);
  const read = readSysctlSources(treeContext(root));
  expect(await read).toEqual(readAfresh(root));
  expect(await read).not.toEqual(first);
});

test('no gate where a watch cannot be set in full: off the trusted file systems, or a path gone', async () => {
  const { root } = await tree();
  const file = path.join(root, 'etc/sysctl.d/a.conf');
  const vet = vetRead(fs, identityOf, vetAsk(), { path: file });
  if (!vet) throw new Error('no vet');
  const gate = watchTree(vet);
  expect(gate?.watchers.length).toBeGreaterThan(0);
  // A gate whose watchers were closed (one failed, or the tree was dropped) stays shut.
  closeGate(gate);
  armGate(gate);
  expect(gate?.armed).toBe(false);
  expect(watchTree(vet, [])).toBeNull();
  await rm(path.join(root, 'etc'), { recursive: true });
  expect(watchTree(vet)).toBeNull();
});

/** The inodes this process's inotify descriptors watch now (/proc/self/fdinfo), as hex. */
function watchedInodes(): string[] {
  const inodes: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fdinfo')) {
    let info = '';
    try {
      info = fs.readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    } catch {
      // The listing's own descriptor, closed by now.
    }
    for (const [, ino] of info.matchAll(/^inotify wd:\S+ ino:([0-9a-f]+) /gm))
      inodes.push(ino ?? '');
  }
  return inodes;
}

const inodeOf = (file: string) => fs.statSync(file).ino.toString(16);

test('a dropped or replaced gate closes its watches: refreshes of a changing tree, and many trees, hold no more than the trees kept', async () => {
  const { root } = await tree();
  const file = path.join(root, 'etc/sysctl.d/a.conf');
  await untilSettled();
  const before = watchedInodes().length;
  await readSysctlSources(treeContext(root));
  expect(readTreeHere(treeRequest(root))).not.toBeNull();
  const one = watchedInodes().length - before;
  expect(watchedInodes()).toContain(inodeOf(file));
  // Changed: the next read is the thread's, of a file too new to keep, so no gate: the
  // old gate's watches are closed once that read is over.
  await writeFile(file, 'vm.a = 2\n');
  await readSysctlSources(treeContext(root));
  await afterPendingEvents();
  expect(watchedInodes()).not.toContain(inodeOf(file));
  expect(watchedInodes().length).toBe(before);
  // Settled again: watched again, as many as before.
  await untilSettled();
  await readSysctlSources(treeContext(root));
  expect(watchedInodes().length - before).toBe(one);
  // A tree noted again and again (each answer of the thread replaces the last): one watch
  // of its directory, by each gate in turn. (A file's vet watches the directories of its
  // lookup, not the file.)
  const vet = vetRead(fs, identityOf, vetAsk(), { path: file });
  if (!vet) throw new Error('no vet');
  const dir = inodeOf(path.dirname(file));
  for (let i = 0; i < 40; i += 1) noteTreeAnswer(treeRequest(root), readAfresh(root), vet);
  await afterPendingEvents();
  expect(watchedInodes().filter((ino) => ino === dir)).toHaveLength(1);
  expect(watchedInodes()).not.toContain(inodeOf(file));
  // More trees than are kept: the oldest is dropped, and its watches closed.
  const others = await Promise.all(Array.from({ length: 16 }, () => tree()));
  for (const other of others) {
    const otherFile = path.join(other.root, 'etc/sysctl.d/a.conf');
    const otherVet = vetRead(fs, identityOf, vetAsk(), { path: otherFile });
    noteTreeAnswer(treeRequest(other.root), readAfresh(other.root), otherVet);
  }
  await afterPendingEvents();
  expect(watchedInodes()).not.toContain(dir);
  const last = others[others.length - 1]?.root ?? '';
  expect(watchedInodes()).toContain(inodeOf(path.join(last, 'etc/sysctl.d')));
});
