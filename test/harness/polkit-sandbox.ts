import { startPrivatePolkit, type PrivatePolkit } from './private-polkit';
import { createSandbox, type Sandbox } from './sandbox';

/**
 * The real elevation chain for tests that run as a non-root user: a sandbox with its own
 * PID namespace, its own system D-Bus and polkitd (test/harness/private-polkit.ts), and
 * three users that exist in the sandbox's /etc overlay only. One rules file answers per
 * user. Nothing of the host's polkit state or user database is read or written.
 */
export const POLKIT_USERS = {
  granted: 'nbtest-yes',
  refused: 'nbtest-no',
  needsAgent: 'nbtest-agent',
} as const;

/** The marker polkit.log() writes per authorization check, for counting them. */
export const AUTHORIZATION_MARKER = 'nonlocal-bind-authorization';

const PER_USER_RULES = `polkit.addRule(function (action, subject) {
  if (action.id !== "org.freedesktop.policykit.exec") return polkit.Result.NOT_HANDLED;
  polkit.log("${AUTHORIZATION_MARKER} " + subject.user);
  if (subject.user === "${POLKIT_USERS.granted}") return polkit.Result.YES;
  if (subject.user === "${POLKIT_USERS.refused}") return polkit.Result.NO;
  if (subject.user === "${POLKIT_USERS.needsAgent}") return polkit.Result.AUTH_ADMIN;
  return polkit.Result.NOT_HANDLED;
});
`;

/**
 * Adds system users (no home, no password) to the sandbox's /etc overlay only; a user the
 * overlay's lower layer already has is kept as it is.
 * --no-log-init: lastlog and faillog live under the host's /var/log, which stays as it is.
 */
export function addSandboxUsers(sandbox: Sandbox, users: readonly string[]): void {
  for (const user of users) {
    if (sandbox.run('id', ['-u', user], { allowFailure: true }).status === 0) continue;
    sandbox.run('useradd', [
      ...['--system', '--no-log-init', '--no-create-home', '--shell', '/bin/sh'],
      user,
    ]);
  }
}

/** The uid `user` has inside the sandbox (it exists nowhere else). */
export function sandboxUid(sandbox: Sandbox, user: string): number {
  return Number(sandbox.run('id', ['-u', user]).stdout.trim());
}

export interface PolkitSandbox {
  readonly sandbox: Sandbox;
  readonly polkit: PrivatePolkit;
  dispose(): Promise<void>;
}

/** A sandbox whose polkitd grants, refuses or asks an agent, per POLKIT_USERS. */
export async function createPolkitSandbox(): Promise<PolkitSandbox> {
  const sandbox = await createSandbox({ pidNamespace: true });
  try {
    addSandboxUsers(sandbox, Object.values(POLKIT_USERS));
    const polkit = await startPrivatePolkit(sandbox, [], PER_USER_RULES);
    return { sandbox, polkit, dispose: () => sandbox.dispose() };
  } catch (error) {
    await sandbox.dispose();
    throw error;
  }
}
