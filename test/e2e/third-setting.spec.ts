import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AppState, Envelope } from '../../electron/contract';
import { bundleForChild } from '../harness/bundle';
import { launchChromium } from '../harness/chromium';
import { DIST_DIR, removeDir, startPreview } from '../harness/preview';
import { expect, test } from '../support/fixtures';
import { FORWARD } from '../support/third-setting';

/*
 * Issue 21's proof that a setting is one catalogue entry. The test's catalogue adds
 * net.ipv4.ip_forward (test/support/third-setting.ts); no source file names it. In a fresh
 * network namespace it goes through the app's one backend (createBackend with that
 * catalogue) and the built renderer: read, boot model, plan, the real step as root,
 * read-back, and its row on the page.
 */

const VENDOR = '/usr/lib/sysctl.d/50-router.conf';
const OURS = '/etc/sysctl.d/90-nonlocal-bind.conf';

/** The preview's server with the test's catalogue, laid out as startPreview expects it. */
async function catalogueServer(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nb-third-setting-'));
  await mkdir(path.join(dir, 'preview'));
  await copyFile(
    await bundleForChild('test/support/third-setting-serve.ts'),
    path.join(dir, 'preview', 'serve.js'),
  );
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** The state as the page's own API gives it (the same token, the same channel). */
async function stateOf(page: Page, token: string): Promise<AppState> {
  const envelope = await page.evaluate(async (t) => {
    const response = await fetch('/api/state:get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nonlocal-bind-token': t },
      body: JSON.stringify({ payload: null }),
    });
    return (await response.json()) as Envelope<AppState>;
  }, token);
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.value;
}

test('a third setting (net.ipv4.ip_forward) goes read → boot model → plan → real step → read-back → rendered row', async ({
  sandbox,
  teardown,
}) => {
  // Off now, and off at boot by a vendor file's line: the boot model must see that line.
  sandbox.run('sh', ['-c', `echo 0 > ${FORWARD.procPath}`]);
  sandbox.writeText(VENDOR, `${FORWARD.key} = 0\n`);
  const dir = await catalogueServer();
  teardown(() => removeDir(dir));
  const preview = await startPreview({
    sandbox,
    distDir: dir,
    args: [path.join(DIST_DIR, 'renderer')],
  });
  teardown(() => preview.stop());
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  teardown(() => browser.close());
  const page = await browser.newPage();
  await page.goto(preview.url);

  // Read and boot model: a row of its own, off now; both engines take the vendor's line.
  const row = page.getByRole('switch', { name: FORWARD.key });
  await expect(row).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId(`value-${FORWARD.id}`)).toHaveText('Off');
  const before = await stateOf(page, preview.token);
  expect(before.settings.map((s) => s.id)).toEqual(['ipv4', 'ipv6', FORWARD.id]);
  const boot = before.boot.settings.find((b) => b.id === FORWARD.id);
  expect(boot?.systemd.winner).toEqual({ path: VENDOR, line: 1 });
  expect(boot?.procps.winner).toEqual({ path: VENDOR, line: 1 });
  expect(boot?.bootValue).toBe(0);

  // Plan: on now and at every boot, in the app's own file.
  await row.click();
  await expect(page.getByTestId(`value-${FORWARD.id}`)).toHaveText('Off → On (pending)');
  await expect(page.getByRole('radio', { name: /Now and at every boot/ })).toBeChecked();
  await expect(page.getByTestId('file-action')).toHaveText(`File: ${OURS} (a new file)`);

  // The real step, as root, generated from the same catalogue; then the read-back.
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('apply-success')).toBeVisible();
  await expect(row).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId(`value-${FORWARD.id}`)).toHaveText('On');
  expect(sandbox.readText(FORWARD.procPath)).toBe('1\n');
  expect(sandbox.readText(OURS)).toContain(`${FORWARD.key} = 1\n`);
  const after = await stateOf(page, preview.token);
  expect(after.settings.find((s) => s.id === FORWARD.id)?.effective).toBe(1);
  const bootAfter = after.boot.settings.find((b) => b.id === FORWARD.id);
  expect(bootAfter?.systemd.winner?.path).toBe(OURS);
  expect(bootAfter?.procps.winner?.path).toBe(OURS);
  expect(bootAfter?.bootValue).toBe(1);
  // The persistence list sees its line too: the next change of it goes to the same file.
  expect(after.persistence.decidingFiles).toEqual({ [FORWARD.id]: path.basename(OURS) });
  // The other settings were left alone.
  expect(after.settings.filter((s) => s.id !== FORWARD.id).map((s) => s.effective)).toEqual([0, 0]);

  // The prediction holds for the real engine: sysctl --system applies both files again, and
  // ours, later by name, wins over the vendor's 0.
  sandbox.run('sh', ['-c', `echo 0 > ${FORWARD.procPath} && sysctl --system >/dev/null`]);
  expect(sandbox.readText(FORWARD.procPath)).toBe('1\n');
});
