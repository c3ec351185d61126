import { useCallback, useEffect, useState } from 'react';
import type { NamespacesView } from '../../electron/contract';
import { useApiCall, type ApiCall } from './api-context';

export interface NamespacesState {
  /** The last listing, kept while a new one is on its way. */
  readonly view: NamespacesView | null;
  readonly busy: boolean;
  readonly error: ApiCall['error'];
  readonly reload: () => void;
}

/**
 * The computer's network namespaces, listed once when the app opens (on a worker thread
 * in the backend, so the page never waits on it) and again on request.
 */
export function useNamespaces(): NamespacesState {
  const { busy, error, run } = useApiCall();
  const [view, setView] = useState<NamespacesView | null>(null);
  const reload = useCallback(() => {
    void run((api) => api.listNamespaces()).then((listed) => {
      if (listed) setView(listed);
    });
  }, [run]);
  useEffect(() => reload(), [reload]);
  return { view, busy, error, reload };
}
