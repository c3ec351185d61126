import type * as NodeFs from 'node:fs';
import {
  closeQuietly,
  describeNode,
  errorCodeOf,
  formatByteCount,
  readRegularSync,
  reasonForCode,
  type RegularRead,
} from './sysctl-read-file';
import type { SysctlSources } from './engines/file-order';
import type {
  CredentialSource,
  EntryEffect,
  SnapshotDirectory,
  SnapshotEntry,
} from './sysctl-snapshot';

/**
 * The synchronous sysctl reader: open non-blocking, fstat, read up to a cap.
 *
 * It runs in a worker thread (sysctl-read-thread.ts), whose code is these very
 * functions as text: so every function here is self-contained. `fs` comes in as
 * a parameter and every constant comes in the plan, because a bundler rewrites
 * module-level names and imports, and the worker sees only what is passed to it.
 * Whatever a hostile tree holds, no call here waits: a FIFO opens non-blocking
 * and is never read, a device is never read, a file is read to at most a cap.
 */
type Fs = typeof NodeFs;

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
}

export type TreeReadRequest =
  | { readonly kind: 'sources'; readonly plan: TreeReadPlan }
  | { readonly kind: 'same-named'; readonly plan: TreeReadPlan; readonly name: string };

export function answerTreeRead(fs: Fs, request: TreeReadRequest): SysctlSources {
  return request.kind === 'sources'
    ? readTreeSync(fs, request.plan)
    : readSameNamedSync(fs, request.plan, request.name);
}

/** Valid UTF-8 as text; else U+FFFD for display plus the raw bytes the engines use. */
function nameOfBytes(bytes: Buffer): { name: string; rawName?: string } {
  // Nearly every name is ASCII: no decoder needed for those.
  let ascii = true;
  for (const byte of bytes) if (byte >= 0x80) ascii = false;
  if (ascii) return { name: bytes.toString('latin1') };
  try {
    return { name: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { name: bytes.toString('utf8'), rawName: bytes.toString('latin1') };
  }
}

/**
 * What the engines make of an entry the app could not read (see sysctl-snapshot.ts).
 * `conf` is /etc/sysctl.conf, which procps opens only when stat() says it is a regular
 * file, so a FIFO or device there is skipped, never opened.
 */
function effectOfRefusal(read: RegularRead, conf: boolean): EntryEffect | undefined {
  if (read.kind === 'missing') return 'open-fails';
  if (read.kind !== 'refused') return undefined;
  if (read.node !== undefined) {
    if (read.node === 'directory' || conf) return undefined;
    if (read.node === 'fifo') return 'hangs';
    if (read.node === 'device') return 'device';
    return 'open-fails';
  }
  // fopen() fails for root too; EACCES, EPERM, EIO…: root may well read it at boot.
  const failsForRoot = ['ELOOP', 'ENOTDIR', 'ENAMETOOLONG', 'ENXIO', 'ENODEV'];
  return failsForRoot.includes(read.code) ? 'open-fails' : 'not-readable';
}

/**
 * One entry in the snapshot form. Whatever it is, it stays in the snapshot: both
 * engines let an entry they cannot read hide a same-named file in a later directory.
 * Links are followed as the engines follow them; an absolute target (99-sysctl.conf ->
 * /etc/sysctl.conf) is a system path, read below the plan's root, by its bytes.
 */
function readEntrySync(
  fs: Fs,
  root: string,
  dir: string,
  nameBytes: Buffer,
  isSymlink: boolean,
  options: { readonly conf: boolean; readonly maxBytes: number },
): SnapshotEntry {
  const named = nameOfBytes(nameBytes);
  const real = Buffer.concat([Buffer.from(`${root}${dir}/`), nameBytes]);
  let linkBytes: Buffer | null = null;
  if (isSymlink) {
    try {
      linkBytes = fs.readlinkSync(real, { encoding: 'buffer' });
    } catch (error) {
      const reason = `cannot be read (${errorCodeOf(error)})`;
      return { ...named, kind: 'unreadable', reason, effect: 'not-readable' };
    }
  }
  const linkTarget = linkBytes ? linkBytes.toString('utf8') : null;
  if (linkTarget === '/dev/null') return { ...named, kind: 'masked', linkTarget };
  const target =
    linkBytes && linkBytes[0] === 0x2f ? Buffer.concat([Buffer.from(root), linkBytes]) : real;
  const read = readRegularSync(fs, target, options.maxBytes);
  if (read.kind === 'read') return { ...named, kind: 'file', content: read.bytes, linkTarget };
  // /dev/null is major 1, minor 3: any path to it reads as empty, so it masks.
  if (read.kind === 'refused' && read.node === 'device' && read.rdev === ((1 << 8) | 3)) {
    return { ...named, kind: 'masked', linkTarget: linkTarget ?? '/dev/null' };
  }
  if (read.kind === 'refused' && read.code === 'EFBIG') {
    return { ...named, kind: 'skipped', reason: read.reason.replace(/^skipped: /, '') };
  }
  const reason = read.kind === 'missing' ? 'a link to a file that does not exist' : read.reason;
  const effect = effectOfRefusal(read, options.conf);
  return effect
    ? { ...named, kind: 'unreadable', reason, effect }
    : { ...named, kind: 'unreadable', reason };
}

/** lstat's answer: whether it is a link, absent, or the error code. */
function lookAt(fs: Fs, file: string): { link: boolean } | 'absent' | { code: string } {
  try {
    return { link: fs.lstatSync(file).isSymbolicLink() };
  } catch (error) {
    const code = errorCodeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : { code };
  }
}

/**
 * The credential systemd-sysctl would get at boot (see sysctl-credential.ts), or null.
 * The service manager copies it in first: never a FIFO or device to systemd-sysctl, but
 * what an unreadable one would hold is not known here.
 */
function readCredentialSync(fs: Fs, plan: TreeReadPlan): CredentialSource | null {
  const name = plan.credentialName;
  for (const { dir, passedIn } of plan.credentialDirectories) {
    const path = `${dir}/${name}`;
    const looked = lookAt(fs, `${plan.root}${path}`);
    if (looked === 'absent') continue;
    if ('code' in looked) {
      const reason = `cannot be looked at (${looked.code})`;
      return {
        path,
        passedIn,
        entry: { name, kind: 'unreadable', reason, effect: 'not-readable' },
      };
    }
    const entry = readEntrySync(fs, plan.root, dir, Buffer.from(name), looked.link, {
      conf: false,
      maxBytes: plan.credentialMaxBytes,
    });
    if (entry.kind === 'unreadable' && entry.effect !== undefined) {
      return { path, passedIn, entry: { ...entry, effect: 'not-readable' } };
    }
    return { path, passedIn, entry };
  }
  return null;
}

/** Every sysctl source below the plan's root (see sysctl-sources.ts for the rules). */
function readTreeSync(fs: Fs, plan: TreeReadPlan): SysctlSources {
  const problems: string[] = [];
  const unlisted: string[] = [];
  const directories: SnapshotDirectory[] = [];
  const seen = new Set<string>();
  let budget = plan.maxFilesTotal;
  for (const dir of plan.directories) {
    const where = `${plan.root}${dir}`;
    let id: string;
    try {
      const info = fs.statSync(where);
      if (!info.isDirectory()) continue;
      id = `${info.dev}:${info.ino}`;
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'ENOENT') continue;
      problems.push(`${dir}: cannot be read (${code})`);
      unlisted.push(dir);
      continue;
    }
    // Merged /usr: /lib/sysctl.d is /usr/lib/sysctl.d; read it once.
    if (seen.has(id)) continue;
    seen.add(id);
    let listing: NodeFs.Dirent<Buffer>[];
    try {
      listing = fs.readdirSync(where, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const code = errorCodeOf(error);
      problems.push(`${dir}: cannot be listed (${code})`);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unlisted.push(dir);
      continue;
    }
    // By bytes: a name that is not UTF-8 must still be opened, sorted and compared as is.
    const suffix = Buffer.from('.conf');
    const confs = listing
      .filter(
        (e) => e.name.length >= suffix.length && e.name.subarray(-suffix.length).equals(suffix),
      )
      .sort((a, b) => Buffer.compare(a.name, b.name));
    const limit = Math.min(plan.maxFilesPerDirectory, budget);
    const truncated = confs.length > limit;
    if (truncated) {
      problems.push(
        `${dir}: skipped: holds ${confs.length} *.conf files; only the first ${limit} by name were read, so the values at boot may differ from what is shown`,
      );
    }
    const chosen = confs.slice(0, Math.max(0, limit));
    budget -= chosen.length;
    const options = { conf: false, maxBytes: plan.maxBytes };
    const entries = chosen.map((e) =>
      readEntrySync(fs, plan.root, dir, e.name, e.isSymbolicLink(), options),
    );
    directories.push(truncated ? { dir, entries, truncated } : { dir, entries });
  }
  const conf = lookAt(fs, `${plan.root}${plan.confDir}/${plan.confName}`);
  const sysctlConf =
    conf !== 'absent' && 'link' in conf
      ? readEntrySync(fs, plan.root, plan.confDir, Buffer.from(plan.confName), conf.link, {
          conf: true,
          maxBytes: plan.maxBytes,
        })
      : null;
  const credential = readCredentialSync(fs, plan);
  return { directories, sysctlConf, problems, unlisted, credential };
}

/** The entries named `name` in every sysctl directory, and nothing else (hidden-file.ts). */
function readSameNamedSync(fs: Fs, plan: TreeReadPlan, name: string): SysctlSources {
  const options = { conf: false, maxBytes: plan.maxBytes };
  const directories = plan.directories.map((dir): SnapshotDirectory => {
    const looked = lookAt(fs, `${plan.root}${dir}/${name}`);
    const found = looked !== 'absent' && 'link' in looked;
    const entry = found
      ? [readEntrySync(fs, plan.root, dir, Buffer.from(name), looked.link, options)]
      : [];
    return { dir, entries: entry };
  });
  return { directories, sysctlConf: null, problems: [] };
}

/** Every function the worker needs, in the order its text declares them. */
export const TREE_READ_FUNCTIONS = [
  answerTreeRead,
  errorCodeOf,
  formatByteCount,
  reasonForCode,
  describeNode,
  readRegularSync,
  closeQuietly,
  nameOfBytes,
  effectOfRefusal,
  readEntrySync,
  lookAt,
  readCredentialSync,
  readTreeSync,
  readSameNamedSync,
] as const;
