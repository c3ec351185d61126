/**
 * Every code an answer's error can carry. The renderer's words switch over this union
 * exhaustively, so a new code fails the type check until it has words.
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Apply: the step's exit statuses (elevation-errors.ts mapStepExit). */
export const STEP_EXIT_CODES = [
  'file-changed',
  'target-not-regular',
  'proc-read-only',
  'verify-failed',
  'rollback-failed',
  'change-outside-settings',
  'apply-busy',
  'step-failed',
] as const;

/** Apply: asking for administrator rights (elevation-errors.ts mapElevationFailure). */
export const ELEVATION_FAILURE_CODES = [
  'auth-refused',
  'no-polkit-agent',
  'no-pkexec',
  'elevation-failed',
] as const;

/** Why an ssh session to a node failed (nodes/ssh-errors.ts). */
export const SSH_FAILURE_CODES = [
  'dns',
  'unreachable',
  'host-key-unknown',
  'host-key-changed',
  'auth',
  'timeout',
  'too-large',
  'dropped',
  'other',
] as const;

/** A node's read script's answer, its sudo, and the step run there through sudo. */
export const NODE_CODES = [
  'not-linux',
  'no-sysctl',
  'no-base64',
  'malformed',
  'no-sudo',
  'requiretty',
  'account-locked',
  'not-installed',
  'wrong-password',
  'password-needed',
  'no-askpass',
  'node-busy',
  'unsafe-argument',
] as const;

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
  'file-name-hides-file',
  'file-unreadable',
  'file-too-large',
  'file-not-text',
  'target-symlink',
  'apply-in-progress',
  ...ELEVATION_FAILURE_CODES,
  ...STEP_EXIT_CODES,
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
  ...SSH_FAILURE_CODES,
  ...NODE_CODES,
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
