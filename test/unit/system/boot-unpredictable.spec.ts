import { test, expect } from '@playwright/test';
import type { SettingState } from '../../../electron/contract';
import { computeBootState } from '../../../electron/system/boot-state';
import { settingState } from '../../../electron/system/runtime';
import { SETTINGS } from '../../../electron/system/settings';
import type { SnapshotEntry, SysctlSnapshot } from '../../../electron/system/sysctl-snapshot';
import { describeEngineBoot, describeDrift } from '../../../renderer/src/boot-words';

type Sources = Pick<SysctlSnapshot, 'directories' | 'sysctlConf' | 'problems'>;

function withEntry(entry: SnapshotEntry): Sources {
  return {
    directories: [
      {
        dir: '/etc/sysctl.d',
        entries: [
          {
            name: '10-ours.conf',
            kind: 'file',
            content: Buffer.from('net.ipv4.ip_nonlocal_bind = 1\n'),
            linkTarget: null,
          },
          entry,
        ],
      },
    ],
    sysctlConf: null,
    problems: [],
  };
}

const settings: SettingState[] = SETTINGS.map((s) => settingState(s, { kind: 'value', value: 0 }));

test('a file the app may not read: the state says "cannot be predicted", claims no drift and no disagreement', () => {
  const boot = computeBootState(
    withEntry({
      name: '20-secret.conf',
      kind: 'unreadable',
      reason: 'permission denied',
      effect: 'not-readable',
    }),
    settings,
  );
  const v4 = boot.settings.find((s) => s.id === 'ipv4');
  if (!v4) throw new Error('no ipv4 setting');
  expect(v4.systemd.unpredictable).toEqual({
    code: 'not-readable',
    path: '/etc/sysctl.d/20-secret.conf',
  });
  expect(v4?.bootValue).toBeNull();
  expect(v4?.drift).toBe(false);
  expect(v4?.enginesDisagree).toBe(false);
  expect(v4?.systemd.winner).toBeNull();
  expect(describeEngineBoot(v4.systemd)).toBe('cannot be predicted (/etc/sysctl.d/20-secret.conf)');
  expect(describeDrift(0, v4)).toContain('cannot be predicted');
  expect(v4?.systemd.notes.join()).toContain('the app may not read it');
});

test('a FIFO: both engines apply nothing, and the state says so rather than "cannot predict"', () => {
  const boot = computeBootState(
    withEntry({ name: '20-pipe.conf', kind: 'unreadable', reason: 'a FIFO', effect: 'hangs' }),
    settings,
  );
  const v4 = boot.settings.find((s) => s.id === 'ipv4');
  for (const engine of ['systemd', 'procps'] as const) {
    expect(v4?.[engine].unpredictable).toBeNull();
    expect(v4?.[engine].effective).toBe(0);
    expect(v4?.[engine].notes.join()).toContain('applies nothing at all');
  }
  expect(v4?.bootValue).toBe(0);
});
