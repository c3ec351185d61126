import { t } from '@lingui/core/macro';
import type { ApiError, CommandBlock, DistroFamily } from '../../../electron/contract';

/**
 * A failed Apply as a short titled alert: a headline that fits one line, one or two
 * sentences, and the label of the commands folded away. Codes without a headline keep
 * their full words (error-words.ts) under the panel's own title.
 */
export interface ErrorHeadline {
  readonly headline: string;
  readonly body: string;
}

/** Names of programs, groups and paths, never translated: placeholders in the sentences. */
const polkit = 'polkit';
const pkexec = 'pkexec';
const procSys = '/proc/sys';
const sudo = 'sudo';
const wheel = 'wheel';

export function errorHeadline(error: ApiError): ErrorHeadline | null {
  switch (error.code) {
    case 'auth-refused':
      return {
        headline: t`Authentication was refused or cancelled`,
        body: t`Nothing was changed. Click Apply… to try again with your own password; your account must be allowed to administer this computer (on most systems: the ${sudo} or ${wheel} group).`,
      };
    case 'no-polkit-agent':
      return {
        headline: t`No ${polkit} authentication agent is running`,
        body: t`Nobody can ask for your password here (common over SSH). Nothing was changed. Start your desktop’s authentication agent and click Apply… again, or run the change by hand.`,
      };
    case 'no-pkexec':
      return {
        headline: t`${pkexec} is not installed`,
        body: t`Nothing was changed: the app needs it to ask for your password. Install it, then Apply… again.`,
      };
    case 'proc-read-only':
      return {
        headline: t`${procSys} is read-only here`,
        body: t`This is a container: its network settings are set where it is started. Nothing was changed.`,
      };
    case 'elevation-failed':
      return {
        headline: t`Asking for administrator rights failed`,
        body: t`Nothing was changed.`,
      };
    default:
      return null;
  }
}

/** The install command for the distribution the app runs on; the others are folded. */
export function splitForDistro(
  blocks: readonly CommandBlock[],
  distro: DistroFamily | null,
): {
  readonly mine: CommandBlock[];
  readonly others: CommandBlock[];
  readonly rest: CommandBlock[];
} {
  const installs = blocks.filter((b) => b.caption.kind === 'install-pkexec');
  const rest = blocks.filter((b) => b.caption.kind !== 'install-pkexec');
  const isMine = (b: CommandBlock) =>
    b.caption.kind === 'install-pkexec' && distro !== null && b.caption.distro === distro;
  return { mine: installs.filter(isMine), others: installs.filter((b) => !isMine(b)), rest };
}

/** What the folded commands do, as the summary that opens them. */
export function foldedCommandsLabel(error: ApiError): string {
  // Engine names: a list of names, the same in every language.
  const engines = 'Docker, Podman, Compose, Kubernetes, LXC';
  switch (error.code) {
    case 'auth-refused':
      return t`Commands an administrator can run instead`;
    case 'proc-read-only':
      return t`Where to set it: ${engines}`;
    default:
      return t`Run the change by hand instead`;
  }
}
