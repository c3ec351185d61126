import { stat } from 'node:fs/promises';
import { buildDiagnosticsReport } from '../system/diagnostics';
import {
  findExecutable,
  findPolkitAgent,
  readDistribution,
  readKernelRelease,
} from '../system/environment-facts';
import { checkInstalledHelper } from '../system/step-helper';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { noPayload } from './payload-checks';
import type { FeatureHandlers } from './types';
import { readAppState } from './state-handlers';

/**
 * Who must own the helper: root on the real system; in the demo, whoever laid out its
 * temporary root (this process), so the same check tells a scenario's helper apart.
 */
async function helperOwner(deps: HandlerDeps): Promise<number> {
  return deps.demo === null ? 0 : (await stat(deps.ctx.fsRoot)).uid;
}

async function buildReport(deps: HandlerDeps): Promise<string> {
  return buildDiagnosticsReport({
    appVersion: deps.appVersion,
    generatedAt: new Date().toISOString(),
    kernelRelease: await readKernelRelease(deps.ctx),
    distribution: await readDistribution(deps.ctx),
    state: await readAppState(deps),
    tools: {
      pkexec: findExecutable(deps.ctx, 'pkexec'),
      sysctl: findExecutable(deps.ctx, 'sysctl'),
      polkitAgent: await findPolkitAgent(deps.ctx),
      namedAction: checkInstalledHelper({
        fsRoot: deps.ctx.fsRoot,
        ownerUid: await helperOwner(deps),
      }),
    },
    lastApply: deps.applyLog.last,
  });
}

export function createDiagnosticsHandlers(
  deps: HandlerDeps,
): FeatureHandlers<'diagnostics:get' | 'diagnostics:save'> {
  return {
    'diagnostics:get': handle('diagnostics:get', noPayload, async () =>
      succeed({ text: await buildReport(deps) }),
    ),
    'diagnostics:save': handle('diagnostics:save', noPayload, async () => {
      if (!deps.saveTextFile) {
        return fail({
          code: 'save-unavailable',
          message: 'This backend cannot show a save dialog; the page downloads the report instead.',
        });
      }
      return succeed({
        savedTo: await deps.saveTextFile('nonlocal-bind-diagnostics.txt', await buildReport(deps)),
      });
    }),
  };
}
