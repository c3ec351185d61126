import { SYSCTL_CONF_PATH } from '../contract';
import path from 'node:path';
import type { SysctlSources } from './engines/file-order';
import { MAX_CONFIG_BYTES } from './safe-read';
import { CREDENTIAL_DIRECTORIES, CREDENTIAL_MAX_BYTES, CREDENTIAL_NAME } from './sysctl-credential';
import type { KeepPlan, TreeReadPlan, TreeReadRequest } from './sysctl-read-types';
import { LOCAL_FILE_SYSTEMS } from './sysctl-read-file-systems';
import { runTreeRead } from './sysctl-read-thread';
import type { SystemContext } from './system-context';

export type { SysctlSources } from './engines/file-order';

/**
 * sysctl.d(5): systemd-sysctl reads /etc, /run, /usr/local/lib and /usr/lib;
 * sysctl(8) of procps-ng (SYSTEM FILE PRECEDENCE) adds /lib/sysctl.d and /etc/sysctl.conf.
 */
export const SYSCTL_DIRECTORIES = [
  '/etc/sysctl.d',
  '/run/sysctl.d',
  '/usr/local/lib/sysctl.d',
  '/usr/lib/sysctl.d',
  '/lib/sysctl.d',
] as const;
export const SYSCTL_CONF = SYSCTL_CONF_PATH;

/** At most this many `*.conf` entries are read per directory, and this many in all. */
export const MAX_FILES_PER_DIRECTORY = 2000;
export const MAX_FILES_TOTAL = 5000;

/**
 * What the reader thread keeps between reads (sysctl-read-keep.ts): a file changed less
 * than 2 s before a read is read again next time (timestamps move in jiffies, up to
 * 10 ms; the margin leaves room for a clock that is coarser still); at most as many
 * entries as a tree may hold, and 32 MiB.
 */
export const KEEP_PLAN: KeepPlan = {
  settleNs: 2_000_000_000n,
  maxEntries: MAX_FILES_TOTAL + 2 * SYSCTL_DIRECTORIES.length,
  maxBytes: 32 * 1024 * 1024,
  fileSystems: LOCAL_FILE_SYSTEMS,
};

/** Plans made, per root: a plan is constant data, and the same object is the same read. */
const plans = new Map<string, TreeReadPlan>();

/** What the reader thread is asked to read for a context: the paths and every cap. */
export function sysctlReadPlan(ctx: SystemContext): TreeReadPlan {
  let plan = plans.get(ctx.fsRoot);
  if (!plan) {
    plan = planFor(ctx);
    // A few roots in a session (this computer, the demo's); tests make many.
    if (plans.size >= 16) plans.delete(plans.keys().next().value as string);
    plans.set(ctx.fsRoot, plan);
  }
  return plan;
}

function planFor(ctx: SystemContext): TreeReadPlan {
  const root = path.resolve(ctx.fsRoot);
  return {
    root: root === '/' ? '' : root,
    directories: SYSCTL_DIRECTORIES,
    confDir: path.dirname(SYSCTL_CONF),
    confName: path.basename(SYSCTL_CONF),
    credentialDirectories: CREDENTIAL_DIRECTORIES,
    credentialName: CREDENTIAL_NAME,
    maxFilesPerDirectory: MAX_FILES_PER_DIRECTORY,
    maxFilesTotal: MAX_FILES_TOTAL,
    maxBytes: MAX_CONFIG_BYTES,
    credentialMaxBytes: CREDENTIAL_MAX_BYTES,
    keep: KEEP_PLAN,
  };
}

/**
 * When the reader did not answer (a read stuck in a hung mount), nothing below the
 * directories can be known: every one is reported unlisted, so the boot model says
 * it cannot predict rather than show a value that may be wrong.
 */
async function readOrUnknown(request: TreeReadRequest): Promise<SysctlSources> {
  const answer = await runTreeRead(request);
  if (answer.ok) return answer.value;
  return {
    directories: [],
    sysctlConf: null,
    problems: [`the sysctl files could not be read (${answer.error}: ${answer.detail})`],
    unlisted: [...SYSCTL_DIRECTORIES],
  };
}

/**
 * Reads every sysctl source below the context's root into a snapshot, the same shape
 * a node's read script yields, so one boot model serves both. A directory that is the
 * same as an earlier one (merged /usr: /lib -> usr/lib) is read only once. The reads
 * are synchronous and bounded, on the reader thread (sysctl-read-core.ts): a FIFO, a
 * device, a huge file or a directory of 100,000 files is reported, never waited on,
 * and the UI's event loop never runs a read.
 */
export function readSysctlSources(ctx: SystemContext): Promise<SysctlSources> {
  return readOrUnknown({ kind: 'sources', plan: sysctlReadPlan(ctx) });
}
