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
export type SnapshotEntry =
  /** A regular file (or a link to one), read up to the reader's size cap. */
  | {
      readonly name: string;
      readonly kind: 'file';
      readonly content: Buffer;
      /** The symlink's own target as written, or null for a plain file. */
      readonly linkTarget: string | null;
    }
  /** A symlink to /dev/null: masks the name under systemd-sysctl. */
  | { readonly name: string; readonly kind: 'masked'; readonly linkTarget: string }
  /**
   * Present but not readable as a file (a directory, a dangling link, a loop, a FIFO,
   * a device, permission denied). Both engines still let it hide same-named files
   * in later directories.
   */
  | { readonly name: string; readonly kind: 'unreadable'; readonly reason: string }
  /** Left out by a reader cap (too large, too many files); reported in the UI. */
  | { readonly name: string; readonly kind: 'skipped'; readonly reason: string };

export interface SnapshotDirectory {
  /** System path as listed, e.g. /usr/lib/sysctl.d. */
  readonly dir: string;
  /** Every `*.conf` entry, in the order the directory listed them (the model sorts). */
  readonly entries: readonly SnapshotEntry[];
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
}
