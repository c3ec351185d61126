import { test, expect } from '@playwright/test';
import type { SettingId, SysctlDFile } from '../../../electron/contract';
import { decidingFiles } from '../../../electron/system/default-target';
import { DEFAULT_FILE_NAME } from '../../../electron/system/file-name';
import { SETTINGS } from '../../../electron/system/settings';
import { suggestedFileName } from '../../../renderer/src/state/selectors';

const V4 = 'net.ipv4.ip_nonlocal_bind';
const V6 = 'net.ipv6.ip_nonlocal_bind';

function file(
  name: string,
  lines: Record<string, string | null>,
  more: Partial<SysctlDFile> = {},
): SysctlDFile {
  return {
    name,
    kind: 'file',
    sha256: 'a'.repeat(64),
    problem: null,
    keyLines: Object.entries(lines).map(([key, value], i) => ({ key, value, line: i + 1 })),
    writtenByApp: false,
    ...more,
  };
}

/** The backend's report and the renderer's pick, as the UI gets them. */
function suggestFileName(files: readonly SysctlDFile[], ids: readonly SettingId[]): string {
  const persistence = {
    decidingFiles: decidingFiles(files, SETTINGS),
    defaultFileName: DEFAULT_FILE_NAME,
  };
  return suggestedFileName(persistence, ids);
}

const suggestFileNames = (files: readonly SysctlDFile[]) => ({
  ipv4: suggestFileName(files, ['ipv4']),
  ipv6: suggestFileName(files, ['ipv6']),
  both: suggestFileName(files, []),
});

test('a change of a key no file sets goes into the app’s own file, not a file that sets the other key', () => {
  const files = [file('99-zz-ha.conf', { [V4]: '1' })];
  expect(suggestFileNames(files)).toEqual({
    ipv4: '99-zz-ha.conf',
    ipv6: '90-nonlocal-bind.conf',
    both: '99-zz-ha.conf',
  });
  expect(suggestFileNames([])).toEqual({
    ipv4: '90-nonlocal-bind.conf',
    ipv6: '90-nonlocal-bind.conf',
    both: '90-nonlocal-bind.conf',
  });
});

test('of the files that set the key, the one that decides at boot: the last by name', () => {
  const files = [file('60-a.conf', { [V4]: '1' }), file('70-b.conf', { [V4]: '0' })];
  expect(suggestFileName(files, ['ipv4'])).toBe('70-b.conf');
});

test('when the changed keys are decided by different files, the one that sorts last, so both win at boot', () => {
  const theirs = file('60-haproxy.conf', { [V4]: '1' });
  const v6 = file('70-v6.conf', { [V6]: '1' });
  // 60-haproxy.conf would lose IPv6 to 70-v6.conf at boot; 70-v6.conf beats 60 for IPv4.
  expect(suggestFileName([theirs, v6], ['ipv4', 'ipv6'])).toBe('70-v6.conf');
  const own = file('90-nonlocal-bind.conf', { [V6]: '1' }, { writtenByApp: true });
  expect(suggestFileName([theirs, own], ['ipv4', 'ipv6'])).toBe('90-nonlocal-bind.conf');
  // The app's own file, when it sorts first, would lose: the later file is chosen.
  const ownEarly = file('10-vip.conf', { [V6]: '1' }, { writtenByApp: true });
  expect(suggestFileName([theirs, ownEarly], ['ipv4', 'ipv6'])).toBe('60-haproxy.conf');
});

test('files the app cannot edit, "-key" lines and names it would refuse are never proposed', () => {
  const files = [
    file('60-link.conf', { [V4]: '1' }, { kind: 'symlink' }),
    file('61-bad.conf', { [V4]: '1' }, { problem: 'not UTF-8' }),
    file('62-cancel.conf', { [V4]: null }),
    file('.hidden.conf', { [V4]: '1' }),
  ];
  expect(suggestFileName(files, ['ipv4'])).toBe('90-nonlocal-bind.conf');
});

test('the backend reports, per setting, the file that decides it, and nothing for a setting no file sets', () => {
  const files = [file('60-a.conf', { [V4]: '1' }), file('70-b.conf', { [V4]: '0', x: '1' })];
  expect(decidingFiles(files, SETTINGS)).toEqual({ ipv4: '70-b.conf' });
  const forwarding = [{ ...SETTINGS[0], id: 'fwd', key: 'x' }] as typeof SETTINGS;
  expect(decidingFiles(files, forwarding)).toEqual({ fwd: '70-b.conf' });
});
