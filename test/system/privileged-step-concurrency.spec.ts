import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { runStepInSandbox } from '../harness/run-step';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { STEP_EXIT } from '../../electron/system/privileged-script';
import { buildStepArguments } from '../../electron/system/privileged-step';

// Real steps as root in a namespace, racing for real: the lock must serialise them so that
// every step either applies or reports its own true failure, and no byte is ever lost.
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/** A step that writes `content` to `name` whose current content is `current`. */
function writeArgs(name: string, current: string | null, content: string, v4: '0' | '1') {
  return buildStepArguments({
    values: { ipv4: v4 },
    file: { op: 'write', name, expectedSha256: current === null ? null : sha(current), content },
  });
}

// Only the two settings may change (the step refuses anything else, and a new file may hold
// nothing else): each racer's file is told apart by the values it writes, 0 to 255, behind the
// shared file's foreign lines.
const body = (i: number, tag: 'start' | 'shared' | 'own') =>
  `${tag === 'own' ? '' : '# racer\nvm.swappiness = 10\n'}net.ipv4.ip_nonlocal_bind = ${i % 256}\nnet.ipv6.ip_nonlocal_bind = ${tag === 'start' ? 255 : i % 2}\n`;

for (const racers of [2, 8]) {
  test(`${racers} steps racing on one file and on different files: each applies or fails for its own reason`, async () => {
    test.setTimeout(180_000);
    // 200 steps in all across both tests: 2 x 40 rounds + 8 x 15 rounds.
    const rounds = racers === 2 ? 40 : 15;
    const seen = { applied: 0, stale: 0 };
    for (let round = 0; round < rounds; round += 1) {
      const shared = '50-shared.conf';
      const start = body(round, 'start');
      sandbox.writeText(`/etc/sysctl.d/${shared}`, start);
      // Half the racers write the shared file (all read it at the same moment, so exactly one
      // may win and the others must see a stale hash), the rest write their own files.
      const steps = Array.from({ length: racers }, (_, i) => {
        // Two racers alternate: both on the shared file, then one each on its own file.
        const own = racers === 2 ? round % 2 === 1 && i === 1 : i % 2 === 1;
        const name = own ? `60-own-${i}.conf` : shared;
        const content = body(round * 10 + i, own ? 'own' : 'shared');
        return {
          name,
          content,
          own,
          args: writeArgs(name, own ? null : start, content, i % 2 ? '1' : '0'),
        };
      });
      for (const s of steps) if (s.own) sandbox.run('rm', ['-f', `/etc/sysctl.d/${s.name}`]);
      const outcomes = await Promise.all(steps.map((s) => runStepInSandbox(sandbox, s.args)));
      const sharedWinners = steps.filter((s, i) => !s.own && outcomes[i]?.code === 0);
      outcomes.forEach((o, i) => {
        const step = steps[i];
        if (!step) throw new Error('unreachable');
        expect(o.stderr).not.toContain('restoring the previous state failed');
        if (step.own) {
          expect(o.code, o.stderr).toBe(0);
          expect(sandbox.readText(`/etc/sysctl.d/${step.name}`)).toBe(step.content);
        } else {
          expect([0, STEP_EXIT.fileChanged], o.stderr).toContain(o.code);
        }
        seen[o.code === 0 ? 'applied' : 'stale'] += 1;
      });
      expect(sharedWinners).toHaveLength(1);
      expect(sandbox.readText(`/etc/sysctl.d/${shared}`)).toBe(sharedWinners[0]?.content);
      expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).not.toContain('.nonlocal-bind-tmp');
    }
    console.log(`${racers} racers x ${rounds} rounds: applied=${seen.applied} stale=${seen.stale}`);
  });
}

test('a step that has to wait for the lock says so, then applies', async () => {
  // The step's lock file, as the step makes it (root's 0600).
  sandbox.run('sh', [
    '-c',
    'mkdir -p -m 0711 /run/nonlocal-bind && install -m 0600 /dev/null /run/nonlocal-bind/apply.lock',
  ]);
  const held = sandbox.spawn('flock', ['/run/nonlocal-bind/apply.lock', 'sleep', '1'], {
    stdio: 'ignore',
  });
  sandbox.run('sh', ['-c', 'mkdir -p -m 0711 /run/nonlocal-bind; sleep 0.3']);
  const result = await runStepInSandbox(
    sandbox,
    writeArgs('70-wait.conf', null, 'net.ipv4.ip_nonlocal_bind = 1\n', '1'),
  );
  held.kill();
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toContain('waiting for another Apply to finish');
  expect(sandbox.readText('/etc/sysctl.d/70-wait.conf')).toBe('net.ipv4.ip_nonlocal_bind = 1\n');
});

test('a failed mv restores nothing it did not replace: inode, links, mode, owner, ACL and xattr unchanged', async () => {
  const file = '/etc/sysctl.d/80-bound.conf';
  const old = 'net.ipv4.ip_nonlocal_bind = 0\n';
  // A bind mount over the target makes rename onto it fail with EBUSY, as in containers.
  sandbox.writeText('/etc/nb-bound-source', old);
  sandbox.run('sh', [
    '-c',
    [
      `: > ${file}`,
      `mount --bind /etc/nb-bound-source ${file}`,
      `chown 1:2 ${file}`,
      `chmod 0640 ${file}`,
      `setfacl -m u:nobody:r ${file}`,
      `setfattr -n user.nb -v keep ${file}`,
      `ln /etc/nb-bound-source /etc/nb-bound-link`,
    ].join(' && '),
  ]);
  const describe = () =>
    sandbox.run('sh', [
      '-c',
      `stat -c '%i %h %u:%g %a' ${file}; getfacl -cp ${file}; getfattr -d ${file}; cat ${file}`,
    ]).stdout;
  const before = describe();
  expect(before).toContain('user:nobody:r--');
  expect(before).toContain('user.nb="keep"');
  const result = await runStepInSandbox(
    sandbox,
    writeArgs('80-bound.conf', old, 'net.ipv4.ip_nonlocal_bind = 1\n', '1'),
  );
  expect(result.code, result.stderr).toBe(STEP_EXIT.writeFailed);
  expect(result.stderr).toContain('cannot move the new file into place');
  expect(result.stderr).not.toContain('restoring the previous state failed');
  expect(describe()).toBe(before);
  expect(sandbox.readText(V4)).toBe('0\n');
  expect(sandbox.run('ls', ['-A', '/etc/sysctl.d']).stdout).toBe('80-bound.conf\n');
});
