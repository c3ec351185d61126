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

/** The refusal in words: what it means and what to change on the node. */
export function describeRefusal(node: string, user: string | null, refusal: SudoRefusal): string {
  const who = user ?? 'USER';
  switch (refusal) {
    case 'no-sudo':
      return `${node}: this user has no sudo rights on the node. Nothing was changed. Ask its administrator, or connect as a user who may run sudo.`;
    case 'requiretty':
      return `${node}: sudo on the node only runs from a terminal ("Defaults requiretty" in its sudoers), so nothing ran there. To let the app apply over ssh, add the line "Defaults:${who} !requiretty" with visudo on the node.`;
    case 'account-locked':
      return `${node}: the node has locked this account after failed password attempts (pam_faillock), so sudo refused before asking. Nothing was changed. Wait for the lock to expire, or have an administrator run "faillock --user ${who} --reset" there.`;
    case 'not-installed':
      return `${node}: sudo is not installed on the node (apt install sudo).`;
  }
}
