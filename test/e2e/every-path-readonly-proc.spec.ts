import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createSandbox } from '../harness/sandbox';
import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';

/**
 * Issue 19, point 2: a read-only /proc/sys is found when the settings are read (the mount
 * flags, nothing written), not by a failed Apply. The cards say the setting cannot be
 * changed from inside this container and where to set it instead; Apply is off, with
 * that reason, and never asks for a password. The bar a pending change opens keeps the
 * card's line (which describes its switch) in view above it.
 */
const SIZES = [
  { width: 920, height: 760 },
  { width: 800, height: 600 },
] as const;

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

const apply = (page: Page) => page.getByRole('button', { name: /^Apply/ });

/**
 * Where the IPv4 card's read-only line lies against the window and the apply bar: inside
 * the window, wholly above the bar, and what the window shows at its middle (under nothing).
 */
async function lineAgainstBar(page: Page): Promise<string> {
  const line = page.getByTestId('readonly-proc-line').first();
  const box = await line.boundingBox();
  const bar = await page.getByTestId('apply-bar').boundingBox();
  const viewport = page.viewportSize();
  if (!box || !bar || !viewport) return 'no boxes yet';
  if (box.y < 0) return `line starts above the window (${box.y})`;
  if (box.y + box.height > bar.y)
    return `line ends at ${box.y + box.height}, bar starts at ${bar.y}`;
  const onTop = await line.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });
  return onTop ? 'visible above the bar' : 'covered by another layer';
}

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

  const v4 = page.getByRole('switch', { name: /IPv4/ });
  await expect(v4).toHaveAccessibleDescription(/Cannot be changed from inside this container/);
  await v4.click();
  await expect(apply(page)).toBeDisabled();
  await expect(apply(page)).toBeInViewport({ ratio: 1 });
  const reason = page.getByTestId('apply-block');
  await expect(reason).toContainText(
    `Apply is off: ${mountPoint} is read-only inside this container`,
  );
  await expect(reason).toBeInViewport({ ratio: 1 });
  await expect(apply(page)).toHaveAccessibleDescription(/read-only inside this container/);
  // The bar opened under the card: the line saying why is scrolled above it, not covered.
  await expect.poll(() => lineAgainstBar(page)).toBe('visible above the bar');
  await expect(v4).toBeInViewport({ ratio: 1 });
  // No password promise for an Apply that cannot run.
  await expect(page.getByTestId('apply-bar')).not.toContainText('Asks for your password');
  expect(await axeViolations(page)).toEqual([]);
}

for (const size of SIZES) {
  test(`${size.width}x${size.height}: the demo container's read-only /proc/sys is shown before any click, and Apply is off with the reason, the card's line above the bar`, async ({
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
