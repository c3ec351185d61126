import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { SYSCTL_CONF, SYSCTL_DIRECTORIES } from '../../../electron/system/sysctl-sources';

/**
 * Refuses to run unless this process sits in its own network and mount
 * namespaces with every sysctl directory a tmpfs and /etc an overlay, as the
 * test sandbox sets up. The fuzz runner deletes and writes sysctl files and
 * runs both engines: on the host that would wipe /etc/sysctl.d and change the
 * host's kernel values, so it must never get that far.
 */
export function assertThrowawayNamespace(): void {
  // The parent names its own namespaces (PID 1's are not readable in every container).
  const outside = process.env.NB_OUTSIDE_NAMESPACES ?? '';
  for (const ns of ['net', 'mnt']) {
    const own = readlinkSync(`/proc/self/ns/${ns}`);
    if (!outside.includes(':[') || outside.split(' ').includes(own))
      throw new Error(`refusing to run: not in a private ${ns} namespace`);
  }
  // mountinfo fields: ... mount-point ... - fstype source options
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const fields = line.split(' ');
      const dash = fields.indexOf('-');
      return { point: fields[4] ?? '', type: fields[dash + 1] ?? '' };
    });
  const typeOf = (point: string) => mounts.filter((m) => m.point === point).pop()?.type;
  for (const dir of SYSCTL_DIRECTORIES) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (typeOf(real) !== 'tmpfs')
      throw new Error(`refusing to run: ${real} is not a private tmpfs`);
  }
  const etc = realpathSync(SYSCTL_CONF.slice(0, SYSCTL_CONF.lastIndexOf('/')));
  if (typeOf(etc) !== 'overlay')
    throw new Error(`refusing to run: ${etc} is not a private overlay`);
}

/** This process's own namespaces, for a child to compare against (NB_OUTSIDE_NAMESPACES). */
export function describeOwnNamespaces(): string {
  return ['net', 'mnt'].map((ns) => readlinkSync(`/proc/self/ns/${ns}`)).join(' ');
}
