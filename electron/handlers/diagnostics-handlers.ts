import { gatherDiagnostics } from '../system/gather-diagnostics';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';

/** The support report: shown, or saved where the user chooses (the app's save dialog). */
export function createDiagnosticsHandlers(
  deps: HandlerDeps,
): FeatureHandlers<'diagnostics:get' | 'diagnostics:save'> {
  return {
    'diagnostics:get': handle('diagnostics:get', noPayload, async () =>
      succeed({ text: await gatherDiagnostics(deps) }),
    ),
    'diagnostics:save': handle('diagnostics:save', noPayload, async () => {
      if (!deps.saveTextFile) {
        return fail({
          code: 'save-unavailable',
          data: { from: 'no-save', code: 'save-unavailable', what: 'diagnostics' },
        });
      }
      const text = await gatherDiagnostics(deps);
      return succeed({ savedTo: await deps.saveTextFile('nonlocal-bind-diagnostics.txt', text) });
    }),
  };
}
