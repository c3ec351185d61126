import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  NamespaceEntry,
  NamespaceReading,
  NamespacesView,
  WillFailFinding,
} from '../../electron/contract';
import { useApiCall, type ApiCall } from './api-context';

export interface NamespacesState {
  /** The last listing, kept while a new one is on its way, with the findings last known. */
  readonly view: NamespacesView | null;
  readonly busy: boolean;
  readonly error: ApiCall['error'];
  readonly reload: () => void;
  /** What was read inside each namespace, by inode (cleared when the list is made again). */
  readonly readings: ReadonlyMap<number, NamespaceReading>;
  /** The namespaces "Look inside" reads: every other one the app has a way into. */
  readonly readable: readonly NamespaceEntry[];
  readonly lookInside: () => Promise<{
    readonly count: number;
    readonly elapsedMs: number;
    readonly runs: number;
  } | null>;
  readonly looking: boolean;
  readonly lookError: ApiCall['error'];
  /** A read-back after a change in one namespace, with its findings. */
  readonly record: (reading: NamespaceReading, findings: readonly WillFailFinding[]) => void;
}

/**
 * The computer's network namespaces, listed once when the app opens (on a worker thread
 * in the backend, so the page never waits on it) and again on request; and what was read
 * inside them, so the main page's line and the view say the same.
 */
export function useNamespaces(): NamespacesState {
  const { busy, error, run } = useApiCall();
  const inside = useApiCall();
  const [listed, setListed] = useState<NamespacesView | null>(null);
  const [readings, setReadings] = useState<ReadonlyMap<number, NamespaceReading>>(new Map());
  const [findings, setFindings] = useState<ReadonlyMap<number, readonly WillFailFinding[]>>(
    new Map(),
  );
  const reload = useCallback(() => {
    void run((api) => api.listNamespaces()).then((view) => {
      if (!view) return;
      setListed(view);
      // A new listing is a new moment: values read before may no longer hold.
      setReadings(new Map());
      setFindings(new Map());
    });
  }, [run]);
  useEffect(() => reload(), [reload]);

  const readable = useMemo(
    () => listed?.namespaces.filter((n) => n.canEnter === true) ?? [],
    [listed],
  );
  const record = useCallback((reading: NamespaceReading, found: readonly WillFailFinding[]) => {
    setReadings((m) => new Map(m).set(reading.inode, reading));
    setFindings((m) => new Map(m).set(reading.inode, found));
  }, []);
  const { run: runInside } = inside;
  const lookInside = useCallback(async () => {
    const inodes = readable.map((n) => n.inode);
    if (inodes.length === 0) return null;
    const answer = await runInside((api) => api.readInsideNamespaces({ inodes }));
    if (!answer) return null;
    const all = answer.findings ?? [];
    for (const reading of answer.readings)
      record(
        reading,
        all.filter((f) => f.inode === reading.inode),
      );
    return { count: answer.readings.length, elapsedMs: answer.elapsedMs, runs: answer.runs ?? 1 };
  }, [readable, runInside, record]);

  const view = useMemo(
    () =>
      listed && {
        ...listed,
        namespaces: listed.namespaces.map((n) =>
          findings.has(n.inode) ? { ...n, findings: findings.get(n.inode) } : n,
        ),
      },
    [listed, findings],
  );
  return {
    view,
    busy,
    error,
    reload,
    readings,
    readable,
    lookInside,
    looking: inside.busy,
    lookError: inside.error,
    record,
  };
}
