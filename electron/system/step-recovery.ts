import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { InterruptedApply, RecoveryReport } from '../contract';
import type { SystemContext } from './system-context';

/**
 * The privileged step's recovery line (see privileged-script.ts):
 *   nonlocal-bind: recovered none|completed|rolled-back ipv4=V ipv6=V file=PATH|-
 * printed by `recover` and by any step that found a killed step's intent record.
 */
const LINE =
  /^nonlocal-bind: recovered (none|completed|rolled-back) ipv4=(\d{1,3}|-) ipv6=(\d{1,3}|-) file=(\S+)$/m;

/** A value as the step printed it: any non-zero number turns the setting on, '-' is unavailable. */
const effective = (v: string | undefined): 0 | 1 | null =>
  v === undefined || !/^\d+$/.test(v) ? null : Number(v) === 0 ? 0 : 1;

/** Finds and parses the recovery line in the step's stdout; null when there is none. */
export function parseRecoveryLine(stdout: string): RecoveryReport | null {
  const match = LINE.exec(stdout);
  if (!match) return null;
  const [, outcome, ipv4, ipv6, file] = match;
  if (outcome !== 'none' && outcome !== 'completed' && outcome !== 'rolled-back') return null;
  return {
    outcome,
    values: { ipv4: effective(ipv4), ipv6: effective(ipv6) },
    file: file === '-' ? null : (file ?? null),
  };
}

/** Where the step keeps its lock and intent record (root-only; the app may only stat). */
export const STEP_STATE_DIR = '/run/nonlocal-bind';

/**
 * Whether a killed step left its intent record. Only stat: the record is root's, and
 * resolving it is the privileged step's job (the next Apply does it first).
 */
export async function readInterruptedApply(ctx: SystemContext): Promise<InterruptedApply | null> {
  try {
    const info = await lstat(path.join(ctx.fsRoot, STEP_STATE_DIR, 'intent'));
    return info.isFile() ? { since: info.mtime.toISOString() } : null;
  } catch {
    // Absent (the normal case) or not even stat-able: nothing the app can report.
    return null;
  }
}
