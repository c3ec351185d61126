import { useEffect, useState } from 'react';
import type { ApplyRequest, ChangePlan, NonlocalBindApi } from '../../electron/contract';

/**
 * Asks the backend what an Apply of `request` would do, whenever the request changes.
 * Validation lives in one place (main); the UI shows its words inline.
 */
export function useChangePlan(
  api: NonlocalBindApi,
  request: ApplyRequest | null,
  stateVersion: string,
): ChangePlan | null {
  const [plan, setPlan] = useState<ChangePlan | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (key === null) {
      setPlan(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.planChanges(JSON.parse(key) as ApplyRequest).then((answer) => {
        if (!current) return;
        setPlan(answer.ok ? answer.value : { error: answer.error, commands: [], file: null });
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, stateVersion]);
  return plan;
}
