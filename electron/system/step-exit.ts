/** Exit codes of the privileged step (privileged-script.ts; docs/step-protocol.md). */
export const STEP_EXIT = {
  ok: 0,
  invalidArguments: 64,
  fileChanged: 65,
  notRegularFile: 66,
  procReadOnly: 67,
  verifyFailed: 68,
  writeFailed: 69,
  rollbackFailed: 70,
  lockTimeout: 75,
  outsideSettings: 77,
} as const;
