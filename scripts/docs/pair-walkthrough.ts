import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { launchChromium } from '../../test/harness/chromium';
import { SHOT_OPTIONS } from './freeze-page';
import { runTask } from './run-task';
import { PAIR_TASK } from './steps-pair';

// Entry of `npm run docs:pair` (after `npm run build`): walks "Pair and fleet" in the demo,
// whose second node lb-2 is simulated, and writes docs/pair-walkthrough.md with screenshots
// at the window's default size (920x760) and at 800x600. The step runner checks every
// phrase a step quotes on screen, where its screenshot shows it, as for docs/guide.md.
const DOCS = path.resolve('docs');
const SHOTS = path.join(DOCS, 'screenshots');

async function main(): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  // The new images wait aside until every step passed its checks; then they replace the old.
  const fresh = await mkdtemp(path.join(os.tmpdir(), 'nb-pair-shots-'));
  const browser = await launchChromium();
  let records: Awaited<ReturnType<typeof runTask>>;
  try {
    records = await runTask(browser, PAIR_TASK, 'light', async (page, name) => {
      await page.screenshot({ path: path.join(fresh, name), ...SHOT_OPTIONS });
    });
    for (const name of await readdir(SHOTS)) {
      if (name.startsWith('pair-') && name.endsWith('.png')) await rm(path.join(SHOTS, name));
    }
    for (const name of await readdir(fresh)) {
      await copyFile(path.join(fresh, name), path.join(SHOTS, name));
    }
  } finally {
    await browser.close();
    await rm(fresh, { recursive: true, force: true });
  }
  const body = [
    '# Pair and fleet',
    '',
    `A virtual IP moves between nodes, and every node that may take it needs non-local bind, now and at every boot. This walkthrough was recorded by \`npm run docs:pair\` in the demo, so it can be rehearsed exactly: \`npm start -- --demo ${PAIR_TASK.scenario}\` (or \`npm run preview -- --demo ${PAIR_TASK.scenario}\`), whose simulated second node is lb-2. Against real nodes the same steps run over your own OpenSSH (\`test/e2e/pair-flow.spec.ts\` walks them against a real sshd).`,
    '',
    ...records.flatMap((r, i) => [
      `${i + 1}. **${r.step.title}.** ${r.step.say}`,
      '',
      `   ![Step ${i + 1}: ${r.step.title}](screenshots/${r.screenshot})`,
      '',
    ]),
    '## When to hand over to Ansible',
    '',
    'Pair and fleet is for the handful of nodes behind one virtual IP, reached with the SSH you already use. For a fleet, or for machines that do not exist yet, copy or save the Ansible tasks (`ansible.posix.sysctl`, same file, key, value and reload) or the cloud-init snippet from **For a fleet: Ansible or cloud-init**: they leave exactly what the app leaves.',
    '',
  ].join('\n');
  const target = path.join(DOCS, 'pair-walkthrough.md');
  const options = (await resolveConfig(target)) ?? {};
  await writeFile(target, await format(body, { ...options, filepath: target }));
  process.stdout.write(`wrote ${target} and ${records.length} screenshots\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:pair: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
