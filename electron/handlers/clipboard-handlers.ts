import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { object, string } from './payload-checks';
import type { FeatureHandlers } from './types';

const checkText = object({ text: string({ maxLength: 256 * 1024 }) });

/** Copy buttons go through main, so the page never needs clipboard permission. */
export function createClipboardHandlers(deps: HandlerDeps): FeatureHandlers<'clipboard:write'> {
  return {
    'clipboard:write': handle('clipboard:write', checkText, async ({ text }) => {
      if (!deps.writeClipboard) {
        return fail({ code: 'clipboard-unavailable' });
      }
      deps.writeClipboard(text);
      return succeed(null);
    }),
  };
}
