import { test, expect } from '@playwright/test';
import type { SettingState } from '../../../electron/contract';
import { computeBootState } from '../../../electron/system/boot-state';
import { SETTINGS } from '../../../electron/system/settings';
import { settingState } from '../../../electron/system/runtime';
import type { SysctlSnapshot } from '../../../electron/system/sysctl-snapshot';

function sources(text: string): Pick<SysctlSnapshot, 'directories' | 'sysctlConf' | 'problems'> {
  return {
    directories: [
      {
        dir: '/etc/sysctl.d',
        entries: [
          { name: '60-vip.conf', kind: 'file', content: Buffer.from(text), linkTarget: null },
        ],
      },
    ],
    sysctlConf: null,
    problems: [],
  };
}

const settings: SettingState[] = SETTINGS.map((s) => settingState(s, { kind: 'value', value: 1 }));

test('the state says which values the kernel rejects, and the winner is the last value it takes', () => {
  const boot = computeBootState(
    sources('net.ipv4.ip_nonlocal_bind = 1\nnet.ipv4.ip_nonlocal_bind = yes\n'),
    settings,
  );
  const v4 = boot.settings.find((s) => s.id === 'ipv4');
  // systemd writes only "yes", which the kernel refuses: nothing is set at boot.
  expect(v4?.systemd.assignments).toEqual([
    {
      path: '/etc/sysctl.d/60-vip.conf',
      line: 2,
      value: 'yes',
      pattern: null,
      rejected: 'it is not a number',
      refusal: { code: 'not-a-number' },
    },
  ]);
  expect(v4?.systemd.winner).toBeNull();
  expect(v4?.systemd.effective).toBe(0);
  // procps writes both; "1" stays.
  expect(v4?.procps.winner).toEqual({ path: '/etc/sysctl.d/60-vip.conf', line: 1 });
  expect(v4?.procps.effective).toBe(1);
  expect(v4?.enginesDisagree).toBe(true);
  expect(v4?.drift).toBe(true);
});

test('any number the kernel stores other than 0 counts as on', () => {
  const boot = computeBootState(sources('net.ipv6.ip_nonlocal_bind = 0x10\n'), settings);
  const v6 = boot.settings.find((s) => s.id === 'ipv6');
  expect(v6?.systemd.effective).toBe(1);
  expect(v6?.bootValue).toBe(1);
  expect(v6?.drift).toBe(false);
});

test('entries that cannot be read are problems in words, for this computer and for nodes alike', () => {
  const boot = computeBootState(
    {
      directories: [
        {
          dir: '/etc/sysctl.d',
          entries: [
            { name: '50-dir.conf', kind: 'unreadable', reason: 'a directory, not a file' },
            { name: '70-big.conf', kind: 'skipped', reason: 'larger than 64 KiB' },
          ],
        },
      ],
      sysctlConf: null,
      problems: ['/run/sysctl.d: cannot be listed (EACCES)'],
    },
    settings,
  );
  expect(boot.problems).toEqual([
    '/run/sysctl.d: cannot be listed (EACCES)',
    '/etc/sysctl.d/50-dir.conf: a directory, not a file',
    '/etc/sysctl.d/70-big.conf: skipped: larger than 64 KiB',
  ]);
});

test('the same sources and running values give the state computed last; any other input is computed afresh', () => {
  const read = sources('net.ipv4.ip_nonlocal_bind = 1\n');
  const first = computeBootState(read, settings);
  // A refresh of an unchanged tree hands back the very objects (the reader's kept answer),
  // inside a snapshot of its own: the state is the one computed last.
  expect(computeBootState({ ...read, problems: read.problems }, settings)).toBe(first);
  const off = SETTINGS.map((s) => settingState(s, { kind: 'value', value: 0 }));
  const now = computeBootState(read, off);
  expect(now).not.toBe(first);
  expect(now.settings.find((s) => s.id === 'ipv4')?.drift).toBe(true);
  expect(first.settings.find((s) => s.id === 'ipv4')?.drift).toBe(false);
  // The same text in a new read: another object, computed again, equal by value.
  const again = sources('net.ipv4.ip_nonlocal_bind = 1\n');
  expect(computeBootState(again, settings)).toEqual(first);
  // A changed file, however like the last: its own prediction.
  const changed = computeBootState(sources('net.ipv4.ip_nonlocal_bind = 0\n'), settings);
  expect(changed.settings.find((s) => s.id === 'ipv4')?.bootValue).toBe(0);
  expect(computeBootState(read, settings)).toBe(first);
});
