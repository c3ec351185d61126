import { expect, test } from '@playwright/test';
import { openFleetPreview, type FleetPreview } from '../support/fleet-preview';
import type { SshNode } from '../harness/ssh-node';

// Three real machines: this computer (the preview's sandbox, the reference) and two sshd
// nodes. One node has a file the step would refuse to write, so no file can make the value
// stick there; the other is ordinary. The first must say why before Apply and be left out,
// the second must still be applied, and each gets its own outcome.
const OVERRIDE = '/etc/sysctl.d/_override.conf';
const OWN = '/etc/sysctl.d/90-nonlocal-bind.conf';
const SHOTS = 'test-results/make-alike-left-out';
/** The app's own bound on one ssh round trip (create-deps.ts): what a wait below is made of. */
const SSH_ROUND_TRIP_MS = 30_000;
/** Adding a node reads it (and the others) once, in parallel. */
const ADD_MS = SSH_ROUND_TRIP_MS;
/** A plan reads every machine, then asks each node's sudo whether it wants a password. */
const PLAN_MS = 2 * SSH_ROUND_TRIP_MS;
/** An Apply reads every machine, runs the step on the node, then reads every machine again. */
const APPLY_MS = 3 * SSH_ROUND_TRIP_MS;

function truth(node: SshNode) {
  const sb = node.sandbox;
  return {
    kernel: sb.run('sysctl', ['-n', 'net.ipv4.ip_nonlocal_bind']).stdout.trim(),
    own: sb.run('cat', [OWN], { allowFailure: true }).stdout,
    override: sb.run('cat', [OVERRIDE], { allowFailure: true }).stdout,
  };
}

test.describe('make all alike: a node that cannot be planned is left out, with its reason', () => {
  test.describe.configure({ mode: 'serial', timeout: 2 * ADD_MS + PLAN_MS + APPLY_MS });
  let fleet: FleetPreview;
  let blocked: SshNode;
  let ordinary: SshNode;
  test.beforeAll(async () => {
    fleet = await openFleetPreview(['lb-blocked', 'lb-ordinary']);
    [blocked, ordinary] = fleet.nodes as [SshNode, SshNode];
    fleet.here.run('sysctl', ['-qw', 'net.ipv4.ip_nonlocal_bind=1']);
    fleet.here.writeText(OWN, 'net.ipv4.ip_nonlocal_bind = 1\n');
    // Sorts after 90-nonlocal-bind.conf, and its name starts with "_": the step never writes it.
    blocked.sandbox.writeText(OVERRIDE, 'net.ipv4.ip_nonlocal_bind = 0\n');
    for (const node of fleet.nodes) node.trustHostKey();
  });
  test.afterAll(async () => {
    await fleet?.close();
  });

  test('add both nodes; the plan names the blocked node, says why, and offers Apply for the other', async () => {
    const page = fleet.page;
    await page.getByRole('tab', { name: 'Pair and fleet' }).click();
    for (const node of fleet.nodes) {
      await page.getByLabel('SSH destination').fill(node.alias);
      await page.getByRole('button', { name: 'Add node' }).click();
      await expect(page.getByTestId('pair-table')).toContainText(node.alias, { timeout: ADD_MS });
    }
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const panel = page.locator('.alike-panel');
    const blockedItem = panel.locator('.alike-nodes > li', { hasText: 'lb-blocked' });
    await expect(blockedItem).toContainText('Left out of this Apply: no file the app may write', {
      timeout: PLAN_MS,
    });
    await expect(blockedItem).toContainText(
      `no file the app may write makes the value stick under both boot engines (${OVERRIDE}: its name does not start with a letter or digit;`,
    );
    await expect(blockedItem).toContainText(`${OWN} would lose to a file read after it`);
    // Nothing to type or apply for it: no password field of its own.
    await expect(panel.getByLabel('sudo password for lb-blocked')).toHaveCount(0);
    await expect(panel.getByLabel('sudo password for lb-ordinary')).toBeVisible();
    await expect(panel).toContainText(
      'Not changed by this Apply: lb-blocked (why is said above). The other machines are still applied.',
    );
    await expect(panel.getByRole('button', { name: 'Apply to 1 machine' })).toBeDisabled();

    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/plan-920x760.png`, fullPage: false });
    await page.setViewportSize({ width: 800, height: 600 });
    await blockedItem.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/plan-800x600.png` });
    await page.setViewportSize({ width: 920, height: 760 });
  });

  test('Apply: the ordinary node is applied, the blocked one skipped with its reason, each with its own outcome', async () => {
    const page = fleet.page;
    const panel = page.locator('.alike-panel');
    await panel.getByLabel('sudo password for lb-ordinary').fill(ordinary.sudoPassword);
    await panel.getByRole('button', { name: 'Apply to 1 machine' }).click();
    const outcomes = page.locator('.outcomes');
    await expect(outcomes.locator('li.outcome-applied')).toContainText('Applied: lb-ordinary', {
      timeout: APPLY_MS,
    });
    await expect(outcomes.locator('li.outcome-skipped')).toContainText('Skipped: lb-blocked');
    await expect(outcomes.locator('li.outcome-skipped')).toContainText(
      `${OVERRIDE}: its name does not start with a letter or digit`,
    );
    await expect(outcomes.locator('li')).toHaveCount(2);
    await expect(outcomes).not.toContainText('Something unexpected went wrong');
    await outcomes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/outcomes-920x760.png` });

    expect(truth(ordinary)).toMatchObject({ kernel: '1', override: '' });
    expect(truth(ordinary).own).toContain('net.ipv4.ip_nonlocal_bind = 1\n');
    // The blocked node is exactly as it was.
    expect(truth(blocked)).toEqual({
      kernel: '0',
      own: '',
      override: 'net.ipv4.ip_nonlocal_bind = 0\n',
    });
  });
});
