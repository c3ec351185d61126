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

export function errorHeadline(error: ApiError): ErrorHeadline | null {
  switch (error.code) {
    case 'auth-refused':
      return {
        headline: 'Authentication was refused or cancelled',
        body: 'Nothing was changed. Click Apply… to try again with your own password; your account must be allowed to administer this computer (on most systems: the sudo or wheel group).',
      };
    case 'no-polkit-agent':
      return {
        headline: 'No polkit authentication agent is running',
        body: 'Nobody can ask for your password here (common over SSH). Nothing was changed. Start your desktop’s authentication agent and click Apply… again, or run the change by hand.',
      };
    case 'no-pkexec':
      return {
        headline: 'pkexec is not installed',
        body: 'Nothing was changed: the app needs it to ask for your password. Install it, then Apply… again.',
      };
    case 'proc-read-only':
      return {
        headline: '/proc/sys is read-only here',
        body: 'This is a container: its network settings are set where it is started. Nothing was changed.',
      };
    case 'elevation-failed':
      return { headline: 'Asking for administrator rights failed', body: 'Nothing was changed.' };
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
  switch (error.code) {
    case 'auth-refused':
      return 'Commands an administrator can run instead';
    case 'proc-read-only':
      return 'Where to set it: Docker, Podman, Compose, Kubernetes, LXC';
    default:
      return 'Run the change by hand instead';
  }
}
