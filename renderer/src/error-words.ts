import type { ApiError, ErrorCode } from '../../electron/contract';
import { applyErrorWords } from './words/apply-words';
import { codeWords } from './words/code-words';

/** Where an error is shown: at the file name field, or in the panel of its own action. */
export type ErrorPlace = 'file-field' | 'panel';

/**
 * Where each code of the contract is shown. The switch is exhaustive (the `never` check
 * below), so a code added to ERROR_CODES fails the type check until it is placed here.
 */
export function errorPlace(code: ErrorCode): ErrorPlace {
  switch (code) {
    // About the file name or the file itself.
    case 'invalid-file-name':
    case 'target-symlink':
    case 'target-not-regular':
    case 'file-not-text':
    case 'file-too-large':
    case 'file-unreadable':
    case 'file-name-hides-file':
      return 'file-field';
    case 'invalid-payload':
    case 'internal-error':
    case 'untrusted-sender':
    case 'backend-unreachable':
    case 'no-api':
    case 'invalid-request':
    case 'setting-unavailable':
    case 'nothing-to-apply':
    case 'nothing-to-remove':
    case 'file-changed':
    case 'change-outside-settings':
    case 'apply-in-progress':
    case 'auth-refused':
    case 'no-polkit-agent':
    case 'no-pkexec':
    case 'elevation-failed':
    case 'proc-read-only':
    case 'verify-failed':
    case 'rollback-failed':
    case 'apply-busy':
    case 'step-failed':
    case 'invalid-address':
    case 'bind-test-failed':
    case 'clipboard-unavailable':
    case 'save-unavailable':
    case 'nothing-to-export':
    case 'nodes-unavailable':
    case 'node-list-unreadable':
    case 'invalid-destination':
    case 'unknown-node':
    case 'reference-unread':
    case 'plan-failed':
    case 'cannot-persist':
    case 'dns':
    case 'unreachable':
    case 'host-key-unknown':
    case 'host-key-changed':
    case 'auth':
    case 'timeout':
    case 'too-large':
    case 'dropped':
    case 'other':
    case 'not-linux':
    case 'no-sysctl':
    case 'no-base64':
    case 'malformed':
    case 'no-sudo':
    case 'requiretty':
    case 'account-locked':
    case 'not-installed':
    case 'wrong-password':
    case 'password-needed':
    case 'no-askpass':
    case 'node-busy':
    case 'unsafe-argument':
    case 'netns-own-unreadable':
    case 'netns-proc-unlisted':
    case 'netns-reader-timeout':
    case 'netns-reader-failed':
    case 'netns-unknown':
    case 'netns-own':
    case 'netns-unreachable':
      return 'panel';
    default:
      return unplaced(code);
  }
}

function unplaced(code: never): never {
  throw new Error(`no place for error code ${String(code)}`);
}

/**
 * The error in words: from its data where it has some (words/apply-words.ts), else from
 * its code. This is the one place the renderer reads an error.
 */
export function errorWords(error: ApiError): string {
  return applyErrorWords(error) ?? codeWords(error.code);
}
