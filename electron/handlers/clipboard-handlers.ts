import type { HandlerDeps } from './deps';
import { fail, guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './types';

const MAX_TEXT = 256 * 1024;

/** Copy buttons go through main, so the page never needs clipboard permission. */
export function createClipboardHandlers(deps: HandlerDeps): FeatureHandlers<'clipboard:write'> {
  return {
    'clipboard:write': (payload) =>
      guard(async () => {
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
          return invalidPayload('clipboard:write', 'the payload must be an object {text}');
        }
        const keys = Object.keys(payload);
        const text = (payload as { text?: unknown }).text;
        if (keys.length !== 1 || typeof text !== 'string') {
          return invalidPayload('clipboard:write', 'the payload must be exactly {text: string}');
        }
        if (text.length > MAX_TEXT)
          return invalidPayload('clipboard:write', `text longer than ${MAX_TEXT} characters`);
        if (!deps.writeClipboard) {
          return fail({
            code: 'clipboard-unavailable',
            message: 'This backend cannot reach your clipboard; the page copies by itself.',
          });
        }
        deps.writeClipboard(text);
        return succeed(null);
      }),
  };
}
