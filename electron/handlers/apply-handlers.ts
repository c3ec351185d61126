import { changeReportLine, failureReportLine } from '../system/change/outcome';
import { applyChanges } from '../system/change/run';
import type { HandlerDeps } from './deps';
import { handle, succeed } from './envelope';
import type { FeatureHandlers } from './types';
import { readAppState } from '../system/app-state';
import { applyRequestCheck } from './validate-apply-request';

/**
 * One Apply = one privileged run. A second Apply while one is in flight is
 * refused here as well as in the UI, so a double click can never prompt twice.
 */
export function createApplyHandlers(deps: HandlerDeps): FeatureHandlers<'changes:apply'> {
  let busy = false;
  return {
    'changes:apply': handle(
      'changes:apply',
      applyRequestCheck(deps.target.catalogue),
      async (request) => {
        if (busy) {
          return succeed({
            applied: false,
            report: null,
            error: {
              code: 'apply-in-progress',
              data: { from: 'busy', code: 'apply-in-progress', what: 'apply' },
            },
            state: await readAppState(deps),
          });
        }
        busy = true;
        try {
          const result = await applyChanges(deps.target, request);
          deps.applyLog.last = {
            at: new Date().toISOString(),
            summary: result.applied
              ? `applied: ${changeReportLine(result.report)}`
              : failureReportLine(result.error),
          };
          // Whatever happened, show what is really set now.
          const state = await readAppState(deps);
          return succeed(
            result.applied
              ? { applied: true, report: result.report, error: null, state }
              : { applied: false, report: null, error: result.error, state },
          );
        } finally {
          busy = false;
        }
      },
    ),
  };
}
