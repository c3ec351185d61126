import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRuntimeValues } from '../../../electron/system/runtime';
import { readFileHere, readTreeHere, vetAsk } from '../../../electron/system/sysctl-read-here';
import { identityOf } from '../../../electron/system/sysctl-read-log';
import { vetRead } from '../../../electron/system/sysctl-read-vet';
import { KEEP_PLAN, readSysctlSources } from '../../../electron/system/sysctl-sources';
import {
  readAfresh,
  rewriteKeepingTimes,
  treeContext,
  treeRequest,
  untilSettled,
} from '../../support/sysctl-read-trees';

/**
 * An unchanged tree is confirmed on the main thread (sysctl-read-here.ts) instead of
 * read on the reader thread. Whatever changes between two reads, the second must show
 * it: each case below first proves the main thread would have answered (the last read
 * is confirmed), then changes one thing, then reads, and compares with a read afresh.
 */
test.describe.configure({ mode: 'default' });

const roots: string[] = [];

test.afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function tree(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-here-'));
  roots.push(root);
  const file = async (p: string, text: string) => {
    await mkdir(path.dirname(path.join(root, p)), { recursive: true });
    await writeFile(path.join(root, p), text);
  };
  await file('etc/sysctl.d/a.conf', 'vm.a = 1\n');
  await file('etc/sysctl.d/b.conf', 'vm.b = 1\n');
  await file('etc/sysctl.conf', 'vm.c = 1\n');
  await file('etc/other.conf', 'vm.c = 2\n');
  await symlink('../sysctl.conf', path.join(root, 'etc/sysctl.d/99-sysctl.conf'));
  await file('usr/lib/sysctl.d/c.conf', 'vm.d = 1\n');
  await file('proc/sys/net/ipv4/ip_nonlocal_bind', '0\n');
  await file('proc/sys/net/ipv6/ip_nonlocal_bind', '1\n');
  return root;
}

const changes: Record<string, (root: string) => Promise<void>> = {
  'a file rewritten, same size, mtime set back': (root) =>
    rewriteKeepingTimes(path.join(root, 'etc/sysctl.d/a.conf'), 'vm.a = 2\n'),
  'a linked file rewritten, same size, mtime set back': (root) =>
    rewriteKeepingTimes(path.join(root, 'etc/sysctl.conf'), 'vm.c = 3\n'),
  'a file added': (root) => writeFile(path.join(root, 'etc/sysctl.d/c.conf'), 'vm.e = 1\n'),
  'a file removed': (root) => unlink(path.join(root, 'etc/sysctl.d/b.conf')),
  'a link pointed elsewhere (same size)': async (root) => {
    await symlink('../other.conf', path.join(root, 'etc/sysctl.d/new'));
    await rename(
      path.join(root, 'etc/sysctl.d/new'),
      path.join(root, 'etc/sysctl.d/99-sysctl.conf'),
    );
  },
  'a directory that was absent appears': async (root) => {
    await mkdir(path.join(root, 'run/sysctl.d'), { recursive: true });
    await writeFile(path.join(root, 'run/sysctl.d/r.conf'), 'vm.r = 1\n');
  },
  'a credential appears below an absent directory': async (root) => {
    await mkdir(path.join(root, 'etc/credstore'));
    await writeFile(path.join(root, 'etc/credstore/sysctl.extra'), 'vm.x = 1\n');
  },
  'a directory replaced by a link to another': async (root) => {
    const dir = path.join(root, 'usr/lib/sysctl.d');
    await cp(dir, `${dir}.copy`, { recursive: true });
    await writeFile(path.join(`${dir}.copy`, 'c.conf'), 'vm.d = 2\n');
    await rm(dir, { recursive: true });
    await symlink('sysctl.d.copy', dir);
  },
  'a leading directory replaced by a link to a copy': async (root) => {
    await cp(path.join(root, 'usr'), path.join(root, 'usr.copy'), { recursive: true });
    await rm(path.join(root, 'usr'), { recursive: true });
    await symlink('usr.copy', path.join(root, 'usr'));
  },
};

test('a settled tree is confirmed on the main thread, and every kind of change between two reads is seen', async () => {
  const trees = await Promise.all(Object.keys(changes).map(() => tree()));
  await untilSettled();
  const firsts = [];
  for (const root of trees) {
    const first = await readSysctlSources(treeContext(root));
    firsts.push(first);
    expect(first).toEqual(readAfresh(root));
    // Confirmed: the main thread answers the thread's very answer.
    expect(readTreeHere(treeRequest(root))).toBe(first);
    expect(await readSysctlSources(treeContext(root))).toBe(first);
  }
  const cases = Object.entries(changes);
  for (const [i, [name, change]] of cases.entries()) {
    const root = trees[i] as string;
    await change(root);
    const truth = readAfresh(root);
    // The change shows in the tree (a copy behind a link reads the same: that one is
    // about where the main thread may look, next test).
    if (!name.includes('copy')) expect(truth, name).not.toEqual(firsts[i]);
    expect(await readSysctlSources(treeContext(root)), name).toEqual(truth);
    expect(await readSysctlSources(treeContext(root)), name).toEqual(truth);
  }
});

test('a component someone other than root may replace is checked before it is looked through', async () => {
  const root = await tree();
  const file = path.join(root, 'usr/lib/sysctl.d/c.conf');
  // The tree itself is checked where its parent lets its owner move it (/tmp: sticky).
  const tmp = fs.statSync(path.dirname(root));
  const movable = (tmp.mode & 0o1000) !== 0 || tmp.uid !== 0 || (tmp.mode & 0o022) !== 0;
  const checked = () =>
    (vetRead(fs, identityOf, vetAsk(), { path: file })?.checks ?? [])
      .filter(([kind]) => kind === 'i')
      .map(([, component]) => path.relative(root, component));
  const self = (owner: number) => (owner !== 0 && movable ? [''] : []);
  // Only root may replace what lies in root's own directory (as only root may mount).
  expect(fs.statSync(root).uid).toBe(0);
  expect(checked()).toEqual([]);
  // Another user's directory, and what lies in it (a root-owned usr that user may rename).
  fs.chownSync(root, 65534, 65534);
  expect(checked()).toEqual([...self(65534), 'usr']);
  // That user's all the way down: each component, in the order a lookup walks them.
  execFileSync('chown', ['-R', '65534:65534', root]);
  const below = ['usr', 'usr/lib', 'usr/lib/sysctl.d', 'usr/lib/sysctl.d/c.conf'];
  expect(checked()).toEqual([...self(65534), ...below]);
  await untilSettled();
  await readSysctlSources(treeContext(root));
  expect(readTreeHere(treeRequest(root))).not.toBeNull();
  await changes['a leading directory replaced by a link to a copy']?.(root);
  expect(readTreeHere(treeRequest(root))).toBeNull();
  expect(await readSysctlSources(treeContext(root))).toEqual(readAfresh(root));
});

test('below a link into procfs nothing is checked: procfs entries cannot be replaced, the link can', async () => {
  const root = await tree();
  fs.symlinkSync('/proc', path.join(root, 'kernel'));
  const file = path.join(root, 'kernel/sys/net/ipv4/ip_nonlocal_bind');
  const checked = () =>
    (vetRead(fs, identityOf, vetAsk(), { path: file })?.checks ?? [])
      .filter(([kind]) => kind === 'i')
      .map(([, component]) => path.relative(root, component));
  expect(checked()).toEqual([]);
  // Another user's tree: that user may point the link elsewhere, so it is checked; what
  // lies below it is procfs's (its entries fixed), however the link is owned.
  // (The tree itself too, where its parent lets its owner move it: /tmp is sticky.)
  const tmp = fs.statSync(path.dirname(root));
  const self = (tmp.mode & 0o1000) !== 0 || tmp.uid !== 0 || (tmp.mode & 0o022) !== 0 ? [''] : [];
  fs.chownSync(root, 65534, 65534);
  expect(checked()).toEqual([...self, 'kernel']);
  fs.lchownSync(path.join(root, 'kernel'), 65534, 65534);
  expect(checked()).toEqual([...self, 'kernel']);
});

test('a tree changed within the margin, or too large to check quickly, is read on the thread', async () => {
  const root = await tree();
  await readSysctlSources(treeContext(root));
  expect(readTreeHere(treeRequest(root))).toBeNull();
  // 600 files: more stats than the main thread may make for one read.
  const large = await tree();
  const dir = path.join(large, 'usr/lib/sysctl.d');
  await Promise.all(
    Array.from({ length: 600 }, (_, i) => writeFile(path.join(dir, `${i}.conf`), `vm.x${i} = 1\n`)),
  );
  await untilSettled();
  expect(await readSysctlSources(treeContext(large))).toEqual(readAfresh(large));
  expect(readTreeHere(treeRequest(large))).toBeNull();
  // And a small one, settled as long, is confirmed here.
  await readSysctlSources(treeContext(root));
  expect(readTreeHere(treeRequest(root))).not.toBeNull();
});

test('running values are read every time, on the main thread once their path is vetted', async () => {
  const root = await tree();
  const file = path.join(root, 'proc/sys/net/ipv4/ip_nonlocal_bind');
  const values = async () => (await readRuntimeValues(treeContext(root))).map((s) => s.effective);
  expect(await values()).toEqual([0, 1]);
  expect(readFileHere(file, 4096)).toEqual({ kind: 'read', bytes: Buffer.from('0\n') });
  await rewriteKeepingTimes(file, '1\n');
  expect(await values()).toEqual([1, 1]);
  await rewriteKeepingTimes(file, '0\n');
  expect(await values()).toEqual([0, 1]);
  // Another file moved over it: read afresh all the same.
  await writeFile(`${file}.new`, '1\n');
  await rename(`${file}.new`, file);
  expect(await values()).toEqual([1, 1]);
});

test('a path off the listed file systems is never vetted for the main thread', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-here-vet-'));
  roots.push(root);
  const file = path.join(root, 'value');
  fs.writeFileSync(file, '1\n');
  const here = fs.statfsSync(root).type;
  const listed = { ...vetAsk(), fileSystems: [here], fixedFileSystems: [] };
  const others = { ...listed, fileSystems: KEEP_PLAN.fileSystems.filter((t) => t !== here) };
  expect(vetRead(fs, identityOf, listed, { path: file })).not.toBeNull();
  expect(vetRead(fs, identityOf, others, { path: file })).toBeNull();
  // A link out of the listed file systems (procfs is not in `listed`).
  fs.symlinkSync('/proc/sys', path.join(root, 'proc'));
  expect(vetRead(fs, identityOf, listed, { path: path.join(root, 'proc/net') })).toBeNull();
});
