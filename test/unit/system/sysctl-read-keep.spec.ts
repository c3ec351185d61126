import { test, expect } from '@playwright/test';
import {
  mkdir,
  mkdtemp,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as fs from 'node:fs';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import { answerRead } from '../../../electron/system/sysctl-read-core';
import { readEntrySync, readRegularSync } from '../../../electron/system/sysctl-read-entry';
import {
  beginKeeping,
  keepListing,
  readEntryKept,
  recallListing,
} from '../../../electron/system/sysctl-read-keep';
import { readSysctlSources, sysctlReadPlan } from '../../../electron/system/sysctl-sources';
import { untilSettled } from '../../support/sysctl-read-trees';

/**
 * The reader thread reuses an unchanged file's bytes (sysctl-read-keep.ts). Whatever
 * changes, a read must show it: these change files in the ways that keep the most of
 * what the reader compares (same size, same mtime, same name), on the real reader thread.
 */
test.describe.configure({ mode: 'default' });

const roots: string[] = [];

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-keep-'));
  roots.push(root);
  await mkdir(path.join(root, 'etc/sysctl.d'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(root, 'etc/sysctl.d', name), text);
  }
  return root;
}

function read(root: string): Promise<SysctlSources> {
  return readSysctlSources({ fsRoot: root, platform: 'linux' });
}

/** What /etc/sysctl.d holds, as read: name -> text (or kind). */
async function contents(root: string): Promise<Record<string, string>> {
  const sources = await read(root);
  const dir = sources.directories.find((d) => d.dir === '/etc/sysctl.d');
  return Object.fromEntries(
    (dir?.entries ?? []).map((e) => [
      e.name,
      e.kind === 'file' ? Buffer.from(e.content).toString() : e.kind,
    ]),
  );
}

/** A tree the reader may keep: nothing in it changed within the margin before a read. */
async function settledTrees(count: number): Promise<string[]> {
  const made = [];
  for (let i = 0; i < count; i += 1) made.push(await tree({ 'a.conf': 'vm.a = 1\n' }));
  await untilSettled();
  return made;
}

test.afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

test('a file rewritten at once with the same size, its mtime set back, is read again (racy rule)', async () => {
  const root = await tree({ 'a.conf': 'vm.a = 1\n' });
  const file = path.join(root, 'etc/sysctl.d/a.conf');
  // A rewrite soon after a read, with the mtime set back. (A kernel with multigrain
  // timestamps, 6.13+, stamps it apart; the next test takes a coarse clock.)
  const before = await stat(file);
  for (let i = 0; i < 40; i += 1) {
    await sleep(1 + (i % 3));
    expect(await contents(root)).toEqual({ 'a.conf': `vm.a = ${i % 2 ? 2 : 1}\n` });
    await writeFile(file, `vm.a = ${i % 2 ? 1 : 2}\n`);
    await utimes(file, before.atime, before.mtime);
  }
});

/** Times as a kernel without fine-grained timestamps gives them: whole ticks of 4 ms. */
function coarse(info: fs.BigIntStats | undefined): fs.BigIntStats | undefined {
  if (!info) return info;
  const tick = 4_000_000n;
  return Object.assign(info, {
    ctimeNs: (info.ctimeNs / tick) * tick,
    mtimeNs: (info.mtimeNs / tick) * tick,
  });
}

test('with a coarse clock, a rewrite within the tick of the last change is still read (racy rule)', () => {
  const coarseFs = {
    ...fs,
    lstatSync: (p: fs.PathLike, o: fs.StatSyncOptions) =>
      coarse(fs.lstatSync(p, o) as fs.BigIntStats),
    statSync: (p: fs.PathLike, o: fs.StatSyncOptions) =>
      coarse(fs.statSync(p, o) as fs.BigIntStats),
  } as typeof fs;
  const keeping = {
    cache: { kept: new Map(), size: 0 },
    begin: beginKeeping,
    entry: readEntryKept,
    recallListing,
    keepListing,
  };
  const kit = { fs: coarseFs, readEntry: readEntrySync, readRegular: readRegularSync, keeping };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nb-keep-coarse-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'etc/sysctl.d'), { recursive: true });
  const file = path.join(root, 'etc/sysctl.d/a.conf');
  const plan = sysctlReadPlan({ fsRoot: root, platform: 'linux' });
  const text = () => {
    const sources = answerRead(kit, { kind: 'sources', plan });
    const entry = 'directories' in sources ? sources.directories[0]?.entries[0] : undefined;
    return entry?.kind === 'file' ? entry.content.toString() : entry?.kind;
  };
  let sameTick = 0;
  for (let i = 0; i < 200 && sameTick < 5; i += 1) {
    fs.writeFileSync(file, `vm.a = ${i % 2}\n`);
    const written = coarse(fs.statSync(file, { bigint: true }));
    for (const until = Date.now() + 1; Date.now() <= until;);
    expect(text()).toBe(`vm.a = ${i % 2}\n`);
    fs.writeFileSync(file, `vm.a = ${(i + 1) % 2}\n`);
    fs.utimesSync(file, written?.atime ?? 0, written?.mtime ?? 0);
    if (coarse(fs.statSync(file, { bigint: true }))?.ctimeNs === written?.ctimeNs) sameTick += 1;
    expect(text()).toBe(`vm.a = ${(i + 1) % 2}\n`);
  }
  // The case the rule is for did happen: same size, mtime and (coarse) ctime, new bytes.
  expect(sameTick).toBeGreaterThan(0);
});

test('settled files: a rewrite of the same size with the mtime set back, and a new inode of the same size and mtime, are both seen', async () => {
  const [root] = await settledTrees(1);
  const dir = path.join(root as string, 'etc/sysctl.d');
  const file = path.join(dir, 'a.conf');
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 1\n' });
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 1\n' });
  const before = await stat(file);
  await writeFile(file, 'vm.a = 2\n');
  await utimes(file, before.atime, before.mtime);
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 2\n' });
  // Another file, moved over it: a new inode, same size, same mtime, same name.
  const other = path.join(root as string, 'other');
  await writeFile(other, 'vm.a = 3\n');
  await utimes(other, before.atime, before.mtime);
  await rename(other, file);
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 3\n' });
});

test('settled directories: an entry added, removed, renamed, or a link pointed elsewhere is seen', async () => {
  const [root] = await settledTrees(1);
  const dir = path.join(root as string, 'etc/sysctl.d');
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 1\n' });
  await writeFile(path.join(dir, 'b.conf'), 'vm.b = 1\n');
  expect(await contents(root as string)).toEqual({
    'a.conf': 'vm.a = 1\n',
    'b.conf': 'vm.b = 1\n',
  });
  await unlink(path.join(dir, 'b.conf'));
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 1\n' });
  await rename(path.join(dir, 'a.conf'), path.join(dir, 'c.conf'));
  expect(await contents(root as string)).toEqual({ 'c.conf': 'vm.a = 1\n' });
  // A link to a file of the same size and mtime: the link's target is read every time.
  const targets = path.join(root as string, 'etc');
  await writeFile(path.join(targets, 'x'), 'vm.x = 1\n');
  await writeFile(path.join(targets, 'y'), 'vm.x = 2\n');
  await symlink('../x', path.join(dir, 'l.conf'));
  expect((await contents(root as string))['l.conf']).toBe('vm.x = 1\n');
  await untilSettled();
  expect((await contents(root as string))['l.conf']).toBe('vm.x = 1\n');
  await symlink('../y', path.join(dir, 'l2'));
  await rename(path.join(dir, 'l2'), path.join(dir, 'l.conf'));
  expect((await contents(root as string))['l.conf']).toBe('vm.x = 2\n');
});

test('an unchanged settled tree reads the same, read after read', async () => {
  const [root] = await settledTrees(1);
  const first = await read(root as string);
  for (let i = 0; i < 5; i += 1) expect(await read(root as string)).toEqual(first);
  // Asked together, answered as one: each gets the tree (the thread posts "same" after one).
  const together = await Promise.all([1, 2, 3].map(() => read(root as string)));
  for (const sources of together) expect(sources).toEqual(first);
  await writeFile(path.join(root as string, 'etc/sysctl.d/a.conf'), 'vm.a = 2\n');
  expect(await contents(root as string)).toEqual({ 'a.conf': 'vm.a = 2\n' });
});
