import { validateFileName } from '../system/file-name';
import { renderAnsibleTasks, renderCloudInit } from '../system/nodes/fleet-export';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { anything, object, oneOf } from './payload-checks';
import type { FeatureHandlers } from './types';
import { checkValues } from './validate-apply-request';

// The file name gets its specific words from validateFileName.
const checkExport = object({
  format: oneOf('ansible', 'cloud-init'),
  fileName: anything,
  values: checkValues,
});

/** Saves the pending change as Ansible tasks or cloud-init where the user chooses. */
export function createFleetHandlers(deps: HandlerDeps): FeatureHandlers<'fleet:save'> {
  return {
    'fleet:save': handle('fleet:save', checkExport, async ({ format, fileName, values }) => {
      const name = validateFileName(fileName);
      if (!name.ok) return fail(name.error);
      if (Object.keys(values).length === 0) return fail({ code: 'nothing-to-export' });
      if (!deps.saveTextFile) {
        return fail({
          code: 'save-unavailable',
          data: { from: 'no-save', code: 'save-unavailable', what: 'fleet' },
        });
      }
      const change = { fileName: name.name, values };
      const ansible = format === 'ansible';
      const text = ansible ? renderAnsibleTasks(change) : renderCloudInit(change);
      const suggested = ansible ? 'nonlocal-bind-tasks.yml' : 'nonlocal-bind-cloud-init.yml';
      return succeed({ savedTo: await deps.saveTextFile(suggested, text) });
    }),
  };
}
