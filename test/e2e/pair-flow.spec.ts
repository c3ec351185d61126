import { spawn } from 'node:child_process';
import { expect, test } from '../support/fixtures';
import { openPairPreview, type PairPreview } from '../harness/pair-preview';
import { PAM_UNIX_FAIL_DELAY_MAX_MS } from '../support/node-pam';

const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';
const HAPROXY = 'frontend www\n    bind 192.0.2.10:80\n    default_backend web\n';

/** The node's own kernel value and file, read inside its namespaces. */
function nodeTruth(pair: PairPreview) {
  const sb = pair.node.sandbox;
  return {
    kernel: sb.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim(),
    file: sb.run('cat', [FILE], { allowFailure: true }).stdout,
  };
}

/** Binds the VIP on the node itself (port 0): works only with non-local bind on. */
function nodeCanBind(pair: PairPreview): boolean {
  const r = pair.node.sandbox.run(
    'python3',
    ['-c', 'import socket; socket.socket().bind(("192.0.2.10", 0))'],
    { allowFailure: true },
  );
  return r.status === 0;
}

test.describe('both nodes of a pair, in Chromium, with a real sshd node', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let pair: PairPreview;
  test.beforeAll(async () => {
    pair = await openPairPreview();
    // This computer: on now and at boot. The node: off, with HAProxy configured for the VIP.
    pair.here.run('sysctl', ['-qw', 'net.ipv4.ip_nonlocal_bind=1']);
    pair.here.writeText(FILE, 'net.ipv4.ip_nonlocal_bind = 1\n');
    pair.node.sandbox.run('mkdir', ['-p', '/etc/haproxy']);
    pair.node.sandbox.writeText('/etc/haproxy/haproxy.cfg', HAPROXY);
  });
  test.afterAll(async () => {
    await pair?.close();
  });

  test('an unreachable node gives its message and is not added', async () => {
    const page = pair.page;
    await page.getByRole('tab', { name: 'Pair and fleet' }).click();
    await expect(page.getByText('No nodes yet')).toBeVisible();
    await page.getByLabel('SSH destination').fill('nbtest@127.0.0.1:1');
    await page.getByRole('button', { name: 'Add node' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot be reached');
    await expect(page.getByRole('alert')).toContainText('The node was not added.');
    await expect(page.getByText('No nodes yet')).toBeVisible();
  });

  test('add the node: its host key is shown and accepted; both side by side with the difference', async () => {
    const page = pair.page;
    const alias = pair.node.alias;
    await page.getByLabel('SSH destination').fill(alias);
    await page.getByRole('button', { name: 'Add node' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`Do you trust ${alias}?`);
    const real = pair.node.sandbox
      .run('ssh-keygen', ['-l', '-f', `${pair.node.dir}/host_key.pub`])
      .stdout.split(' ')[1];
    await expect(dialog).toContainText(real ?? 'no fingerprint');
    await page.getByRole('button', { name: 'Trust this key and add' }).click();

    const table = page.getByTestId('pair-table');
    await expect(table).toContainText(alias);
    await expect(table).toContainText('This computer');
    await expect(page.getByText(`${alias} has IPv4 non-local bind off now`)).toBeVisible();
    await expect(
      page.getByText(`${alias} will not have IPv4 non-local bind at boot; this computer will.`),
    ).toBeVisible();
    await expect(table).toContainText('192.0.2.10:80');
    await expect(table).toContainText(`Not on ${alias}: HAProxy needs IPv4 non-local bind`);

    await page.getByRole('button', { name: `Test binding the virtual IPs on ${alias}` }).click();
    await expect(table).toContainText(`192.0.2.10: fails: ${alias} does not hold this address`);
    await expect(table).toContainText('tested with python3');
  });

  test('a wrong sudo password is refused on the node, and nothing changes there', async () => {
    const page = pair.page;
    const alias = pair.node.alias;
    const planning = performance.now();
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const panel = page.locator('.alike-panel');
    await expect(panel).toContainText('IPv4 non-local bind: off → on now.');
    // Planning reads both machines and asks the node's sudo: the Apply reads them twice more
    // and runs sudo once, with one PAM fail delay. Twice that again for a loaded machine.
    const planMs = performance.now() - planning;
    await expect(panel).toContainText(
      `IPv4 non-local bind at boot: on, set in ${FILE} (a new file).`,
    );
    await panel.getByLabel(`sudo password for ${alias}`).fill('not the password');
    await panel.getByRole('button', { name: 'Apply to 1 machine' }).click();
    await expect(page.locator('.outcomes')).toContainText(
      `Failed: ${alias} — sudo did not accept the password. Nothing was changed on the node`,
      { timeout: Math.max(10_000, PAM_UNIX_FAIL_DELAY_MAX_MS + 2 * 3 * planMs) },
    );
    expect(nodeTruth(pair)).toEqual({ kernel: '0', file: '' });
  });

  test('make them alike with the right password: the kernel value, the file bytes and the bind test prove it', async () => {
    const page = pair.page;
    const alias = pair.node.alias;
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const panel = page.locator('.alike-panel');
    await panel.getByText('For a fleet: Ansible or cloud-init').click();
    await expect(panel).toContainText('ansible.posix.sysctl:');
    await expect(panel).toContainText('#cloud-config');
    await panel.getByLabel(`sudo password for ${alias}`).fill(pair.node.sudoPassword);
    await panel.getByRole('button', { name: 'Apply to 1 machine' }).click();
    await expect(page.locator('.outcomes')).toContainText(`Applied: ${alias}`);
    await expect(page.getByText('All machines that could be read agree')).toBeVisible();
    // The password field is gone with the panel; nothing of it is kept in the page.
    await expect(page.locator('input[type=password]')).toHaveCount(0);

    const truth = nodeTruth(pair);
    expect(truth.kernel).toBe('1');
    expect(truth.file).toContain('net.ipv4.ip_nonlocal_bind = 1\n');
    expect(truth.file).toMatch(/^# Written by Nonlocal Bind/);
    expect(nodeCanBind(pair)).toBe(true);
    await page.getByRole('button', { name: `Test binding the virtual IPs on ${alias}` }).click();
    await expect(page.getByTestId('pair-table')).toContainText(
      `192.0.2.10: binding works on ${alias}`,
    );
  });

  test("a changed host key is refused in the node's column, with the explanation", async () => {
    const page = pair.page;
    await pair.node.changeHostKey();
    await page.getByRole('button', { name: 'Read all again' }).click();
    await expect(page.locator('.node-error')).toContainText('host key has CHANGED');
    await expect(page.locator('.node-error')).toContainText('Nothing was sent');
    expect(nodeTruth(pair).kernel).toBe('1');
    pair.node.trustHostKey();
    await page.getByRole('button', { name: 'Read all again' }).click();
    await expect.poll(() => page.locator('.node-error').allTextContents()).toEqual([]);
  });

  test('the connection drops mid-step (sshd killed): the message says so, and the node is left whole', async ({
    teardown,
  }) => {
    const page = pair.page;
    const alias = pair.node.alias;
    const sb = pair.node.sandbox;
    sb.run('sysctl', ['-qw', 'net.ipv4.ip_nonlocal_bind=0']);
    sb.run('rm', ['-f', FILE]);
    await page.getByRole('button', { name: 'Read all again' }).click();
    await expect(page.getByText(`${alias} has IPv4 non-local bind off now`)).toBeVisible();
    // Another Apply holds the step's lock on the node, so ours waits there, having changed nothing.
    sb.run('mkdir', ['-p', '-m', '0711', '/run/nonlocal-bind']);
    // The step's lock is root's 0600 apply.lock (one `flock` would create it 0644).
    sb.run('install', ['-m', '0600', '/dev/null', '/run/nonlocal-bind/apply.lock']);
    const holder = spawn(
      sb.enterArgs[0] as string,
      [...sb.enterArgs.slice(1), 'flock', '/run/nonlocal-bind/apply.lock', 'sleep', '60'],
      { stdio: 'ignore' },
    );
    teardown(() => holder.kill('SIGKILL'));
    // The holder starts through nsenter: the step must find the lock already taken.
    await expect
      .poll(
        () =>
          sb.run('flock', ['-n', '-E', '9', '/run/nonlocal-bind/apply.lock', 'true'], {
            allowFailure: true,
          }).status,
        { timeout: 20_000 },
      )
      .toBe(9);
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const panel = page.locator('.alike-panel');
    await panel.getByLabel(`sudo password for ${alias}`).fill(pair.node.sudoPassword);
    await panel.getByRole('button', { name: 'Apply to 1 machine' }).click();
    await expect(panel.getByRole('button', { name: 'Applying…' })).toBeVisible();
    // Wait until the step is really waiting on the node, then cut the connection. Its
    // `flock -w` runs only after it has said it is waiting; that line is what proves to the
    // app that the node was reached, so it gets a moment to cross the connection first.
    // Anchored: the nsenter that runs pgrep has the pattern in its own command line.
    await expect
      .poll(() => sb.run('pgrep', ['-f', '^flock -w 300'], { allowFailure: true }).status, {
        timeout: 20_000,
      })
      .toBe(0);
    await page.waitForTimeout(500);
    await pair.node.stopSshd();
    await expect(page.locator('.outcomes')).toContainText(
      'the connection dropped during the Apply',
      { timeout: 60_000 },
    );
    await expect(page.locator('.outcomes')).toContainText(`Failed: ${alias}`);
    expect(nodeTruth(pair)).toEqual({ kernel: '0', file: '' });
  });
});
