import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  MAX_FILES_PER_DIRECTORY,
  readSameNamedEntries,
  readSysctlSources,
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

test('one name looked up in every directory: what /etc/sysctl.d/NAME hides, nothing else read', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-same-name-'));
  try {
    for (const dir of ['etc/sysctl.d', 'run/sysctl.d', 'usr/lib/sysctl.d']) {
      await mkdir(path.join(root, dir), { recursive: true });
    }
    await writeFile(
      path.join(root, 'usr/lib/sysctl.d/50-pid-max.conf'),
      'kernel.pid_max = 4194304\n',
    );
    await writeFile(path.join(root, 'usr/lib/sysctl.d/60-other.conf'), 'kernel.b = 1\n');
    await symlink('/dev/null', path.join(root, 'run/sysctl.d/50-pid-max.conf'));

    const sources = await readSameNamedEntries(
      { fsRoot: root, platform: 'linux' },
      '50-pid-max.conf',
    );
    expect(
      sources.directories.map((d) => [d.dir, d.entries.map((e) => `${e.name}:${e.kind}`)]),
    ).toEqual([
      ['/etc/sysctl.d', []],
      ['/run/sysctl.d', ['50-pid-max.conf:masked']],
      ['/usr/local/lib/sysctl.d', []],
      ['/usr/lib/sysctl.d', ['50-pid-max.conf:file']],
      ['/lib/sysctl.d', []],
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
