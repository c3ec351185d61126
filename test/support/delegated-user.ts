import { startPrivatePolkit } from '../harness/private-polkit';
import { asUserArgv, createSandbox, type Sandbox } from '../harness/sandbox';
import { POLKIT_ACTION_ID } from '../../electron/system/step-helper';
import { packagedFiles } from './packaged-polkit';

/** The group docs/polkit-action.md's rule delegates the named action to. */
export const DELEGATE_GROUP = 'nbadmins';

export interface DelegatedUserSandbox {
  readonly sandbox: Sandbox;
  /**
   * Runs a command as the delegated user, with a clean environment, from /. A shell stays
   * its parent: pkexec asks polkit about its parent process, which must be inside the
   * sandbox's PID namespace (nsenter, outside it, has no start time there).
   */
  asUser(args: readonly string[], timeoutMs?: number): ReturnType<Sandbox['run']>;
}

/**
 * The real chain a delegated user calls the packaged helper through: the packaged helper and
 * policy, a polkitd of the sandbox's own, a rule like docs/polkit-action.md's (the group may
 * run the action, this user nothing else), and a member of the group for real pkexec.
 */
export async function createDelegatedUserSandbox(user: string): Promise<DelegatedUserSandbox> {
  const rules = `polkit.addRule(function (action, subject) {
  if (action.id === "${POLKIT_ACTION_ID}" && subject.isInGroup("${DELEGATE_GROUP}")) return polkit.Result.YES;
  if (subject.user === "${user}") return polkit.Result.NO;
  return polkit.Result.NOT_HANDLED;
});
`;
  const sandbox = await createSandbox({ pidNamespace: true });
  await startPrivatePolkit(sandbox, packagedFiles(), rules);
  sandbox.run('groupadd', ['--system', DELEGATE_GROUP]);
  sandbox.run('useradd', [
    '--no-log-init',
    '--no-create-home',
    '--shell',
    '/bin/sh',
    '-G',
    DELEGATE_GROUP,
    user,
  ]);
  const [command, ...prefix] = asUserArgv(user);
  return {
    sandbox,
    asUser: (args, timeoutMs = 30_000) =>
      sandbox.run(command as string, [...prefix, 'sh', '-c', '"$@"; exit $?', 'sh', ...args], {
        allowFailure: true,
        timeoutMs,
        cwd: '/',
      }),
  };
}
