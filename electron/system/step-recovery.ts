import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { InterruptedApply, RecoveryReport } from '../contract';
import { SETTINGS, type Catalogue } from './settings';
import type { SystemContext } from './system-context';

/**
 * The privileged step's recovery line (see step/script-recovery.ts):
 *   nonlocal-bind: recovered none|completed|rolled-back file=PATH|- KEY=V …
 * printed by `recover` and by any step that found a killed step's intent record, with a
 * KEY=V for every setting of the catalogue (V: the value read back, or - when unavailable).
 */
const LINE =
  /^nonlocal-bind: recovered (none|completed|rolled-back) file=(\S+)((?: [^\s=]+=(?:\d{1,10}|-))*)$/m;

/** A value as the step printed it: any non-zero number turns the setting on, '-' is unavailable. */
const effective = (v: string | undefined): 0 | 1 | null =>
  v === undefined || !/^\d+$/.test(v) ? null : Number(v) === 0 ? 0 : 1;

/** Finds and parses the recovery line in the step's stdout; null when there is none. */
export function parseRecoveryLine(
  stdout: string,
  catalogue: Catalogue = SETTINGS,
): RecoveryReport | null {
  const match = LINE.exec(stdout);
  if (!match) return null;
  const [, outcome, file, pairs] = match;
  if (outcome !== 'none' && outcome !== 'completed' && outcome !== 'rolled-back') return null;
  const read = new Map(
    (pairs ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  return {
    outcome,
    values: Object.fromEntries(catalogue.map((s) => [s.id, effective(read.get(s.key))])),
    file: file === '-' ? null : (file ?? null),
  };
}

/** Where the step keeps its lock and intent record (root-only; the app may only stat). */
export const STEP_STATE_DIR = '/run/nonlocal-bind';

/**
 * Whether a killed step left its intent record. Only stat: the record is root's, and
 * resolving it is the privileged step's job (the next Apply does it first). Synchronous (a
 * fixed path on root's tmpfs), so it adds no round trip to a state read.
 */
export function readInterruptedApply(ctx: SystemContext): InterruptedApply | null {
  let info: Stats | undefined;
  try {
    info = lstatSync(path.join(ctx.fsRoot, STEP_STATE_DIR, 'apply.intent'), {
      throwIfNoEntry: false,
    });
  } catch {
    // Not even stat-able: nothing the app can report.
    return null;
  }
  // Absent is the normal case. An empty record is none: the step empties it when it ends.
  return info !== undefined && info.isFile() && info.size > 0
    ? { since: info.mtime.toISOString() }
    : null;
}
