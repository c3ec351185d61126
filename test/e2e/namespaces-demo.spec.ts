import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/*
 * Issue 18 in the demo, through the preview's real server and Debian's Chromium: the
 * docker-haproxy scenario's simulated namespaces (the demo never scans this computer's /proc
 * nor enters a real namespace) reach the main page's line, its tab and the view; then the
 * whole story: look inside, off, will fail, turn on, read back, the bind test works there.
 */

const WEB_LB = 'namespace-4026532601';
const LAB = 'namespace-4026532710';

/** Nothing wider than the window: no sideways scroll at this size. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test('the main page says other namespaces exist and one runs haproxy, and opens their view', async ({
  demoPage,
}) => {
  const { page } = await demoPage('docker-haproxy', { waitForValues: true });
  const line = page.getByTestId('namespaces-line');
  await expect(line).toContainText(
    '2 other network namespaces on this computer, each with its own setting: haproxy runs in 1 of them.',
  );
  // Before looking inside: a question, not a claim.
  await expect(line).toContainText('look inside to see whether it can start');
  await line.getByRole('button', { name: 'Show network namespaces' }).click();
  const tab = page.getByRole('tab', { name: 'Network namespaces' });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(tab).toBeFocused();

  // The app's own network, with the values the main view read (on, from the scenario).
  const own = page.getByTestId('namespace-4026531840');
  await expect(own.getByRole('heading')).toHaveText('This app’s network');
  await expect(own.getByTestId('namespace-own-values')).toHaveText(
    /IPv4 non-local bind: On.*IPv6 non-local bind: On/,
  );
  await expect(own).toContainText('node-exporter (Docker, 5e6f708192a3) — host network');
  await expect(own.getByRole('note')).toHaveCount(0);
  await expect(own.getByRole('button')).toHaveCount(0);

  // The container: haproxy with its pids and VIPs, no value claimed, the fixes.
  const lb = page.getByTestId(WEB_LB);
  await expect(lb.getByRole('heading', { level: 3 })).toHaveText('Container web-lb');
  await expect(lb.getByTestId('namespace-load-balancers')).toHaveText(
    'Load balancer:haproxy, pids 24853 and 24854 — binds 192.0.2.10:80 (not held there), [2001:db8::10]:80 (not held there), 0.0.0.0:8404, from /usr/local/etc/haproxy/haproxy.cfg',
  );
  await expect(lb).toContainText('web-lb (Docker, a1b2c3d4e5f6)');
  await expect(lb.getByRole('note')).toHaveText(/Not read yet.*only from inside it/);
  await expect(lb.getByTestId('namespace-lasting')).toHaveText(
    'Survives a restart? No: nothing sets it when it restarts or is created again, so it starts again with the settings off.',
  );
  await expect(lb.getByTestId('namespace-findings')).toContainText(
    'haproxy in container web-lb (a1b2c3d4e5f6) binds 192.0.2.10, which its network does not hold',
  );
  await expect(lb.locator('pre').first()).toHaveText(
    'docker run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  );
  await expect(lb.locator('pre').last()).toHaveText(
    'sudo nsenter --target 24817 --net sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1',
  );

  // The named one: ip netns exec now, and a unit that repeats it.
  const lab = page.getByTestId(LAB);
  await expect(lab.getByRole('heading', { level: 3 })).toHaveText('Namespace “lab” (ip netns)');
  await expect(lab.locator('pre').first()).toContainText(
    'ExecStart=/usr/sbin/ip netns exec lab sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1',
  );
  await expect(page.getByTestId('namespaces-unseen')).toHaveCount(0);
  // The demo asks no password.
  await expect(page.getByRole('button', { name: 'Look inside 2 namespaces' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

for (const viewport of [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
]) {
  test(`look inside, off, will fail, turn on, read back, bind there (${viewport.width}x${viewport.height})`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('docker-haproxy', { waitForValues: true, viewport });
    await page.getByRole('button', { name: 'Show network namespaces' }).click();
    const look = page.getByRole('button', { name: 'Look inside 2 namespaces' });
    await look.click();
    const done = page.getByTestId('look-inside').getByRole('status');
    await expect(done).toHaveText(
      /^Read inside 2 namespaces in \d+ ms, with one run of the step\.$/,
    );
    await expect(done).toBeFocused();

    const lb = page.getByTestId(WEB_LB);
    await expect(lb.getByTestId('namespace-inside-values')).toHaveText(
      /IPv4 non-local bind \(read inside now\): Off.*IPv6 non-local bind \(read inside now\): Off/,
    );
    await expect(lb.getByTestId('namespace-findings')).toHaveText(
      'haproxy in container web-lb (a1b2c3d4e5f6) binds 192.0.2.10, and IPv4 non-local bind is off in its network: it will fail to start.' +
        'haproxy in container web-lb (a1b2c3d4e5f6) binds 2001:db8::10, and IPv6 non-local bind is off in its network: it will fail to start.',
    );
    await expect(page.getByTestId(LAB).getByTestId('namespace-inside-values')).toContainText('Off');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);

    // The bind test there fails first, and says where it ran.
    const address = lb.getByRole('textbox', { name: 'IP address' });
    await address.fill('192.0.2.10');
    const test = lb.getByRole('button', { name: 'Test an address in this namespace' });
    await test.click();
    const bound = lb.getByTestId('namespace-bind-result');
    await expect(bound).toHaveText(
      /^In container web-lb \(net:\[4026532601\]\), 192\.0\.2\.10: fails: container web-lb does not hold this address, and IPv4 non-local bind is off/,
    );
    await expect(bound).toBeFocused();

    // Turn it on there: never claimed to last; the lasting fix stays beside it.
    await expect(lb.getByText('For now only: this does NOT last.')).toBeVisible();
    await lb.getByRole('button', { name: 'Turn it on now in this namespace' }).click();
    const readBack = lb.getByTestId('namespace-read-back');
    await expect(readBack).toHaveText(
      'Read back inside net:[4026532601]: IPv4 non-local bind On, IPv6 non-local bind On.',
    );
    await expect(readBack).toBeFocused();
    await expect(lb.getByTestId('namespace-inside-values')).not.toContainText('Off');
    await expect(lb.getByTestId('namespace-findings')).toHaveCount(0);
    await expect(lb.locator('pre').first()).toHaveText(/^docker run --sysctl/);

    await test.click();
    await expect(bound).toHaveText(
      /^In container web-lb \(net:\[4026532601\]\), 192\.0\.2\.10: works: container web-lb does not hold the address yet, and IPv4 non-local bind lets services listen on it anyway \(simulated in the demo\)$/,
    );
    // The lab namespace was left as it was.
    await expect(page.getByTestId(LAB).getByTestId('namespace-inside-values')).toContainText('Off');

    // The main page's line: nothing needs attention now.
    await page.getByRole('tab', { name: 'This computer' }).click();
    const line = page.getByTestId('namespaces-line');
    await expect(line).not.toContainText('Needs attention');
    await expect(line).not.toContainText('look inside');
    await expectNoSidewaysScroll(page);
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the main page says a namespace needs attention once it is read off', async ({ demoPage }) => {
  const { page } = await demoPage('docker-haproxy', { waitForValues: true });
  await page.getByRole('button', { name: 'Show network namespaces' }).click();
  await page.getByRole('button', { name: 'Look inside 2 namespaces' }).click();
  await expect(page.getByTestId(WEB_LB).getByTestId('namespace-findings')).toContainText(
    'it will fail to start',
  );
  await page.getByRole('tab', { name: 'This computer' }).click();
  await expect(page.getByTestId('namespaces-line')).toContainText(
    'Needs attention: haproxy will fail to start in 1 of them, with the setting off there.',
  );
});

test('ip netns and a namespace only a process holds: looking inside finds nothing that will fail, and says what it cannot know', async ({
  demoPage,
}) => {
  const { page } = await demoPage('netns-nginx', { waitForValues: true });
  const line = page.getByTestId('namespaces-line');
  await expect(line).toContainText('nginx and envoy run in all of them.');
  await expect(line).toContainText('look inside to see whether it can start');
  await line.getByRole('button', { name: 'Show network namespaces' }).click();

  const edge = page.getByTestId('namespace-4026532815');
  await expect(edge.getByRole('heading', { level: 3 })).toHaveText('Namespace “edge” (ip netns)');
  await expect(edge.getByTestId('namespace-findings')).toContainText(
    'nginx (pid 3120) binds 198.51.100.20, which its network does not hold',
  );
  const sidecar = page.getByTestId('namespace-4026532904');
  await expect(sidecar.getByRole('heading', { level: 3 })).toHaveText(
    'A namespace held by process 4410',
  );
  await expect(sidecar.getByTestId('namespace-load-balancers')).toHaveText(
    'Load balancer:envoy, pid 4410 The app does not read its configuration, so its addresses are not known.',
  );
  await expect(sidecar.getByTestId('namespace-lasting')).toHaveText(
    'Survives a restart? No: nothing sets it when it ends, so it starts again with the settings off.',
  );

  await page.getByRole('button', { name: 'Look inside 2 namespaces' }).click();
  await expect(edge.getByTestId('namespace-inside-values')).toHaveText(
    /IPv4 non-local bind \(read inside now\): On.*IPv6 non-local bind \(read inside now\): Off/,
  );
  // IPv4 is on there, and nginx needs only IPv4: nothing will fail.
  await expect(edge.getByTestId('namespace-findings')).toHaveCount(0);
  await expect(sidecar.getByTestId('namespace-inside-values')).toContainText('Off');
  await page.getByRole('tab', { name: 'This computer' }).click();
  await expect(line).not.toContainText('Needs attention');
  await expect(line).not.toContainText('look inside');
  expect(await axeViolations(page)).toEqual([]);
});

test('a scenario with no other namespace has neither the line nor the tab', async ({
  demoPage,
}) => {
  const { page, preview } = await demoPage('fresh', { waitForValues: true });
  // The same channel the page asked when it opened: the app's own namespace only.
  const answer = await page.evaluate(async (token) => {
    const response = await fetch('/api/namespaces:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nonlocal-bind-token': token },
      body: JSON.stringify({ payload: null }),
    });
    return (await response.json()) as { ok: boolean; value?: { namespaces: { own: boolean }[] } };
  }, preview.token);
  expect(answer.value?.namespaces.map((n) => n.own)).toEqual([true]);
  await expect(page.getByRole('tab')).toHaveCount(2);
  await expect(page.getByTestId('namespaces-line')).toHaveCount(0);
});
