import { SUDO_PROMPT_MESSAGES } from './elevation-errors';

/** What one `pkexec HELPER ARGS` run amounted to. */
export type PkexecOutcome =
  | { readonly kind: 'ran' }
  | {
      readonly kind: 'not-elevated';
      /** The matching sudo-prompt message, so both paths share one error mapping. */
      readonly message: (typeof SUDO_PROMPT_MESSAGES)[keyof typeof SUDO_PROMPT_MESSAGES];
    };

/** pkexec(1): 126 when the user dismissed the dialog, 127 when not authorized or on error. */
const PKEXEC_DISMISSED = 126;
const PKEXEC_NOT_AUTHORIZED = 127;

/**
 * Tells a refusal from the step's own exit code. The step never exits 126 or 127 and
 * writes a `nonlocal-bind:` line whenever it ran, so only those codes without such a
 * line mean polkit said no. pkexec runs with LC_ALL=C, so its "No authentication agent
 * found" is English (the same text sudo-prompt looks for).
 */
export function classifyPkexecExit(
  exitCode: number,
  stdout: string,
  stderr: string,
): PkexecOutcome {
  if (exitCode !== PKEXEC_DISMISSED && exitCode !== PKEXEC_NOT_AUTHORIZED) return { kind: 'ran' };
  if (/^nonlocal-bind: /m.test(stdout) || /^nonlocal-bind: /m.test(stderr)) return { kind: 'ran' };
  if (exitCode === PKEXEC_NOT_AUTHORIZED && /No authentication agent found/.test(stderr)) {
    return { kind: 'not-elevated', message: SUDO_PROMPT_MESSAGES.noPolkitAgent };
  }
  return { kind: 'not-elevated', message: SUDO_PROMPT_MESSAGES.permissionDenied };
}
