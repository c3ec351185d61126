import type * as NodeFs from 'node:fs';

/**
 * Reads a file or lists a directory inside another process's root (/proc/PID/root), as that
 * process would see it, without ever leaving that root.
 *
 * The kernel resolves an absolute symlink met under /proc/PID/root against OUR root: a
 * container's `/etc/haproxy/haproxy.cfg -> /etc/shadow` read by path would read the host's
 * file. So every component is looked up here, one at a time, relative to a descriptor of
 * the directory before it (`/proc/self/fd/N/NAME`, with O_PATH|O_NOFOLLOW: nothing is
 * opened for reading, no link followed by the kernel). A link's target is read and walked
 * again from the root's descriptor (absolute) or the current one (relative), at most 40
 * hops; `..` pops a descriptor and is refused above the root ('escapes-root'). The file
 * itself is reopened through its own descriptor, so what was checked is what is read: a
 * FIFO, a device or a socket is refused from its O_PATH descriptor, never opened.
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module, keeps its constants inside, and takes `fs` as a parameter.
 */

export type InsideFailure = { readonly ok: false; readonly code: string };
export type InsideRead =
  { readonly ok: true; readonly bytes: Uint8Array; readonly path: string } | InsideFailure;
export type InsideList =
  | { readonly ok: true; readonly names: readonly string[]; readonly path: string }
  | { readonly ok: false; readonly code: string; readonly names?: undefined };

type Walked =
  | {
      readonly ok: true;
      readonly fd: number;
      readonly kind: 'file' | 'directory';
      readonly path: string;
    }
  | InsideFailure;

function insideCodeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

function closeAll(fs: typeof NodeFs, fds: readonly number[]): void {
  for (const fd of fds) {
    try {
      fs.closeSync(fd);
    } catch {
      // Gone either way.
    }
  }
}

/**
 * Walks `target` (absolute, as the process sees it) from `rootFd`. On success the caller
 * owns `fd` (an O_PATH descriptor of the file or directory found) and must close it.
 */
function walkInsideSync(fs: typeof NodeFs, rootFd: number, target: string): Walked {
  // O_PATH (Linux, every architecture Node runs on): a descriptor for lookups only.
  const O_PATH = 0o10000000;
  const MAX_HOPS = 40;
  const MAX_COMPONENTS = 256;
  if (target.length > 4096 || target[0] !== '/' || target.includes('\0')) {
    return { ok: false, code: 'EINVAL' };
  }
  const stack: number[] = [rootFd];
  const names: string[] = [];
  const pending = target.split('/').filter((c) => c !== '');
  let hops = 0;
  let steps = 0;
  const fail = (code: string): InsideFailure => {
    closeAll(fs, stack.slice(1));
    return { ok: false, code };
  };
  for (;;) {
    const name = pending.shift();
    if (name === undefined) {
      if (stack.length === 1) {
        // The root itself: a descriptor of its own, so the caller may close what it gets.
        try {
          const fd = fs.openSync(`/proc/self/fd/${rootFd}`, O_PATH);
          return { ok: true, fd, kind: 'directory', path: '/' };
        } catch (error) {
          return fail(insideCodeOf(error));
        }
      }
      const fd = stack.pop() as number;
      closeAll(fs, stack.slice(1));
      return { ok: true, fd, kind: 'directory', path: `/${names.join('/')}` };
    }
    steps += 1;
    if (steps > MAX_COMPONENTS * 4) return fail('ELOOP');
    if (name === '.') continue;
    if (name === '..') {
      if (stack.length === 1) return fail('escapes-root');
      closeAll(fs, [stack.pop() as number]);
      names.pop();
      continue;
    }
    if (name.length > 255) return fail('ENAMETOOLONG');
    const here = `/proc/self/fd/${stack[stack.length - 1]}/${name}`;
    let fd: number;
    let stats: NodeFs.Stats;
    try {
      fd = fs.openSync(here, O_PATH | fs.constants.O_NOFOLLOW);
    } catch (error) {
      return fail(insideCodeOf(error));
    }
    try {
      stats = fs.fstatSync(fd);
    } catch (error) {
      closeAll(fs, [fd]);
      return fail(insideCodeOf(error));
    }
    if (stats.isSymbolicLink()) {
      closeAll(fs, [fd]);
      hops += 1;
      if (hops > MAX_HOPS) return fail('ELOOP');
      let link: string;
      try {
        link = fs.readlinkSync(here);
      } catch (error) {
        return fail(insideCodeOf(error));
      }
      if (link.length === 0 || link.length > 4096 || link.includes('\0')) return fail('EINVAL');
      const parts = link.split('/').filter((c) => c !== '');
      if (pending.length + parts.length > MAX_COMPONENTS) return fail('ENAMETOOLONG');
      if (link[0] === '/') {
        // Absolute: from the process's root, never ours.
        closeAll(fs, stack.splice(1));
        names.length = 0;
      }
      pending.unshift(...parts);
      continue;
    }
    if (stats.isDirectory()) {
      if (stack.length > MAX_COMPONENTS) {
        closeAll(fs, [fd]);
        return fail('ENAMETOOLONG');
      }
      stack.push(fd);
      names.push(name);
      continue;
    }
    if (!stats.isFile()) {
      closeAll(fs, [fd]);
      return fail('not-regular');
    }
    if (pending.length > 0) {
      closeAll(fs, [fd]);
      return fail('ENOTDIR');
    }
    closeAll(fs, stack.slice(1));
    return { ok: true, fd, kind: 'file', path: `/${[...names, name].join('/')}` };
  }
}

/**
 * Walks `target` from the root (`/proc/PID/root`, followed: it is the process's root
 * directory; EACCES when that process is not ours to look into) to a `kind`, else `wrong`.
 */
function walkFromRootSync(
  fs: typeof NodeFs,
  root: string,
  target: string,
  kind: 'file' | 'directory',
  wrong: string,
): Walked {
  let rootFd: number;
  try {
    const O_PATH = 0o10000000;
    rootFd = fs.openSync(root, O_PATH | fs.constants.O_DIRECTORY);
  } catch (error) {
    return { ok: false, code: insideCodeOf(error) };
  }
  const walked = walkInsideSync(fs, rootFd, target);
  closeAll(fs, [rootFd]);
  if (!walked.ok || walked.kind === kind) return walked;
  closeAll(fs, [walked.fd]);
  return { ok: false, code: wrong };
}

/** A regular file inside `root` (/proc/PID/root), at most `maxBytes` (EFBIG past it). */
export function readInsideSync(
  fs: typeof NodeFs,
  root: string,
  target: string,
  maxBytes: number,
): InsideRead {
  const walked = walkFromRootSync(fs, root, target, 'file', 'not-regular');
  if (!walked.ok) return walked;
  // Kernel and device files are never configuration, and some block or change on read
  // (as vip-glob.ts keeps the host's includes out of them).
  if (['/proc/', '/sys/', '/dev/'].some((p) => walked.path.startsWith(p))) {
    closeAll(fs, [walked.fd]);
    return { ok: false, code: 'kernel-file' };
  }
  let fd: number;
  try {
    // Through its own descriptor: the very inode checked above, whatever the names say now.
    const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;
    fd = fs.openSync(`/proc/self/fd/${walked.fd}`, flags);
  } catch (error) {
    return { ok: false, code: insideCodeOf(error) };
  } finally {
    closeAll(fs, [walked.fd]);
  }
  try {
    const stats = fs.fstatSync(fd);
    if (!stats.isFile()) return { ok: false, code: 'not-regular' };
    if (stats.size > maxBytes) return { ok: false, code: 'EFBIG' };
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, stats.size + 1));
    let total = 0;
    while (total < buffer.length) {
      const got = fs.readSync(fd, buffer, total, buffer.length - total, total);
      if (got === 0) break;
      total += got;
    }
    if (total > maxBytes) return { ok: false, code: 'EFBIG' };
    // It grew while read: a file being rewritten, not one to trust half of.
    if (total === buffer.length) return { ok: false, code: 'EAGAIN' };
    return { ok: true, bytes: buffer.subarray(0, total), path: walked.path };
  } catch (error) {
    return { ok: false, code: insideCodeOf(error) };
  } finally {
    closeAll(fs, [fd]);
  }
}

/** A directory's names inside `root` (/proc/PID/root), sorted; 'huge' past `maxNames`. */
export function listInsideSync(
  fs: typeof NodeFs,
  root: string,
  target: string,
  maxNames: number,
): InsideList {
  const walked = walkFromRootSync(fs, root, target, 'directory', 'ENOTDIR');
  if (!walked.ok) return walked;
  let dir: NodeFs.Dir | null = null;
  try {
    dir = fs.opendirSync(`/proc/self/fd/${walked.fd}`, { bufferSize: 256 });
    const names: string[] = [];
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      if (names.length >= maxNames) return { ok: false, code: 'huge' };
      names.push(entry.name);
    }
    return { ok: true, names: names.sort(), path: walked.path };
  } catch (error) {
    return { ok: false, code: insideCodeOf(error) };
  } finally {
    dir?.closeSync();
    closeAll(fs, [walked.fd]);
  }
}

/** Every function the listing thread needs from this module. */
export const INSIDE_READ_FUNCTIONS = [
  insideCodeOf,
  closeAll,
  walkInsideSync,
  walkFromRootSync,
  readInsideSync,
  listInsideSync,
] as const;
