/**
 * Every code an answer's error can carry. The renderer's words switch over this union
 * exhaustively, so a new code fails the type check until it has words.
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_CODES = [
  // Any channel: the envelope, the IPC guard, the HTTP bridge and the renderer's own checks.
  'invalid-payload',
  'internal-error',
  'untrusted-sender',
  'backend-unreachable',
  'no-api',
  // Apply: the plan, before anything runs.
  'invalid-request',
  'invalid-file-name',
  'setting-unavailable',
  'nothing-to-apply',
  'nothing-to-remove',
  'file-changed',
  'file-name-hides-file',
  'file-unreadable',
  'file-too-large',
  'file-not-text',
  'target-symlink',
  'target-not-regular',
  'change-outside-settings',
  'apply-in-progress',
  // Apply: asking for administrator rights.
  'auth-refused',
  'no-polkit-agent',
  'no-pkexec',
  'elevation-failed',
  // Apply: the step's exit.
  'proc-read-only',
  'verify-failed',
  'rollback-failed',
  'apply-busy',
  'step-failed',
  // Other features.
  'invalid-address',
  'bind-test-failed',
  'clipboard-unavailable',
  'save-unavailable',
  'nothing-to-export',
  // Nodes: the list, a node's read, ssh and sudo there.
  'nodes-unavailable',
  'node-list-unreadable',
  'invalid-destination',
  'unknown-node',
  'reference-unread',
  'plan-failed',
  'cannot-persist',
  'dns',
  'unreachable',
  'host-key-unknown',
  'host-key-changed',
  'auth',
  'timeout',
  'too-large',
  'dropped',
  'other',
  'not-linux',
  'no-sysctl',
  'no-base64',
  'malformed',
  'no-sudo',
  'requiretty',
  'account-locked',
  'not-installed',
  // Nodes: the step run there through sudo.
  'wrong-password',
  'password-needed',
  'no-askpass',
  'node-busy',
  'unsafe-argument',
  // Network namespaces: the listing (electron/system/netns/).
  'netns-own-unreadable',
  'netns-proc-unlisted',
  'netns-reader-timeout',
  'netns-reader-failed',
  // Network namespaces: reading, changing and binding inside one (by inode).
  'netns-unknown',
  'netns-own',
  'netns-unreachable',
] as const;
