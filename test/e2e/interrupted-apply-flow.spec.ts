import { test, expect } from '@playwright/test';
import { openRealPreview } from '../support/real-preview';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

test('a killed Apply: the app says so at start, and the next Apply rolls it back and says so', async () => {
  const { sandbox, page, close } = await openRealPreview();
  try {
    // What a step killed right after setting IPv4 (runtime only) leaves behind.
    sandbox.run('sh', [
      '-c',
      `mkdir -p -m 0711 /run/nonlocal-bind && echo 1 > ${V4} && echo 'v1 1 - 0 - none - absent' > /run/nonlocal-bind/intent`,
    ]);
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'An earlier Apply was interrupted' });
    await expect(notice).toBeVisible();
    for (const [width, height] of [
      [920, 760],
      [800, 600],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: test.info().outputPath(`interrupted-${width}x${height}.png`) });
    }
    await page.getByRole('switch', { name: /IPv6/ }).click();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('apply-success')).toContainText(
      'An earlier Apply of runtime values had been interrupted; it was rolled back first: IPv4 is off and IPv6 is off as before it.',
    );
    await expect(notice).toHaveCount(0);
    expect(sandbox.readText(V4)).toBe('0\n');
    expect(sandbox.readText('/proc/sys/net/ipv6/ip_nonlocal_bind')).toBe('1\n');
  } finally {
    await close();
  }
});
