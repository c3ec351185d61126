import { accessSync, constants } from 'node:fs';
import { readdir } from 'node:fs/promises';
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

/** The name of a running polkit authentication agent, found by scanning /proc/*\/comm. */
export async function findPolkitAgent(ctx: SystemContext): Promise<string | null> {
  const proc = resolveSystemPath(ctx, '/proc');
  const pids = (await readdir(proc).catch(() => [] as string[])).filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    // A process that ended while scanning simply reads as missing.
    const comm = await readRegularText(path.join(proc, pid, 'comm'), 64);
    if (comm.kind === 'read' && AGENT_NAMES.includes(comm.text.trim())) return comm.text.trim();
  }
  return null;
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
