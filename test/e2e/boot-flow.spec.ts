import { test, expect } from '../support/fixtures';
import type { Sandbox } from '../harness/sandbox';

const V4 = '/proc/sys/net/ipv4/ip_nonlocal_bind';

function runEngine(sandbox: Sandbox, engine: 'systemd' | 'procps'): string {
  sandbox.run('sh', ['-c', `echo 0 > ${V4}`]);
  if (engine === 'systemd') sandbox.run('/lib/systemd/systemd-sysctl', [], { allowFailure: true });
  else sandbox.run('sysctl', ['--system'], { allowFailure: true });
  return sandbox.readText(V4).trim();
}

test('names the winning file per engine, notes the disagreement, and the resolution wins under both real engines', async ({
  sandbox,
  realPreview,
}) => {
  sandbox.writeText('/etc/sysctl.d/99-zz-ha.conf', 'net.ipv4.ip_nonlocal_bind = 1\n');
  sandbox.run('ln', ['-s', '../sysctl.conf', '/etc/sysctl.d/99-sysctl.conf']);
  sandbox.writeText(
    '/etc/sysctl.conf',
    '# site defaults\nnet.ipv4.ip_forward = 0\nnet.ipv4.ip_nonlocal_bind = 0\n',
  );
  // Before: the engines really disagree.
  expect(runEngine(sandbox, 'systemd')).toBe('1');
  expect(runEngine(sandbox, 'procps')).toBe('0');
  sandbox.run('sh', ['-c', `echo 0 > ${V4}`]);

  const { page } = await realPreview({ sandbox });
  await expect(page.getByTestId('boot-line-ipv4')).toHaveText(
    'Now: off · At boot: on (set by /etc/sysctl.d/99-zz-ha.conf, line 1)',
  );
  await expect(page.getByTestId('disagree-ipv4')).toContainText(
    'leaves it off (set by /etc/sysctl.conf, line 3)',
  );
  await expect(page.getByTestId('drift-ipv4')).toContainText('at boot it will be on');
  await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
  await expect(page.getByTestId('boot-ipv4-systemd').locator('li.winner')).toContainText(
    '/etc/sysctl.d/99-zz-ha.conf:1',
  );
  await expect(page.getByTestId('boot-ipv4-procps').locator('li.winner')).toContainText(
    '/etc/sysctl.conf:3',
  );

  await page.getByRole('switch', { name: /IPv4/ }).click();
  await expect(page.getByRole('radio', { name: /Now and at every boot/ })).toBeChecked();
  await expect(page.getByTestId('conflicts')).toContainText(
    '/etc/sysctl.conf line 3 sets net.ipv4.ip_nonlocal_bind to 0',
  );
  await page.getByRole('button', { name: 'Use /etc/sysctl.conf' }).click();
  await expect(page.getByTestId('file-action')).toHaveText('Writing into /etc/sysctl.conf (undo)');
  await expect(page.getByTestId('change-list')).toHaveText('IPv4 non-local bind: Off → On');
  await expect(page.getByTestId('conflicts')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-success')).toContainText('/etc/sysctl.conf was written');
  await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);

  // Only our line changed in /etc/sysctl.conf, and both real engines now leave it on.
  expect(sandbox.readText('/etc/sysctl.conf')).toBe(
    '# site defaults\nnet.ipv4.ip_forward = 0\nnet.ipv4.ip_nonlocal_bind = 1\n',
  );
  expect(runEngine(sandbox, 'systemd')).toBe('1');
  expect(runEngine(sandbox, 'procps')).toBe('1');
});

test('says which values the kernel rejects, per engine, as the real engines leave them', async ({
  sandbox,
  realPreview,
}) => {
  // systemd-sysctl writes only the last value ("yes", refused); procps writes both, so 1 stays.
  sandbox.writeText(
    '/etc/sysctl.d/60-vip.conf',
    'net.ipv4.ip_nonlocal_bind = 1\nnet.ipv4.ip_nonlocal_bind = yes\n',
  );
  expect(runEngine(sandbox, 'systemd')).toBe('0');
  expect(runEngine(sandbox, 'procps')).toBe('1');
  sandbox.run('sh', ['-c', `echo 0 > ${V4}`]);

  const { page } = await realPreview({ sandbox });
  await expect(page.getByTestId('boot-line-ipv4')).toHaveText(
    'Now: off · At boot: off (the kernel rejects every value the files set: kernel default)',
  );
  await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
  const systemd = page.getByTestId('boot-ipv4-systemd');
  await expect(systemd).toContainText(
    '/etc/sysctl.d/60-vip.conf:2 = yes — the kernel rejects this value: it is not a number',
  );
  await expect(systemd).toContainText('The kernel rejects every value written');
  const procps = page.getByTestId('boot-ipv4-procps');
  await expect(procps.locator('li.winner')).toContainText('/etc/sysctl.d/60-vip.conf:1');
  await expect(procps).toContainText('60-vip.conf:2 = yes — the kernel rejects this value');
});
