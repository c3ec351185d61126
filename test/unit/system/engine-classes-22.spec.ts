import { test, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import { noteInEnglish } from '../../../electron/system/engines/boot-note-english';
import { bootKeys } from '../../harness/boot-keys';
import type { SysctlSnapshot } from '../../../electron/system/sysctl-snapshot';
import { readSysctlSources } from '../../../electron/system/sysctl-sources';
import { predictTree, valuesOf, V4, V6 } from '../../support/model-tree';

// One regression fixture per class of issue #22 item 9 (12-21; 22 is in precedence.spec.ts) (docs/engines.md, "Classes of
// issue #22"). Each expectation is what the real engines do (systemd 252, procps 4.0.2),
// as checked in a namespace; test/system/engine-differential.spec.ts keeps checking
// them on random trees.
const D = '/etc/sysctl.d';
const U = '/usr/lib/sysctl.d';

test('12: a name that is not UTF-8 is read, sorted and overridden by its bytes', async () => {
  // zz (7A) < é (C3 A9) < FF: the FF name is applied last by both engines.
  const tree = {
    [`${D}/zz.conf`]: `${V4} = 1\n`,
    [`${D}/\xFF.conf`]: `${V4} = 2\n`,
    [`${D}/\xC3\xA9.conf`]: `${V4} = 3\n`,
  };
  expect(await valuesOf(tree, V4, { bytePaths: true })).toEqual([2, 2]);
  const p = await predictTree(tree, { bytePaths: true });
  expect(p.systemd[V4]?.winner?.origin.path).toBe(`${D}/\uFFFD.conf`);
  // Two different invalid names are two files, though both show as U+FFFD.
  expect(
    await valuesOf({ [`${D}/\xFE.conf`]: `${V4} = 4\n`, [`${D}/\xFF.conf`]: `${V6} = 1\n` }, V4, {
      bytePaths: true,
    }),
  ).toEqual([4, 4]);
});

test('13: a FIFO blocks both engines before they write anything; hidden by an earlier name it is never opened', async () => {
  const p = await predictTree({ [`${D}/a.conf`]: `${V4} = 1\n`, [`${D}/b.conf`]: { fifo: true } });
  for (const engine of ['systemd', 'procps'] as const) {
    expect(p[engine][V4]?.stored).toBeNull();
    expect(p[engine][V4]?.hangsOn).toBe(`${D}/b.conf`);
  }
  expect(
    await valuesOf({ [`${D}/a.conf`]: `${V4} = 1\n`, [`${U}/a.conf`]: { fifo: true } }),
  ).toEqual([1, 1]);
  // procps opens /etc/sysctl.conf only if stat() says regular; Debian's link is opened by both.
  const conf = await predictTree({
    '/etc/sysctl.conf': { fifo: true },
    [`${D}/a.conf`]: `${V4} = 1\n`,
  });
  expect([conf.systemd[V4]?.stored, conf.procps[V4]?.stored]).toEqual([1, 1]);
  const linked = await predictTree({
    '/etc/sysctl.conf': { fifo: true },
    [`${D}/99-sysctl.conf`]: { link: '../sysctl.conf' },
    [`${D}/a.conf`]: `${V4} = 1\n`,
  });
  expect(linked.systemd[V4]?.hangsOn).toBe(`${D}/99-sysctl.conf`);
  expect(linked.procps[V4]?.hangsOn).toBe(`${D}/99-sysctl.conf`);
});

test('14: the sysctl.extra credential is read by systemd-sysctl after every file, never by procps', async () => {
  const p = await predictTree({
    '/etc/credstore/sysctl.extra': `${V4} = 7\n`,
    [`${D}/zz.conf`]: `${V4} = 1\n`,
  });
  expect(p.systemd[V4]?.stored).toBe(7);
  expect(p.systemd[V4]?.winner?.origin).toEqual({ path: '/etc/credstore/sysctl.extra', line: 1 });
  expect(p.procps[V4]?.stored).toBe(1);
  // Over CREDENTIAL_SIZE_MAX the service does not start with it: not a guess.
  const big = await predictTree({
    '/etc/credstore/sysctl.extra': `# ${'x'.repeat(1024 * 1024)}\n`,
  });
  expect(big.systemd[V4]?.unpredictable).toEqual({
    code: 'too-large',
    path: '/etc/credstore/sysctl.extra',
  });
});

test('15: procps globs each file name: sets, stars, braces and backslashes read other files', async () => {
  // "*.conf" (2A) reads *.conf, 0.conf, b.conf in its place; systemd reads it once.
  const star = {
    [`${D}/*.conf`]: `${V4} = 2\n`,
    [`${D}/0.conf`]: `${V4} = 3\n`,
    [`${D}/b.conf`]: `${V4} = 1\n`,
  };
  expect(await valuesOf(star)).toEqual([1, 1]);
  // Which of two matched files wins is the locale's collation: the note says so.
  const sorted = await predictTree(star);
  expect(sorted.procps[V4]?.noteData.map(noteInEnglish).join()).toContain(
    'in the order the locale sorts them',
  );
  // {zz,a}.conf sorts last: systemd applies its own line, procps reads zz.conf then a.conf.
  const brace = await predictTree({
    [`${D}/a.conf`]: `${V4} = 1\n`,
    [`${D}/zz.conf`]: `${V4} = 4\n`,
    [`${D}/{zz,a}.conf`]: `${V4} = 2\n`,
  });
  expect(brace.systemd[V4]?.stored).toBe(2);
  expect(brace.procps[V4]?.winner?.origin).toEqual({ path: `${D}/a.conf`, line: 1 });
  // A glob reads a file a higher directory overrides, and stops at one it cannot open.
  expect(
    await valuesOf({
      [`${D}/5.conf`]: '# nothing\n',
      [`${U}/*.conf`]: `${V4} = 2\n`,
      [`${U}/+.conf`]: { link: '/nonexistent' },
      [`${U}/5.conf`]: `${V4} = 5\n`,
    }),
  ).toEqual([2, 2]);
  // No match: the name itself, backslash and all.
  expect(await valuesOf({ [`${D}/a\\b.conf`]: `${V4} = 2\n` })).toEqual([2, 2]);
  expect(
    await valuesOf({ [`${D}/a\\b.conf`]: `${V4} = 2\n`, [`${D}/ab.conf`]: `${V4} = 1\n` }),
  ).toEqual([1, 1]);
  // Which names "?" and sets match depends on the locale once a name is not ASCII.
  const locale = await predictTree({ [`${D}/?.conf`]: `${V4} = 2\n`, [`${D}/\u00E9.conf`]: '' });
  expect(locale.procps[V4]?.unpredictable?.code).toBe('locale-dependent-glob');
  expect(locale.systemd[V4]?.stored).toBe(2);
});

test('16: a pattern through ".." is written by procps through every directory "*" matches, never by systemd', async () => {
  expect(await valuesOf({ [`${D}/a.conf`]: 'net/*/../ipv4/ip_nonlocal_bind = 1\n' })).toEqual([
    0, 1,
  ]);
  expect(await valuesOf({ [`${D}/a.conf`]: 'net/ipv6/../ipv4/ip_nonlocal_* = 1\n' })).toEqual([
    0, 1,
  ]);
  // Which directories "i*" matches is this kernel's business: no guess.
  const p = await predictTree({ [`${D}/a.conf`]: 'net/i*/../ipv4/ip_nonlocal_bind = 1\n' });
  expect(p.procps[V4]?.unpredictable?.code).toBe('pattern-through-parent');
});

test('17: a device other than /dev/null cannot be predicted; /dev/null by any path reads as empty', async () => {
  const p = await predictTree({
    [`${D}/a.conf`]: { device: '/dev/zero' },
    [`${D}/b.conf`]: `${V4} = 1\n`,
  });
  for (const engine of ['systemd', 'procps'] as const) {
    expect(p[engine][V4]?.unpredictable).toEqual({ code: 'device', path: `${D}/a.conf` });
    expect(p[engine][V4]?.stored).toBeNull();
  }
  expect(
    await valuesOf({ [`${D}/a.conf`]: { device: '/dev/null' }, [`${U}/a.conf`]: `${V4} = 1\n` }),
  ).toEqual([0, 0]);
});

test('18: beyond the reader caps the model says it cannot predict, never a value', async () => {
  const huge = await predictTree({
    [`${U}/40-huge.conf`]: `# ${'x'.repeat(4 * 1024 * 1024)}\n${V4} = 1\n`,
  });
  expect(huge.systemd[V4]?.unpredictable?.code).toBe('too-large');
  expect(huge.procps[V4]?.unpredictable?.code).toBe('too-large');
  const root = await mkdtemp(path.join(os.tmpdir(), 'nb-many-'));
  try {
    await mkdir(path.join(root, U), { recursive: true });
    for (let i = 0; i < 2001; i += 1) await writeFile(path.join(root, U, `m${i}.conf`), '');
    const sources = await readSysctlSources({ fsRoot: root, platform: 'linux' });
    const p = predictBoot(sources, bootKeys(V4));
    expect(p.systemd.get(V4)?.unpredictable).toEqual({ code: 'too-many-files', path: U });
    expect(p.procps.get(V4)?.stored).toBeNull();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('19: a backslash at a line end joins nothing; "1 \\\\" is still 1 to the kernel', async () => {
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = \\\n1\n` })).toEqual([0, 0]);
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 1 \\\n` })).toEqual([1, 1]);
});

test('20: procps never writes a key path of 4,096 bytes or more (stat() fails); systemd folds the slashes first', async () => {
  // "/proc/sys/" + key: 4095 bytes still works, 4096 fails with ENAMETOOLONG.
  const key = (total: number) =>
    `net/ipv4${'/'.repeat(total - '/proc/sys/net/ipv4ip_nonlocal_bind'.length)}ip_nonlocal_bind`;
  expect(await valuesOf({ [`${D}/a.conf`]: `${key(4095)} = 1\n` })).toEqual([1, 1]);
  expect(await valuesOf({ [`${D}/a.conf`]: `${key(4096)} = 1\n` })).toEqual([1, 0]);
  // A pattern counts by the path glob() returns: "ip_nonlocal_*" becomes 3 bytes longer.
  const pattern = `net/ipv4${'/'.repeat(4094 - '/proc/sys/net/ipv4ip_nonlocal_*'.length)}ip_nonlocal_*`;
  expect(await valuesOf({ [`${D}/a.conf`]: `${pattern} = 1\n` })).toEqual([1, 0]);
});

test('21: /lib/sysctl.d apart from /usr/lib/sysctl.d is read by procps only (systemd 252 lists four directories)', () => {
  const sources: Pick<SysctlSnapshot, 'directories' | 'sysctlConf' | 'problems'> = {
    directories: [
      {
        dir: '/lib/sysctl.d',
        entries: [
          { name: 'x.conf', kind: 'file', content: Buffer.from(`${V4} = 1\n`), linkTarget: null },
        ],
      },
    ],
    sysctlConf: null,
    problems: [],
  };
  const p = predictBoot(sources, bootKeys(V4));
  expect([p.systemd.get(V4)?.stored ?? 0, p.procps.get(V4)?.stored ?? 0]).toEqual([0, 1]);
});

test('a value decided by /run/sysctl.d says /run is emptied at every boot (the value shown is what the engines do now)', async () => {
  const p = await predictTree({ '/run/sysctl.d/50-now.conf': `${V4} = 1\n` });
  expect(p.systemd[V4]?.stored).toBe(1);
  expect(p.systemd[V4]?.noteData.map(noteInEnglish).join()).toContain('emptied at every boot');
  const etc = await predictTree({ [`${D}/50-now.conf`]: `${V4} = 1\n` });
  expect(etc.systemd[V4]?.noteData).toEqual([]);
});
