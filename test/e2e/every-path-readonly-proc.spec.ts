import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createSandbox } from '../harness/sandbox';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 2: a read-only /proc/sys is found when the settings are read (the mount
 * flags, nothing written), not by a failed Apply. The cards say the setting cannot be
 * changed from inside this container and where to set it instead; Apply is off, with
 * that reason, and never asks for a password.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

const apply = (page: Page) => page.getByRole('button', { name: /^Apply/ });
const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

/** What a container shows before any click, and what Apply says once a change waits. */
async function expectReadOnlyFlow(page: Page, mountPoint: string): Promise<void> {
  const lines = page.getByTestId('readonly-proc-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.first()).toHaveText(
    `Cannot be changed from inside this container: ${mountPoint} is mounted read-only here. Change it where the container is started (below).`,
  );
  const where = page.getByTestId('readonly-proc');
  await expect(where).toContainText('Set it where the container is started');
  await where.getByText('Docker, Podman, Compose, Kubernetes, LXC').click();
  await expect(where).toContainText('docker run --sysctl net.ipv4.ip_nonlocal_bind=1');

  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(apply(page)).toBeDisabled();
  await expect(apply(page)).toBeInViewport({ ratio: 1 });
  const reason = page.getByTestId('apply-block');
  await expect(reason).toContainText(
    `Apply is off: ${mountPoint} is read-only inside this container`,
  );
  await expect(reason).toBeInViewport({ ratio: 1 });
  await expect(apply(page)).toHaveAccessibleDescription(/read-only inside this container/);
  // No password promise for an Apply that cannot run.
  await expect(page.getByTestId('apply-bar')).not.toContainText('Asks for your password');
  expect(await axeViolations(page)).toEqual([]);
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: the demo container's read-only /proc/sys is shown before any click, and Apply is off with the reason`, async ({
    demoPage,
  }) => {
    const { page } = await demoPage('readonly-proc', { viewport: size, waitForValues: true });
    await expectReadOnlyFlow(page, '/proc/sys');
    const scrolls = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(scrolls).toBe(false);
  });
}

test('a real /proc/sys remounted read-only in a private mount namespace is detected from its mount flags', async ({
  teardown,
  realPreview,
}) => {
  // Its own PID namespace and /proc instance: the read-only bind covers this sandbox only.
  const sandbox = await createSandbox({ pidNamespace: true });
  teardown(() => sandbox.dispose());
  const hostBefore = readFileSync(V4, 'utf8');
  sandbox.run('mount', ['--bind', '/proc/sys', '/proc/sys']);
  sandbox.run('mount', ['-o', 'remount,bind,ro', '/proc/sys']);
  // Really read-only: the kernel refuses the write (as root), so the test cannot pass by accident.
  const write = sandbox.run('sh', ['-c', `echo 1 > ${V4}`], { allowFailure: true });
  expect(write.status).not.toBe(0);
  expect(write.stderr).toMatch(/Read-only file system/);

  const { page } = await realPreview({ sandbox, viewport: { width: 800, height: 600 } });
  await expect(page.getByTestId('value-ipv4')).toHaveText('Off');
  await expectReadOnlyFlow(page, '/proc/sys');
  expect(sandbox.readText(V4).trim()).toBe('0');
  expect(readFileSync(V4, 'utf8')).toBe(hostBefore);
});
