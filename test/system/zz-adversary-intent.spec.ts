import { createHash } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { packagedFiles } from '../support/packaged-polkit';
import { startPrivatePolkit } from '../harness/private-polkit';
import { asUserArgv, createSandbox, type Sandbox } from '../harness/sandbox';
import { HELPER_PATH, POLKIT_ACTION_ID } from '../../electron/system/step-helper';

/**
 * Adversarial probes of the step as a delegated polkit user (the packaged helper, any argv),
 * each failing today:
 * - with `none` the step checks neither NAME nor SHA, yet writes NAME into the intent record;
 *   a file size limit the caller sets (RLIMIT_FSIZE survives pkexec) stops the step right
 *   after the record's first line, and the next step's recovery obeys that line (any digits
 *   into the settings; digits the kernel refuses make every later Apply fail with 70);
 * - the same limit truncates a well-formed record: every later Apply fails with 70 too;
 * - ^Z in the caller's terminal stops their step while it holds the lock (tty signals need
 *   no permission): every other Apply waits 5 minutes and fails;
 * - a setting line of 1 MiB or more (systemd-sysctl stops reading the file there) may be
 *   removed, and the lines after it start applying at boot.
 */
const USER = 'nbtest-adversary';
const GROUP = 'nbadmins';
const RULES = `polkit.addRule(function (action, subject) {
  if (action.id === "${POLKIT_ACTION_ID}" && subject.isInGroup("${GROUP}")) return polkit.Result.YES;
  if (subject.user === "${USER}") return polkit.Result.NO;
  return polkit.Result.NOT_HANDLED;
});
`;
const INTENT = '/run/nonlocal-bind/apply.intent';
const IPV4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

let sandbox: Sandbox;
test.beforeAll(async () => {
  sandbox = await createSandbox({ pidNamespace: true });
  await startPrivatePolkit(sandbox, packagedFiles(), RULES);
  sandbox.run('groupadd', ['--system', GROUP]);
  sandbox.run('useradd', [
    '--no-log-init',
    '--no-create-home',
    '--shell',
    '/bin/sh',
    '-G',
    GROUP,
    USER,
  ]);
});
test.afterAll(async () => {
  await sandbox?.dispose();
});

function asUser(args: readonly string[]) {
  const [command, ...prefix] = asUserArgv(USER);
  return sandbox.run(command as string, [...prefix, 'sh', '-c', '"$@"; exit $?', 'sh', ...args], {
    allowFailure: true,
    timeoutMs: 30_000,
    cwd: '/',
  });
}

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

/** stall.py: the delegated user's terminal sends ^Z until their step stops holding the lock. */
const STALL = String.raw`# A delegated user's own terminal: their step runs as a foreground job there (its parent, a
# shell, is in the same session), so ^Z (the kernel's SIGTSTP, no permission check) stops it
# wherever it is, the lock included.
import os, pty, random, sys, time
helper, content, hold = sys.argv[1], sys.argv[2], float(sys.argv[3])
LOCK = '/run/nonlocal-bind/apply.lock'
def lock_taken():
    try:
        ino = os.stat(LOCK).st_ino
    except FileNotFoundError:
        return False
    for line in open('/proc/locks'):
        f = line.split()
        if f[1] == 'FLOCK' and int(f[5].split(':')[2]) == ino:
            return True
    return False
def step_stopped():
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            if helper.encode() in open(f'/proc/{p}/cmdline', 'rb').read():
                if open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()[0] == 'T':
                    return True
        except OSError:
            pass
    return False
args = ['pkexec', '--disable-internal-agent', helper, 'v2', 'net.ipv4.ip_nonlocal_bind=1', '--',
        'write', '70-x.conf', 'absent', content]
for attempt in range(800):
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
        os.waitpid(job, 0)
        os._exit(0)
    time.sleep(random.uniform(0.0, 0.15))
    os.write(fd, b'\x1a')
    time.sleep(0.05)
    if step_stopped() and lock_taken():
        print('stalled', attempt, flush=True)
        time.sleep(hold)
        sys.exit(0)
    os.close(fd)
    os.waitpid(pid, 0)
print('no stall', flush=True)
sys.exit(1)
`;

test("a delegated user stops their step (^Z) while it holds the lock: root's Apply waits", async () => {
  // Each try is one pkexec run plus 0.2 s of waiting (~0.3 s here, a few times that under
  // load); about 1 in 200 tries lands ^Z inside the lock. Root's Apply: well under a second
  // when the lock is free, so 20 s covers a loaded machine and is far below the 300 s wait.
  test.setTimeout(800 * 1_000 + 60_000);
  sandbox.run('sh', ['-c', `: > ${INTENT} 2>/dev/null; rm -f /etc/sysctl.d/70-x.conf; true`]);
  const content = Buffer.from('net.ipv4.ip_nonlocal_bind = 1\n').toString('base64');
  const [command, ...prefix] = asUserArgv(USER);
  const user = sandbox.spawn(
    command as string,
    [...prefix, 'python3', '-c', STALL, HELPER_PATH, content, '60'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let said = '';
  user.stdout?.on('data', (c: Buffer) => (said += c.toString()));
  try {
    await expect.poll(() => said, { timeout: 800 * 1_000 }).toMatch(/stalled|no stall/);
    console.log('user:', said.trim());
    const root = sandbox.run(
      'timeout',
      [
        '20',
        'sh',
        HELPER_PATH,
        'v2',
        'net.ipv4.ip_nonlocal_bind=0',
        '--',
        'none',
        '-',
        'absent',
        '-',
      ],
      { allowFailure: true, timeoutMs: 30_000 },
    );
    console.log('root apply', root.status, JSON.stringify(root.stderr));
    expect(root.status, root.stderr).toBe(0);
  } finally {
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
