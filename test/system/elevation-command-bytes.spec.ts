import { test, expect } from '@playwright/test';
import { applyCli } from '../harness/apply-child';
import { addSandboxUsers, POLKIT_USERS } from '../harness/polkit-sandbox';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { SAFE_COMMAND_BYTES } from '../../electron/system/privileged-step';

// Everything that reaches a shell on the way to root, captured for real: strace records
// each execve of the Apply child (as a desktop user, from a hostile working directory),
// and a stand-in pkexec bind-mounted over /usr/bin/pkexec in the sandbox ends the chain
// without asking polkit.
const STANDIN = '/etc/nb-pkexec-standin';
const TRACE = '/etc/nb-exec-trace';
const HOSTILE_CWDS = [
  'x$(id>&2)',
  'tick`id`tock',
  `quotes"and'single`,
  'new\nline',
  'all $HOME `x` "y" \'z\' \\ !\n; | &',
];

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
  // The desktop user exists in the sandbox's /etc only; the stand-in needs no polkitd.
  addSandboxUsers(sandbox, [POLKIT_USERS.granted]);
  sandbox.writeText(
    STANDIN,
    '#!/bin/sh\n[ "$1" = --disable-internal-agent ] && shift\nexec "$@"\n',
  );
  sandbox.run('chmod', ['0755', STANDIN]);
  sandbox.run('mount', ['--bind', STANDIN, '/usr/bin/pkexec']);
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/** Decodes strace's -xx strings: every byte as \xHH. */
function decodeHex(text: string): string {
  return Buffer.from(text.replace(/\\x/g, ''), 'hex').toString('latin1');
}

/** argv of every execve in an `strace -f -xx -e trace=execve` log. */
function parseExecs(log: string): string[][] {
  return log
    .split('\n')
    .filter((line) => line.includes('execve(') && !line.includes('resumed'))
    .map((line) => {
      const list = /\[((?:"(?:\\x[0-9a-f]{2})*"(?:, )?)*)\]/.exec(line)?.[1] ?? '';
      return [...list.matchAll(/"((?:\\x[0-9a-f]{2})*)"/g)].map((m) => decodeHex(m[1] ?? ''));
    });
}

test('only safe bytes and no shell string reach pkexec and the step, from working directories with $, backticks, quotes and newlines', async () => {
  const cli = await applyCli();
  const request = {
    values: { ipv4: 1 as const, ipv6: 1 as const },
    persistence: { kind: 'persist' as const, fileName: '90-nb-bytes.conf', expectedSha256: null },
  };
  for (const name of HOSTILE_CWDS) {
    const cwd = `/etc/nb-cwd/${name}`;
    sandbox.run('mkdir', ['-p', '-m', '0755', '--', cwd]);
    sandbox.run('rm', ['-f', TRACE]);
    // The directory name travels only as an argument; `cd` runs outside the traced child.
    sandbox.run(
      'sh',
      [
        '-c',
        'cd "$1" && shift && exec "$@"',
        'sh',
        cwd,
        ...['strace', '-f', '-qq', '-xx', '-s', '1000000', '-e', 'trace=execve', '-o', TRACE],
        ...['setpriv', '--reuid', POLKIT_USERS.granted, '--regid', POLKIT_USERS.granted],
        ...['--init-groups', '--reset-env', process.execPath, cli, JSON.stringify(request)],
      ],
      { timeoutMs: 60_000, allowFailure: true },
    );
    const execs = parseExecs(sandbox.readText(TRACE));
    const pkexecs = execs.filter((argv) => argv[0] === '/usr/bin/pkexec');
    const steps = execs.filter((argv) => argv[0] === '/bin/sh' && argv[1] === '-s');
    // The chain really ran: pkexec (the stand-in), which became the step's sh.
    expect(pkexecs.length, JSON.stringify(execs)).toBe(1);
    expect(steps.length, JSON.stringify(execs)).toBe(1);
    // No shell string anywhere before root: no `sh -c` and no bash started the chain.
    expect(execs.filter((argv) => argv[1] === '-c' && argv.join(' ').includes('pkexec'))).toEqual(
      [],
    );
    expect(execs.filter((argv) => argv[0] === '/bin/bash')).toEqual([]);
    for (const argv of [...pkexecs, ...steps]) {
      expect(argv.join('\n')).not.toContain('nb-cwd');
      expect(argv.join(' ')).toMatch(SAFE_COMMAND_BYTES);
    }
    expect(pkexecs[0]?.slice(1, 5)).toEqual(['--disable-internal-agent', '/bin/sh', '-s', '--']);
    expect(steps[0]?.slice(2, 4)).toEqual(['--', 'v2']);
  }
});
