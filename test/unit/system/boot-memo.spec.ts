import { test, expect } from '@playwright/test';
import { predictBootRemembered } from '../../../electron/system/engines/boot-memo';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import { SETTINGS } from '../../../electron/system/settings';

const KEY = 'net.ipv4.ip_nonlocal_bind';

function sources(text: string, extra: Partial<SysctlSources> = {}): SysctlSources {
  const entry = {
    name: '60-a.conf',
    kind: 'file' as const,
    content: Buffer.from(text),
    linkTarget: null,
  };
  return {
    directories: [{ dir: '/etc/sysctl.d', entries: [entry] }],
    sysctlConf: null,
    problems: [],
    ...extra,
  };
}

const winner = (s: SysctlSources, keys = SETTINGS) =>
  predictBootRemembered(s, keys).systemd.get(KEY)?.winner?.value ?? null;

test('the remembered prediction is the same object only for the same sources by value and the same catalogue', () => {
  const first = predictBootRemembered(sources(`${KEY} = 1\n`), SETTINGS);
  // New objects, equal bytes: remembered.
  expect(predictBootRemembered(sources(`${KEY} = 1\n`), SETTINGS)).toBe(first);
  expect(first).toEqual(predictBoot(sources(`${KEY} = 1\n`), SETTINGS));
  // One byte changed, same size: predicted afresh.
  expect(winner(sources(`${KEY} = 0\n`))).toBe('0');
  expect(winner(sources(`${KEY} = 1\n`))).toBe('1');
  // Anything else the model reads: a problem, an unlisted directory, a flag.
  expect(
    predictBootRemembered(sources(`${KEY} = 1\n`, { unlisted: ['/run/sysctl.d'] }), SETTINGS),
  ).not.toBe(first);
  const [dir] = sources(`${KEY} = 1\n`).directories;
  const cut = { ...sources(''), directories: dir ? [{ ...dir, truncated: true }] : [] };
  expect(predictBootRemembered(cut, SETTINGS).systemd.get(KEY)?.unpredictable).toBeTruthy();
  // Another catalogue object, even with the same settings: predicted afresh.
  const copy = [...SETTINGS];
  expect(predictBootRemembered(sources(`${KEY} = 1\n`), copy)).not.toBe(first);
});
