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
// sudo-prompt's own constant syntax around our command (quotes, the separator and <), and our
// frame's <(…).
const SAFE_WRAPPER_BYTES = /^[A-Za-z0-9 ._+/=|";<()-]*$/;

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

test('only safe bytes reach /bin/sh and bash, from working directories with $, backticks, quotes and newlines', async () => {
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
    const shells = execs.filter((argv) => argv[0] === '/bin/sh' && argv[1] === '-c');
    const bashes = execs.filter((argv) => argv[0] === '/bin/bash');
    // The chain really ran: Node's exec shell, the stand-in pkexec, bash, and the step's sh.
    expect(
      shells.some((argv) => argv[2]?.includes('pkexec')),
      JSON.stringify(execs),
    ).toBe(true);
    expect(bashes.length).toBeGreaterThan(0);
    for (const argv of shells.filter((a) => a[2]?.includes('pkexec'))) {
      expect(argv[2]).toMatch(SAFE_WRAPPER_BYTES);
      expect(argv[2]).not.toContain('nb-cwd');
    }
    for (const argv of bashes) {
      expect(argv.slice(0, 4)).toEqual(['/bin/bash', '--noprofile', '--norc', '-c']);
      // bash's command is our command behind sudo-prompt's marker: our safe set plus ';'.
      expect(argv[4]?.replace(/^echo SUDOPROMPT; /, '')).toMatch(SAFE_COMMAND_BYTES);
    }
  }
});
