/** What the reader thread is asked to read, and what one file's read gives (sysctl-read-core.ts). */
export interface TreeReadPlan {
  /** The context's root, resolved, with no trailing slash ('' for /). */
  readonly root: string;
  readonly directories: readonly string[];
  /** /etc/sysctl.conf, split as the engines open it. */
  readonly confDir: string;
  readonly confName: string;
  readonly credentialDirectories: readonly { readonly dir: string; readonly passedIn: boolean }[];
  readonly credentialName: string;
  readonly maxFilesPerDirectory: number;
  readonly maxFilesTotal: number;
  readonly maxBytes: number;
  readonly credentialMaxBytes: number;
  readonly keep: KeepPlan;
}

/** How the reader thread keeps unchanged files between reads (sysctl-read-keep.ts). */
export interface KeepPlan {
  /** A file changed less than this long (ns) before a read is read again next time. */
  readonly settleNs: bigint;
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** statfs magic numbers of the file systems whose times the kernel keeps on every write. */
  readonly fileSystems: readonly number[];
}

/**
 * Asked of the thread with a read: whether the main thread may repeat it next time, and
 * what it must check first (sysctl-read-vet.ts).
 */
export interface VetAsk {
  /** statfs magic numbers on which a stat cannot wait: the plan's list and procfs. */
  readonly fileSystems: readonly number[];
  /** Of those, the ones whose entries no one can rename or replace (procfs). */
  readonly fixedFileSystems: readonly number[];
  /** A read making more calls than this is not repeated on the main thread. */
  readonly maxTouches: number;
}

export type TreeReadRequest = {
  readonly kind: 'sources';
  readonly plan: TreeReadPlan;
  readonly vet?: VetAsk;
};
export type FileReadRequest = {
  readonly kind: 'file';
  readonly path: string;
  readonly maxBytes: number;
  readonly vet?: VetAsk;
};
/** Any request the reader thread answers: a tree, or one regular file (safe-read.ts). */
export type ReadRequest = TreeReadRequest | FileReadRequest;

export type Refusal = { readonly code: string; readonly reason: string; readonly rdev?: number };
export type RegularRead =
  | { readonly kind: 'read'; readonly bytes: Buffer }
  | { readonly kind: 'missing' }
  | ({ readonly kind: 'refused'; readonly node?: string } & Refusal);
