import type { ApiError } from '../contract';
import { SETTINGS, type Catalogue } from './settings';
import { checkContentChange } from './step-content-rule';

/**
 * The planner's copy of the step's refusal (exit 77), as data the renderer words, before
 * any password is asked for: the step would refuse this change, so it is never sent.
 */
export function refusedContent(
  path: string,
  oldText: string | null,
  newText: string | null,
  /** The settings whose lines may change (the step's own catalogue). */
  catalogue: Catalogue = SETTINGS,
): ApiError | null {
  const check = checkContentChange(oldText, newText, catalogue);
  if (check.ok) return null;
  const { code, line } = check.error;
  return {
    code: 'change-outside-settings',
    data: { from: 'step-content', code: 'change-outside-settings', refusal: code, path, line },
  };
}
