/**
 * What a node's sudo says when it will not run the step, before it ran anything. The texts
 * matched are sudo's and PAM's own (sudo 1.9 plugins/sudoers, pam_faillock), in the C
 * locale, which ssh's LC_ALL=C asks for.
 */
export type SudoRefusal = 'no-sudo' | 'requiretty' | 'account-locked' | 'not-installed';

export function sudoRefusal(stderr: string): SudoRefusal | null {
  if (/is not in the sudoers file|may not run sudo|not allowed to execute/.test(stderr))
    return 'no-sudo';
  if (/you must have a tty to run sudo/.test(stderr)) return 'requiretty';
  if (/account is locked|account locked due to/i.test(stderr)) return 'account-locked';
  if (/sudo: command not found|sudo: not found/.test(stderr)) return 'not-installed';
  return null;
}
