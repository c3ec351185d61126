import { createContext, useCallback, useContext, useRef, useState } from 'react';
import type { ApiError, Envelope, NonlocalBindApi } from '../../electron/contract';

/** The backend, given once at the root instead of passed down through every panel. */
export const ApiContext = createContext<NonlocalBindApi | null>(null);

export function useApi(): NonlocalBindApi {
  const api = useContext(ApiContext);
  // A missing provider is a wiring mistake in this file's callers, not a runtime condition.
  if (api === null) throw new Error('useApi() needs an ApiContext.Provider above it');
  return api;
}

export interface ApiCall {
  /** True while a call started by `run` has not answered. */
  readonly busy: boolean;
  /** The last call's error; a new call clears it. */
  readonly error: ApiError | null;
  /** Runs one backend call: resolves to its value, or to null when it failed (see `error`). */
  readonly run: <T>(call: (api: NonlocalBindApi) => Promise<Envelope<T>>) => Promise<T | null>;
  /** Sets or clears the error shown, e.g. when another source answered meanwhile. */
  readonly setError: (error: ApiError | null) => void;
}

/**
 * The busy flag and error every panel keeps around its backend calls, in one place.
 * A panel keeps one of these for all its calls, so any call's error replaces the last.
 */
export function useApiCall(): ApiCall {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Calls may overlap (a click while another answer is on its way): busy ends with the last.
  const running = useRef(0);
  const run = useCallback(
    async <T>(call: (api: NonlocalBindApi) => Promise<Envelope<T>>): Promise<T | null> => {
      running.current += 1;
      setBusy(true);
      setError(null);
      const answer = await call(api);
      running.current -= 1;
      if (running.current === 0) setBusy(false);
      if (answer.ok) return answer.value;
      setError(answer.error);
      return null;
    },
    [api],
  );
  return { busy, error, run, setError };
}
