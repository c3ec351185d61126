import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/*
 * Issue 18, "Show it where people look", in the demo: the docker-haproxy scenario's
 * simulated listing (the demo never scans this computer's /proc) reaches the main page's
 * line, its tab and the view, through the preview's real server and Debian's Chromium.
 */

test('the main page says other namespaces exist and one runs haproxy, and opens their view', async ({
  demoPage,
}) => {
  const { page } = await demoPage('docker-haproxy', { waitForValues: true });
  const line = page.getByTestId('namespaces-line');
  await expect(line).toContainText(
    '2 other network namespaces on this computer, each with its own setting: haproxy runs in 1 of them.',
  );
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

  // The container: haproxy with its pids, its engine and id, no value claimed, the fixes.
  const lb = page.getByTestId('namespace-4026532601');
  await expect(lb.getByRole('heading', { level: 3 })).toHaveText('Container web-lb');
  await expect(lb.getByTestId('namespace-load-balancers')).toHaveText(
    'Load balancers: haproxy, pids 24853 and 24854',
  );
  await expect(lb).toContainText('web-lb (Docker, a1b2c3d4e5f6)');
  await expect(lb.getByRole('note')).toHaveText(/can be read only from inside it.*not read/);
  await expect(lb.locator('pre').first()).toHaveText(
    'docker run --sysctl net.ipv4.ip_nonlocal_bind=1 --sysctl net.ipv6.ip_nonlocal_bind=1 IMAGE',
  );
  await expect(lb.getByRole('heading', { level: 4 }).last()).toHaveText(
    'For now only — lost when the container restarts or is created again',
  );
  await expect(lb.locator('pre').last()).toHaveText(
    'sudo nsenter --target 24817 --net sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1',
  );
  // No button that would read or change it from here.
  await expect(lb.getByRole('button', { name: /read|look inside|turn/i })).toHaveCount(0);

  // The named one: ip netns exec now, and a unit that repeats it.
  const lab = page.getByTestId('namespace-4026532710');
  await expect(lab.getByRole('heading', { level: 3 })).toHaveText('Namespace “lab” (ip netns)');
  await expect(lab.locator('pre').first()).toContainText(
    'ExecStart=/usr/sbin/ip netns exec lab sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1',
  );
  await expect(lab.locator('pre').last()).toHaveText(
    'sudo ip netns exec lab sysctl -w net.ipv4.ip_nonlocal_bind=1 net.ipv6.ip_nonlocal_bind=1',
  );
  await expect(page.getByTestId('namespaces-unseen')).toHaveCount(0);
  // The view passes every axe rule, light and dark, at the window's size and at 800x600.
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 800, height: 600 });
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
