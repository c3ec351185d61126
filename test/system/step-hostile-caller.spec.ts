import { createHash } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { asUserArgv, type Sandbox } from '../harness/sandbox';
import { createDelegatedUserSandbox, type DelegatedUserSandbox } from '../support/delegated-user';
import { HELPER_PATH } from '../../electron/system/step-helper';

/**
 * A delegated polkit user's attacks on the step (the packaged helper, any argv), found by an
 * adversarial review of protocol v2; each failed before its fix:
 * - with `none` the step wrote NAME unchecked into the intent record, and a file size limit
 *   the caller sets (RLIMIT_FSIZE survives pkexec) stopped the step right after the record's
 *   first line: the next recovery obeyed it (any digits into the settings, or exit 70 for
 *   every later Apply). Now `none` takes `- absent -`, the step lifts the caller's file size
 *   and CPU limits (or refuses to run), and recovery checks each old value against its range;
 * - the same limit truncated a well-formed record: every later Apply failed with 70;
 * - ^Z in the caller's terminal stopped their step, which could be holding the lock: the step
 *   now ignores the terminal's stop signals;
 * - a setting line of 1 MiB or more (systemd-sysctl stops reading the file there) could be
 *   removed, letting the lines after it apply at boot: no file larger than the planner reads
 *   (64 KiB) is changed, by the step or by the TypeScript rule.
 */
const USER = 'nbtest-adversary';
const INTENT = '/run/nonlocal-bind/apply.intent';
const IPV4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

let sandbox: Sandbox;
let asUser: DelegatedUserSandbox['asUser'];
test.beforeAll(async () => {
  ({ sandbox, asUser } = await createDelegatedUserSandbox(USER));
});
test.afterAll(async () => {
  await sandbox?.dispose();
});

/** Runs the helper with `none` and a NAME whose first line is the record the caller wants. */
function plant(recordTail: string) {
  const first = `v2 none x absent ${recordTail}`;
  const name = `x absent ${recordTail}\n${'y'.repeat(300)}`;
  return asUser([
    'prlimit',
    `--fsize=${first.length + 1}`,
    'pkexec',
    '--disable-internal-agent',
    HELPER_PATH,
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    '--',
    'none',
    name,
    'absent',
    '-',
  ]);
}

test('a delegated user makes the next recovery write 200 into ip_nonlocal_bind', () => {
  sandbox.run('sh', ['-c', `echo 0 > ${IPV4}; : > ${INTENT} 2>/dev/null; true`]);
  const planted = plant('net.ipv4.ip_nonlocal_bind=1:200');
  console.log('plant', planted.status, JSON.stringify(planted.stderr));
  console.log('intent', JSON.stringify(sandbox.readText(INTENT)));
  const r = asUser(['pkexec', '--disable-internal-agent', HELPER_PATH, 'recover']);
  console.log('recover', r.status, JSON.stringify(r.stdout + r.stderr));
  // The step only ever sets 0 or 1 on request; the record it reads back must be its own.
  expect(sandbox.readText(IPV4).trim()).not.toBe('200');
});

test('a delegated user stalls every later Apply, root included, until /run is cleared', () => {
  sandbox.run('sh', ['-c', `: > ${INTENT} 2>/dev/null; true`]);
  plant('net.ipv4.ip_nonlocal_bind=1:99999999999');
  // An ordinary Apply by root afterwards.
  const root = sandbox.run(
    'sh',
    [HELPER_PATH, 'v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'],
    {
      allowFailure: true,
    },
  );
  console.log('root apply', root.status, JSON.stringify(root.stderr));
  expect(root.status, root.stderr).toBe(0);
});

test('a record the caller truncates (file size limit) stalls every later Apply', () => {
  sandbox.run('sh', ['-c', `: > ${INTENT} 2>/dev/null; true`]);
  // "v2 none - absent net.ipv4.ip_nonlocal_bind=1:0": cut before the old value.
  const cut = 'v2 none - absent net.ipv4.ip_nonlocal_bind=1:'.length;
  asUser([
    'prlimit',
    `--fsize=${cut}`,
    'pkexec',
    '--disable-internal-agent',
    HELPER_PATH,
    'v2',
    'net.ipv4.ip_nonlocal_bind=1',
    '--',
    'none',
    '-',
    'absent',
    '-',
  ]);
  const root = sandbox.run(
    'sh',
    [HELPER_PATH, 'v2', 'net.ipv4.ip_nonlocal_bind=1', '--', 'none', '-', 'absent', '-'],
    { allowFailure: true },
  );
  expect(root.status, root.stderr).toBe(0);
});

/**
 * tstp.py: the delegated user's own terminal, with their step as its foreground job (its
 * parent shell is in the same session), so ^Z is the kernel's SIGTSTP, sent without a
 * permission check. The step waits for a lock root holds, so it is alive when ^Z arrives;
 * it must not stop (a stopped step inside the lock would stall every Apply after it).
 */
const TSTP = String.raw`import os, pty, sys, time
helper, content = sys.argv[1], sys.argv[2]
args = ['pkexec', '--disable-internal-agent', helper, 'v2', 'net.ipv4.ip_nonlocal_bind=1', '--',
        'write', '70-x.conf', 'absent', content]
def step_states():
    states = []
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            if helper.encode() in open(f'/proc/{p}/cmdline', 'rb').read():
                states.append(open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()[0])
        except OSError:
            pass
    return states
pid, fd = pty.fork()
if pid == 0:
    r, w = os.pipe()
    job = os.fork()
    if job == 0:
        os.close(w)
        os.setpgid(0, 0)
        os.read(r, 1)
        os.execvp('pkexec', args)
    os.setpgid(job, job)
    os.tcsetpgrp(0, job)
    os.write(w, b'x')
    _, status = os.waitpid(job, 0)
    os._exit(os.waitstatus_to_exitcode(status) & 0xff)
deadline = time.time() + 30
while not step_states() and time.time() < deadline:
    time.sleep(0.05)
time.sleep(0.3)
os.write(fd, b'\x1a')
time.sleep(0.5)
print('states', ' '.join(step_states()) or 'none', flush=True)
sys.stdin.readline()
_, status = os.waitpid(pid, 0)
print('exit', os.waitstatus_to_exitcode(status), flush=True)
`;

test("^Z in a delegated user's terminal does not stop their step", async () => {
  sandbox.run('sh', ['-c', `: > ${INTENT} 2>/dev/null; rm -f /etc/sysctl.d/70-x.conf; true`]);
  sandbox.run('mkdir', ['-p', '-m', '0711', '/run/nonlocal-bind']);
  sandbox.run('install', ['-m', '0600', '/dev/null', '/run/nonlocal-bind/apply.lock']);
  // Root holds the step's lock until the test lets go (its stdin closes).
  const holder = sandbox.spawn('flock', ['/run/nonlocal-bind/apply.lock', 'sh', '-c', 'read x'], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const content = Buffer.from('net.ipv4.ip_nonlocal_bind = 1\n').toString('base64');
  const [command, ...prefix] = asUserArgv(USER);
  const user = sandbox.spawn(
    command as string,
    [...prefix, 'python3', '-c', TSTP, HELPER_PATH, content],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let said = '';
  user.stdout?.on('data', (c: Buffer) => (said += c.toString()));
  try {
    // pkexec and the step start (a second or so under load), then ^Z and half a second.
    await expect.poll(() => said, { timeout: 60_000 }).toMatch(/states/);
    expect(said).not.toMatch(/states .*T/);
    holder.stdin?.end();
    user.stdin?.end('\n');
    await expect.poll(() => said, { timeout: 60_000 }).toMatch(/exit -?\d+/);
    expect(said).toMatch(/exit 0/);
    expect(sandbox.readText('/etc/sysctl.d/70-x.conf')).toBe('net.ipv4.ip_nonlocal_bind = 1\n');
  } finally {
    holder.kill('SIGKILL');
    user.kill('SIGKILL');
  }
});

test('removing a setting line of 1 MiB or more makes systemd-sysctl read the lines after it', () => {
  const big = `net.ipv4.ip_nonlocal_bind = ${'x'.repeat(1024 * 1024)}\nkernel.modprobe = /tmp/evil\n`;
  sandbox.writeText('/etc/sysctl.d/10-big.conf', big);
  const sha = createHash('sha256').update(big).digest('hex');
  const after = Buffer.from('kernel.modprobe = /tmp/evil\n').toString('base64');
  const r = asUser([
    'pkexec',
    '--disable-internal-agent',
    HELPER_PATH,
    'v2',
    '--',
    'write',
    '10-big.conf',
    sha,
    after,
  ]);
  // Before: systemd-sysctl stopped at line 1 (ENOBUFS) and never set kernel.modprobe; after, it does.
  expect(r.status, r.stdout + r.stderr).toBe(77);
});
