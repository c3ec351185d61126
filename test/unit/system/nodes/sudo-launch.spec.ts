import { expect, test } from '@playwright/test';
import { STEP_EXIT } from '../../../../electron/system/privileged-script';
import {
  quoteConstant,
  refusedUnasked,
  reportedUser,
  SUDO_REPORT_EXIT,
  sudoCommandLine,
  sudoReport,
  sudoStdin,
} from '../../../../electron/system/nodes/sudo-launch';

test('the remote command line is constants in single quotes plus the validated tokens', () => {
  const line = sudoCommandLine([
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  expect(line?.slice(0, 2)).toEqual(['sh', '-c']);
  expect(line?.slice(-7)).toEqual([
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  for (const word of line?.slice(2, 6).filter((w) => w.startsWith("'")) ?? [])
    expect(word).toMatch(/^'[^'\n]*'$/);
  // Anything a shell would read as syntax is refused, never quoted.
  for (const bad of ['a b', "it's", '$(id)', '`id`', 'a;b', 'a\nb', '', 'x'.repeat(131_073)])
    expect(sudoCommandLine(['v1', bad])).toBeNull();
});

test('a constant that a login shell would not keep as it is cannot be quoted', () => {
  for (const bad of ["it's", 'two\nlines', 'a\\\\b', 'trailing\\'])
    expect(() => quoteConstant(bad)).toThrow();
  expect(quoteConstant('printf "%s\\n" "$p"')).toBe(`'printf "%s\\n" "$p"'`);
});

test('stdin: the password line, the marker, the script; a password that would end its line is refused', () => {
  const stdin = sudoStdin(Buffer.from('pass word'), 'echo hi\n');
  expect(stdin?.toString()).toBe('pass word\nNLB-SCRIPT-FOLLOWS\necho hi\n');
  expect(sudoStdin(null, 'x')?.toString()).toBe('\nNLB-SCRIPT-FOLLOWS\nx');
  for (const bad of ['a\nb', 'a\rb', 'a\0b']) expect(sudoStdin(Buffer.from(bad), 'x')).toBeNull();
});

test("the wrapper's reports are told apart from everything the step and sudo say", () => {
  expect(Object.values(STEP_EXIT)).not.toContain(SUDO_REPORT_EXIT);
  expect(sudoReport(SUDO_REPORT_EXIT, 'x\nnonlocal-bind-sudo: wrong-password\n')).toBe(
    'wrong-password',
  );
  expect(sudoReport(1, 'nonlocal-bind-sudo: wrong-password\n')).toBeNull();
  expect(sudoReport(SUDO_REPORT_EXIT, 'nonlocal-bind: wrong-password\n')).toBeNull();
  expect(
    refusedUnasked('sudo: 3 incorrect password attempts\nnonlocal-bind-sudo: not-asked\n'),
  ).toBe(true);
  expect(refusedUnasked('sudo: 1 incorrect password attempt\n')).toBe(false);
  expect(reportedUser('nonlocal-bind-sudo: user=nbadmin\n')).toBe('nbadmin');
  expect(reportedUser('nonlocal-bind-sudo: user=$(reboot)\n')).toBeNull();
});
