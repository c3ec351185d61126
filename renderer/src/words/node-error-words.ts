import type { NodeFailureData } from '../../../electron/contract';

/*
 * A node's failure in words: ssh, the read script's answer, sudo and the step there. Each
 * sentence starts with the node's name (lists that show the name beside it strip it) and
 * ends with what to do next.
 */

/** The failure's words after "NODE: ". */
function after(data: NodeFailureData): string {
  const { detail = '', user, limit = 0, stage } = data;
  const who = user ?? 'USER';
  switch (data.code) {
    case 'dns':
      return 'the host name does not resolve (DNS). Check the name, or add a HostName for it in ~/.ssh/config.';
    case 'host-key-changed':
      return 'the node\'s host key has CHANGED since you accepted it. This can mean someone is intercepting the connection, or the node was reinstalled. Nothing was sent. If you know why the key changed, remove the old key with "ssh-keygen -R" and add the node again.';
    case 'host-key-unknown':
      return "the node's host key is not known yet. Check its fingerprint and accept it first.";
    case 'auth':
      return 'authentication failed. Load your key into ssh-agent (ssh-add) or set User/IdentityFile in ~/.ssh/config; the app does not ask for SSH passwords.';
    case 'unreachable':
      return `the node cannot be reached (${detail}). Check that it is up and that sshd listens.`;
    case 'dropped':
      return stage === 'apply'
        ? `the connection dropped ${detail}. The step on the node either finished or rolled itself back; read the node again before retrying, to see which.`
        : `the connection dropped (${detail}).`;
    case 'other':
      if (stage === 'host-key')
        return `the host key's fingerprint could not be listed (ssh-keygen -l: ${detail || 'no output'}).`;
      return stage === 'probe'
        ? `sudo -n failed: ${detail}`
        : `ssh failed: ${detail || 'no message'}`;
    case 'timeout':
      return stage === 'host-key'
        ? `the node did not show its host key within ${limit} s.`
        : `no complete answer within ${limit} s. Nothing was changed on the node.`;
    case 'too-large':
      if (stage === 'view')
        return `not shown: what the app made of its answer takes ${data.size ?? 0} MiB, more than the ${limit} MiB one machine may take in the view.`;
      if (stage === 'view-total')
        return `not shown: with the other machines the view would pass ${limit} MiB.`;
      return `the node's answer passed ${limit} MiB and was cut off. Nothing was changed on the node.`;
    case 'not-linux':
      return `The node runs ${detail || 'an unknown system'}, not Linux: it has none of these settings to manage.`;
    case 'no-sysctl':
      return 'the node has no sysctl command, so neither engine can apply files at boot there. Install procps (Debian/Ubuntu: apt install procps).';
    case 'no-base64':
      return 'The node has no base64 command (GNU coreutils or BusyBox), which the read script needs. Install coreutils on the node.';
    case 'malformed':
      if (stage === 'bind-test') return 'the bind test gave an answer the app does not understand.';
      return `The node's answer to the read script is not in the expected format (${detail}). Nothing was changed on the node.`;
    case 'no-sudo':
      return 'this user has no sudo rights on the node. Nothing was changed. Ask its administrator, or connect as a user who may run sudo.';
    case 'requiretty':
      return `sudo on the node only runs from a terminal ("Defaults requiretty" in its sudoers), so nothing ran there. To let the app apply over ssh, add the line "Defaults:${who} !requiretty" with visudo on the node.`;
    case 'account-locked':
      return `the node has locked this account after failed password attempts (pam_faillock), so sudo refused before asking. Nothing was changed. Wait for the lock to expire, or have an administrator run "faillock --user ${who} --reset" there.`;
    case 'not-installed':
      return 'sudo is not installed on the node (apt install sudo).';
    case 'wrong-password':
      return 'sudo did not accept the password. Nothing was changed on the node, and it counted as one failed attempt there; type it again.';
    case 'password-needed':
      return "the node's sudo asks for a password now, and none was given. Nothing was changed; plan again and type it.";
    case 'no-askpass':
      return 'the app found no directory on the node where it may run the small helper that hands sudo the password (the runtime directory, home and /tmp are missing, read-only or noexec). Nothing was changed.';
    case 'node-busy':
      return `waiting for another Apply on the node: it held the step's lock for ${limit} minutes, so this Apply gave up there without changing anything. Apply again once the other one has finished.`;
    case 'unsafe-argument':
      return 'refused an argument or password that cannot be passed safely.';
    case 'step-failed':
      return `the step failed and rolled back (exit ${data.exit ?? '?'}): ${detail}`;
    default:
      return unworded(data.code);
  }
}

/** A node's failure in words, starting with the node's name. */
export function nodeErrorWords(data: NodeFailureData): string {
  // The pair view's id of this computer, which the bind test reports under.
  const name = data.node === 'local' ? 'this computer' : data.node;
  return `${name}: ${after(data)}`;
}

function unworded(code: never): never {
  throw new Error(`no words for node failure ${String(code)}`);
}
