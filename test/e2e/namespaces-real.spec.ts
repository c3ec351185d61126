import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { launchChromium } from '../harness/chromium';
import { startPreview } from '../harness/preview';
import { POLKIT_USERS, sandboxUid } from '../harness/polkit-sandbox';
import { createSandbox } from '../harness/sandbox';
import { expect, test } from '../support/fixtures';
import { holdNamespaces, valuesInside } from '../harness/netns-holders';

/*
 * Issue 18, "Show it where people look", on a real system: the preview's server runs as
 * root in a sandbox (its own network and mount namespace) whose /run is a tmpfs, so
 * `ip netns add` pins a namespace in a /run/netns only the sandbox sees. Debian's haproxy
 * runs in it. The real listing (a worker thread reading /proc) reaches the main page's
 * line and the view: the namespace by its name, haproxy with its pid, the `ip netns exec`
 * line and the systemd unit that keeps it. The host's /run and values stay as they were.
 */

const NAME = 'nb-view-lb';
const PORT = 8405;
// haproxy parses a short config and binds one socket: well under a second unloaded.
const HAPROXY_READY_MS = 15_000;
const KEYS = 'net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1';

const CONFIG = [
  'global',
  '  maxconn 16',
  'defaults',
  '  mode tcp',
  '  timeout connect 1s',
  '  timeout client 1s',
  '  timeout server 1s',
  'frontend view-test',
  `  bind 127.0.0.1:${PORT}`,
  '  default_backend nowhere',
  'backend nowhere',
  '  server none 127.0.0.1:9',
  '',
].join('\n');

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

test('a named namespace running the real haproxy is on the main page and in the view, with its pid and lasting fix', async ({
  sandbox,
  teardown,
}) => {
  const hostHadNetns = existsSync('/run/netns');
  sandbox.run('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'tmpfs', '/run']);
  sandbox.run('ip', ['netns', 'add', NAME]);
  sandbox.run('ip', ['netns', 'exec', NAME, 'ip', 'link', 'set', 'lo', 'up']);
  const config = `${sandbox.scratch}/haproxy.cfg`;
  sandbox.writeText(config, CONFIG);
  // nsenter and `ip netns exec` exec in turn, so the child's pid is haproxy's own (-db: no fork).
  const haproxy = sandbox.spawn('ip', ['netns', 'exec', NAME, 'haproxy', '-db', '-f', config], {
    stdio: 'ignore',
  });
  teardown(() => stopChild(haproxy));
  const deadline = Date.now() + HAPROXY_READY_MS;
  while (
    !sandbox
      .run('ip', ['netns', 'exec', NAME, 'ss', '-ltnH'], { allowFailure: true })
      .stdout.includes(`127.0.0.1:${PORT}`)
  ) {
    if (Date.now() > deadline)
      throw new Error(`haproxy did not listen within ${HAPROXY_READY_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pid = haproxy.pid ?? 0;
  expect(sandbox.readText(`/proc/${pid}/comm`)).toBe('haproxy\n');
  const inode = sandbox.run('stat', ['-L', '-c', '%i', `/run/netns/${NAME}`]).stdout.trim();

  const preview = await startPreview({ sandbox });
  teardown(() => preview.stop());
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  teardown(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
  await page.goto(preview.url);

  // The main page: one line, naming haproxy; this computer's other namespaces count too.
  const line = page.getByTestId('namespaces-line');
  await expect(line).toContainText(
    /other network namespaces? on this computer, each with its own setting: haproxy runs in/,
  );
  await line.getByRole('button', { name: 'Show network namespaces' }).click();

  const card = page.getByTestId(`namespace-${inode}`);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(
    `Namespace “${NAME}” (ip netns)`,
  );
  await expect(card.getByTestId('namespace-load-balancers')).toContainText(
    `haproxy, pid ${pid} — binds 127.0.0.1:${PORT}, from ${config}`,
  );
  await expect(card.getByRole('note')).toHaveText(/Not read yet.*only from inside it/);
  await expect(card.locator('pre').first()).toContainText(
    `ExecStart=/usr/sbin/ip netns exec ${NAME} sysctl -w ${KEYS}`,
  );
  await expect(card.locator('pre').last()).toHaveText(
    `sudo ip netns exec ${NAME} sysctl -w ${KEYS}`,
  );
  // The app's own namespace is the sandbox's, with the values the main view read.
  const ownInode = sandbox.run('stat', ['-L', '-c', '%i', '/proc/self/ns/net']).stdout.trim();
  await expect(
    page.getByTestId(`namespace-${ownInode}`).getByRole('heading', { level: 3 }),
  ).toHaveText('This app’s network');
  await expect(
    page.getByTestId(`namespace-${ownInode}`).getByTestId('namespace-own-values'),
  ).toHaveText(/IPv4 non-local bind: Off/);
  // Nothing on the host: its /run/netns is as it was.
  expect(existsSync('/run/netns')).toBe(hostHadNetns);
});

const HOST_FILES = ['/proc/sys/net/ipv4/ip_nonlocal_bind', '/proc/sys/net/ipv6/ip_nonlocal_bind'];
const hostValues = () => HOST_FILES.map((f) => readFileSync(f, 'utf8').trim()).join(' ');

test('a namespace a process holds: look inside reads its real 0, turn on reads back 1 there (nsenter agrees), the bind test runs there; the app’s own and the host’s stay', async ({
  teardown,
}) => {
  // A PID namespace with its own /proc: the app lists this sandbox's processes only, so
  // "Look inside" covers exactly the one namespace held here (the host's stay unseen).
  const sandbox = await createSandbox({ pidNamespace: true });
  teardown(() => sandbox.dispose());
  const holders = await holdNamespaces(sandbox, 1);
  teardown(() => holders.release());
  const held = holders.held[0];
  if (!held) throw new Error('no namespace held');
  const where = `/proc/${held.pid}/ns/net`;
  // Loopback up, as in any container: until a namespace has a local address at all, the
  // kernel lets any address bind there whatever the setting (no local table to check).
  sandbox.run('nsenter', [`--net=${where}`, 'ip', 'link', 'set', 'lo', 'up']);
  const hostBefore = hostValues();
  const ownBefore = valuesInside(sandbox, '/proc/self/ns/net');
  expect(valuesInside(sandbox, where)).toBe('0 0');

  const preview = await startPreview({ sandbox });
  teardown(() => preview.stop());
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  teardown(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 920, height: 760 } });
  await page.goto(preview.url);
  await page.getByRole('button', { name: 'Show network namespaces' }).click();
  const card = page.getByTestId(`namespace-${held.inode}`);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(
    `A namespace held by process ${held.pid}`,
  );
  await expect(card.getByRole('note')).toHaveText(/Not read yet/);

  // Root: the step runs directly, nothing is asked, so the button does not say it asks.
  await page.getByRole('button', { name: 'Look inside 1 namespace', exact: true }).click();
  // Whatever the step answered, the failure shows the words (an alert) rather than a timeout.
  await expect(page.getByTestId('look-inside')).not.toContainText('Looking inside');
  const refused = page.getByTestId('look-inside').getByRole('alert');
  expect(await refused.count(), (await refused.allInnerTexts()).join()).toBe(0);
  await expect(page.getByTestId('look-inside').getByRole('status')).toHaveText(
    /^Read inside 1 namespace in \d+ ms, with one run of the step\.$/,
  );
  await expect(card.getByTestId('namespace-inside-values')).toHaveText(
    /IPv4 non-local bind \(read inside now\): Off.*IPv6 non-local bind \(read inside now\): Off/,
  );

  // The bind test runs inside it: the address is not there and the setting is off.
  const address = card.getByRole('textbox', { name: 'IP address' });
  await address.fill('192.0.2.10');
  const bind = card.getByRole('button', { name: 'Test an address in this namespace' });
  await bind.click();
  const bound = card.getByTestId('namespace-bind-result');
  await expect(bound).toHaveText(
    new RegExp(
      `^In a namespace held by process ${held.pid} \\(net:\\[${held.inode}\\]\\), 192\\.0\\.2\\.10: fails`,
    ),
  );

  await expect(card.getByText('For now only: this does NOT last.')).toBeVisible();
  await card.getByRole('button', { name: 'Turn it on now in this namespace' }).click();
  await expect(card.getByTestId('namespace-read-back')).toHaveText(
    `Read back inside net:[${held.inode}]: IPv4 non-local bind On, IPv6 non-local bind On.`,
  );
  // The kernel agrees, seen from outside the app.
  expect(valuesInside(sandbox, where)).toBe('1 1');
  await bind.click();
  await expect(bound).toHaveText(
    new RegExp(
      `192\\.0\\.2\\.10: binding works on a namespace held by process ${held.pid} \\(tested with (python3|perl)`,
    ),
  );

  // Nothing else changed: the app's own namespace (the main view says so too) and the host's.
  expect(valuesInside(sandbox, '/proc/self/ns/net')).toBe(ownBefore);
  expect(hostValues()).toBe(hostBefore);
  await page.getByRole('tab', { name: 'This computer' }).click();
  await page.getByRole('button', { name: 'Show network namespaces' }).click();
  await expect(page.getByTestId('namespace-own-values')).toHaveText(/IPv4 non-local bind: Off/);
});

test('as a user with polkit granting: the button says it asks once, and look inside and turn on run through polkit', async ({
  realPreview,
  teardown,
}) => {
  const { sandbox, page } = await realPreview({
    user: POLKIT_USERS.granted,
    viewport: { width: 800, height: 600 },
  });
  const uid = sandboxUid(sandbox, POLKIT_USERS.granted);
  // Root makes the namespace, then the holder runs with the uid and gid the preview runs
  // with: the kernel shows a process's namespace link to the same uid and gid only. A shell
  // prints the pid as the sandbox's PID namespace numbers it; the holder ends with the
  // sandbox at the latest (its init is killed, and everything inside with it).
  const pid = Number(
    sandbox
      .run('sh', [
        '-c',
        `unshare --net setpriv --reuid ${uid} --regid ${uid} --clear-groups sleep 600 </dev/null >/dev/null 2>&1 & echo $!`,
      ])
      .stdout.trim(),
  );
  teardown(() => sandbox.run('kill', [String(pid)], { allowFailure: true }));
  const own = sandbox.run('stat', ['-L', '-c', '%i', '/proc/self/ns/net']).stdout.trim();
  let inode = own;
  // unshare and setpriv exec in turn; sleep is there once its namespace is not the sandbox's.
  await expect
    .poll(() => {
      const r = sandbox.run('stat', ['-L', '-c', '%i', `/proc/${pid}/ns/net`], {
        allowFailure: true,
      });
      inode = r.stdout.trim();
      return r.status === 0 && inode !== own && sandbox.readText(`/proc/${pid}/comm`);
    })
    .toBe('sleep\n');
  // The page lists the namespaces when it opens: open it again now that there is one more.
  await page.reload();
  await page.getByRole('button', { name: 'Show network namespaces' }).click();
  const card = page.getByTestId(`namespace-${inode}`);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(
    `A namespace held by process ${pid}`,
  );
  await page
    .getByRole('button', { name: 'Look inside 1 namespace (asks for your password once)' })
    .click();
  await expect(card.getByTestId('namespace-inside-values')).toHaveText(
    /IPv4 non-local bind \(read inside now\): Off/,
  );
  await card.getByRole('button', { name: 'Turn it on now in this namespace' }).click();
  await expect(card.getByTestId('namespace-read-back')).toHaveText(
    `Read back inside net:[${inode}]: IPv4 non-local bind On, IPv6 non-local bind On.`,
  );
  expect(valuesInside(sandbox, `/proc/${pid}/ns/net`)).toBe('1 1');
  expect(valuesInside(sandbox, '/proc/self/ns/net')).toBe('0 0');
});
