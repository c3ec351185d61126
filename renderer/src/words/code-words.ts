import { t } from '@lingui/core/macro';
import type { ErrorCode } from '../../../electron/contract';
import { unworded } from './unworded';

/**
 * An error in words from its code alone: the words of every code whose data adds nothing,
 * and a plain sentence for the others should their data be missing. Exhaustive, so a new
 * code fails the type check until it has words, and no raw code ever reaches the screen.
 */
/** Commands, programs and paths, never translated (backticks draw commands as code). */
const npmRunPreview = '`npm run preview`';
const npmStart = 'npm start';
const ipNetns = '`ip netns`';
const ssh = 'ssh';
const sudo = 'sudo';
const ownNamespace = '/proc/self/ns/net';
const proc = '/proc';

export function codeWords(code: ErrorCode): string {
  switch (code) {
    case 'invalid-payload':
      return t`The backend refused a request it could not check. This is a bug in the app; the technical details say which.`;
    case 'internal-error':
      return t`Something unexpected went wrong while handling the request.`;
    case 'untrusted-sender':
      return t`Request refused: it did not come from the app window.`;
    case 'backend-unreachable':
      return t`The preview server did not answer. Is ${npmRunPreview} still running?`;
    case 'no-api':
      return t`This page was opened without its access token. Open the exact address that ${npmRunPreview} printed.`;
    case 'invalid-request':
      return t`The change could not be turned into the privileged step’s arguments; nothing was changed.`;
    case 'invalid-file-name':
      return t`That file name is not one the app writes.`;
    case 'setting-unavailable':
      return t`This setting cannot be changed here: it is not available.`;
    case 'nothing-to-apply':
      return t`There is no change to apply.`;
    case 'nothing-to-remove':
      return t`The file does not set this setting, so there is nothing to stop persisting.`;
    case 'file-changed':
      return t`Someone else edited the file after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.`;
    case 'file-name-hides-file':
      return t`That name would hide another file of the same name at boot. Choose another name.`;
    case 'file-unreadable':
      return t`The file cannot be read. Choose another file name.`;
    case 'file-too-large':
      return t`The file is larger than the app edits. Choose another file name.`;
    case 'file-not-text':
      return t`The file is not valid UTF-8 text, so the app will not edit it. Choose another file name.`;
    case 'target-symlink':
      return t`The file is a symbolic link. The app does not edit through links; choose another file name.`;
    case 'target-not-regular':
      return t`The target is not a regular file; choose another file name.`;
    case 'change-outside-settings':
      return t`The change would touch more than the settings the app manages, so it was refused. Nothing was changed.`;
    case 'apply-in-progress':
      return t`An Apply is already waiting for authentication.`;
    case 'auth-refused':
    case 'no-polkit-agent':
    case 'no-pkexec':
    case 'elevation-failed':
      return t`Asking for administrator rights failed; nothing was changed.`;
    case 'proc-read-only':
    case 'verify-failed':
    case 'rollback-failed':
    case 'apply-busy':
    case 'step-failed':
      return t`Applying the change failed.`;
    case 'invalid-address':
      return t`That is not an IP address the bind test can use.`;
    case 'bind-test-failed':
      return t`The bind test could not be run.`;
    case 'clipboard-unavailable':
      return t`This backend cannot reach your clipboard; the page copies by itself.`;
    case 'save-unavailable':
      return t`This backend cannot show a save dialog.`;
    case 'nothing-to-export':
      return t`There is no pending change to export.`;
    case 'nodes-unavailable':
      return t`The demo simulates this computer only, so no node can be added here. In the app itself (${npmStart}), the other nodes are reached with your own ${ssh}.`;
    case 'node-list-unreadable':
      return t`The list of nodes cannot be read.`;
    case 'invalid-destination':
      return t`That is not an SSH destination the app can use.`;
    case 'unknown-node':
      return t`That machine is not in the node list.`;
    case 'reference-unread':
      return t`The machine to make the others like could not be read.`;
    case 'plan-failed':
      return t`Planning stopped on an unexpected error. Read all again and retry.`;
    case 'cannot-persist':
      return t`No file the app may write makes the value stick under both boot engines there.`;
    case 'dns':
    case 'unreachable':
    case 'host-key-unknown':
    case 'host-key-changed':
    case 'auth':
    case 'timeout':
    case 'too-large':
    case 'dropped':
    case 'other':
      return t`The node could not be reached over ${ssh}.`;
    case 'not-linux':
    case 'no-sysctl':
    case 'no-base64':
    case 'malformed':
      return t`The node cannot be read: it lacks what the app needs, or its answer was not understood.`;
    case 'no-sudo':
    case 'requiretty':
    case 'account-locked':
    case 'not-installed':
      return t`${sudo} on the node refused to run the step. Nothing was changed.`;
    case 'wrong-password':
    case 'password-needed':
      return t`${sudo} on the node did not get a password it accepts. Nothing was changed; type it again.`;
    case 'no-askpass':
      return t`The app could not hand ${sudo} the password on the node. Nothing was changed.`;
    case 'node-busy':
      return t`Another Apply on the node held its lock too long, so this one gave up. Nothing was changed.`;
    case 'unsafe-argument':
      return t`An argument or password cannot be passed to the node safely, so nothing was sent.`;
    case 'netns-own-unreadable':
      return t`The app could not tell which network namespace it runs in (${ownNamespace} could not be read), so it cannot list the others.`;
    case 'netns-proc-unlisted':
      return t`The list of processes in ${proc} could not be read, so the network namespaces cannot be listed.`;
    case 'netns-reader-timeout':
      return t`Listing the network namespaces did not finish in time. Try again; the technical details say where it stopped.`;
    case 'netns-reader-failed':
      return t`Listing the network namespaces failed. The technical details say why.`;
    case 'netns-unknown':
      return t`That network namespace is not there any more (its container or processes ended since the list was made). Look again.`;
    case 'netns-own':
      return t`This app’s own network is changed on “This computer”, with Apply, not from here.`;
    case 'netns-unreachable':
      return t`No process and no ${ipNetns} name leads into that network namespace, so it cannot be entered.`;
    default:
      return unworded(code, 'error-code');
  }
}
