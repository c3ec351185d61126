import type { Page } from 'playwright-core';

/**
 * The one source of truth for the walkthrough: every screenshot in docs/screenshots and
 * every step in docs/guide.md comes from this list, and the visual regression test
 * replays the steps marked `key`.
 */
export interface GuideStep {
  readonly task: string;
  readonly step: string;
  readonly scenario: string;
  readonly title: string;
  /** What support staff say to the person they are helping. */
  readonly say: string;
  /** Brings the page from a fresh load of the scenario to the state to capture. */
  readonly act: (page: Page) => Promise<void>;
  /** Part of the visual regression test. */
  readonly key?: boolean;
}

export interface GuideTask {
  readonly task: string;
  readonly title: string;
  readonly intro: string;
}

export const TASKS: readonly GuideTask[] = [
  {
    task: 'overview',
    title: 'See the current values',
    intro:
      'Start here: the app shows what the kernel uses right now and what happens at the next boot.',
  },
  {
    task: 'enable-ipv4',
    title: 'Enable IPv4 non-local bind now and at every boot',
    intro:
      'The usual fix for HAProxy, Nginx or Keepalived failing with "cannot bind socket" on the standby node.',
  },
  {
    task: 'resolve-conflict',
    title: 'Resolve a conflict between sysctl files',
    intro:
      'When another file turns the setting off again at boot, the app says which one and offers a fix.',
  },
  {
    task: 'test-vip',
    title: 'Test a virtual IP',
    intro: 'Prove that a service will be able to listen on its virtual IP.',
  },
  {
    task: 'diagnostics',
    title: 'Copy diagnostics',
    intro: 'Collect the facts support needs in one plain-text report.',
  },
  {
    task: 'errors',
    title: 'Every error message',
    intro: 'What each problem looks like, and what to say.',
  },
];

const flipIpv4 = (page: Page) => page.getByRole('switch', { name: /IPv4/ }).click();
const applyIt = async (page: Page) => {
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('.success-panel, .error-panel').first().waitFor();
};
const settle = (page: Page) => page.waitForTimeout(250);

export const STEPS: readonly GuideStep[] = [
  {
    task: 'overview',
    step: 'current-values',
    scenario: 'fresh',
    title: 'The two settings and what they mean',
    say: 'Open Nonlocal Bind. You see two rows, IPv4 and IPv6. Each says whether it is on now and what happens at boot.',
    act: settle,
    key: true,
  },
  {
    task: 'overview',
    step: 'which-file',
    scenario: 'persisted',
    title: 'Which file sets it at boot',
    say: 'Under the IPv4 row, open "Which files set net.ipv4.ip_nonlocal_bind?". The last line marked "wins" is the file that decides at boot.',
    act: async (page) => {
      await page.getByText('Which files set net.ipv4.ip_nonlocal_bind?').click();
      await settle(page);
    },
  },
  {
    task: 'enable-ipv4',
    step: 'flip-switch',
    scenario: 'fresh',
    title: 'Flip the IPv4 switch',
    say: 'Click the IPv4 switch. Nothing changes yet: the change is pending until you click Apply.',
    act: async (page) => {
      await flipIpv4(page);
      await settle(page);
    },
  },
  {
    task: 'enable-ipv4',
    step: 'choose-at-boot',
    scenario: 'fresh',
    title: 'Choose "Now and at every boot"',
    say: 'Under "How long should it last?", choose "Now and at every boot". Keep the proposed file name unless your team uses another one, such as 99-custom.conf.',
    act: async (page) => {
      await flipIpv4(page);
      await page.getByRole('radio', { name: /Now and at every boot/ }).check();
      await page.getByText('Equivalent commands').click();
      await settle(page);
    },
  },
  {
    task: 'enable-ipv4',
    step: 'applied',
    scenario: 'fresh',
    title: 'Apply and check the result',
    say: 'Click Apply and enter the administrator password when asked. The green message and the switch now show the value read back from the system.',
    act: async (page) => {
      await flipIpv4(page);
      await page.getByRole('radio', { name: /Now and at every boot/ }).check();
      await applyIt(page);
      await settle(page);
    },
    key: true,
  },
  {
    task: 'resolve-conflict',
    step: 'disagreement',
    scenario: 'conflict-sysctl-conf',
    title: 'Spot the disagreement',
    say: 'The yellow note says that systemd at boot and "sysctl --system" end with different values, and names the file that turns it off.',
    act: settle,
  },
  {
    task: 'resolve-conflict',
    step: 'warning',
    scenario: 'conflict-sysctl-conf',
    title: 'The warning before Apply',
    say: 'Choose "Now and at every boot". Before asking for a password, the app warns that the value would not stick, and offers a fix.',
    act: async (page) => {
      await page.getByRole('radio', { name: /Now and at every boot/ }).check();
      await page.getByTestId('conflicts').waitFor();
      await settle(page);
    },
    key: true,
  },
  {
    task: 'resolve-conflict',
    step: 'resolved',
    scenario: 'conflict-sysctl-conf',
    title: 'Accept the fix and apply',
    say: 'Click the suggested button (here "Use /etc/sysctl.conf"), then Apply. The note about the disagreement disappears.',
    act: async (page) => {
      await page.getByRole('radio', { name: /Now and at every boot/ }).check();
      await page.getByRole('button', { name: 'Use /etc/sysctl.conf' }).click();
      await applyIt(page);
      await settle(page);
    },
  },
  {
    task: 'test-vip',
    step: 'find-vips',
    scenario: 'vips-found',
    title: 'Find the virtual IPs in the configuration',
    say: 'Scroll to "Virtual IPs in your load balancer configuration" and click "Find virtual IPs". Each address says what it needs on this computer.',
    act: async (page) => {
      await page.getByRole('button', { name: 'Find virtual IPs' }).click();
      await page.getByTestId('vip-table').waitFor();
      await settle(page);
    },
  },
  {
    task: 'test-vip',
    step: 'test-address',
    scenario: 'vips-found',
    title: 'Test one address',
    say: 'Click "Test" next to the address. "fails: … turn on IPv4 non-local bind" means the service would not start here yet.',
    act: async (page) => {
      await page.getByLabel('IP address').fill('192.0.2.10');
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await page.getByTestId('bind-result').waitFor();
      await settle(page);
    },
  },
  {
    task: 'diagnostics',
    step: 'report',
    scenario: 'drift',
    title: 'Show and copy the report',
    say: 'Click "Show diagnostics", read it through together, then click "Copy diagnostics" and paste it into the ticket.',
    act: async (page) => {
      await page.getByRole('button', { name: 'Show diagnostics' }).click();
      await page.getByTestId('diagnostics-text').waitFor();
      await settle(page);
    },
  },
  ...(
    [
      [
        'auth-denied',
        'Authentication refused or cancelled',
        'The password dialog was cancelled or the password was refused. Nothing changed; click Apply again and enter the administrator password.',
      ],
      [
        'no-polkit-agent',
        'No authentication agent',
        'No password dialog can be shown (for example over SSH). Copy the commands under Details and run them in a terminal.',
      ],
      [
        'no-pkexec',
        'pkexec missing',
        'The app needs pkexec to ask for administrator rights. Install the package named in the message, then try again.',
      ],
      [
        'readonly-proc',
        'Read-only /proc/sys in a container',
        'This computer is a container whose settings are fixed by the host. Change it on the host or in the container runtime instead.',
      ],
    ] as const
  ).map(([scenario, title, say]): GuideStep => ({
    task: 'errors',
    step: scenario,
    scenario,
    title,
    say,
    act: async (page) => {
      await flipIpv4(page);
      await applyIt(page);
      await settle(page);
    },
    key: scenario === 'auth-denied',
  })),
  {
    task: 'errors',
    step: 'bad-file-name',
    scenario: 'fresh',
    title: 'A file name that is not allowed',
    say: 'The red text under the file name says what is wrong; Apply stays disabled until the name ends in .conf and has only letters, digits, dots, dashes and underscores.',
    act: async (page) => {
      await flipIpv4(page);
      await page.getByRole('radio', { name: /Now and at every boot/ }).check();
      await page.getByLabel(/File in \/etc\/sysctl.d\//).fill('my settings.txt');
      await page.getByText('The file name contains a space').waitFor();
      await settle(page);
    },
  },
  {
    task: 'errors',
    step: 'no-ipv6',
    scenario: 'no-ipv6',
    title: 'IPv6 not available',
    say: 'IPv6 is turned off in this kernel, so there is nothing to set for it; IPv4 works as usual.',
    act: settle,
  },
  {
    task: 'errors',
    step: 'drift',
    scenario: 'drift',
    title: 'The value changed since boot',
    say: 'The blue note means someone changed the value by hand. Click "Keep the current value at boot" or "Restore the boot value now", then Apply.',
    act: settle,
  },
];
