import type { ApiError, RuntimeReading, SettingId } from '../../contract';
import type { RemovedLines, StepPlan } from '../privileged-step';
import type { Catalogue } from '../settings';
import { findKeyLines, type KeyValue } from '../sysctl-edit';

/** The runtime part of a change: the new value of each setting to set (absent: leave it). */
export type RuntimeTokens = Record<SettingId, '0' | '1'>;

export function changesRuntime(tokens: RuntimeTokens): boolean {
  return Object.keys(tokens).length > 0;
}

/** A plan from the runtime tokens and the file operation. */
export function stepPlan(tokens: RuntimeTokens, file: StepPlan['file']): StepPlan {
  return { values: tokens, file };
}

export function isAvailable(reading: RuntimeReading): boolean {
  return reading.kind === 'value' || reading.kind === 'unexpected';
}

/** The keys to write for a persistent change, from the runtime tokens of the plan. */
export function persistedValues(
  tokens: RuntimeTokens,
  catalogue: Catalogue,
): Map<string, KeyValue> {
  const values = new Map<string, KeyValue>();
  for (const setting of catalogue) {
    const token = tokens[setting.id];
    if (token !== undefined) values.set(setting.key, token);
  }
  return values;
}

/** Refuses when the file is not what the UI read: never overwrite someone else's edit. */
export function changedSinceRead(
  path: string,
  currentSha: string | null,
  expectedSha: string | null,
): ApiError | null {
  return currentSha === expectedSha
    ? null
    : {
        code: 'file-changed',
        data: { from: 'plan', code: 'file-changed', path },
      };
}

export const NOTHING_TO_APPLY: ApiError = {
  code: 'nothing-to-apply',
  data: { from: 'plan', code: 'nothing-to-apply' },
};

/** For the outcome's words: how many lines of each key a removal takes out of `text`. */
export function countRemovedLines(text: string, keys: readonly string[]): RemovedLines {
  const keyLines = findKeyLines(text, keys);
  return keys.flatMap((key) => {
    const lines = keyLines.filter((l) => l.key === key).length;
    return lines > 0 ? [{ key, lines }] : [];
  });
}
