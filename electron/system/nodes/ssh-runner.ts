import { runCapped, type CappedResult } from '../capped-run';

/** How the app invokes OpenSSH: the program and options from the user (e.g. `-F file`). */
export interface SshSettings {
  /** The ssh program; `ssh` on PATH normally. */
  readonly program: string;
  /** Extra leading options, e.g. ['-F', '/path/config']; empty in normal use so ~/.ssh/config applies. */
  readonly options: readonly string[];
  readonly timeoutMs: number;
}

export type SshResult = CappedResult;

/**
 * Options no caller can loosen: host keys are always checked, and ssh never
 * prompts on a terminal (there is none); secrets only travel on stdin.
 */
export const FIXED_SSH_OPTIONS: readonly string[] = [
  ...[
    'BatchMode=yes',
    'StrictHostKeyChecking=yes',
    'ConnectTimeout=10',
    'ServerAliveInterval=5',
    'ServerAliveCountMax=2',
  ].flatMap((o) => ['-o', o]),
  '-T',
];

/** Runs ssh with argv only (no local shell), writes stdin, and caps what it keeps. */
export function runSsh(
  settings: SshSettings,
  args: readonly string[],
  stdin: Buffer | string,
  outputCap: number,
): Promise<SshResult> {
  return runCapped(settings.program, [...settings.options, ...args], stdin, {
    outputCap,
    timeoutMs: settings.timeoutMs,
  });
}
