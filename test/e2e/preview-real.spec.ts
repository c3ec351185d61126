import { test, expect } from '../support/fixtures';

test('real mode in a fresh network namespace shows the kernel values', async ({
  sandbox,
  realPreview,
}) => {
  sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
  const { page } = await realPreview({ sandbox, args: ['--port', '0'] });
  await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: /IPv6/ })).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByText('Demo:')).toHaveCount(0);

  sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv6/ip_nonlocal_bind']);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('switch', { name: /IPv6/ })).toHaveAttribute('aria-checked', 'true');
});
