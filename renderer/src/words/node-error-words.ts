import { plural, t } from '@lingui/core/macro';
import type { NodeFailureData } from '../../../electron/contract';
import { nameAndFailure } from '../components/nodes/node-words';
import { formatNumber } from '../i18n/format';
import { unworded } from './unworded';

/*
 * A node's failure in words: ssh, the read script's answer, sudo and the step there. Each
 * sentence starts with the node's name (lists that show the name beside it strip it) and
 * ends with what to do next.
 */

/** Programs, commands, paths and configuration words, never translated: placeholders. */
const ssh = 'ssh';
const sudo = 'sudo';
const sshConfig = '~/.ssh/config';
const hostName = 'HostName';
const sshKeygenRemove = '"ssh-keygen -R"';
const sshKeygenList = 'ssh-keygen -l';
const sshAgent = 'ssh-agent';
const sshAdd = 'ssh-add';
const userIdentityFile = 'User/IdentityFile';
const sudoN = 'sudo -n';
const procps = 'procps';
const aptProcps = 'apt install procps';
const aptSudo = 'apt install sudo';
const sysctl = 'sysctl';
const base64 = 'base64';
const coreutils = 'coreutils';
const base64Providers = { gnu: 'GNU coreutils', busybox: 'BusyBox' } as const;
const requiretty = '"Defaults requiretty"';
const visudo = 'visudo';
const pamFaillock = 'pam_faillock';
const tmp = '/tmp';

/** The failure's words after "NODE: ". */
function after(data: NodeFailureData): string {
  const { detail = '', user, limit = 0, stage } = data;
  const who = user ?? 'USER';
  switch (data.code) {
    case 'dns':
      return t`the host name does not resolve (DNS). Check the name, or add a ${hostName} for it in ${sshConfig}.`;
    case 'host-key-changed':
      return t`the node's host key has CHANGED since you accepted it. This can mean someone is intercepting the connection, or the node was reinstalled. Nothing was sent. If you know why the key changed, remove the old key with ${sshKeygenRemove} and add the node again.`;
    case 'host-key-unknown':
      return t`the node's host key is not known yet. Check its fingerprint and accept it first.`;
    case 'auth':
      return t`authentication failed. Load your key into ${sshAgent} (${sshAdd}) or set ${userIdentityFile} in ${sshConfig}; the app does not ask for SSH passwords.`;
    case 'unreachable':
      return t`the node cannot be reached (${detail}). Check that it is up and that sshd listens.`;
    case 'dropped':
      return stage === 'apply'
        ? t`the connection dropped ${detail}. The step on the node either finished or rolled itself back; read the node again before retrying, to see which.`
        : t`the connection dropped (${detail}).`;
    case 'other': {
      if (stage === 'host-key') {
        const output = detail || t({ message: 'no output', comment: 'a command printed nothing' });
        return t`the host key's fingerprint could not be listed (${sshKeygenList}: ${output}).`;
      }
      if (stage === 'probe') return t`${sudoN} failed: ${detail}`;
      const message = detail || t({ message: 'no message', comment: 'a command said nothing' });
      return t`${ssh} failed: ${message}`;
    }
    case 'timeout': {
      const seconds = formatNumber(limit);
      return stage === 'host-key'
        ? t`the node did not show its host key within ${seconds} s.`
        : t`no complete answer within ${seconds} s. Nothing was changed on the node.`;
    }
    case 'too-large': {
      const mebibytes = formatNumber(limit);
      if (stage === 'view') {
        const size = formatNumber(data.size ?? 0);
        return t`not shown: what the app made of its answer takes ${size} MiB, more than the ${mebibytes} MiB one machine may take in the view.`;
      }
      if (stage === 'view-total')
        return t`not shown: with the other machines the view would pass ${mebibytes} MiB.`;
      return t`the node's answer passed ${mebibytes} MiB and was cut off. Nothing was changed on the node.`;
    }
    case 'not-linux':
      return detail
        ? t`The node runs ${detail}, not Linux: it has none of these settings to manage.`
        : t`The node runs an unknown system, not Linux: it has none of these settings to manage.`;
    case 'no-sysctl':
      return t`the node has no ${sysctl} command, so neither engine can apply files at boot there. Install ${procps} (Debian/Ubuntu: ${aptProcps}).`;
    case 'no-base64': {
      const { gnu, busybox } = base64Providers;
      return t`The node has no ${base64} command (${gnu} or ${busybox}), which the read script needs. Install ${coreutils} on the node.`;
    }
    case 'malformed':
      if (stage === 'bind-test')
        return t`the bind test gave an answer the app does not understand.`;
      return t`The node's answer to the read script is not in the expected format (${detail}). Nothing was changed on the node.`;
    case 'no-sudo':
      return t`this user has no ${sudo} rights on the node. Nothing was changed. Ask its administrator, or connect as a user who may run ${sudo}.`;
    case 'requiretty': {
      const exemption = `"Defaults:${who} !requiretty"`;
      return t`${sudo} on the node only runs from a terminal (${requiretty} in its sudoers), so nothing ran there. To let the app apply over ${ssh}, add the line ${exemption} with ${visudo} on the node.`;
    }
    case 'account-locked': {
      const reset = `"faillock --user ${who} --reset"`;
      return t`the node has locked this account after failed password attempts (${pamFaillock}), so ${sudo} refused before asking. Nothing was changed. Wait for the lock to expire, or have an administrator run ${reset} there.`;
    }
    case 'not-installed':
      return t`${sudo} is not installed on the node (${aptSudo}).`;
    case 'wrong-password':
      return t`${sudo} did not accept the password. Nothing was changed on the node, and it counted as one failed attempt there; type it again.`;
    case 'password-needed':
      return t`the node's ${sudo} asks for a password now, and none was given. Nothing was changed; plan again and type it.`;
    case 'no-askpass':
      return t`the app found no directory on the node where it may run the small helper that hands ${sudo} the password (the runtime directory, home and ${tmp} are missing, read-only or noexec). Nothing was changed.`;
    case 'node-busy':
      return plural(limit, {
        one: "waiting for another Apply on the node: it held the step's lock for # minute, so this Apply gave up there without changing anything. Apply again once the other one has finished.",
        other:
          "waiting for another Apply on the node: it held the step's lock for # minutes, so this Apply gave up there without changing anything. Apply again once the other one has finished.",
      });
    case 'unsafe-argument':
      return t`refused an argument or password that cannot be passed safely.`;
    case 'step-failed': {
      const exit = data.exit ?? '?';
      return t`the step failed and rolled back (exit ${exit}): ${detail}`;
    }
    default:
      return unworded(data.code, 'node-failure');
  }
}

/** A node's failure in words, starting with the node's name. */
export function nodeErrorWords(data: NodeFailureData): string {
  // The pair view's id of this computer, which the bind test reports under.
  const name =
    data.node === 'local'
      ? t({ message: 'this computer', comment: 'the machine the app runs on, inside a sentence' })
      : data.node;
  return nameAndFailure(name, after(data));
}
