import { validateFileName } from '../system/file-name';
import { renderAnsibleTasks, renderCloudInit } from '../system/nodes/fleet-export';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { anything, object, oneOf } from './payload-checks';
import type { FeatureHandlers } from './types';
import { valuesCheck } from './validate-apply-request';

/** Saves the pending change as Ansible tasks or cloud-init where the user chooses. */
export function createFleetHandlers(deps: HandlerDeps): FeatureHandlers<'fleet:save'> {
  const { catalogue } = deps.target;
  // The file name gets its specific words from validateFileName.
  const format = oneOf('ansible', 'cloud-init');
  const checkExport = object({ format, fileName: anything, values: valuesCheck(catalogue) });
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
      const text = ansible
        ? renderAnsibleTasks(change, catalogue)
        : renderCloudInit(change, catalogue);
      const suggested = ansible ? 'nonlocal-bind-tasks.yml' : 'nonlocal-bind-cloud-init.yml';
      return succeed({ savedTo: await deps.saveTextFile(suggested, text) });
    }),
  };
}
