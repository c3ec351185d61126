import { startPrivatePolkit } from '../../test/harness/private-polkit';
import { addSandboxUsers, sandboxUid } from '../../test/harness/polkit-sandbox';
import { createSandbox, type Sandbox } from '../../test/harness/sandbox';

/**
 * A sandbox with a polkitd of its own (a PID namespace, its own system bus) and a bench
 * user that exists in the sandbox's /etc only, whose every authorization check polkitd
 * logs under a marker. Counting those lines gives the authentications per Apply; the
 * host's polkit state and users are never touched.
 */
export const BENCH_USER = 'nbbench-yes';
const MARKER = 'nonlocal-bind-bench-authorization';

const RULES = `polkit.addRule(function (action, subject) {
  if (subject.user !== "${BENCH_USER}") return polkit.Result.NOT_HANDLED;
  if (action.id !== "org.freedesktop.policykit.exec") return polkit.Result.NOT_HANDLED;
  polkit.log("${MARKER} " + action.id);
  return polkit.Result.YES;
});
`;

export interface BenchPolkitSandbox {
  readonly sandbox: Sandbox;
  /** BENCH_USER's uid inside the sandbox. */
  readonly uid: number;
  /** Authorization checks of the bench user so far, read from the private polkitd's log. */
  countAuthorizations(): number;
  dispose(): Promise<void>;
}

/** Creates the sandbox, its bench user and its polkitd; dispose() ends all of them. */
export async function createBenchPolkitSandbox(): Promise<BenchPolkitSandbox> {
  const sandbox = await createSandbox({ pidNamespace: true });
  try {
    addSandboxUsers(sandbox, [BENCH_USER]);
    const polkit = await startPrivatePolkit(sandbox, [], RULES);
    return {
      sandbox,
      uid: sandboxUid(sandbox, BENCH_USER),
      countAuthorizations: () =>
        polkit
          .readLog()
          .split('\n')
          .filter((line) => line.includes(MARKER)).length,
      dispose: () => sandbox.dispose(),
    };
  } catch (error) {
    await sandbox.dispose();
    throw error;
  }
}
