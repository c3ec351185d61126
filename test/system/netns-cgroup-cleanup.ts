import { readdirSync, readFileSync, rmdirSync, type Dirent } from 'node:fs';

/**
 * Cleaning up after a container engine a system test ran: the cgroups it made under a
 * parent the test named (cgroupfs is shared with the host, whatever mount namespace).
 */

/** Every pid in a cgroup directory and below it (cgroup.procs of each). */
export function cgroupPids(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const below = entries
    .filter((e) => e.isDirectory())
    .flatMap((e) => cgroupPids(`${dir}/${e.name}`));
  return [...readFileSync(`${dir}/cgroup.procs`, 'utf8').split('\n').filter(Boolean), ...below];
}

/** Removes a cgroup directory and any left below it (rmdir only: cgroupfs has no files to delete). */
export function removeCgroup(dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // Not there in this hierarchy.
  }
  for (const entry of entries) if (entry.isDirectory()) removeCgroup(`${dir}/${entry.name}`);
  rmdirSync(dir);
}
