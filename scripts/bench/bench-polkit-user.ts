import { readFileSync } from 'node:fs';
import { POLKIT_ACTION_ID } from '../../electron/system/step-helper';
import { startPrivatePolkit, type InstalledFile } from '../../test/harness/private-polkit';
import { addSandboxUsers, sandboxUid } from '../../test/harness/polkit-sandbox';
import { createSandbox, type Sandbox } from '../../test/harness/sandbox';
import { polkitPackageFiles, vendorOf } from '../packaging/polkit-files';

/**
 * A sandbox with a polkitd of its own (a PID namespace, its own system bus) and a bench
 * user that exists in the sandbox's /etc only, whose every authorization check polkitd
 * logs under a marker. Counting those lines gives the authentications per Apply; the
 * host's polkit state and users are never touched.
 */
export const BENCH_USER = 'nbbench-yes';
const MARKER = 'nonlocal-bind-bench-authorization';

/** pkexec's generic action (sudo-prompt, `pkexec /bin/true`) and the packages' named one. */
const RULES = `polkit.addRule(function (action, subject) {
  if (subject.user !== "${BENCH_USER}") return polkit.Result.NOT_HANDLED;
  if (action.id !== "org.freedesktop.policykit.exec" && action.id !== "${POLKIT_ACTION_ID}") {
    return polkit.Result.NOT_HANDLED;
  }
  polkit.log("${MARKER} " + action.id);
  return polkit.Result.YES;
});
`;

export interface BenchPolkitSandbox {
  readonly sandbox: Sandbox;
  /** BENCH_USER's uid inside the sandbox. */
  readonly uid: number;
  /**
   * Authorization checks of the bench user so far, read from the private polkitd's log;
   * of one action only when `actionId` is given.
   */
  countAuthorizations(actionId?: string): number;
  dispose(): Promise<void>;
}

/** The deb's and rpm's helper and policy, as the packages install them. */
export function packagedHelperFiles(): InstalledFile[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0];
  return polkitPackageFiles(vendorOf(pkg)).map((f) => ({
    path: f.installPath,
    mode: f.mode,
    content: Buffer.from(f.content),
  }));
}

/**
 * Creates the sandbox, its bench user and its polkitd; dispose() ends all of them.
 * `packagedHelper`: the packages' helper and policy are installed too, so the app elevates
 * through the named action instead of sudo-prompt (it checks for the helper every Apply).
 */
export async function createBenchPolkitSandbox(
  options: { readonly packagedHelper?: boolean } = {},
): Promise<BenchPolkitSandbox> {
  const sandbox = await createSandbox({ pidNamespace: true });
  try {
    addSandboxUsers(sandbox, [BENCH_USER]);
    const files = options.packagedHelper ? packagedHelperFiles() : [];
    const polkit = await startPrivatePolkit(sandbox, files, RULES);
    return {
      sandbox,
      uid: sandboxUid(sandbox, BENCH_USER),
      countAuthorizations: (actionId) =>
        polkit
          .readLog()
          .split('\n')
          .filter((line) => line.includes(MARKER))
          .filter((line) => actionId === undefined || line.includes(`${MARKER} ${actionId}`))
          .length,
      dispose: () => sandbox.dispose(),
    };
  } catch (error) {
    await sandbox.dispose();
    throw error;
  }
}
