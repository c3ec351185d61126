import { test, expect } from '@playwright/test';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import type { ApiError } from '../../../electron/contract';
import {
  findHiddenFile,
  hiddenFileError,
  type HiddenFile,
} from '../../../electron/system/hidden-file';
import { errorWords } from '../../../renderer/src/error-words';

/** The refusal as the renderer words it from the backend's data. */
const describeHiddenFile = (name: string, hidden: HiddenFile): ApiError & { message: string } => {
  const error = hiddenFileError(name, hidden);
  return { ...error, message: errorWords(error) };
};
import type { SnapshotEntry } from '../../../electron/system/sysctl-snapshot';

const file = (name: string, text: string): SnapshotEntry => ({
  name,
  kind: 'file',
  content: Buffer.from(text),
  linkTarget: null,
});

function sources(dirs: Record<string, SnapshotEntry[]>): SysctlSources {
  return {
    directories: Object.entries(dirs).map(([dir, entries]) => ({ dir, entries })),
    sysctlConf: null,
    problems: [],
  };
}

test('a new name in /etc/sysctl.d hides the same name in every later directory', () => {
  for (const dir of [
    '/run/sysctl.d',
    '/usr/local/lib/sysctl.d',
    '/usr/lib/sysctl.d',
    '/lib/sysctl.d',
  ]) {
    const found = findHiddenFile(
      sources({
        '/etc/sysctl.d': [],
        [dir]: [file('50-pid-max.conf', 'kernel.pid_max = 4194304\n')],
      }),
      '50-pid-max.conf',
    );
    expect(found?.path, dir).toBe(`${dir}/50-pid-max.conf`);
  }
});

test('the file both engines would read otherwise is named: the first directory that has it', () => {
  const found = findHiddenFile(
    sources({
      '/run/sysctl.d': [file('50-x.conf', 'a.b = 1\n')],
      '/usr/lib/sysctl.d': [file('50-x.conf', 'a.b = 2\n')],
    }),
    '50-x.conf',
  );
  expect(found?.path).toBe('/run/sysctl.d/50-x.conf');
});

test('a name /etc/sysctl.d already holds, or no other directory has, hides nothing new', () => {
  const tree = sources({
    '/etc/sysctl.d': [file('50-pid-max.conf', 'kernel.pid_max = 65536\n')],
    '/usr/lib/sysctl.d': [file('50-pid-max.conf', 'kernel.pid_max = 4194304\n')],
  });
  expect(findHiddenFile(tree, '50-pid-max.conf')).toBeNull();
  expect(findHiddenFile(tree, '90-nonlocal-bind.conf')).toBeNull();
});

test('the refusal names the hidden file and the settings that would no longer be set', () => {
  const one = describeHiddenFile('50-pid-max.conf', {
    path: '/usr/lib/sysctl.d/50-pid-max.conf',
    entry: file('50-pid-max.conf', '# vendor\nkernel.pid_max = 4194304\n'),
  });
  expect(one.code).toBe('file-name-hides-file');
  expect(one).toMatchObject({
    message:
      '50-pid-max.conf would hide /usr/lib/sysctl.d/50-pid-max.conf at boot, and kernel.pid_max = 4194304 would no longer be set. Choose another name.',
  });
  const many = describeHiddenFile('50-default.conf', {
    path: '/usr/lib/sysctl.d/50-default.conf',
    entry: file('50-default.conf', 'a.b = 1\nc.d = 2\n-e.f = 3\ng.h=4\ni.j = 5\n'),
  });
  expect(many.message).toBe(
    '50-default.conf would hide /usr/lib/sysctl.d/50-default.conf at boot, and a.b = 1, c.d = 2, e.f = 3 and 2 more would no longer be set. Choose another name.',
  );
  const two = describeHiddenFile('x.conf', {
    path: '/run/sysctl.d/x.conf',
    entry: file('x.conf', 'a.b = 1\nc.d = 2\n'),
  });
  expect(two.message).toContain('and a.b = 1 and c.d = 2 would no longer be set.');
  const empty = describeHiddenFile('x.conf', {
    path: '/lib/sysctl.d/x.conf',
    entry: file('x.conf', '# nothing yet\n'),
  });
  expect(empty.message).toMatch(
    /^x\.conf would hide \/lib\/sysctl\.d\/x\.conf at boot, .*Choose another name\.$/,
  );
  const masked = describeHiddenFile('x.conf', {
    path: '/run/sysctl.d/x.conf',
    entry: { name: 'x.conf', kind: 'masked', linkTarget: '/dev/null' },
  });
  expect(masked.message).toContain('a link to /dev/null');
});
