import { readAppState } from '../system/app-state';
import { validateBindTarget } from '../system/bind-test';
import { planChange } from '../system/change/dry-run';
import { validateFileName } from '../system/file-name';
import { gatherDiagnostics } from '../system/gather-diagnostics';
import { renderAnsibleTasks, renderCloudInit } from '../system/nodes/fleet-export';
import { discoverVipsOn } from '../system/nodes/pair-view';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { anything, noPayload, object, oneOf, string } from './payload-checks';
import type { FeatureHandlers } from './types';
import { applyRequestCheck, valuesCheck } from './validate-apply-request';

type MainViewChannel =
  | 'state:get'
  | 'changes:plan'
  | 'vips:discover'
  | 'bind:test'
  | 'clipboard:write'
  | 'diagnostics:get'
  | 'diagnostics:save'
  | 'fleet:save';

/**
 * The main view's channels besides Apply (apply-handlers.ts): its state read fresh from the
 * system each time, the dry run of an Apply (checked exactly like the Apply itself), the
 * VIPs, the bind test, copying, the support report and the fleet export.
 */
export function createMainViewHandlers(deps: HandlerDeps): FeatureHandlers<MainViewChannel> {
  const { catalogue } = deps.target;
  // Saving needs the app's save dialog; `what` tells the page what to do instead.
  const cannotSave = (what: 'diagnostics' | 'fleet') =>
    fail<{ readonly savedTo: string | null }>({
      code: 'save-unavailable',
      data: { from: 'no-save', code: 'save-unavailable', what },
    });
  // The address, port and file name get their own specific words from their validators.
  const checkBind = object({ address: anything, port: anything });
  const format = oneOf('ansible', 'cloud-init');
  const checkExport = object({ format, fileName: anything, values: valuesCheck(catalogue) });
  return {
    'state:get': handle('state:get', noPayload, async () => succeed(await readAppState(deps))),
    'changes:plan': handle('changes:plan', applyRequestCheck(catalogue), async (request) =>
      succeed(await planChange(deps.target, request)),
    ),
    'vips:discover': handle('vips:discover', noPayload, async () =>
      succeed(await discoverVipsOn(deps.target, null)),
    ),
    // Runs in the unprivileged process: a bind test only listens on a socket and closes it.
    // The target decides how (the demo's simulated machine answers for it).
    'bind:test': handle('bind:test', checkBind, async ({ address, port }) => {
      const check = validateBindTarget(address, port);
      if (!check.ok) return fail(check.error);
      const answer = await deps.target.bindTest([check.target]);
      if (!answer.ok) return answer;
      const [result] = answer.value;
      return result ? succeed(result) : fail({ code: 'internal-error', details: 'no result' });
    }),
    // Copy buttons go through main, so the page never needs clipboard permission.
    'clipboard:write': handle(
      'clipboard:write',
      object({ text: string({ maxLength: 256 * 1024 }) }),
      async ({ text }) => {
        if (!deps.writeClipboard) return fail({ code: 'clipboard-unavailable' });
        deps.writeClipboard(text);
        return succeed(null);
      },
    ),
    'diagnostics:get': handle('diagnostics:get', noPayload, async () =>
      succeed({ text: await gatherDiagnostics(deps) }),
    ),
    'diagnostics:save': handle('diagnostics:save', noPayload, async () => {
      if (!deps.saveTextFile) return cannotSave('diagnostics');
      const text = await gatherDiagnostics(deps);
      return succeed({ savedTo: await deps.saveTextFile('nonlocal-bind-diagnostics.txt', text) });
    }),
    // The pending change as Ansible tasks or cloud-init, saved where the user chooses.
    'fleet:save': handle('fleet:save', checkExport, async ({ format, fileName, values }) => {
      const name = validateFileName(fileName);
      if (!name.ok) return fail(name.error);
      if (Object.keys(values).length === 0) return fail({ code: 'nothing-to-export' });
      if (!deps.saveTextFile) return cannotSave('fleet');
      const change = { fileName: name.name, values };
      const ansible = format === 'ansible';
      const text = ansible
        ? renderAnsibleTasks(change, catalogue)
        : renderCloudInit(change, catalogue);
      const suggested = ansible ? 'nonlocal-bind-tasks.yml' : 'nonlocal-bind-cloud-init.yml';
      return succeed({ savedTo: await deps.saveTextFile(suggested, text) });
    }),
  };
}
