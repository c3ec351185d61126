import { test, expect } from '@playwright/test';
import {
  noteInEnglish,
  refusalInEnglish,
} from '../../../electron/system/engines/boot-note-english';
import { predictTree, valuesOf, V4 } from '../../support/model-tree';

// One regression fixture per class of issue #12 ("Why", 1-11). Each expectation is
// what the real engines do (systemd 252, procps 4.0.2), as checked in a namespace;
// test/system/engine-differential.spec.ts keeps checking it on random trees.
const D = '/etc/sysctl.d';
const U = '/usr/lib/sysctl.d';

test('class 1: an unreadable entry hides a lower file of the same name', async () => {
  expect(
    await valuesOf({ [`${D}/50.conf`]: { dir: true }, [`${U}/50.conf`]: `${V4} = 1\n` }),
  ).toEqual([0, 0]);
  expect(
    await valuesOf({ [`${D}/50.conf`]: { link: 'gone.conf' }, [`${U}/50.conf`]: `${V4} = 1\n` }),
  ).toEqual([0, 0]);
  expect(
    await valuesOf({ [`${D}/50.conf`]: { link: '50.conf' }, [`${U}/50.conf`]: `${V4} = 1\n` }),
  ).toEqual([0, 0]);
  // Debian's link with no /etc/sysctl.conf behind it.
  expect(
    await valuesOf({
      [`${D}/99-sysctl.conf`]: { link: '../sysctl.conf' },
      [`${U}/99-sysctl.conf`]: `${V4} = 1\n`,
    }),
  ).toEqual([0, 0]);
});

test('class 2: hidden files are skipped by systemd and applied by procps', async () => {
  expect(await valuesOf({ [`${D}/.hidden.conf`]: `${V4} = 1\n` })).toEqual([0, 1]);
  const p = await predictTree({ [`${D}/.conf`]: `${V4} = 1\n` });
  expect(p.procps[V4]?.stored).toBe(1);
  expect(p.systemd[V4]?.stored).toBeNull();
  expect(p.systemd[V4]?.noteData.map(noteInEnglish).join()).toContain('systemd-sysctl skips it');
});

test('class 3: names are ordered by their UTF-8 bytes, not UTF-16 code units', async () => {
  // U+FF5A is EF BD 9A, U+1F600 is F0 9F 98 80: the emoji sorts last, so it wins.
  const p = await predictTree({
    [`${D}/\uFF5A.conf`]: `${V4} = 0\n`,
    [`${D}/\u{1F600}.conf`]: `${V4} = 1\n`,
  });
  expect(p.systemd[V4]?.winner?.origin.path).toBe(`${D}/\u{1F600}.conf`);
  expect(p.procps[V4]?.winner?.origin.path).toBe(`${D}/\u{1F600}.conf`);
});

test('class 4: dash-space line "- key = 1" is applied by systemd, not by procps', async () => {
  expect(await valuesOf({ [`${D}/a.conf`]: `- ${V4} = 1\n` })).toEqual([1, 0]);
});

test('class 5: a dash line with no "=" drops the key under systemd, procps keeps the earlier value', async () => {
  const p = await predictTree({ [`${D}/a.conf`]: `${V4} = 1\n-${V4}\n` });
  expect(p.systemd[V4]?.stored).toBeNull();
  expect(p.systemd[V4]?.cancelledBy).toEqual({ path: `${D}/a.conf`, line: 2 });
  expect(p.procps[V4]?.stored).toBe(1);
  // It also keeps patterns off the key, under both engines.
  expect(await valuesOf({ [`${D}/a.conf`]: `net.ipv4.ip_nonlocal_* = 1\n-${V4}\n` })).toEqual([
    0, 0,
  ]);
});

test('class 6: a glob line on its own sets our key under both engines', async () => {
  const p = await predictTree({ [`${D}/a.conf`]: 'net.ipv4.ip_nonlocal_* = 1\n' });
  for (const engine of ['systemd', 'procps'] as const) {
    expect(p[engine][V4]?.stored).toBe(1);
    expect(p[engine][V4]?.winner?.pattern).toBe('net/ipv4/ip_nonlocal_*');
  }
});

test('class 7: systemd writes only the last assignment, procps every one, so a refused last value splits them', async () => {
  for (const last of ['yes', '', '256']) {
    expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 1\n${V4} = ${last}\n` }), last).toEqual([
      0, 1,
    ]);
  }
});

test('class 7: the kernel refuses 08, +1, 1.0 and a no-break space before 1, and says why', async () => {
  const why = {
    '08': { code: 'trailing', character: '8' },
    '+1': { code: 'not-a-number' },
    '1.0': { code: 'trailing', character: '.' },
    '\xC2\xA01': { code: 'not-a-number' },
  };
  for (const [value, refusal] of Object.entries(why)) {
    const p = await predictTree({ [`${D}/a.conf`]: `${V4} = ${value}\n` });
    expect(p.systemd[V4]?.stored, value).toBeNull();
    expect(p.procps[V4]?.stored, value).toBeNull();
    const write = p.procps[V4]?.writes[0];
    expect(write?.kernel.accepted).toBe(false);
    expect(write && !write.kernel.accepted ? refusalInEnglish(write.kernel.refusal) : '').not.toBe(
      '',
    );
    expect(write?.kernel, value).toEqual({ accepted: false, refusal });
  }
});

test('class 7: the kernel reads 010 as 8 and 0x10 as 16 (both on)', async () => {
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 010\n` })).toEqual([8, 8]);
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 0x10\n` })).toEqual([16, 16]);
});

test('class 8: key spellings both engines accept, and the trailing dot only systemd does', async () => {
  for (const key of [
    '/net/ipv4/ip_nonlocal_bind',
    'net//ipv4/ip_nonlocal_bind',
    'net.ipv4..ip_nonlocal_bind',
  ]) {
    expect(await valuesOf({ [`${D}/a.conf`]: `${key} = 1\n` }), key).toEqual([1, 1]);
  }
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4}. = 1\n` })).toEqual([1, 0]);
});

test('class 9: a BOM, U+00A0 or U+2028 before the key is not whitespace to either engine; a form feed splits them', async () => {
  for (const lead of ['\xEF\xBB\xBF', '\xC2\xA0', '\xE2\x80\xA8']) {
    expect(await valuesOf({ [`${D}/a.conf`]: `${lead}${V4} = 1\n` }), JSON.stringify(lead)).toEqual(
      [0, 0],
    );
  }
  expect(await valuesOf({ [`${D}/a.conf`]: `\f${V4} = 1\n` })).toEqual([0, 1]);
});

test('class 10: a lone CR ends a line for systemd only, a NUL ends it for systemd, "= 1\\0" is 1 for both', async () => {
  expect(await valuesOf({ [`${D}/a.conf`]: `# note\r${V4} = 1\n` })).toEqual([1, 0]);
  expect(await valuesOf({ [`${D}/a.conf`]: `# note\0${V4} = 1\n` })).toEqual([1, 0]);
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 1\0` })).toEqual([1, 1]);
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 2\0${V4} = 3\n` })).toEqual([3, 2]);
});

test('class 11: a line of 1 MiB or more stops systemd reading the file there; procps reads on', async () => {
  const long = `# ${'x'.repeat(1024 * 1024)}\n`;
  const p = await predictTree({ [`${D}/a.conf`]: `${V4} = 3\n${long}${V4} = 4\n` });
  expect(p.systemd[V4]?.stored).toBe(3);
  expect(p.procps[V4]?.stored).toBe(4);
  expect(p.systemd[V4]?.noteData.map(noteInEnglish).join()).toContain(
    'stops reading /etc/sysctl.d/a.conf at line 2',
  );
  // One byte under the limit is still read.
  const fits = `# ${'x'.repeat(1024 * 1024 - 3)}\n`;
  expect(await valuesOf({ [`${D}/a.conf`]: `${V4} = 3\n${fits}${V4} = 4\n` })).toEqual([4, 4]);
});
