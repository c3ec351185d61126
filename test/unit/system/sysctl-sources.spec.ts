import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { answerRead } from '../../../electron/system/sysctl-read-core';
import { readEntrySync, readRegularSync } from '../../../electron/system/sysctl-read-entry';
import {
  MAX_FILES_PER_DIRECTORY,
  readSysctlSources,
  sysctlReadPlan,
} from '../../../electron/system/sysctl-sources';

/** The directories are read at once; what they say must still come in their order. */
test('problems read in directory order, and every file of a large directory is read in name order', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-sources-'));
  try {
    const etc = path.join(root, 'etc/sysctl.d');
    await mkdir(etc, { recursive: true });
    const count = MAX_FILES_PER_DIRECTORY + 1;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        writeFile(path.join(etc, `${String(i).padStart(5, '0')}.conf`), `vm.x_${i} = ${i}\n`),
      ),
    );
    // /run/sysctl.d cannot even be looked at: a link to itself (ELOOP, whoever reads it).
    await mkdir(path.join(root, 'run'), { recursive: true });
    await symlink('sysctl.d', path.join(root, 'run/sysctl.d'));
    await mkdir(path.join(root, 'usr/lib/sysctl.d'), { recursive: true });
    await writeFile(path.join(root, 'usr/lib/sysctl.d/50-a.conf'), 'kernel.a = 1\n');

    const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
    expect(sources.problems).toEqual([
      `/etc/sysctl.d: skipped: holds ${count} *.conf files; only the first ${MAX_FILES_PER_DIRECTORY} by name were read, so the values at boot may differ from what is shown`,
      '/run/sysctl.d: cannot be read (ELOOP)',
    ]);
    expect(sources.directories.map((d) => d.dir)).toEqual(['/etc/sysctl.d', '/usr/lib/sysctl.d']);
    const etcEntries = sources.directories[0]?.entries ?? [];
    expect(etcEntries).toHaveLength(MAX_FILES_PER_DIRECTORY);
    // Read 32 at a time, yet each entry sits at its own name, with its own content.
    for (const [i, entry] of etcEntries.entries()) {
      expect(entry.name).toBe(`${String(i).padStart(5, '0')}.conf`);
      expect(entry.kind === 'file' ? Buffer.from(entry.content).toString() : entry.kind).toBe(
        `vm.x_${i} = ${i}\n`,
      );
    }
    expect(sources.directories[1]?.entries.map((e) => e.name)).toEqual(['50-a.conf']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/**
 * The reader thread runs the reader's own functions as text and sends the snapshot
 * back: what arrives must be exactly what reading here gives, with every kind of
 * entry, contents as Buffers, and names that are not UTF-8 kept by their bytes.
 */
test('the reader thread answers the same snapshot as reading here, whatever the entries are', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-thread-'));
  try {
    const etc = path.join(root, 'etc/sysctl.d');
    const usr = path.join(root, 'usr/lib/sysctl.d');
    await mkdir(etc, { recursive: true });
    await mkdir(usr, { recursive: true });
    await mkdir(path.join(root, 'etc/credstore'), { recursive: true });
    await writeFile(path.join(root, 'etc/sysctl.conf'), 'net.ipv4.ip_nonlocal_bind = 0\n');
    await symlink('/etc/sysctl.conf', path.join(etc, '99-sysctl.conf'));
    await symlink('/dev/null', path.join(etc, '10-masked.conf'));
    await symlink('missing.conf', path.join(etc, '20-dangling.conf'));
    execFileSync('mkfifo', [path.join(etc, '30-fifo.conf')]);
    await mkdir(path.join(etc, '40-dir.conf'));
    await writeFile(
      Buffer.concat([Buffer.from(`${usr}/`), Buffer.from([0xff, 0x2e]), Buffer.from('conf')]),
      'kernel.a = 1\n',
    );
    await writeFile(path.join(usr, '50-big.conf'), Buffer.alloc(4 * 1024 * 1024 + 1, 0x23));
    await writeFile(path.join(usr, '60-empty.conf'), '');
    await writeFile(
      path.join(root, 'etc/credstore/sysctl.extra'),
      'net.ipv6.ip_nonlocal_bind = 1\n',
    );

    const ctx = { fsRoot: root, platform: 'linux' as const };
    const fromThread = await readSysctlSources(ctx);
    const here = answerRead(
      { fs, readEntry: readEntrySync, readRegular: readRegularSync },
      { kind: 'sources', plan: sysctlReadPlan(ctx) },
    );
    expect(fromThread).toEqual(here);
    expect(fromThread.problems).toEqual([]);
    const kinds = fromThread.directories.flatMap((d) =>
      d.entries.map((e) => `${e.rawName === undefined ? e.name : 'raw'}:${e.kind}`),
    );
    expect(kinds).toEqual([
      '10-masked.conf:masked',
      '20-dangling.conf:unreadable',
      '30-fifo.conf:unreadable',
      '40-dir.conf:unreadable',
      '99-sysctl.conf:file',
      '50-big.conf:skipped',
      '60-empty.conf:file',
      'raw:file',
    ]);
    const linked = fromThread.directories[0]?.entries.at(-1);
    expect(linked?.kind === 'file' && Buffer.isBuffer(linked.content)).toBe(true);
    expect(linked?.kind === 'file' && linked.content.toString()).toBe(
      'net.ipv4.ip_nonlocal_bind = 0\n',
    );
    const credential = fromThread.credential?.entry;
    expect(credential?.kind === 'file' && credential.content.toString()).toBe(
      'net.ipv6.ip_nonlocal_bind = 1\n',
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
