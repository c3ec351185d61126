import { test, expect } from '@playwright/test';
import { STEP_EXIT } from '../../electron/system/privileged-script';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { runStepInSandbox } from '../harness/run-step';
import {
  b64,
  DIR,
  FILE,
  inode,
  listing,
  NAME,
  NEW,
  OLD,
  sha,
  snapshot,
  V4,
  WRITE_ARGS,
} from '../support/step-probe';

// Issue 22, item 10: each check the step makes before it changes anything, taken on its
// own, with raw argument vectors (not the app's builder), so that removing the check from
// the script makes one of these fail. Every refusal must leave every byte as it was.

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  sandbox.writeText(FILE, OLD);
});
test.afterEach(async () => {
  await sandbox.dispose();
});

const ok = b64('net.ipv4.ip_nonlocal_bind = 1\n');
const hex = sha(OLD);
const long = `${'a'.repeat(196)}.conf`; // 201 characters: one over the limit

/** Argument vectors the step must refuse with 64 before touching anything. */
const REFUSED: readonly (readonly [string, readonly string[]])[] = [
  [
    'six arguments',
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'none',
      '-',
      'absent',
    ],
  ],
  [
    'eight arguments',
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'none',
      '-',
      'absent',
      '-',
      'x',
    ],
  ],
  ['an unknown protocol', ['v2', '1', '1', 'none', '-', 'absent', '-']],
  ['IPv4 value 2', ['v2', 'net.ipv4.ip_nonlocal_bind=2', '--', 'none', '-', 'absent', '-']],
  ['IPv6 value 01', ['v2', 'net.ipv6.ip_nonlocal_bind=01', '--', 'none', '-', 'absent', '-']],
  ['a key outside the catalogue', ['v2', 'kernel.modprobe=1', '--', 'none', '-', 'absent', '-']],
  [
    'a key named twice',
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv4.ip_nonlocal_bind=0',
      '--',
      'none',
      '-',
      'absent',
      '-',
    ],
  ],
  ['protocol v1', ['v1', '1', '-', 'none', '-', 'absent', '-']],
  [
    'another protocol in v2’s shape',
    ['v3', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'],
  ],
  ['no -- after the settings', ['v2', 'net.ipv4.ip_nonlocal_bind=1', 'none', '-', 'absent', '-']],
  ['an empty value', ['v2', 'net.ipv4.ip_nonlocal_bind=', '--', 'none', '-', 'absent', '-']],
  ['a word in place of --', ['v2', 'x', 'write', NAME, hex, ok]],
  ['an unknown operation', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'move', NAME, hex, ok]],
  [
    'a name with a slash that climbs out',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', '0/../../escape.conf', 'absent', ok],
  ],
  [
    'a name with a slash, delete',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'delete', '0/../../passwd.conf', 'absent', '-'],
  ],
  [
    'a hidden name',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', '.hidden.conf', 'absent', ok],
  ],
  [
    'a name not ending in .conf',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', '99-x.conf.bak', 'absent', ok],
  ],
  [
    'a name with a space',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', '99 x.conf', 'absent', ok],
  ],
  [
    'a name of 201 characters',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', long, 'absent', ok],
  ],
  ['no name for delete', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'delete', '-', hex, '-']],
  [
    'an uppercase hash',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, hex.toUpperCase(), ok],
  ],
  ['a 63-digit hash', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, hex.slice(1), ok]],
  ['a 65-digit hash', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, `${hex}0`, ok]],
  ['an empty hash', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, '', ok]],
  [
    'content that is not base64',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, hex, 'bm9u!bG9j'],
  ],
  ['empty content', ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, hex, '']],
  [
    'content with a space',
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', NAME, hex, 'bm9u bG9j'],
  ],
];

test('every malformed argument vector is refused with 64, and nothing changes', async () => {
  // A directory named "0" lets a name with "/" resolve, so a missing check would write
  // /etc/escape.conf instead of failing by accident.
  sandbox.run('mkdir', [`${DIR}/0`]);
  sandbox.writeText('/etc/passwd.conf', 'keep\n');
  const before = snapshot(sandbox);
  for (const [what, args] of REFUSED) {
    const outcome = await runStepInSandbox(sandbox, args);
    expect({ what, code: outcome.code }).toEqual({ what, code: STEP_EXIT.invalidArguments });
    expect(outcome.stderr).toMatch(/^nonlocal-bind: /);
    expect(snapshot(sandbox), what).toBe(before);
  }
  expect(sandbox.run('test', ['-e', '/etc/escape.conf'], { allowFailure: true }).status).toBe(1);
  expect(sandbox.readText('/etc/passwd.conf')).toBe('keep\n');
});

test('the longest allowed name (200 characters) is accepted: the limit is not off by one', async () => {
  const name = `${'a'.repeat(195)}.conf`;
  const outcome = await runStepInSandbox(sandbox, ['v2', '--', 'write', name, 'absent', ok]);
  expect(outcome).toMatchObject({ code: 0, stderr: '' });
  expect(sandbox.readText(`${DIR}/${name}`)).toBe('net.ipv4.ip_nonlocal_bind = 1\n');
});

test('a file changed since it was read is refused with 65: no runtime value, no byte, no record', async () => {
  const before = snapshot(sandbox);
  const cases: readonly (readonly string[])[] = [
    // The caller read other bytes than the file holds now.
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      NAME,
      sha('# what the UI saw\n'),
      b64(NEW),
    ],
    // The caller saw no file, but there is one.
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      NAME,
      'absent',
      b64(NEW),
    ],
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'delete',
      NAME,
      'absent',
      '-',
    ],
    // The caller saw a file that is gone.
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write',
      '98-gone.conf',
      sha(OLD),
      b64(NEW),
    ],
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      'net.ipv6.ip_nonlocal_bind=1',
      '--',
      'write-conf',
      '-',
      sha(OLD),
      b64(NEW),
    ],
  ];
  for (const args of cases) {
    const outcome = await runStepInSandbox(sandbox, args);
    expect({ args, code: outcome.code }).toEqual({ args, code: STEP_EXIT.fileChanged });
    expect(outcome.stderr).toContain('changed since it was read');
    expect(snapshot(sandbox)).toBe(before);
  }
});

test('a symbolic link, a dangling link, a directory and a FIFO are refused with 66 and left as they are', async () => {
  sandbox.writeText(`${DIR}/target.txt`, OLD);
  sandbox.run('sh', [
    '-c',
    `cd ${DIR} && ln -s target.txt 10-link.conf && ln -s nowhere 11-dangling.conf && mkdir 12-dir.conf && mkfifo 13-fifo.conf`,
  ]);
  const before = snapshot(sandbox);
  const targetInode = inode(sandbox, `${DIR}/target.txt`);
  const cases: readonly (readonly string[])[] = [
    // The right hash of what the link points to: only the link check stands in the way.
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', '10-link.conf', sha(OLD), b64(NEW)],
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'delete', '10-link.conf', sha(OLD), '-'],
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      '--',
      'write',
      '11-dangling.conf',
      'absent',
      b64('net.ipv4.ip_nonlocal_bind = 1\n'),
    ],
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      '--',
      'write',
      '12-dir.conf',
      'absent',
      b64('net.ipv4.ip_nonlocal_bind = 1\n'),
    ],
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'delete', '12-dir.conf', 'absent', '-'],
    [
      'v2',
      'net.ipv4.ip_nonlocal_bind=1',
      '--',
      'write',
      '13-fifo.conf',
      'absent',
      b64('net.ipv4.ip_nonlocal_bind = 1\n'),
    ],
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'delete', '13-fifo.conf', 'absent', '-'],
  ];
  for (const args of cases) {
    const outcome = await runStepInSandbox(sandbox, args);
    expect({ args, code: outcome.code }).toEqual({ args, code: STEP_EXIT.notRegularFile });
    expect(snapshot(sandbox)).toBe(before);
  }
  expect(sandbox.run('readlink', [`${DIR}/10-link.conf`]).stdout).toBe('target.txt\n');
  expect(inode(sandbox, `${DIR}/target.txt`)).toBe(targetInode);
  expect(sandbox.readText(V4)).toBe('0\n');
});

test('content beyond the two settings is refused with 77 whoever asks, and nothing changes', async () => {
  const ours = 'net.ipv4.ip_nonlocal_bind = 1\n';
  sandbox.writeText(`${DIR}/20-ours.conf`, ours);
  sandbox.writeText('/etc/sysctl.conf', '# admin\nvm.swappiness = 10\n');
  // Same-named files in later directories: a new /etc name would hide them at boot, and
  // deleting /etc's would let them apply again.
  sandbox.writeText('/usr/lib/sysctl.d/30-vendor.conf', 'net.ipv4.ip_nonlocal_bind = 0\n');
  sandbox.writeText(`${DIR}/40-shadow.conf`, ours);
  sandbox.writeText('/run/sysctl.d/40-shadow.conf', 'net.ipv4.ip_nonlocal_bind = 0\n');
  const before = snapshot(sandbox);
  const w = (name: string, expected: string, content: string) =>
    ['v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'write', name, expected, b64(content)] as const;
  const cases: (readonly [string, readonly string[]])[] = [
    ['a kernel.* line added', w(NAME, hex, `${NEW}kernel.modprobe = /tmp/evil\n`)],
    ['another key changed', w(NAME, hex, NEW.replace('= 10', '= 20'))],
    ['a comment removed', w(NAME, hex, NEW.replace('# site\n', ''))],
    ['a new file with a foreign key', w('50-new.conf', 'absent', 'kernel.core_pattern=|/tmp/x\n')],
    ['a value outside 0-255', w('50-new.conf', 'absent', 'net.ipv4.ip_nonlocal_bind = 256\n')],
    ['a new file of more than 4 KiB', w('50-new.conf', 'absent', ours.repeat(140))],
    // Nothing but setting lines, so only the size stops it (64 KiB on an existing file).
    ['more than 64 KiB', w(NAME, hex, `${NEW}${ours.repeat(2200)}`)],
    ['a new name hiding a later file', w('30-vendor.conf', 'absent', ours)],
    ['deleting a file that holds more', ['v2', '--', 'delete', NAME, hex, '-']],
    [
      'deleting what a later file would replace',
      ['v2', '--', 'delete', '40-shadow.conf', sha(ours), '-'],
    ],
    [
      '/etc/sysctl.conf with a line added',
      [
        'v2',
        '--',
        'write-conf',
        '-',
        sha('# admin\nvm.swappiness = 10\n'),
        b64('# admin\nvm.swappiness = 10\nkernel.x = 1\n'),
      ],
    ],
  ];
  // Base64 with padding inside a group: base64 -d refuses it, and so does the step's decoding.
  const bad = ['QQ=A', 'Q===', `${b64(ours)}Q=Q=`];
  for (const token of bad) cases.push([token, ['v2', '--', 'write', NAME, hex, token]]);
  for (const [what, args] of cases) {
    const outcome = await runStepInSandbox(sandbox, args);
    expect({ what, code: outcome.code }).toEqual({ what, code: STEP_EXIT.outsideSettings });
    if (bad.includes(what)) expect(outcome.stderr).toContain('invalid content encoding');
    expect(snapshot(sandbox), what).toBe(before);
  }
});

test('the same write with the right hash goes through: the refusals above are the checks, not the setup', async () => {
  const outcome = await runStepInSandbox(sandbox, WRITE_ARGS);
  expect(outcome).toMatchObject({ code: 0, stderr: '' });
  expect(sandbox.readText(FILE)).toBe(NEW);
  expect(listing(sandbox)).toBe(`${NAME}\n`);
  // Nothing of the run is left: an empty record (none to recover), no temp file.
  expect(sandbox.run('ls', ['-A', '/run/nonlocal-bind']).stdout).toBe(
    'apply.intent\napply.lock\nerr\n',
  );
  expect(sandbox.readText('/run/nonlocal-bind/apply.intent')).toBe('');
});
