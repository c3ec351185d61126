import { accessSync, constants, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegularText } from './safe-read';
import { resolveSystemPath, type SystemContext } from './system-context';

/** Process names (as /proc/PID/comm shows them, cut to 15 characters) of polkit authentication agents. */
const AGENT_NAMES = [
  'polkit-gnome-au',
  'polkit-kde-auth',
  'polkit-mate-aut',
  'lxpolkit',
  'lxqt-policykit-',
  'xfce-polkit',
  'hyprpolkitagent',
  'polkit-agent',
  'gnome-shell',
  'cinnamon',
  'budgie-polkit-d',
  'ukui-polkit',
];

const SEARCH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Finds an executable without running anything. */
export function findExecutable(ctx: SystemContext, name: string): string | null {
  for (const dir of SEARCH_DIRS) {
    const candidate = path.join(dir, name);
    try {
      accessSync(resolveSystemPath(ctx, candidate), constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return null;
}

/**
 * The numeric entries of /proc, listed synchronously: a procfs listing cannot block, and
 * listing here lets every /proc/PID/comm read of a look go to the reader thread in the same
 * round trip as the rest of a state read, instead of one more round trip after a listing.
 */
function listPids(proc: string): string[] {
  try {
    return readdirSync(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
}

/** The agent's name when /proc/PID/comm names one; a process that ended reads as missing. */
async function agentNameAt(proc: string, pid: string): Promise<string | null> {
  const comm = await readRegularText(path.join(proc, pid, 'comm'), 64);
  const name = comm.kind === 'read' ? comm.text.trim() : '';
  return AGENT_NAMES.includes(name) ? name : null;
}

interface FoundAgent {
  readonly pid: string;
  readonly name: string;
}

/**
 * The name of a running polkit authentication agent, found by scanning /proc/*\/comm: a
 * finder's first look reads every process's comm.
 */
export function findPolkitAgent(ctx: SystemContext): Promise<string | null> {
  return createPolkitAgentFinder(ctx)();
}

/**
 * findPolkitAgent for a look at every state read (the window re-reads every 2 s): the agent
 * found last time is checked by its own /proc/PID/comm (one read); otherwise /proc is listed
 * again, but while none has been found only processes not looked at before have their comm
 * read (an agent starts as a new process); a pid that has ended is forgotten, so a reused one
 * is read again, and losing a found agent makes the next look a full scan. While the agent
 * runs, the answer is a full scan's.
 */
export function createPolkitAgentFinder(ctx: SystemContext): () => Promise<string | null> {
  const proc = resolveSystemPath(ctx, '/proc');
  let last: FoundAgent | null = null;
  let notAgents = new Set<string>();
  return async () => {
    const known = last;
    if (known !== null && (await agentNameAt(proc, known.pid)) === known.name) return known.name;
    // The agent last found has gone: look at everything again, as a full scan does.
    if (known !== null) notAgents = new Set();
    // Every comm asked for together: one round trip to the reader thread (safe-read.ts).
    const pids = listPids(proc);
    const unseen = pids.filter((pid) => !notAgents.has(pid));
    const names = await Promise.all(unseen.map((pid) => agentNameAt(proc, pid)));
    const at = names.findIndex((name) => name !== null);
    const [pid, name] = [unseen[at], names[at]];
    const seenNow = new Set(pids);
    notAgents = new Set([...notAgents].filter((p) => seenNow.has(p)));
    unseen.forEach((p, i) => (names[i] === null ? notAgents.add(p) : undefined));
    last = pid === undefined || name === undefined || name === null ? null : { pid, name };
    return last?.name ?? null;
  };
}

/** PRETTY_NAME from os-release, as its man page says to look for it. */
export async function readDistribution(ctx: SystemContext): Promise<string> {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    const read = await readRegularText(resolveSystemPath(ctx, file), 64 * 1024);
    if (read.kind !== 'read') continue;
    const pretty = /^PRETTY_NAME=(.*)$/m.exec(read.text)?.[1] ?? '';
    return pretty.replace(/^["']|["']$/g, '') || 'unknown (no PRETTY_NAME)';
  }
  return 'unknown (no os-release file)';
}

/**
 * The kernel release as /proc/sys/kernel/osrelease gives it, below the context's root: the
 * running kernel's normally, the scenario's in the demo (which must not show this machine's).
 */
export async function readKernelRelease(ctx: SystemContext): Promise<string> {
  const read = await readRegularText(resolveSystemPath(ctx, '/proc/sys/kernel/osrelease'), 256);
  if (read.kind === 'read' && read.text.trim() !== '') return read.text.trim();
  return ctx.fsRoot === '/' ? os.release() : 'unknown (no /proc/sys/kernel/osrelease)';
}
