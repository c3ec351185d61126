import { accessSync, constants, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSmallTextFile } from './read-small-file';
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
export function findPolkitAgent(ctx: SystemContext): string | null {
  const proc = resolveSystemPath(ctx, '/proc');
  let pids: string[];
  try {
    pids = readdirSync(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const comm = readSmallTextFile(path.join(proc, pid, 'comm')).trim();
      if (AGENT_NAMES.includes(comm)) return comm;
    } catch {
      // The process ended while scanning.
    }
  }
  return null;
}

/** PRETTY_NAME from os-release, as its man page says to look for it. */
export function readDistribution(ctx: SystemContext): string {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      const text = readSmallTextFile(resolveSystemPath(ctx, file));
      const pretty = /^PRETTY_NAME=(.*)$/m.exec(text)?.[1] ?? '';
      return pretty.replace(/^["']|["']$/g, '') || 'unknown (no PRETTY_NAME)';
    } catch {
      // Try the next one.
    }
  }
  return 'unknown (no os-release file)';
}

export function readKernelRelease(): string {
  return os.release();
}
