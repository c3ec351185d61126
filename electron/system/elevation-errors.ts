import type { ApiError } from '../contract';
import { STEP_EXIT } from './privileged-script';
import type { RecoveryReport } from './step-recovery';

/** The exact messages @vscode/sudo-prompt reports for elevation failures (it is not localised). */
export const SUDO_PROMPT_MESSAGES = {
  permissionDenied: 'User did not grant permission.',
  noPolkitAgent: 'No polkit authentication agent found.',
  noPkexec: 'Unable to find pkexec or kdesudo.',
} as const;

/** Terminal commands equivalent to a step, shown when no graphical agent can ask for the password. */
export type ManualCommands = readonly string[];

/** Maps a failure to elevate (the step never ran) to what the user sees. */
export function mapElevationFailure(
  message: string,
  stderr: string,
  manual: ManualCommands,
): ApiError {
  if (message === SUDO_PROMPT_MESSAGES.permissionDenied) {
    return {
      code: 'auth-refused',
      message: 'Authentication was refused or cancelled, so nothing was changed.',
      details: stderr || undefined,
    };
  }
  if (message === SUDO_PROMPT_MESSAGES.noPolkitAgent) {
    return {
      code: 'no-polkit-agent',
      message:
        'No polkit authentication agent is running, so there is nobody to ask for your password (common over SSH or in a bare window manager). Nothing was changed. Run these commands in a terminal instead:',
      details: manual.join('\n'),
    };
  }
  if (message === SUDO_PROMPT_MESSAGES.noPkexec) {
    return {
      code: 'no-pkexec',
      message:
        'pkexec is not installed, so the app cannot ask for administrator rights. Install it: on Debian 12 and Ubuntu the package "pkexec" (older releases: "policykit-1"); on Fedora, RHEL and openSUSE the package "polkit".',
    };
  }
  return {
    code: 'elevation-failed',
    message: 'Asking for administrator rights failed; nothing was changed.',
    details: [message, stderr].filter(Boolean).join('\n'),
  };
}

/** Maps the privileged step's exit code to what the user sees. */
export function mapStepExit(exitCode: number, stderr: string): ApiError | null {
  const details = stderr.trim() || undefined;
  switch (exitCode) {
    case STEP_EXIT.ok:
      return null;
    case STEP_EXIT.fileChanged:
      return {
        code: 'file-changed',
        message:
          'Someone else edited the file after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.',
        details,
      };
    case STEP_EXIT.notRegularFile:
      return {
        code: 'target-not-regular',
        message:
          'The target is a symbolic link or not a regular file, so the app will not replace it. Choose another file name.',
        details,
      };
    case STEP_EXIT.procReadOnly:
      return {
        code: 'proc-read-only',
        message:
          '/proc/sys is read-only here: this looks like a container whose network namespace settings are controlled from the host (for example with docker run --sysctl). Nothing was changed.',
        details,
      };
    case STEP_EXIT.verifyFailed:
      return {
        code: 'verify-failed',
        message:
          'The new values did not read back as written, so everything was restored to how it was.',
        details,
      };
    case STEP_EXIT.rollbackFailed:
      return {
        code: 'rollback-failed',
        message:
          'Applying failed and restoring the previous state also failed. Check the values and the file shown below.',
        details,
      };
    case STEP_EXIT.lockTimeout:
      return {
        code: 'apply-busy',
        message:
          'Another Apply on this computer held the lock for 5 minutes, so this one gave up waiting. Nothing was changed; try again when the other one has finished.',
        details,
      };
    default:
      return {
        code: 'step-failed',
        message: 'Applying the change failed, and the previous state was restored.',
        details: details ?? `exit code ${exitCode}`,
      };
  }
}

/**
 * Words for what a step found and did about a killed earlier Apply (its recovery line),
 * naming the resulting state as read back; null when there was nothing to recover.
 */
export function describeRecovery(report: RecoveryReport): string | null {
  if (report.outcome === 'none') return null;
  const value = (v: string) => (v === '1' ? 'on' : v === '0' ? 'off' : 'unavailable');
  const state = `IPv4 is ${value(report.ipv4)} and IPv6 is ${value(report.ipv6)}`;
  if (report.file === null) {
    return report.outcome === 'completed'
      ? `An earlier Apply of runtime values had been interrupted; it was completed first: ${state}.`
      : `An earlier Apply of runtime values had been interrupted; it was rolled back first: ${state} as before it.`;
  }
  return report.outcome === 'completed'
    ? `An earlier Apply had been interrupted after ${report.file} was written; it was completed first: ${state}, and ${report.file} holds its new content.`
    : `An earlier Apply had been interrupted before ${report.file} was replaced; it was rolled back first: ${state} as before it, and ${report.file} is unchanged.`;
}
