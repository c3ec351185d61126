import type * as NodeFs from 'node:fs';
import type { readEntrySync, readRegularSync } from './sysctl-read-entry';
import type { ReadRequest, RegularRead, TreeReadPlan } from './sysctl-read-types';
import type { SysctlSources } from './engines/file-order';
import type { CredentialSource, SnapshotDirectory } from './sysctl-snapshot';

/**
 * The synchronous sysctl reader: open non-blocking, fstat, read up to a cap.
 *
 * It runs in a worker thread (sysctl-read-thread.ts), whose code is these very
 * functions as text: so every function here calls only functions of its own module.
 * `fs` and the entry reader come in the kit and every constant comes in the plan,
 * because a transpiler rewrites module-level names and imports, and the thread sees
 * only the text it is given.
 * Whatever a hostile tree holds, no call here waits: a FIFO opens non-blocking
 * and is never read, a device is never read, a file is read to at most a cap.
 */

/** `fs` and the entry readers (sysctl-read-entry.ts), passed in rather than imported. */
export interface ReadKit {
  readonly fs: typeof NodeFs;
  readonly readEntry: typeof readEntrySync;
  readonly readRegular: typeof readRegularSync;
}

export function answerRead(kit: ReadKit, request: ReadRequest): SysctlSources | RegularRead {
  if (request.kind === 'file') return kit.readRegular(kit.fs, request.path, request.maxBytes);
  return request.kind === 'sources'
    ? readTreeSync(kit, request.plan)
    : readSameNamedSync(kit, request.plan, request.name);
}

function codeOfError(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
}

/** lstat's answer: whether it is a link, absent, or the error code. */
function lookAt(kit: ReadKit, file: string): { link: boolean } | 'absent' | { code: string } {
  try {
    // No exception for the usual answer, "absent": building one costs more than the lstat.
    const info = kit.fs.lstatSync(file, { throwIfNoEntry: false });
    return info ? { link: info.isSymbolicLink() } : 'absent';
  } catch (error) {
    const code = codeOfError(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'absent' : { code };
  }
}

/**
 * The credential systemd-sysctl would get at boot (see sysctl-credential.ts), or null.
 * The service manager copies it in first: never a FIFO or device to systemd-sysctl, but
 * what an unreadable one would hold is not known here.
 */
function readCredentialSync(kit: ReadKit, plan: TreeReadPlan): CredentialSource | null {
  const name = plan.credentialName;
  for (const { dir, passedIn } of plan.credentialDirectories) {
    const path = `${dir}/${name}`;
    const looked = lookAt(kit, `${plan.root}${path}`);
    if (looked === 'absent') continue;
    if ('code' in looked) {
      const reason = `cannot be looked at (${looked.code})`;
      return {
        path,
        passedIn,
        entry: { name, kind: 'unreadable', reason, effect: 'not-readable' },
      };
    }
    const entry = kit.readEntry(kit.fs, plan.root, dir, Buffer.from(name), looked.link, {
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
function readTreeSync(kit: ReadKit, plan: TreeReadPlan): SysctlSources {
  const problems: string[] = [];
  const unlisted: string[] = [];
  const directories: SnapshotDirectory[] = [];
  const seen = new Set<string>();
  let budget = plan.maxFilesTotal;
  for (const dir of plan.directories) {
    const where = `${plan.root}${dir}`;
    let id: string;
    try {
      const info = kit.fs.statSync(where, { throwIfNoEntry: false });
      if (!info?.isDirectory()) continue;
      id = `${info.dev}:${info.ino}`;
    } catch (error) {
      const code = codeOfError(error);
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
      listing = kit.fs.readdirSync(where, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      const code = codeOfError(error);
      problems.push(`${dir}: cannot be listed (${code})`);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unlisted.push(dir);
      continue;
    }
    // By bytes: a name that is not UTF-8 must still be opened, sorted and compared as is.
    const suffix = Buffer.from('.conf');
    const confs = listing
      .filter((e) => e.name.length >= 5 && suffix.compare(e.name, e.name.length - 5) === 0)
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
      kit.readEntry(kit.fs, plan.root, dir, e.name, e.isSymbolicLink(), options),
    );
    directories.push(truncated ? { dir, entries, truncated } : { dir, entries });
  }
  const conf = lookAt(kit, `${plan.root}${plan.confDir}/${plan.confName}`);
  const sysctlConf =
    conf !== 'absent' && 'link' in conf
      ? kit.readEntry(kit.fs, plan.root, plan.confDir, Buffer.from(plan.confName), conf.link, {
          conf: true,
          maxBytes: plan.maxBytes,
        })
      : null;
  const credential = readCredentialSync(kit, plan);
  return { directories, sysctlConf, problems, unlisted, credential };
}

/** The entries named `name` in every sysctl directory, and nothing else (hidden-file.ts). */
function readSameNamedSync(kit: ReadKit, plan: TreeReadPlan, name: string): SysctlSources {
  const options = { conf: false, maxBytes: plan.maxBytes };
  const directories = plan.directories.map((dir): SnapshotDirectory => {
    const looked = lookAt(kit, `${plan.root}${dir}/${name}`);
    const found = looked !== 'absent' && 'link' in looked;
    const entry = found
      ? [kit.readEntry(kit.fs, plan.root, dir, Buffer.from(name), looked.link, options)]
      : [];
    return { dir, entries: entry };
  });
  return { directories, sysctlConf: null, problems: [] };
}

/** Every function the thread needs; `answerRead` is the way in. */
export const TREE_READ_FUNCTIONS = [
  answerRead,
  codeOfError,
  lookAt,
  readCredentialSync,
  readTreeSync,
  readSameNamedSync,
] as const;
