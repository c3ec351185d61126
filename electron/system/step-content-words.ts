import type { ApiError } from '../contract';
import { checkContentChange } from './step-content-rule';

/**
 * The planner's copy of the step's refusal (exit 77), in words, before any password is
 * asked for: the step would refuse this change, so it is never sent.
 */
export function refusedContent(
  path: string,
  oldText: string | null,
  newText: string | null,
): ApiError | null {
  const check = checkContentChange(oldText, newText);
  if (check.ok) return null;
  const { code, line } = check.error;
  const data = {
    from: 'step-content',
    code: 'change-outside-settings',
    refusal: code,
    path,
    line,
  } as const;
  switch (code) {
    case 'content-outside-settings':
      return {
        code: 'change-outside-settings',
        data,
        message: `Changing ${path} would also change line ${line}, which is not an ip_nonlocal_bind line. The app changes nothing but those lines, so it leaves this file alone: edit it by hand, or choose another file.`,
      };
    case 'content-value-out-of-range':
      return {
        code: 'change-outside-settings',
        data,
        message: `Line ${line} of the new ${path} would set a value outside 0 to 255, the kernel's range. Nothing was changed.`,
      };
    case 'new-file-too-large':
      return {
        code: 'change-outside-settings',
        data,
        message: `A new ${path} may hold at most 4096 bytes: the header and the setting lines. Nothing was changed.`,
      };
    case 'delete-not-only-settings':
      return {
        code: 'change-outside-settings',
        data,
        message: `${path} holds more than the ip_nonlocal_bind lines (line ${line}), so it is not deleted.`,
      };
  }
}
