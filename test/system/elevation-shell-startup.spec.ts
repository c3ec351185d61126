import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { applyInSandbox } from '../support/apply-child';
import { bundleForChild } from '../support/bundle';
import { POLKIT_USERS } from '../support/polkit';
import { createSandbox, type Sandbox } from '../support/sandbox';

// Real chain (sudo-prompt as patched by patches/ -> pkexec -> polkitd -> root bash): root's
// shell startup must never run, whatever it does, and elevation outcomes must stay exact.
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';
const BASHRC_COPY = '/etc/nb-root-bashrc';
// Written by every variant before its own effect, so "never ran" is proven, not inferred.
const RAN_MARKER = '/etc/nb-root-bashrc-ran';

const BASHRCS = {
  prints: `echo ran >> ${RAN_MARKER}\necho "Welcome to this server, root"\n`,
  sleeps: `echo ran >> ${RAN_MARKER}\nsleep 2\n`,
  fails: `echo ran >> ${RAN_MARKER}\necho "bashrc: broken" >&2\nexit 3\n`,
} as const;

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox();
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/** Root's ~/.bashrc as root's bash would see it through pkexec (pkexec keeps our mount namespace). */
function mountRootBashrc(content: string): void {
  sandbox.writeText(BASHRC_COPY, content);
  sandbox.run('mount', ['--bind', BASHRC_COPY, '/root/.bashrc']);
}

const persist = {
  values: { ipv4: 1 as const, ipv6: 1 as const },
  persistence: { kind: 'persist' as const, fileName: '90-nb-rc.conf', expectedSha256: null },
};

for (const [variant, content] of Object.entries(BASHRCS)) {
  test(`root .bashrc that ${variant}: Apply succeeds unaffected, a stale step is reported as stale`, async () => {
    mountRootBashrc(content);
    const applied = await applyInSandbox(sandbox, persist, POLKIT_USERS.granted);
    expect(applied).toMatchObject({ applied: true });
    expect(sandbox.readText(V4)).toBe('1\n');
    // The sleeping variant would add 2 s; a whole Apply through polkit takes a fraction of that.
    expect(applied.ms).toBeLessThan(2000);

    // A stale hash reaches the step itself (the planner would have caught it first), so the
    // script exits 65 as root: that must read as "file changed", never as a refusal.
    sandbox.writeText('/etc/sysctl.d/90-nb-stale.conf', 'net.ipv4.ip_nonlocal_bind = 0\n');
    const stale = createHash('sha256').update('something else\n').digest('hex');
    const cli = await bundleForChild('test/system/fixtures/step-cli.ts');
    const args = ['v1', '-', '-', 'write', '90-nb-stale.conf', stale, 'eAo='];
    const run = sandbox.run(
      'setpriv',
      [
        ...['--reuid', POLKIT_USERS.granted, '--regid', POLKIT_USERS.granted],
        ...['--init-groups', '--reset-env', process.execPath, cli, JSON.stringify(args)],
      ],
      { cwd: '/', timeoutMs: 60_000 },
    );
    const reported = JSON.parse(run.stdout) as {
      kind: string;
      exitCode: number;
      error: { code: string };
    };
    expect(reported).toMatchObject({ kind: 'ran', exitCode: 65, error: { code: 'file-changed' } });
    expect(sandbox.readText('/etc/sysctl.d/90-nb-stale.conf')).toBe(
      'net.ipv4.ip_nonlocal_bind = 0\n',
    );

    const marker = sandbox.run('test', ['-e', RAN_MARKER], { allowFailure: true });
    expect(marker.status, 'root .bashrc ran during elevation').not.toBe(0);
  });
}
