import { expect } from '@playwright/test';
import { expectColour, expectDrawnPending } from './claim-checks';
import { ERROR_TASKS } from './steps-errors';
import { VIP_TASKS } from './steps-vips';
import { applyButton, ipv4Switch, scrollToTop, type GuideTask } from './steps-kit';

export type { GuideTask } from './steps-kit';

/**
 * The one source of truth for docs/guide.md and docs/screenshots/: every task,
 * every step, its scenario, the actions that reach it, and the words to say.
 * Every "quoted" phrase in a step's words must be on screen at that step (the
 * step runner checks it), so a sentence that no longer matches the app fails
 * the docs test. `npm run docs:screenshots` walks it in Chromium; the visual
 * regression test walks the tasks marked `visual` and compares the images.
 */
export const GUIDE_TASKS: readonly GuideTask[] = [
  {
    id: 'overview',
    title: 'See the current values',
    scenario: 'fresh',
    when: 'Always the first step: find out what the computer does right now.',
    visual: true,
    steps: [
      {
        id: 'current-values',
        title: 'Read the two settings',
        say: 'Each card is one setting. The word beside the switch is what the running kernel uses right now ("Off"); the line below says what the kernel does now and "At boot", and which file decides it. "Read at" tells you when the app last looked; press "Refresh" to look again.',
      },
      {
        id: 'help',
        title: 'Explain what the setting does',
        say: 'Further down, "About these settings" has "What does this do?" for each setting: when it is needed (HAProxy, Nginx or another service listening on a virtual IP, on a node that does not hold it yet; Keepalived itself adds the address and does not need it) and what the risk is.',
        act: async (page, label) => {
          await page.getByText(label('What does this do?')).first().click();
          await expect(page.locator('.setting-help').first()).toBeVisible();
          await scrollToTop(page.getByRole('heading', { name: label('About these settings') }));
        },
      },
    ],
  },
  {
    id: 'enable-ipv4',
    title: 'Enable IPv4 now and at every boot',
    scenario: 'fresh',
    when: 'A service fails with "cannot bind socket" on its virtual IPv4 address.',
    visual: true,
    steps: [
      {
        id: 'choose',
        title: 'Flip the switch',
        say: 'Click the IPv4 switch. It moves to on, drawn as pending, and the card says "Off → On (pending)": nothing has changed yet. The bar at the bottom of the window shows the "Pending change", with "Now and at every boot" already chosen and the file it writes.',
        act: async (page, label) => {
          await ipv4Switch(page).click();
          await expect(page.getByTestId('file-action')).toBeVisible();
          await expect(applyButton(page, label)).toBeEnabled();
        },
        // "drawn as pending"; and Apply is "the button with the shield" the next steps click.
        verify: async (page, label) => {
          await expectDrawnPending(ipv4Switch(page), 'on');
          await expect(applyButton(page, label).locator('svg')).toHaveCount(1);
        },
      },
      {
        id: 'commands',
        title: 'Show the equivalent commands',
        say: 'Open "Equivalent commands" in the bar to see the exact commands that do the same by hand, each with a "Copy" button. Administrators who prefer a terminal can run these instead.',
        commands: true,
        act: async (page, label) => {
          await page.getByText(label('Equivalent commands')).click();
          await expect(page.locator('.command-block').first()).toBeVisible();
        },
      },
      {
        id: 'applied',
        title: 'Apply',
        say: 'Click Apply… (the button with the shield). It asks for your password once: type it when the system asks. The green box in the bar starts with "Applied." and says what was done; the values shown were read back from the system afterwards. "Done" closes it.',
        act: async (page, label) => {
          await applyButton(page, label).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
        },
        verify: (page) => expectColour(page.getByTestId('apply-success'), 'green'),
      },
    ],
  },
  {
    id: 'runtime-only',
    title: 'On now, but lost at the next boot',
    scenario: 'enabled-runtime-only',
    when: 'Someone ran `sysctl -w` by hand, or chose "This session only".',
    steps: [
      {
        id: 'found',
        title: 'Recognise it',
        say: 'The switch is on, but the note says that at the next boot it will be off, because no file keeps it on. Click "Keep it on at every boot", then Apply… in the bar, to make it last.',
      },
    ],
  },
  {
    id: 'persisted',
    title: 'On now and at every boot',
    scenario: 'persisted',
    when: 'Everything is as it should be for a load-balancer node.',
    steps: [
      {
        id: 'found',
        title: 'Recognise it',
        say: 'The line under IPv4 reads "Now: on · At boot: on" and names the file that sets it. There is nothing to do.',
      },
    ],
  },
  {
    id: 'drift',
    title: 'The running value differs from boot',
    scenario: 'drift',
    when: 'A file turns the setting on at boot, but it was turned off by hand since.',
    steps: [
      {
        id: 'found',
        title: 'Recognise the drift',
        say: 'The blue note says the value will change at the next boot and names the file that sets it. Decide which one is right: "Keep it off at every boot" or "Turn it on now".',
        verify: (page) => expectColour(page.getByTestId('drift-ipv4'), 'blue'),
      },
      {
        id: 'restore',
        title: 'Turn it on now, as at boot',
        say: 'Click Turn it on now in the blue note. The bar shows the pending change for "This session only", since the file turns it on at every boot anyway; click "Apply…".',
        commands: true,
        act: async (page, label) => {
          await page
            .getByRole('button', { name: label('Turn it on now') })
            .first()
            .click();
          await expect(page.getByTestId('change-list')).toBeVisible();
        },
      },
    ],
  },
  {
    id: 'resolve-conflict',
    title: 'Resolve a conflict between files',
    scenario: 'conflict-sysctl-conf',
    when: 'The value at boot depends on which tool loads the files: /etc/sysctl.conf says the opposite of a file in /etc/sysctl.d.',
    visual: true,
    steps: [
      {
        id: 'disagreement',
        title: 'See the disagreement',
        say: 'The yellow note says systemd-sysctl leaves it on at boot, but `sysctl --system` (which many guides and tools run) turns it off again, and names both files and lines.',
        verify: (page) => expectColour(page.getByTestId('disagree-ipv4'), 'yellow'),
      },
      {
        id: 'files',
        title: 'See every file in order',
        say: 'Under "About these settings", open "Which files set net.ipv4.ip_nonlocal_bind?" to see every file that sets the key, in the order each tool reads them; the last one wins.',
        act: async (page, label) => {
          await page
            .getByText(
              label('Which files set {settingKey}?', { settingKey: 'net.ipv4.ip_nonlocal_bind' }),
            )
            .click();
          await expect(page.getByTestId('boot-ipv4-procps')).toBeVisible();
          await scrollToTop(page.getByRole('heading', { name: label('About these settings') }));
        },
      },
      {
        id: 'fix',
        title: 'Fix it with one click',
        say: 'Back in the card, click **Make both keep it on**. The bar says "Writing into /etc/sysctl.conf": only the one line for IPv4 in that file changes, and nothing else in it.',
        commands: true,
        act: async (page, label) => {
          await page.getByRole('button', { name: label('Make both keep it on') }).click();
          await expect(page.getByTestId('file-action')).toContainText('/etc/sysctl.conf');
          await expect(page.getByTestId('conflicts')).toHaveCount(0);
        },
        // "only the one line for IPv4": the commands that do the same touch no IPv6 key.
        verify: async (page) => {
          const commands = (await page.locator('.command-block pre').allTextContents()).join('\n');
          expect(commands).toContain('net.ipv4.ip_nonlocal_bind');
          expect(commands).not.toContain('net.ipv6.ip_nonlocal_bind');
        },
      },
      {
        id: 'resolved',
        title: 'Apply',
        say: 'Click Apply…. The bar says "Applied." and the yellow note is gone: both tools now leave the setting on.',
        act: async (page, label) => {
          await applyButton(page, label).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
          await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);
        },
      },
    ],
  },
  ...VIP_TASKS,
  {
    id: 'copy-diagnostics',
    title: 'Copy diagnostics for a ticket',
    scenario: 'drift',
    when: 'You need the facts in writing, for a ticket or a colleague.',
    visual: true,
    steps: [
      {
        id: 'shown',
        title: 'Show the report',
        say: 'Scroll down to "Diagnostics for support" and click Show diagnostics. The report covers only these two settings: versions, values, the lines that set them and the tools the app needs. Read it through with the caller before they send it.',
        act: async (page, label) => {
          await page.getByRole('button', { name: label('Show diagnostics') }).click();
          await expect(page.getByTestId('diagnostics-text')).toBeVisible();
          await scrollToTop(page.getByText(label('Diagnostics for support')));
        },
      },
      {
        id: 'copied',
        title: 'Copy it',
        say: 'Click "Copy diagnostics" and paste it into the ticket or e-mail. "Save diagnostics…" writes the same text to a file instead.',
        act: async (page, label) => {
          await page.getByRole('button', { name: label('Copy diagnostics') }).click();
          await expect(page.getByText(label('Copied to the clipboard.'))).toBeVisible();
        },
      },
    ],
  },
  {
    id: 'no-ipv6',
    title: 'IPv6 is turned off in the kernel',
    scenario: 'no-ipv6',
    when: 'The computer boots with ipv6.disable=1, so there is no IPv6 setting at all.',
    steps: [
      {
        id: 'found',
        title: 'Recognise it',
        say: 'The IPv6 card says "Not available": IPv6 is disabled in the kernel, so there is nothing to set, and only IPv4 can be changed. That is not an error of the app.',
      },
    ],
  },
  ...ERROR_TASKS,
];
