import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { launchChromium } from '../harness/chromium';
import { startPreview } from '../harness/preview';
import { expect, test } from '../support/fixtures';

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
  await expect(card.getByTestId('namespace-load-balancers')).toHaveText(
    `Load balancers: haproxy, pid ${pid}`,
  );
  await expect(card.getByRole('note')).toHaveText(/can be read only from inside it/);
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
