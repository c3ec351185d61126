import type { ApiError, RuntimeReading, SettingId } from '../../contract';
import type { RemovedLines, RuntimeToken, StepPlan } from '../privileged-step';
import { SETTINGS } from '../settings';
import { findKeyLines, type KeyValue } from '../sysctl-edit';

/** The runtime part of a change: one token per setting of the catalogue, '-' for "leave it". */
export type RuntimeTokens = Record<SettingId, RuntimeToken>;

/** Every setting left alone; the planner fills in what the request asks for. */
export function untouchedTokens(): RuntimeTokens {
  return Object.fromEntries(SETTINGS.map((s) => [s.id, '-'])) as RuntimeTokens;
}

export function changesRuntime(tokens: RuntimeTokens): boolean {
  return SETTINGS.some((s) => tokens[s.id] !== '-');
}

/** A plan from the runtime tokens and the file operation. */
export function stepPlan(tokens: RuntimeTokens, file: StepPlan['file']): StepPlan {
  return { ...tokens, file };
}

export function isAvailable(reading: RuntimeReading): boolean {
  return reading.kind === 'value' || reading.kind === 'unexpected';
}

/** The keys to write for a persistent change, from the runtime tokens of the plan. */
export function persistedValues(tokens: RuntimeTokens): Map<string, KeyValue> {
  const values = new Map<string, KeyValue>();
  for (const setting of SETTINGS) {
    const token = tokens[setting.id];
    if (token !== '-') values.set(setting.key, token);
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
        message: `Someone else edited ${path} after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.`,
      };
}

export const NOTHING_TO_APPLY: ApiError = {
  code: 'nothing-to-apply',
  data: { from: 'plan', code: 'nothing-to-apply' },
  message: 'There is no change to apply.',
};

/** For the outcome's words: how many lines of each key a removal takes out of `text`. */
export function countRemovedLines(text: string, keys: readonly string[]): RemovedLines {
  const keyLines = findKeyLines(text, keys);
  return keys.flatMap((key) => {
    const lines = keyLines.filter((l) => l.key === key).length;
    return lines > 0 ? [{ key, lines }] : [];
  });
}
