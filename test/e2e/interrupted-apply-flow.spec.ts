import { test, expect } from '../support/fixtures';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

test('a killed Apply: the app says so at start, and the next Apply rolls it back and says so', async ({
  realPreview,
}) => {
  const { sandbox, page } = await realPreview();
  // What a step killed right after setting IPv4 (runtime only) leaves behind.
  sandbox.run('sh', [
    '-c',
    `mkdir -p -m 0711 /run/nonlocal-bind && echo 1 > ${V4} && echo 'v2 none - absent net.ipv4.ip_nonlocal_bind=1:0' > /run/nonlocal-bind/apply.intent`,
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
});

test('while another Apply holds the lock the app says so, and an Apply then waits for it', async ({
  realPreview,
}) => {
  // The sandbox has a PID namespace: the lock holder ends with it if the test fails.
  const { sandbox, page } = await realPreview();
  sandbox.run('mkdir', ['-p', '-m', '0711', '/run/nonlocal-bind']);
  // The step's lock is root's 0600 apply.lock (one `flock` would create it 0644).
  sandbox.run('install', ['-m', '0600', '/dev/null', '/run/nonlocal-bind/apply.lock']);
  // A step holding the lock keeps its error file non-empty (its first line is this mark): the
  // app reads /proc/locks only then.
  sandbox.run('sh', ['-c', "printf 'lock held\\n' > /run/nonlocal-bind/err"]);
  // Its own process group: flock's child (sleep) inherits the locked descriptor.
  const holder = sandbox.spawn('flock', ['/run/nonlocal-bind/apply.lock', 'sleep', '30'], {
    stdio: 'ignore',
    detached: true,
  });
  const release = () => {
    try {
      if (holder.pid) process.kill(-holder.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  await expect.poll(() => sandbox.run('cat', ['/proc/locks']).stdout.includes('FLOCK')).toBe(true);
  await page.reload();
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Another Apply is running on this computer' });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('other-apply-920x760.png') });
  await page.getByRole('switch', { name: /IPv4/ }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  // Still waiting: nothing changed while the other holds the lock.
  await page.waitForTimeout(1_000);
  expect(sandbox.readText(V4)).toBe('0\n');
  release();
  await expect(page.getByTestId('apply-success')).toContainText('IPv4 non-local bind is now on');
  expect(sandbox.readText(V4)).toBe('1\n');
  await expect(notice).toHaveCount(0);
});
