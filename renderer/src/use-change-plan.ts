import { useEffect, useState } from 'react';
import type { ApplyRequest, ChangePlan, NonlocalBindApi } from '../../electron/contract';

/**
 * Asks the backend what an Apply of `request` would do, whenever the request
 * (or the state it was planned against) changes. Validation lives in one
 * place, main; the UI shows its words inline.
 */
export function useChangePlan(
  api: NonlocalBindApi,
  request: ApplyRequest | null,
  stateVersion: string,
): ChangePlan | null {
  const [answer, setAnswer] = useState<{ key: string; plan: ChangePlan } | null>(null);
  const key = request ? `${stateVersion}\n${JSON.stringify(request)}` : null;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      const body = JSON.parse(key.slice(key.indexOf('\n') + 1)) as ApplyRequest;
      void api.planChanges(body).then((result) => {
        if (!current) return;
        setAnswer({
          key,
          plan: result.ok
            ? result.value
            : { error: result.error, commands: [], fleet: [], file: null, conflicts: [] },
        });
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);
  // A plan computed for an earlier request is never shown for the current one.
  return answer !== null && answer.key === key ? answer.plan : null;
}
