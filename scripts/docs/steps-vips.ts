import { expect } from '@playwright/test';
import { applyButton, ipv4Switch, scrollToTop, type GuideTask } from './steps-kit';

/**
 * The guide's virtual-IP tasks (steps.ts places them in the guide's order): testing one
 * address by hand, and finding the ones the load balancer configuration names.
 */
export const VIP_TASKS: readonly GuideTask[] = [
  {
    id: 'test-vip',
    title: 'Test a virtual IP',
    scenario: 'fresh',
    when: 'To prove a service could listen on its virtual IP before failover.',
    visual: true,
    steps: [
      {
        id: 'fails',
        title: 'Test the address',
        say: 'Type the virtual IP into "Test a virtual IP" and click "Test". The app opens a listening socket on it for an instant, as HAProxy would, and closes it; nothing is sent. Here it fails because the setting is off.',
        act: async (page, label) => {
          await page.getByLabel(label('IP address')).fill('192.0.2.10');
          await page.getByRole('button', { name: label('Test'), exact: true }).click();
          // By its outcome, not its words: the same check in every language of the guide.
          await expect(page.getByTestId('bind-result')).toHaveClass(/outcome-not-local/);
        },
      },
      {
        id: 'works',
        title: 'Turn it on and test again',
        say: 'Turn on IPv4, click Apply…, then click the button under the result that offers to test 192.0.2.10 again. Now it "works", although "This computer does not hold this address right now".',
        act: async (page, label) => {
          await ipv4Switch(page).click();
          await applyButton(page, label).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
          await page.getByRole('button', { name: label('Done') }).click();
          await page
            .getByRole('button', {
              name: label('Settings changed: test {address} again', { address: '192.0.2.10' }),
            })
            .click();
          await expect(page.getByTestId('bind-result')).toHaveClass(/outcome-works/);
          await scrollToTop(page.getByRole('heading', { name: label('Test a virtual IP') }));
        },
      },
    ],
  },
  {
    id: 'find-vips',
    title: 'Find the virtual IPs in the load balancer configuration',
    scenario: 'vips-found',
    when: 'You do not know which addresses HAProxy, Keepalived or Nginx are meant to listen on.',
    visual: true,
    steps: [
      {
        id: 'found',
        title: 'Find them',
        say: 'Click Find virtual IPs (afterwards the button says "Look again"). The table lists every address the HAProxy, Keepalived and Nginx configuration names, the file and line, and whether this computer needs the setting for it. For a Keepalived address the row says Keepalived "adds it itself" and needs no setting: the services that listen on it (HAProxy, Nginx) need it on the node that does not hold it yet.',
        act: async (page, label) => {
          await page.getByRole('button', { name: label('Find virtual IPs') }).click();
          await expect(page.getByTestId('vip-table')).toBeVisible();
          await scrollToTop(
            page.getByRole('heading', {
              name: label('Virtual IPs in your load balancer configuration'),
            }),
          );
        },
      },
      {
        id: 'tested',
        title: 'Test one with a click',
        say: 'Click "Test" next to an address to try it right away; the answer appears in its row.',
        act: async (page, label) => {
          await page
            .getByRole('button', { name: label('Test {address}', { address: '192.0.2.11' }) })
            .click();
          await expect(page.getByTestId('vip-table').getByRole('status')).toBeVisible();
        },
      },
    ],
  },
];
