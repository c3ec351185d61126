import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApplyRequest, ChangePlan } from '../../electron/contract';
import { useApi } from './api-context';

/**
 * Asks the backend what an Apply of `request` would do, whenever the request
 * (`requestKey`, its content) or the state it was planned against changes.
 * Validation lives in one place, main; the UI shows its words inline.
 */
export function useChangePlan(
  request: ApplyRequest | null,
  requestKey: string | null,
  stateVersion: string,
): ChangePlan | null {
  const api = useApi();
  const [answer, setAnswer] = useState<{ key: string; plan: ChangePlan } | null>(null);
  // Every render builds a new request object; the effect follows its key and reads the
  // latest object when the timer fires (a changed key cancels the timer first).
  const latestRequest = useRef(request);
  useLayoutEffect(() => {
    latestRequest.current = request;
  }, [request]);
  const key = requestKey === null ? null : `${stateVersion}\n${requestKey}`;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      const body = latestRequest.current;
      if (body === null) return;
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
