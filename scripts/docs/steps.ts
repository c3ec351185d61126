import { expect, type Page } from '@playwright/test';

/** One moment of a task: what to do on screen, then what the support person says about it. */
export interface GuideStep {
  /** Part of the screenshot name: docs/screenshots/<task>-<step>-<light|dark>.png. */
  readonly id: string;
  /** Heading of the step in the guide. */
  readonly title: string;
  /** The words to say to the person on the phone. */
  readonly say: string;
  /** Drives the real UI to this step; it waits for what the screenshot must show. */
  readonly act?: (page: Page) => Promise<void>;
  /** Copy the equivalent shell commands shown on screen into the guide. */
  readonly commands?: boolean;
}

/** A task a user wants done, rehearsed in one demo scenario. */
export interface GuideTask {
  readonly id: string;
  readonly title: string;
  /** The demo scenario (`--demo NAME`) the task runs in. */
  readonly scenario: string;
  /** When a support person meets this situation. */
  readonly when: string;
  readonly steps: readonly GuideStep[];
  /** Part of the visual regression test (key states only, to keep the test fast). */
  readonly visual?: boolean;
}

const ipv4Switch = (page: Page) => page.getByRole('switch', { name: /IPv4/ });

async function chooseAtEveryBoot(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Now and at every boot/ }).check();
}

async function applyAndExpectError(page: Page, words: string): Promise<void> {
  await ipv4Switch(page).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible();
}

function errorTask(
  id: string,
  scenario: string,
  title: string,
  when: string,
  words: string,
  say: string,
): GuideTask {
  return {
    id,
    title,
    scenario,
    when,
    steps: [
      {
        id: 'message',
        title: 'The message after Apply',
        say,
        act: (page) => applyAndExpectError(page, words),
      },
    ],
  };
}

/**
 * The one source of truth for docs/guide.md and docs/screenshots/: every task,
 * every step, its scenario, the actions that reach it, and the words to say.
 * `npm run docs:screenshots` walks it in Chromium; the visual regression test
 * walks the tasks marked `visual` and compares against the same images.
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
        title: 'Read the two switches',
        say: 'Each card is one setting. The switch shows the value the running kernel uses right now; the line below it says what happens at the next boot and which file decides it. "Read at" tells you when the app last looked; press Refresh to look again.',
      },
      {
        id: 'help',
        title: 'Explain what the setting does',
        say: 'Open "What does this do?" under a setting for when it is needed (HAProxy, Nginx or Keepalived on a node that does not hold the virtual IP yet) and what the risk is.',
        act: async (page) => {
          await page.getByText('What does this do?').first().click();
          await expect(page.locator('.setting-help').first()).toBeVisible();
        },
      },
    ],
  },
  {
    id: 'enable-ipv4',
    title: 'Enable IPv4 now and at boot',
    scenario: 'fresh',
    when: 'A service fails with "cannot bind socket" on its virtual IPv4 address.',
    visual: true,
    steps: [
      {
        id: 'choose',
        title: 'Flip the switch and choose how long it lasts',
        say: 'Click the IPv4 switch, then choose "Now and at every boot". The Changes box lists exactly what will happen and which file is written. Nothing has changed yet.',
        act: async (page) => {
          await ipv4Switch(page).click();
          await chooseAtEveryBoot(page);
          await expect(page.getByTestId('file-action')).toBeVisible();
          await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
        },
      },
      {
        id: 'commands',
        title: 'Show the equivalent commands',
        say: 'Open "Equivalent commands" to see the exact commands that do the same by hand, each with a Copy button. Administrators who prefer a terminal can run these instead of clicking Apply.',
        commands: true,
        act: async (page) => {
          await page.getByText('Equivalent commands').click();
          await expect(page.locator('.command-block').first()).toBeVisible();
        },
      },
      {
        id: 'applied',
        title: 'Apply',
        say: 'Click Apply and confirm with your password when the system asks. The green box says what was done; the values shown were read back from the system afterwards.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Apply' }).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
        },
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
        say: 'The switch is on, but the line below says it will be off after a restart because no file sets it. Use "Keep the current value at boot" to make it last.',
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
        say: 'Now and at boot agree, and the line names the file that sets it. There is nothing to do.',
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
        say: 'The yellow note says the value will change at the next restart. Decide which one is right.',
      },
      {
        id: 'restore',
        title: 'Restore the boot value now',
        say: 'Click "Restore the boot value now" to make the running value match the file, then Apply.',
        commands: true,
        act: async (page) => {
          await page.getByRole('button', { name: 'Restore the boot value now' }).first().click();
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
        say: 'The yellow box says systemd-sysctl leaves it on at boot, but `sysctl --system` (which many guides and tools run) turns it off again, and names both files and lines.',
      },
      {
        id: 'files',
        title: 'See every file in order',
        say: 'Open "Which files set …?" to see every file that sets the key, in the order each tool reads them; the last one wins.',
        act: async (page) => {
          await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
          await expect(page.getByTestId('boot-ipv4-procps')).toBeVisible();
        },
      },
      {
        id: 'choose-fix',
        title: 'Keep the value at every boot',
        say: 'Choose "Now and at every boot". The app warns that /etc/sysctl.conf would still win and offers the one file that wins under both tools.',
        act: async (page) => {
          await chooseAtEveryBoot(page);
          await expect(page.getByTestId('conflicts')).toBeVisible();
        },
      },
      {
        id: 'use-sysctl-conf',
        title: 'Accept the suggestion',
        say: 'Click "Use /etc/sysctl.conf". Only the one line for this setting in that file changes; everything else in it stays as it is.',
        commands: true,
        act: async (page) => {
          await page.getByRole('button', { name: 'Use /etc/sysctl.conf' }).click();
          await expect(page.getByTestId('conflicts')).toHaveCount(0);
        },
      },
      {
        id: 'resolved',
        title: 'Apply',
        say: 'Click Apply. The yellow box is gone: both tools now leave the setting on.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Apply' }).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
          await expect(page.getByTestId('disagree-ipv4')).toHaveCount(0);
        },
      },
    ],
  },
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
        say: 'Type the virtual IP into "Test a virtual IP" and click Test. The app opens a listening socket on it for an instant, as HAProxy would, and closes it; nothing is sent. Here it fails because the setting is off.',
        act: async (page) => {
          await page.getByLabel('IP address').fill('192.0.2.10');
          await page.getByRole('button', { name: 'Test', exact: true }).click();
          await expect(page.getByTestId('bind-result')).toContainText('fails');
        },
      },
      {
        id: 'works',
        title: 'Turn it on and test again',
        say: 'Turn on IPv4, click Apply, then click "test 192.0.2.10 again". Now it works.',
        act: async (page) => {
          await ipv4Switch(page).click();
          await page.getByRole('button', { name: 'Apply' }).click();
          await expect(page.getByTestId('apply-success')).toBeVisible();
          await page
            .getByRole('button', { name: 'Settings changed: test 192.0.2.10 again' })
            .click();
          await expect(page.getByTestId('bind-result')).toContainText('works');
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
        say: 'Click "Find virtual IPs". The table lists every address the HAProxy, Keepalived and Nginx configuration names, the file and line, and whether this computer needs the setting for it.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Find virtual IPs' }).click();
          await expect(page.getByTestId('vip-table')).toBeVisible();
        },
      },
      {
        id: 'tested',
        title: 'Test one with a click',
        say: 'Click "Test" next to an address to try it right away; the answer appears in its row.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Test 192.0.2.11' }).click();
          await expect(page.getByTestId('vip-table').getByRole('status')).toBeVisible();
        },
      },
    ],
  },
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
        say: 'Scroll down to "Diagnostics for support" and click "Show diagnostics". The report covers only these two settings: versions, values, the lines that set them and the tools the app needs. Read it through with the caller before they send it.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Show diagnostics' }).click();
          await expect(page.getByTestId('diagnostics-text')).toBeVisible();
        },
      },
      {
        id: 'copied',
        title: 'Copy it',
        say: 'Click "Copy diagnostics" and paste it into the ticket or e-mail. "Save diagnostics…" writes the same text to a file instead.',
        act: async (page) => {
          await page.getByRole('button', { name: 'Copy diagnostics' }).click();
          await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
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
        say: 'The IPv6 card says the setting does not exist here. That is not an error of the app: IPv6 is disabled in the kernel, and only IPv4 can be changed.',
      },
    ],
  },
  errorTask(
    'error-auth-denied',
    'auth-denied',
    'Error: the password prompt was refused',
    'The user cancelled the password dialog or is not an administrator.',
    'Authentication was refused or cancelled',
    'Nothing was changed. Ask the user to click Apply again and enter the password of an administrator account.',
  ),
  errorTask(
    'error-no-polkit-agent',
    'no-polkit-agent',
    'Error: nobody can ask for the password',
    'The app runs over SSH or in a bare window manager without a polkit agent.',
    'No polkit authentication agent is running',
    'Nothing was changed. Open "Details": it lists the exact commands; the user can run them in a terminal with sudo instead.',
  ),
  errorTask(
    'error-no-pkexec',
    'no-pkexec',
    'Error: pkexec is missing',
    'The package that asks for administrator rights is not installed.',
    'pkexec is not installed',
    'Nothing was changed. Have the user install the package named in the message, then Apply again.',
  ),
  errorTask(
    'error-readonly-proc',
    'readonly-proc',
    'Error: /proc/sys is read-only',
    'The app runs in a container whose network settings belong to the host.',
    '/proc/sys is read-only here',
    'Nothing was changed, and the app cannot change it from inside. The container must be started with the setting, for example `docker run --sysctl net.ipv4.ip_nonlocal_bind=1`.',
  ),
  {
    id: 'error-input',
    title: 'Errors in what was typed',
    scenario: 'fresh',
    when: 'A file name or an address was mistyped.',
    steps: [
      {
        id: 'file-name',
        title: 'A file name with a slash',
        say: 'The message under the file name says what is wrong; Apply stays disabled until it is fixed. Only a plain file name is allowed: it always goes into /etc/sysctl.d/.',
        act: async (page) => {
          await ipv4Switch(page).click();
          await chooseAtEveryBoot(page);
          await page.getByLabel(/File in/).fill('../evil.conf');
          await expect(page.locator('#file-name-error')).toContainText('without "/"');
        },
      },
      {
        id: 'host-name',
        title: 'A host name instead of an address',
        say: 'The test takes an IP address, not a name: the app never looks names up. Type the address itself.',
        act: async (page) => {
          await page.getByLabel('IP address').fill('lb.example.com');
          await page.getByRole('button', { name: 'Test', exact: true }).click();
          await expect(
            page.getByRole('alert').filter({ hasText: 'looks like a host name' }),
          ).toBeVisible();
        },
      },
    ],
  },
];

/** The screenshot file name of a step. */
export function screenshotName(task: GuideTask, step: GuideStep, scheme: 'light' | 'dark'): string {
  return `${task.id}-${step.id}-${scheme}.png`;
}
