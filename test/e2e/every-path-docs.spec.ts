import { axeViolations } from '../support/axe';
import { expect, test } from '../support/fixtures';
import { runTask } from '../../scripts/docs/run-task';
import { GUIDE_TASKS, type GuideTask } from '../../scripts/docs/steps';
import { PAIR_TASK } from '../../scripts/docs/steps-pair';

/**
 * Issue 19, point 14: the guide's claims and screenshots match the UI, pair steps
 * included. The step runner (scripts/docs/run-task.ts) checks each quoted phrase where the
 * step's screenshot shows it, and that the screenshot shows no message the step does not
 * talk about; these tests walk the pair walkthrough and the input errors through it, and
 * show that it refuses the two kinds of drift the issue found.
 */
const noShots = async () => {};

test('the pair walkthrough, in the demo: every step’s claims on screen, axe clean', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  const records = await runTask(browser, PAIR_TASK, 'light', async (page, name) => {
    for (const p of await axeViolations(page)) problems.push(`${name}: ${p}`);
  });
  expect(records.map((r) => r.screenshot)).toEqual(
    PAIR_TASK.steps.map((s) => `pair-${s.id}-light.png`),
  );
  expect(problems).toEqual([]);
});

test('guide step 15.2 shows its own message only', async ({ browser }) => {
  const task = GUIDE_TASKS.find((t) => t.id === 'error-input');
  if (!task) throw new Error('the guide has no error-input task');
  expect(await runTask(browser, task, 'light', noShots)).toHaveLength(2);
});

test('the runner refuses a screenshot that still shows the step before’s message', async ({
  browser,
}) => {
  const stale: GuideTask = {
    id: 'stale',
    title: 'stale',
    scenario: 'fresh',
    when: '',
    steps: [
      {
        id: 'file-name',
        title: 'file name',
        say: '"Enter only a file name"',
        act: async (page) => {
          await page.getByRole('switch', { name: 'IPv4 non-local bind' }).click();
          await page.getByRole('button', { name: 'change file name' }).click();
          await page.getByLabel(/File in/).fill('../evil.conf');
        },
      },
      {
        id: 'host-name',
        title: 'host name, as 15.2 was before',
        say: '"looks like a host name"',
        act: async (page) => {
          await page.getByLabel('IP address').fill('lb.example.com');
          await page.getByRole('button', { name: 'Test', exact: true }).click();
          await page.getByRole('alert').filter({ hasText: 'looks like a host name' }).waitFor();
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.getByLabel('IP address').scrollIntoViewIfNeeded();
        },
      },
    ],
  };
  await expect(runTask(browser, stale, 'light', noShots)).rejects.toThrow(
    /stale\/host-name shows the message ".*Enter only a file name.*", which its words do not quote/,
  );
});

test('the runner refuses a pair step that claims a bind test its screenshot does not show', async ({
  browser,
}) => {
  const [hostKey, sideBySide] = PAIR_TASK.steps;
  if (!hostKey || !sideBySide) throw new Error('the pair task lost its first steps');
  const claimsMore: GuideTask = {
    ...PAIR_TASK,
    id: 'pair-drift',
    steps: [
      hostKey,
      { ...sideBySide, say: `${sideBySide.say} The bind test on lb-2 says "192.0.2.10: works".` },
    ],
  };
  await expect(runTask(browser, claimsMore, 'light', noShots)).rejects.toThrow(
    /pair-drift\/side-by-side quotes "192.0.2.10: works", which is not in the window/,
  );
});
