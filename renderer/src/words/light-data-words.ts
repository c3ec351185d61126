import { t } from '@lingui/core/macro';
import type { ApiError, ApiErrorData } from '../../../electron/contract';
import { formatList } from '../i18n/format';
import { unworded } from './unworded';

/*
 * The words of the error data that need no more than a sentence or two: the ones the
 * first screen can show (its read and copy errors) without loading the words of the Apply
 * outcomes, the pair view, the bind test or the file name (words/apply-words.ts has those).
 */

/** The kinds of error data worded here; apply-words.ts words every other kind. */
const LIGHT_SOURCES = ['plan', 'busy', 'no-save', 'setting'] as const;

export type LightErrorData = Extract<ApiErrorData, { from: (typeof LIGHT_SOURCES)[number] }>;

export function isLightData(data: ApiErrorData): data is LightErrorData {
  return (LIGHT_SOURCES as readonly string[]).includes(data.from);
}

type PlanData = Extract<ApiErrorData, { from: 'plan' }>;

/** What the user reads when the planner finds nothing to do, or a file changed since read. */
export function planRefusalWords(data: PlanData): string {
  switch (data.code) {
    case 'file-changed': {
      const path = data.path;
      return t`Someone else edited ${path} after the app read it. Nothing was changed; the app has read it again so you can review and apply once more.`;
    }
    case 'nothing-to-apply':
      return t`There is no change to apply.`;
    case 'nothing-to-remove': {
      const path = data.path;
      const keys = formatList(data.keys, { type: 'disjunction' });
      return data.keys.length === 0
        ? t`${path} does not exist, so there is nothing to stop persisting.`
        : t`${path} does not set ${keys}.`;
    }
    default:
      return unworded(data, 'error-data');
  }
}

/** The light kinds in words. Exhaustive, so a kind added to LIGHT_SOURCES needs words here. */
export function lightDataWords(data: LightErrorData): string {
  switch (data.from) {
    case 'plan':
      return planRefusalWords(data);
    case 'busy':
      return data.what === 'apply'
        ? t`An Apply is already waiting for authentication.`
        : t`Another "Make all alike" is still running.`;
    case 'no-save':
      return data.what === 'diagnostics'
        ? t`This backend cannot show a save dialog; the page downloads the report instead.`
        : t`This backend cannot show a save dialog; use Copy and paste the text into a file.`;
    case 'setting': {
      const key = data.key;
      const detail = data.detail;
      return detail === null || detail === undefined
        ? t`${key} cannot be changed here: it is not available`
        : t`${key} cannot be changed here: ${detail}`;
    }
    default:
      return unworded(data, 'error-data');
  }
}

/** The light part of an error's data in words, or null when it has none or a heavier kind. */
export function lightErrorWords(error: ApiError): string | null {
  const data = error.data;
  return data !== undefined && isLightData(data) ? lightDataWords(data) : null;
}
