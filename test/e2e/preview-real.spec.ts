import { test, expect } from '@playwright/test';
import { launchChromium } from '../support/chromium';
import { startPreview } from '../support/preview';
import { createSandbox } from '../support/sandbox';

test('real mode in a fresh network namespace shows the kernel values', async () => {
  const sandbox = await createSandbox();
  const preview = await startPreview({ sandbox, args: ['--port', '0'] });
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  try {
    sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv4/ip_nonlocal_bind']);
    const page = await browser.newPage();
    await page.goto(preview.url);
    await expect(page.getByRole('switch', { name: /IPv4/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(page.getByRole('switch', { name: /IPv6/ })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    await expect(page.getByText('Demo:')).toHaveCount(0);

    sandbox.run('sh', ['-c', 'echo 1 > /proc/sys/net/ipv6/ip_nonlocal_bind']);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('switch', { name: /IPv6/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  } finally {
    await browser.close();
    await preview.stop();
    await sandbox.dispose();
  }
});
