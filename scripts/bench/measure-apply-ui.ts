import { launchChromium } from '../../test/harness/chromium';
import { copyDistForOtherUsers, removeDir, startPreview } from '../../test/harness/preview';
import type { Sandbox } from '../../test/harness/sandbox';
import { POLKIT_ACTION_ID } from '../../electron/system/step-helper';
import { createBenchPolkitSandbox } from './bench-polkit-user';
import { timePkexecTrue } from './measure-step-cost';
import { median, round } from './stats';

/**
 * Page script: notes the time of the next click (the Apply button) and resolves
 * window.__nbVerified with the milliseconds until the success banner and the
 * read-back IPv4 value `want` are both on screen.
 */
function installTimer(want: 'On' | 'Off'): string {
  return `window.__nbVerified = new Promise((resolve) => {
    let clickedAt = null;
    document.addEventListener('click', () => { clickedAt = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const banner = document.querySelector('[data-testid="apply-success"]');
      const value = document.querySelector('[data-testid="value-ipv4"]')?.textContent;
      if (clickedAt !== null && banner && value === ${JSON.stringify(want)}) {
        observer.disconnect();
        resolve(performance.now() - clickedAt);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }); undefined`;
}

/** Runtime-only ("This session only") or persisting ("Now and at every boot", the default). */
export type ApplyKind = 'runtime' | 'persist';

/**
 * How the app elevates: sudo-prompt (development, an AppImage) or the packages' helper
 * under their named polkit action (installed in the sandbox, which the app then prefers).
 */
export type ApplyVia = 'sudo-prompt' | 'packaged-helper';

const FILE = '/etc/sysctl.d/90-nonlocal-bind.conf';

/** On at boot: the file sets 1. Off: it sets 0, or it is gone (the kernel's default is off). */
function persisted(sandbox: Sandbox, expected: 'On' | 'Off'): boolean {
  const file = sandbox.run('cat', [FILE], { allowFailure: true });
  if (expected === 'On') return file.stdout.includes('net.ipv4.ip_nonlocal_bind = 1\n');
  return file.status !== 0 || file.stdout.includes('net.ipv4.ip_nonlocal_bind = 0\n');
}

/**
 * Apply from the click to the verified state, as a user sees it: the preview runs as a
 * non-root user inside `unshare --net --mount`, Chromium clicks Apply, and the backend
 * goes through sudo-prompt -> pkexec -> polkitd (granting) -> the privileged step -> read back.
 * Timed inside the page, from the Apply click event to the moment the success banner and
 * the read-back value are both on screen, so Playwright's own latency is not counted.
 * A persisting Apply also writes the default file (the first run makes it, later ones change
 * it), which the run checks holds the value.
 *
 * After each Apply the same user runs one `pkexec /bin/true` in the same sandbox and polkit
 * setup, so the ratio compares times taken under the same load, run by run.
 */
export async function measureApplyFromClick(
  runs: number,
  kind: ApplyKind = 'runtime',
  via: ApplyVia = 'sudo-prompt',
) {
  const bench = await createBenchPolkitSandbox({ packagedHelper: via === 'packaged-helper' });
  const { sandbox } = bench;
  const dist = await copyDistForOtherUsers();
  const preview = await startPreview({
    sandbox,
    distDir: dist,
    user: { uid: bench.uid, gid: bench.uid },
  });
  const browser = await launchChromium({ netnsPid: sandbox.pid });
  try {
    const page = await browser.newPage();
    await page.goto(preview.url);
    const times: number[] = [];
    const pkexecTimes: number[] = [];
    const helperBefore = bench.countAuthorizations(POLKIT_ACTION_ID);
    for (let i = 0; i < runs; i += 1) {
      const expected: 'On' | 'Off' = i % 2 === 0 ? 'On' : 'Off';
      await page.getByRole('switch', { name: /IPv4/ }).click();
      await page.getByTestId('pending-ipv4').waitFor();
      // The default keeps the value at every boot, which also writes a file.
      if (kind === 'runtime') await page.getByRole('radio', { name: /This session only/ }).check();
      // A string, not a function: tsx's name helpers do not exist inside the page.
      await page.evaluate(installTimer(expected));
      await page.getByRole('button', { name: 'Apply' }).click();
      const ms = await page.evaluate<number | undefined>('window.__nbVerified');
      if (ms === undefined) throw new Error('the page lost its timer');
      const kernel = sandbox.readText('/proc/sys/net/ipv4/ip_nonlocal_bind');
      if (kernel !== (expected === 'On' ? '1\n' : '0\n')) {
        throw new Error(`the UI said ${expected} but the kernel holds ${kernel.trim()}`);
      }
      if (kind === 'persist' && !persisted(sandbox, expected)) {
        throw new Error(`the UI said ${expected} at every boot but ${FILE} does not say so`);
      }
      times.push(ms);
      pkexecTimes.push(timePkexecTrue(sandbox));
    }
    // polkitd logs asynchronously to its answer.
    await new Promise((r) => setTimeout(r, 100));
    const viaHelper = bench.countAuthorizations(POLKIT_ACTION_ID) - helperBefore;
    if (viaHelper !== (via === 'packaged-helper' ? runs : 0)) {
      throw new Error(`${viaHelper} of ${runs} Applies went through ${POLKIT_ACTION_ID}`);
    }
    const pkexecTrueMs = round(median(pkexecTimes), 1);
    return {
      kind,
      via,
      runs,
      medianMs: round(median(times), 1),
      minMs: round(Math.min(...times), 1),
      maxMs: round(Math.max(...times), 1),
      pkexecTrueMs,
      ratio: round(median(times) / median(pkexecTimes), 2),
      // Each Apply over the pkexec run right after it: steadier than the medians' ratio when
      // other work on the machine comes and goes during the run.
      pairedRatio: round(median(times.map((t, i) => t / (pkexecTimes[i] ?? NaN))), 2),
    };
  } finally {
    await browser.close();
    await preview.stop();
    await removeDir(dist);
    await bench.dispose();
  }
}
