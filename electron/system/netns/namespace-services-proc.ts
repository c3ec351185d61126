import type * as NodeFs from 'node:fs';

/**
 * What /proc says about a load balancer's process and its network namespace, for reading
 * its configuration the way it does: its arguments (/proc/PID/cmdline), its parent
 * (/proc/PID/stat), and the addresses that are local in its namespace (IPv4 `host LOCAL`
 * routes from /proc/PID/net/fib_trie, which also covers a `local 192.0.2.0/24` AnyIP route;
 * IPv6 addresses from /proc/PID/net/if_inet6). The process chooses all of it: capped, and
 * matched against fixed patterns only.
 *
 * Part of the listing thread's code (netns-thread.ts): every function here calls only
 * functions of this module, keeps its constants inside, and takes `fs` as a parameter.
 */

export type ProcessFacts =
  | {
      readonly ok: true;
      readonly args: readonly string[];
      readonly ppid: number | null;
      /** Its mount namespace's inode (`mnt:[INODE]`), null when not readable. */
      readonly mnt: number | null;
    }
  | { readonly ok: false; readonly code: string };

/** IPv4 local prefixes as [address as an unsigned number, prefix length]; IPv6 as 32 hex digits. */
export type LocalAddresses =
  | {
      readonly ok: true;
      readonly v4: readonly (readonly [number, number])[];
      readonly v6: readonly string[];
      readonly capped: boolean;
    }
  | { readonly ok: false; readonly code: string };

function procCodeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/**
 * Reads a procfs file in pieces, giving each complete line to `onLine`, up to `maxBytes`
 * (then EFBIG). procfs says size 0 and answers in pieces, so it reads until a read returns 0.
 */
function procLinesSync(
  fs: typeof NodeFs,
  file: string,
  maxBytes: number,
  onLine: (line: string) => boolean,
): { ok: true } | { ok: false; code: string } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, code: procCodeOf(error) };
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    let carry = '';
    let total = 0;
    for (;;) {
      const got = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (got === 0) break;
      total += got;
      if (total > maxBytes) return { ok: false, code: 'EFBIG' };
      const lines = (carry + buffer.toString('latin1', 0, got)).split('\n');
      carry = lines.pop() ?? '';
      // A line longer than any real one: not this file's format.
      if (carry.length > 4096) return { ok: false, code: 'EINVAL' };
      for (const line of lines) if (!onLine(line)) return { ok: true };
    }
    if (carry !== '') onLine(carry);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: procCodeOf(error) };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Gone either way.
    }
  }
}

/** A process's arguments (at most 256, each at most 4 KiB) and its parent's pid; `dir` is /proc/PID. */
export function processFactsSync(fs: typeof NodeFs, dir: string): ProcessFacts {
  let fd: number;
  try {
    fd = fs.openSync(`${dir}/cmdline`, fs.constants.O_RDONLY);
  } catch (error) {
    return { ok: false, code: procCodeOf(error) };
  }
  let raw: string;
  try {
    // Arguments can be megabytes; the ones that name a configuration come first.
    const buffer = Buffer.alloc(64 * 1024);
    let total = 0;
    while (total < buffer.length) {
      const got = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (got === 0) break;
      total += got;
    }
    raw = buffer.toString('utf8', 0, total);
  } catch (error) {
    return { ok: false, code: procCodeOf(error) };
  } finally {
    fs.closeSync(fd);
  }
  const args = raw
    .replace(/\0$/, '')
    .split('\0')
    .slice(0, 256)
    .map((a) => (a.length > 4096 ? '' : a));
  let ppid: number | null = null;
  procLinesSync(fs, `${dir}/stat`, 4096, (line) => {
    // "PID (COMM) STATE PPID …": the name may hold spaces and parentheses; the last ')' ends it.
    const after = line.slice(line.lastIndexOf(')') + 1);
    const found = /^ \S (\d{1,10}) /.exec(after)?.[1];
    ppid = found === undefined ? null : Number(found);
    return false;
  });
  let mnt: number | null = null;
  try {
    const link = /^mnt:\[(\d{1,15})\]$/.exec(fs.readlinkSync(`${dir}/ns/mnt`))?.[1];
    mnt = link === undefined ? null : Number(link);
  } catch {
    // Another user's process: its mount namespace is not ours to see.
  }
  return { ok: true, args, ppid, mnt };
}

/** The addresses local in a network namespace (`dir`: /proc/PID/net), at most 4,096 of each family. */
export function localAddressesSync(fs: typeof NodeFs, dir: string): LocalAddresses {
  const MAX = 4096;
  const v4: [number, number][] = [];
  const v6: string[] = [];
  let capped = false;
  let leaf: number | null = null;
  // A full routing table is tens of MB; only its local routes matter, and 16 MB is enough.
  const trie = procLinesSync(fs, `${dir}/fib_trie`, 16 * 1024 * 1024, (line) => {
    const address = /^[\s|]*[|+]-- (\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/\d+ .*)?$/.exec(
      line,
    );
    if (address) {
      const [a, b, c, d] = address.slice(1, 5).map(Number) as [number, number, number, number];
      leaf = a > 255 || b > 255 || c > 255 || d > 255 ? null : ((a * 256 + b) * 256 + c) * 256 + d;
      return true;
    }
    const route = /^\s+\/(\d{1,2}) host LOCAL$/.exec(line);
    if (route && leaf !== null && Number(route[1]) <= 32) {
      if (v4.length >= MAX) {
        capped = true;
        return false;
      }
      v4.push([leaf, Number(route[1])]);
    }
    return true;
  });
  if (!trie.ok) return trie;
  const inet6 = procLinesSync(fs, `${dir}/if_inet6`, 1024 * 1024, (line) => {
    const hex = /^([0-9a-f]{32}) [0-9a-f]+ [0-9a-f]+ [0-9a-f]+ ([0-9a-f]+)\s+\S+$/.exec(line);
    // IFA_F_DADFAILED (0x08): never usable; tentative ones will be.
    if (!hex?.[1] || (parseInt(hex[2] ?? '0', 16) & 0x08) !== 0) return true;
    if (v6.length >= MAX) {
      capped = true;
      return false;
    }
    v6.push(hex[1]);
    return true;
  });
  // No IPv6 in that kernel or namespace: the file is missing, and no address is local.
  if (!inet6.ok && inet6.code !== 'ENOENT') return inet6;
  return { ok: true, v4, v6, capped };
}

/** Every function the listing thread needs from this module. */
export const PROC_FACT_FUNCTIONS = [
  procCodeOf,
  procLinesSync,
  processFactsSync,
  localAddressesSync,
] as const;
