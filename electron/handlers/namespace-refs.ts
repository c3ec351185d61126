import type { ApiError } from '../contract';
import { refToken } from '../system/netns/namespace-step-args';
import type { NamespaceRef } from '../system/netns/namespace-step-types';
import type { NamespaceListing, NetworkNamespaceInfo } from '../system/netns/netns-types';

/** A namespace the step may enter: how it enters it, and what the listing knows of it. */
export interface ResolvedNamespace {
  readonly ref: NamespaceRef;
  readonly info: NetworkNamespaceInfo;
}

export type ResolvedNamespaces =
  | { readonly ok: true; readonly namespaces: readonly ResolvedNamespace[] }
  | { readonly ok: false; readonly error: ApiError };

/**
 * How to enter one listed namespace: its `ip netns` name when it has a plain one (stable,
 * and the only way into a namespace no process holds), else a process seen in it. Never a
 * pid or name from the renderer: both come from the listing just made, and the step checks
 * the inode it opened is still this one.
 */
export function refOf(info: NetworkNamespaceInfo): NamespaceRef | null {
  for (const n of info.names) {
    if (n.source !== 'ip-netns' || n.escaped) continue;
    const ref = { inode: info.inode, via: 'name', name: n.name } as const;
    // A name the step would refuse (its characters, its length) is passed over for a pid.
    if (refToken(ref) !== null) return ref;
  }
  const pid = info.samplePids[0];
  return pid === undefined ? null : { inode: info.inode, via: 'pid', pid };
}

/**
 * Each inode, in order, to a namespace of a fresh listing. An inode not listed now, the
 * app's own (the main view reads and changes it), or one with no way in refuses the
 * whole request, with the inode in `details`.
 */
export function resolveNamespaces(
  listing: NamespaceListing,
  inodes: readonly number[],
): ResolvedNamespaces {
  const namespaces: ResolvedNamespace[] = [];
  for (const inode of inodes) {
    const info = listing.namespaces.find((n) => n.inode === inode);
    const details = `net:[${inode}]`;
    if (info === undefined) return { ok: false, error: { code: 'netns-unknown', details } };
    if (info.own) return { ok: false, error: { code: 'netns-own', details } };
    const ref = refOf(info);
    if (ref === null) return { ok: false, error: { code: 'netns-unreachable', details } };
    namespaces.push({ ref, info });
  }
  return { ok: true, namespaces };
}
