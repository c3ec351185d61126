import { test, expect } from '../support/fixtures';
import { DEFAULT_VIP_BUDGET } from '../../electron/system/vip-budget';

test('real mode: a 4 MiB nginx.conf of listen lines stops at the address budget, and the panel says where', async ({
  sandbox,
  realPreview,
}) => {
  // /etc is an overlay in the sandbox: these files exist only in there.
  sandbox.run('sh', [
    '-c',
    `mkdir -p /etc/nginx && yes 'listen 10.0.0.1:80;' | head -c ${4 * 1024 * 1024} > /etc/nginx/nginx.conf
     rm -f /etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf`,
  ]);
  const { page } = await realPreview({ sandbox });
  const start = performance.now();
  await page.getByRole('button', { name: 'Find virtual IPs' }).click();
  const note = page.getByTestId('vip-budget');
  await expect(note).toContainText(
    `Stopped early at /etc/nginx/nginx.conf:${DEFAULT_VIP_BUDGET.entries + 1}: it names more than 1,000 addresses, the most one look lists. Only what came before is listed (3 files, 4 MiB read in`,
  );
  await expect(page.getByTestId('vip-table').locator('tbody tr')).toHaveCount(
    DEFAULT_VIP_BUDGET.entries,
  );
  console.log(
    `click to ${DEFAULT_VIP_BUDGET.entries} rows and the note: ${(performance.now() - start).toFixed(0)} ms`,
  );
  // The preview answered within its own time budget and is still there for the next look.
  await page.getByRole('button', { name: 'Look again' }).click();
  await expect(note).toBeVisible();
});
