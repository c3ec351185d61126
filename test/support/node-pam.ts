import type { SshNode } from '../harness/ssh-node';

/**
 * PAM and sudoers of a test node, as hardened sites set them. Everything is written in
 * the node's /etc overlay and its scratch tmpfs; never the host's /etc/pam.d or /run.
 */

/**
 * The longest one failed sudo authentication sleeps on a node: pam_unix asks for a 2 s fail
 * delay, and libpam sleeps that base times (1 + mean of three uniform draws − 0.5), so at
 * most 1.5 × 2 s (libpam/pam_delay.c).
 */
export const PAM_UNIX_FAIL_DELAY_MAX_MS = 1.5 * 2000;

/** The PAM auth stack of real-system-testing.md §11, in its order. */
const FAILLOCK_AUTH = [
  'auth requisite pam_faillock.so preauth',
  'auth [success=1 default=ignore] pam_unix.so nullok',
  'auth [default=die] pam_faillock.so authfail',
  'auth sufficient pam_faillock.so authsucc',
  'auth requisite pam_deny.so',
  'auth required pam_permit.so',
  '',
].join('\n');

/** Where the node keeps its pam_faillock tally: its own tmpfs. */
function tallyOf(node: SshNode): string {
  return `${node.sandbox.scratch}/faillock`;
}

/** pam_faillock as RHEL and CIS sites use it: an account locks after `deny` failures. */
export function useFaillock(node: SshNode, deny: number): void {
  const sandbox = node.sandbox;
  const tally = tallyOf(node);
  sandbox.run('mkdir', ['-p', '-m', '0755', tally]);
  sandbox.writeText(
    '/etc/security/faillock.conf',
    `dir = ${tally}\ndeny = ${deny}\nunlock_time = 600\n`,
  );
  sandbox.writeText('/etc/pam.d/common-auth', FAILLOCK_AUTH);
  const account = sandbox.readText('/etc/pam.d/common-account');
  sandbox.writeText('/etc/pam.d/common-account', `${account}account required pam_faillock.so\n`);
}

/** The failures pam_faillock holds for a user on the node (`faillock --user`). */
export function faillockFailures(node: SshNode, user: string): number {
  // faillock(8) of PAM 1.5.2 does not read faillock.conf: name the tally's directory.
  const out = node.sandbox.run('faillock', ['--dir', tallyOf(node), '--user', user]).stdout;
  // A header line per user, then one line per failure that still counts ("V"alid).
  return out.split('\n').filter((l) => /^\d{4}-\d\d-\d\d \S+ +\S+ +\S+ +V$/.test(l.trim())).length;
}

/** Adds a sudoers drop-in on the node, checked with visudo. */
export function addSudoers(node: SshNode, name: string, text: string): void {
  const file = `/etc/sudoers.d/${name}`;
  node.sandbox.writeText(file, text);
  node.sandbox.run('chmod', ['0440', file]);
  node.sandbox.run('visudo', ['-c', '-f', file]);
}
