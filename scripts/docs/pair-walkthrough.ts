import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Page } from 'playwright-core';
import { openPairPreview } from '../../test/harness/pair-preview';

// Entry of `npm run docs:pair` (after `npm run build`, as root): walks "Both nodes of a
// pair" against a real sshd node in namespaces and writes docs/pair-walkthrough.md with
// screenshots at the window's default size (920x760) and at 800x600. Host untouched.
const DOCS = path.resolve('docs');
const SHOTS = path.join(DOCS, 'screenshots');
const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';
const HAPROXY = 'frontend www\n    bind 192.0.2.10:80\n    default_backend web\n';

interface Step {
  readonly text: string;
  readonly shot: string;
}

async function shoot(page: Page, name: string): Promise<string> {
  const file = `pair-${name}.png`;
  await page.screenshot({ path: path.join(SHOTS, file), animations: 'disabled', caret: 'hide' });
  return file;
}

async function main(): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const name of await readdir(SHOTS)) {
    if (name.startsWith('pair-') && name.endsWith('.png')) await rm(path.join(SHOTS, name));
  }
  const pair = await openPairPreview({ alias: 'lb-2' });
  const steps: Step[] = [];
  try {
    const { page, node } = pair;
    pair.here.run('sysctl', ['-qw', 'net.ipv4.ip_nonlocal_bind=1']);
    pair.here.writeText(FILE, 'net.ipv4.ip_nonlocal_bind = 1\n');
    node.sandbox.run('mkdir', ['-p', '/etc/haproxy']);
    node.sandbox.writeText('/etc/haproxy/haproxy.cfg', HAPROXY);
    await page.reload();

    await page.getByRole('tab', { name: 'Pair and fleet' }).click();
    await page.getByLabel('SSH destination').fill(node.alias);
    await page.getByRole('button', { name: 'Add node' }).click();
    await page.getByRole('alertdialog').waitFor();
    steps.push({
      text: `Open **Pair and fleet**, type the other node's SSH destination (an alias from \`~/.ssh/config\`, or \`user@host\`) and choose **Add node**. The first time, the app shows the node's host key fingerprint: compare it with the one the node shows on its console, then choose **Trust this key and add**. A changed key is refused, never accepted.`,
      shot: await shoot(page, 'host-key'),
    });
    await page.getByRole('button', { name: 'Trust this key and add' }).click();
    await page.getByTestId('pair-table').waitFor();
    await page.getByRole('button', { name: 'Test binding the virtual IPs on lb-2' }).click();
    await page.getByText(/cannot bind on/).waitFor();
    steps.push({
      text: "Both machines appear side by side: the value now, after a reboot under both boot engines, the file that decides it, the kernel, and the virtual IPs each one's HAProxy, Keepalived or Nginx configuration names. Differences are spelled out above the table and marked in it. **Test binding there** binds each virtual IP on that machine (nothing listens or connects) and says which program it used.",
      shot: await shoot(page, 'side-by-side'),
    });
    await page.getByRole('button', { name: 'Make all nodes like this computer…' }).click();
    const panel = page.locator('.alike-panel');
    await panel.getByLabel(/sudo password for/).fill(node.sudoPassword);
    await panel.scrollIntoViewIfNeeded();
    steps.push({
      text: "**Make all nodes like this computer…** lists what changes on each machine and which file keeps it at boot (checked against the same boot model, so a file that would lose to a later one is never proposed). Where the node's sudo asks for a password, type it here: it goes to that node's sudo on standard input only, and the app forgets it after the Apply. Under **For a larger fleet** the same change is ready as Ansible tasks and a cloud-init snippet, to copy or save.",
      shot: await shoot(page, 'make-alike'),
    });
    await panel.getByRole('button', { name: 'Apply to 1 machine' }).click();
    await page.locator('.outcomes').waitFor();
    await page.getByText('All machines that could be read agree').waitFor();
    steps.push({
      text: "Each machine reports its own outcome; one failing never hides another's success. The app reads every machine again, so the table is the proof: both now keep non-local bind, and the bind test on the node works.",
      shot: await shoot(page, 'outcome'),
    });
    await page.setViewportSize({ width: 800, height: 600 });
    await page.getByTestId('pair-table').scrollIntoViewIfNeeded();
    steps.push({
      text: 'At 800×600 the table keeps every column reachable: it scrolls sideways inside its own frame while the rest of the page stays in place.',
      shot: await shoot(page, 'small-window'),
    });
  } finally {
    await pair.close();
  }
  const body = [
    '# Both nodes of a pair',
    '',
    'A virtual IP moves between nodes, and every node that may take it needs non-local bind, now and after a reboot. This walkthrough was recorded by `npm run docs:pair` against a real OpenSSH server in its own namespaces.',
    '',
    ...steps.flatMap((s, i) => [
      `${i + 1}. ${s.text}`,
      '',
      `   ![Step ${i + 1}](screenshots/${s.shot})`,
      '',
    ]),
    '## When to hand over to Ansible',
    '',
    'The pair view is for the handful of nodes behind one virtual IP, reached with the SSH you already use. For a fleet, or for machines that do not exist yet, copy or save the Ansible tasks (`ansible.posix.sysctl`, same file, key, value and reload) or the cloud-init snippet from **For a larger fleet**: they leave exactly what the app leaves.',
    '',
  ].join('\n');
  const target = path.join(DOCS, 'pair-walkthrough.md');
  const options = (await resolveConfig(target)) ?? {};
  await writeFile(target, await format(body, { ...options, filepath: target }));
  console.log(`wrote ${target} and ${steps.length} screenshots`);
}

await main();
