import type { ApiError } from '../contract';
import { validateBindTarget } from '../system/bind-test';
import { DEFAULT_SCAN_LIMITS } from '../system/netns/list-namespaces';
import { MAX_NAMESPACE_REFS } from '../system/netns/namespace-step-args';
import type { HandlerDeps } from './deps';
import { fail, handle, succeed } from './envelope';
import { willFailFindings } from '../system/netns/namespace-findings';
import { insideNamespacesOf, namespacesViewFor } from './namespace-inside';
import { resolveNamespaces } from './namespace-refs';
import { anything, integer, listOf, noPayload, object } from './payload-checks';
import { valuesCheck } from './validate-apply-request';
import type { FeatureHandlers } from './types';

type NamespaceChannel =
  'namespaces:list' | 'namespaces:read-inside' | 'namespaces:set' | 'namespaces:bind-test';

/** An nsfs inode as `net:[INODE]` shows it: a positive whole number. */
const inode = integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
/** No more inodes than the listing ever gives: more than that is no real request. */
const MAX_INODES = DEFAULT_SCAN_LIMITS.maxNamespaces;
const UNRESOLVED: ApiError = { code: 'internal-error', details: 'unresolved' };

/**
 * Every network namespace, and reading, changing and binding inside them (issue 18). The
 * renderer names a namespace by its inode only; each call lists the namespaces afresh and
 * enters each one by a name or process from that listing, never by one the renderer sent.
 * The demo's listing and insides are simulated.
 */
export function createNamespaceHandlers(deps: HandlerDeps): FeatureHandlers<NamespaceChannel> {
  const inside = insideNamespacesOf(deps);
  // `services`: whether the answer's findings need what runs inside (read-inside, set).
  const resolve = async (inodes: readonly number[], services = true) => {
    const listed = await deps.listNamespaces({ services });
    if (!listed.ok)
      return {
        ok: false as const,
        error: { code: listed.error.code, details: listed.error.detail },
      };
    return resolveNamespaces(listed, inodes);
  };
  /** The one namespace a set or bind test names, as a fresh listing has it. */
  const resolveOne = async (wanted: number, services = true) => {
    const found = await resolve([wanted], services);
    if (!found.ok) return found;
    const [one] = found.namespaces;
    return one ? { ok: true as const, ...one } : { ok: false as const, error: UNRESOLVED };
  };
  return {
    'namespaces:list': handle('namespaces:list', noPayload, async () => {
      const answer = await deps.listNamespaces();
      if (!answer.ok) return fail({ code: answer.error.code, details: answer.error.detail });
      return succeed(namespacesViewFor(deps, answer));
    }),
    'namespaces:read-inside': handle(
      'namespaces:read-inside',
      object({ inodes: listOf(inode, { min: 1, max: MAX_INODES, distinct: true }) }),
      async ({ inodes }) => {
        const found = await resolve(inodes);
        if (!found.ok) return fail(found.error);
        const read = await inside.read(found.namespaces.map((n) => n.ref));
        if (!read.ok) return fail(read.error);
        const findings = found.namespaces.flatMap((n, i) =>
          willFailFindings(n.info, read.readings[i] ?? null),
        );
        const runs = Math.ceil(inodes.length / MAX_NAMESPACE_REFS);
        return succeed({ readings: read.readings, elapsedMs: read.elapsedMs, runs, findings });
      },
    ),
    'namespaces:set': handle(
      'namespaces:set',
      object({ inode, values: valuesCheck(deps.target.catalogue) }),
      async ({ inode: wanted, values }) => {
        if (Object.keys(values).length === 0)
          return fail({ code: 'invalid-payload', details: 'namespaces:set: values is empty' });
        const target = await resolveOne(wanted);
        if (!target.ok) return fail(target.error);
        const set = await inside.set(target.ref, values);
        if (!set.ok) return fail(set.error);
        const findings = willFailFindings(target.info, set.reading);
        return succeed({ reading: set.reading, findings });
      },
    ),
    'namespaces:bind-test': handle(
      'namespaces:bind-test',
      // The address gets its own specific words from validateBindTarget.
      object({ inode, address: anything }),
      async ({ inode: wanted, address }) => {
        const check = validateBindTarget(address, 0);
        if (!check.ok) return fail(check.error);
        // A bind test needs only a way in, not the load balancers' VIPs read again.
        const target = await resolveOne(wanted, false);
        if (!target.ok) return fail(target.error);
        const tested = await inside.bindTest(target.ref, [check.target]);
        if (!tested.ok) return tested;
        return succeed({ inode: wanted, results: tested.value });
      },
    ),
  };
}
