import { expect, type Page } from '@playwright/test';
import { scrollToTop, type GuideTask, type Label } from './steps-kit';

const table = (page: Page) => page.getByTestId('pair-table');

/** lb-2's "Test binding there", and the line its result shows. */
async function testBindingOnNode(page: Page, label: Label): Promise<void> {
  await page
    .getByRole('button', {
      name: label('Test binding the virtual IPs on {machine}', { machine: 'lb-2' }),
    })
    .click();
  await expect(table(page).locator('.bind-results li.works')).toContainText('192.0.2.10');
}

/**
 * "Pair and fleet", rehearsed in the demo: its second node lb-2 is simulated
 * (electron/demo/simulated-node.ts) with its own host key, files, sudo and bind test.
 * This computer keeps IPv4 non-local bind now and at every boot (`persisted`); lb-2 has it
 * on now only, so it works today and fails after its next boot. `npm run docs:pair` records
 * docs/pair-walkthrough.md from it; every step's quoted phrases are checked on screen.
 */
export const PAIR_TASK: GuideTask = {
  id: 'pair',
  title: 'Pair and fleet',
  scenario: 'persisted',
  when: 'The caller runs an HA pair and the backup node must take the virtual IP too.',
  steps: [
    {
      id: 'host-key',
      title: 'Add the other node',
      say: 'Open "Pair and fleet", type the other node\'s SSH destination (an alias from `~/.ssh/config`, or `user@host`; in the demo, lb-2) and choose "Add node". The first time, the app asks "Do you trust lb-2?" and shows its host key fingerprint: compare it with the one the node shows on its console, then choose "Trust this key and add". A changed key is refused, never accepted.',
      act: async (page, label) => {
        // The tab's name also carries a count of pending changes: match the label's start.
        await page
          .getByRole('tab', {
            name: new RegExp(`^${label('Pair and fleet').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
          })
          .click();
        await page.getByLabel(label('SSH destination')).fill('lb-2');
        await page.getByRole('button', { name: label('Add node') }).click();
        await expect(page.getByRole('alertdialog')).toBeVisible();
      },
    },
    {
      id: 'side-by-side',
      title: 'Compare the two columns',
      say: 'Both machines appear side by side: the value now, at boot, the file that decides it, the kernel, and the virtual IPs each configuration names. The differences are spelled out above the table: here "lb-2 will lose IPv4 non-local bind at the next boot.": it has the setting now, turned on by hand, but no file keeps it.',
      act: async (page, label) => {
        await page.getByRole('button', { name: label('Trust this key and add') }).click();
        await expect(table(page)).toContainText('lb-2');
        await scrollToTop(page.getByRole('heading', { name: label('Side by side') }));
      },
    },
    {
      id: 'bind-test',
      title: 'Test binding there',
      say: '"Test binding there" binds each virtual IP on that machine for an instant (nothing is sent). On lb-2 it "works" today: that is why a difference at boot is easy to miss until the first failover after the node\'s next boot.',
      act: async (page, label) => {
        await testBindingOnNode(page, label);
        await page
          .getByRole('button', {
            name: label('Test binding the virtual IPs on {machine}', { machine: 'lb-2' }),
          })
          .evaluate((button) => button.scrollIntoView({ block: 'center' }));
      },
    },
    {
      id: 'make-alike',
      title: 'Make all nodes like this computer',
      say: '"Make all nodes like this computer…" lists what changes on each machine and which file keeps it at boot. Where the node\'s sudo asks for a password, type it under "sudo password for lb-2" (in the demo any password works): it goes to that node\'s sudo only, and the app forgets it after the Apply. "For a fleet: Ansible or cloud-init" has the same change as Ansible tasks and a cloud-init snippet.',
      act: async (page, label) => {
        await page
          .getByRole('button', {
            name: label('Make all nodes like {machine}…', { machine: label('this computer') }),
          })
          .click();
        const panel = page.locator('.alike-panel');
        await panel
          .getByLabel(label('{sudo} password for {node}', { sudo: 'sudo', node: 'lb-2' }))
          .fill('demo');
        await scrollToTop(panel);
      },
    },
    {
      id: 'outcome',
      title: 'Apply',
      say: 'Choose **Apply to 1 machine**. Each machine reports its own outcome under "Outcome on each machine" ("Applied: lb-2", and what changed there); one failing never hides another\'s success.',
      act: async (page, label) => {
        await page
          .getByRole('button', {
            name: label(
              '{machineCount, plural, one {Apply to # machine} other {Apply to # machines}}',
              { machineCount: 1 },
            ),
          })
          .click();
        await expect(page.locator('.outcomes li.outcome-applied')).toContainText('lb-2');
        // The outcome at the bottom of the window, the agreeing table above it.
        await page.locator('.outcomes').evaluate((o) => o.scrollIntoView({ block: 'end' }));
      },
    },
    {
      id: 'proof',
      title: 'Read the proof',
      say: 'The app reads every machine again after the Apply, so the table is the proof: "All machines that could be read agree, now and at boot." lb-2 now keeps the setting in the same file as this computer.',
      act: (page, label) => scrollToTop(page.getByRole('heading', { name: label('Side by side') })),
    },
    {
      id: 'small-window',
      title: 'In a small window',
      say: 'At 800×600 the two columns still fit beside the row names under "Side by side"; with more nodes the table scrolls sideways inside its own frame while the rest of the page stays in place.',
      act: async (page, label) => {
        await page.setViewportSize({ width: 800, height: 600 });
        await scrollToTop(page.getByRole('heading', { name: label('Side by side') }));
      },
    },
  ],
};
