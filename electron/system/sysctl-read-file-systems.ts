/**
 * statfs(2) magic numbers of the file systems the sysctl reader's shortcuts trust, named
 * once: where the main thread may repeat the reader thread's calls (sysctl-read-here.ts),
 * where a watch sees every change (sysctl-read-watch.ts), and procfs, whose files are held
 * open (sysctl-read-held.ts).
 */
const EXT = 0xef53;
const TMPFS = 0x01021994;
const XFS = 0x58465342;
const BTRFS = 0x9123683e;
const OVERLAYFS = 0x794c7630;
const F2FS = 0xf2f52010;
const RAMFS = 0x858458f6;
const SQUASHFS = 0x73717368;
const EROFS = 0xe0f5e1e2;
const ZFS = 0x2fc12fc1;

/** procfs: a running value's file system; a lookup there cannot wait, nor move. */
export const PROC_SUPER_MAGIC = 0x9fa0;

/**
 * Local file systems whose times the kernel keeps on every write: not procfs, sysfs or
 * FUSE, whose times need not follow writes; not NFS or CIFS.
 */
export const LOCAL_FILE_SYSTEMS: readonly number[] = [
  EXT,
  TMPFS,
  XFS,
  BTRFS,
  OVERLAYFS,
  F2FS,
  RAMFS,
  SQUASHFS,
  EROFS,
  ZFS,
];

/**
 * Of those, where every change goes through this kernel's file system calls, so a watch
 * sees it: not overlayfs (a change to a layer below shows no event above), nor ZFS (a
 * rollback changes files without those calls), nor a read-only image (squashfs, erofs),
 * which changes only with what lies under it.
 */
export const WATCHED_FILE_SYSTEMS: readonly number[] = [EXT, TMPFS, XFS, BTRFS, F2FS, RAMFS];
