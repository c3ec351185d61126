import { expect } from '@playwright/test';
import { errorTask, ipv4Switch, scrollToTop, type GuideTask } from './steps-kit';

/** The guide's error tasks: each a scenario whose Apply fails, and the errors in what was typed. */
export const ERROR_TASKS: readonly GuideTask[] = [
  errorTask(
    'error-auth-denied',
    'auth-denied',
    'Error: the password prompt was refused',
    'The user cancelled the password dialog or is not an administrator.',
    { message: 'Authentication was refused or cancelled' },
    'The bar says "Not applied" and nothing was changed; the switch still shows the pending change. Ask the user to click "Apply…" again and type their own password; if their account may not administer the computer, an administrator can run the commands under "Commands an administrator can run instead".',
  ),
  errorTask(
    'error-no-polkit-agent',
    'no-polkit-agent',
    'Error: nobody can ask for the password',
    'The app runs over SSH or in a bare window manager without a polkit agent.',
    { message: 'No {polkit} authentication agent is running', values: { polkit: 'polkit' } },
    'The title says why: "No polkit authentication agent is running". Nothing was changed. Ask the user to start their desktop\'s authentication agent and click Apply… again; over SSH, open "Run the change by hand instead", copy ONE of its command blocks and paste it into a terminal.',
  ),
  errorTask(
    'error-no-pkexec',
    'no-pkexec',
    'Error: pkexec is missing',
    'The package that asks for administrator rights is not installed.',
    { message: '{pkexec} is not installed', values: { pkexec: 'pkexec' } },
    'Nothing was changed. The message gives the install command for the system the app runs on, here "sudo apt install pkexec" for "Debian 12 and Ubuntu 22.04 or newer"; "Other systems" holds the commands for the other families. Have the user copy it, run it, then click "Apply…" again.',
  ),
  {
    id: 'error-readonly-proc',
    title: 'Error: /proc/sys is read-only',
    scenario: 'readonly-proc',
    when: 'The app runs in a container whose network settings belong to the host.',
    steps: [
      {
        id: 'message',
        title: 'Found when the settings are read',
        say: 'The card says the setting "Cannot be changed from inside this container": /proc/sys is mounted read-only there, so Apply stays off and the bar says why ("Apply is off"). The setting belongs in the container\'s configuration on the host; under the settings the app shows it for each runtime (Docker, Podman, Compose, Kubernetes, LXC), which applies it only when the container or pod is created again. For Kubernetes, each node\'s kubelet must also allow the two keys (`--allowed-unsafe-sysctls`), or the pod is refused.',
        act: async (page, label) => {
          await ipv4Switch(page).click();
          await expect(page.getByRole('button', { name: label('Apply…') })).toBeDisabled();
        },
      },
    ],
  },
  {
    id: 'error-input',
    title: 'Errors in what was typed',
    scenario: 'fresh',
    when: 'A file name or an address was mistyped.',
    steps: [
      {
        id: 'file-name',
        title: 'A file name with a slash',
        say: 'After clicking change file name, the name can be typed. The message under it ("Enter only a file name") says what is wrong; "Apply…" stays disabled until it is fixed. Only a plain file name is allowed: it always goes into /etc/sysctl.d/.',
        act: async (page, label) => {
          await ipv4Switch(page).click();
          await page.getByRole('button', { name: label('change file name') }).click();
          await page
            .getByLabel(label('File in {directory}/', { directory: '/etc/sysctl.d' }))
            .fill('../evil.conf');
          await expect(page.locator('#file-name-error')).toBeVisible();
        },
      },
      {
        id: 'host-name',
        title: 'A host name instead of an address',
        say: 'The test takes an IP address, not a name: "looks like a host name" says so, and the app never looks names up. Type the address itself.',
        act: async (page, label) => {
          // A new story: the file name of the step before is discarded with its change,
          // so this screenshot shows this step's message only.
          await page.getByRole('button', { name: label('Discard') }).click();
          await page.getByLabel(label('IP address')).fill('lb.example.com');
          await page.getByRole('button', { name: label('Test'), exact: true }).click();
          await expect(
            page.getByRole('alert').filter({
              hasText: label(
                '"{value}" looks like a host name. Enter an IP address: the test never looks names up.',
                { value: 'lb.example.com' },
              ),
            }),
          ).toBeVisible();
          await scrollToTop(page.getByRole('heading', { name: label('Test a virtual IP') }));
        },
      },
    ],
  },
];
