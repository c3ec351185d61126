import { effectiveValue } from '../runtime';
import type { SettingId } from '../../contract/state';
import type { NamespaceReading } from './namespace-step-types';
import type { NetworkNamespaceInfo, WillFailFinding } from './netns-types';

export type { WillFailFinding } from './netns-types';

/**
 * "haproxy in container web-lb (a1b2c3) binds 192.0.2.10, and IPv4 non-local bind is off in
 * its network: it will fail to start." (issue 18, step 2), as data for the renderer to word.
 * Pure: from one namespace's listing (its load balancers' VIPs, read inside its root) and,
 * when the step has read inside it, that reading.
 */

/** 'on', 'off', or 'unknown' for one setting of a reading of this namespace. */
function valueThere(
  reading: NamespaceReading | null,
  inode: number,
  setting: SettingId,
): 'on' | 'off' | 'unknown' {
  // A reading of another namespace says nothing about this one.
  if (reading === null || reading.inode !== inode || !reading.ok) return 'unknown';
  const runtime = Object.hasOwn(reading.values, setting) ? reading.values[setting] : undefined;
  if (runtime === undefined) return 'unknown';
  const value = effectiveValue(runtime);
  return value === null ? 'unknown' : value === 1 ? 'on' : 'off';
}

/** The container a namespace's load balancer runs in: the first that is not `--network host`. */
function containerOf(info: NetworkNamespaceInfo): WillFailFinding['container'] {
  const container = info.containers.find((c) => !c.hostNetwork) ?? null;
  return container ? { name: container.name?.name ?? null, shortId: container.shortId } : null;
}

/**
 * One finding per load balancer, address and setting whose VIP is not held in that namespace
 * and whose setting there is off or not read yet; none where it is on. The app's own
 * namespace gets none: the main view's VIP check covers it from the host's files.
 */
export function willFailFindings(
  info: NetworkNamespaceInfo,
  reading: NamespaceReading | null,
): readonly WillFailFinding[] {
  if (info.own) return [];
  const container = containerOf(info);
  const findings: WillFailFinding[] = [];
  const seen = new Set<string>();
  for (const lb of info.loadBalancers) {
    const pid = lb.pids[0];
    if (pid === undefined) continue;
    for (const vip of lb.vips ?? []) {
      if (vip.needs === null || vip.assignedThere) continue;
      const key = `${lb.program} ${vip.address} ${vip.needs}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const value = valueThere(reading, info.inode, vip.needs);
      if (value === 'on') continue;
      findings.push({
        inode: info.inode,
        program: lb.program,
        pid,
        address: vip.address,
        setting: vip.needs,
        value,
        container,
      });
    }
  }
  return findings;
}
