import type { RuntimeReading, SettingId } from '../contract';

/**
 * What one machine's sysctl sources held at one moment, wherever they were read.
 *
 * The boot prediction, the conflict check and the editor work on this snapshot,
 * never on paths: this computer fills it from its own file system, a node over
 * SSH fills it from the framed answer of the read script. So one precedence
 * model serves every machine, and a hostile tree can only ever show up here as
 * an entry that was skipped or unreadable, with the reason in words.
 */
/**
 * How the engines fare with an entry the app could not read as a file (see
 * docs/engines.md): absent for one they read nothing from (a directory, a socket,
 * a dangling link), so it only hides same-named lower files.
 * - `hangs`: a FIFO. open() blocks in both engines (wait_for_partner) before they
 *   write anything, so at boot nothing at all is applied.
 * - `not-readable`: the engines (root) may read what the app may not: a value at
 *   boot cannot be known.
 * - `device`: a device other than /dev/null: systemd reads /dev/zero forever,
 *   procps until memory runs out; what happens cannot be known.
 * - `open-fails`: fopen() fails (a dangling link, a loop, a socket); procps then
 *   stops reading the other files its glob of this name found.
 */
export type EntryEffect = 'hangs' | 'not-readable' | 'device' | 'open-fails';

/**
 * The name as the directory holds it, when it is not valid UTF-8: its bytes as
 * byte text (one character per byte). `name` then shows it with U+FFFD, and the
 * engines sort, match and open it by these bytes.
 */
interface EntryName {
  readonly name: string;
  readonly rawName?: string;
}

export type SnapshotEntry = EntryName &
  /** A regular file (or a link to one), read up to the reader's size cap. */
  (
    | {
        readonly kind: 'file';
        readonly content: Buffer;
        /** The symlink's own target as written, or null for a plain file. */
        readonly linkTarget: string | null;
      }
    /** A symlink to /dev/null (or any path to it): reads as empty, so it masks. */
    | { readonly kind: 'masked'; readonly linkTarget: string }
    /**
     * Present but not readable as a file (a directory, a dangling link, a loop, a FIFO,
     * a device, permission denied). Both engines still let it hide same-named files
     * in later directories.
     */
    | { readonly kind: 'unreadable'; readonly reason: string; readonly effect?: EntryEffect }
    /** Left out by a reader cap (too large, too many files); reported in the UI. */
    | { readonly kind: 'skipped'; readonly reason: string }
  );

export interface SnapshotDirectory {
  /** System path as listed, e.g. /usr/lib/sysctl.d. */
  readonly dir: string;
  /** Every `*.conf` entry, in the order the directory listed them (the model sorts). */
  readonly entries: readonly SnapshotEntry[];
  /** The reader's file cap left entries out: what the engines do cannot be known. */
  readonly truncated?: boolean;
}

export interface SysctlSnapshot {
  /** Kernel release (`uname -r`), or null when unknown. */
  readonly kernel: string | null;
  readonly runtime: Readonly<Record<SettingId, RuntimeReading>>;
  /**
   * The sysctl directories that exist, in the order of SYSCTL_DIRECTORIES; a
   * directory that is the same as an earlier one (merged /usr) appears once.
   */
  readonly directories: readonly SnapshotDirectory[];
  /** /etc/sysctl.conf, or null when absent. */
  readonly sysctlConf: SnapshotEntry | null;
  /** Directories that could not be listed and other reader problems, in words. */
  readonly problems: readonly string[];
  /**
   * Sysctl directories that exist but could not be listed by the app (the engines,
   * as root, may list them): what the engines do cannot be known.
   */
  readonly unlisted?: readonly string[];
  /**
   * systemd's `sysctl.extra` credential, as systemd-sysctl.service (LoadCredential=)
   * would get it at boot; null when there is none, absent when it was not looked for.
   */
  readonly credential?: CredentialSource | null;
}

/** Where systemd-sysctl.service's `sysctl.extra` credential comes from, and what it holds. */
export interface CredentialSource {
  /** The file the service manager loads it from, e.g. /etc/credstore/sysctl.extra. */
  readonly path: string;
  /** true for /run/credentials/@system: passed in at this boot (kernel command line, VM, container), another boot may bring another. */
  readonly passedIn: boolean;
  readonly entry: SnapshotEntry;
}
