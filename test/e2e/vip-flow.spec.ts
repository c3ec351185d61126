import { test, expect } from '../support/fixtures';

test('demo: finds the virtual IPs the configs name, says what they need, and tests one with a click', async ({
  demoPage,
}) => {
  const { page } = await demoPage('vips-found');
  await page.getByRole('button', { name: 'Find virtual IPs' }).click();
  const table = page.getByTestId('vip-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table).toContainText('HAProxy, /etc/haproxy/haproxy.cfg:5');
  await expect(table).toContainText(
    'Not on this computer: HAProxy needs IPv4 non-local bind to start here.',
  );
  await expect(table).toContainText('[2001:db8::10]:443');
  const keepalived = table.locator('tr', {
    hasText: 'Keepalived, /etc/keepalived/keepalived.conf:6',
  });
  await expect(keepalived).toContainText(
    'Not on this computer yet: Keepalived adds it itself on takeover and needs no setting; HAProxy or Nginx listening on it here before then need IPv4 non-local bind.',
  );
  await expect(table).not.toContainText('Keepalived needs');
  await expect(table).toContainText('Nginx, /etc/nginx/conf.d/status.conf:2');
  await expect(table).toContainText('Listens on all addresses: no setting is needed.');
  await page.getByRole('button', { name: 'Test 192.0.2.11' }).click();
  await expect(table.getByRole('status')).toContainText(
    'IPv4 non-local bind is off; turn it on to let services listen here (simulated in the demo)',
  );
});

test('real mode: finds a VIP in the namespace, tests it for real, and marks absent files', async ({
  sandbox,
  realPreview,
}) => {
  // /etc is an overlay in the sandbox, so these files exist only in there.
  sandbox.run('sh', [
    '-c',
    'mkdir -p /etc/haproxy && printf "frontend f\\n  bind 192.0.2.20:80\\n" > /etc/haproxy/haproxy.cfg',
  ]);
  const { page } = await realPreview({ sandbox });
  await page.getByRole('button', { name: 'Find virtual IPs' }).click();
  await expect(page.getByTestId('vip-table')).toContainText('192.0.2.20:80');
  await page.getByRole('button', { name: 'Test 192.0.2.20' }).click();
  await expect(page.getByTestId('vip-table').getByRole('status')).toContainText(
    'fails: this computer does not hold this address, and IPv4 non-local bind is off; turn it on to let services listen here',
  );
  await expect(page.locator('.vip-files')).toContainText(
    '/etc/keepalived/keepalived.conf: not present',
  );
});
