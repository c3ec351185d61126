import type { NamespacesView } from '../contract';
import { createSimulatedInside, type InsideNamespaces } from '../demo/demo-namespace-inside';
import { willFailFindings } from '../system/netns/namespace-findings';
import { namespacesView } from '../system/netns/namespace-fixes';
import {
  bindTestInsideNamespace,
  readInsideNamespaces,
  setInsideNamespace,
  type StepRunner,
} from '../system/netns/namespace-step';
import { MAX_NAMESPACE_REFS } from '../system/netns/namespace-step-args';
import type { NamespaceReading, NamespaceRef } from '../system/netns/namespace-step-types';
import type { Catalogue } from '../system/settings';
import type { NamespaceListing } from '../system/netns/netns-types';
import type { HandlerDeps } from './deps';
import { refOf } from './namespace-refs';

/**
 * Where reading, changing and binding inside other namespaces happen: this computer's step
 * through its elevator (polkit once per call, or root directly), or the demo's simulation,
 * which never touches a real namespace.
 */
export function insideNamespacesOf(deps: HandlerDeps): InsideNamespaces {
  const { target } = deps;
  if (deps.demo !== null) return createSimulatedInside(target.catalogue);
  const run: StepRunner = (args, manual) => target.runStep(args, manual);
  return {
    read: (refs) => readInChunks(run, refs, target.catalogue),
    set: (ref, values) => setInsideNamespace(run, ref, values, target.catalogue),
    bindTest: (ref, targets) => bindTestInsideNamespace(run, ref, targets),
  };
}

/**
 * One run of the step reads up to MAX_NAMESPACE_REFS namespaces, so up to that many cost
 * one authentication; a computer with more is read in as many runs, one after another.
 */
async function readInChunks(
  run: StepRunner,
  refs: readonly NamespaceRef[],
  catalogue: Catalogue,
): ReturnType<InsideNamespaces['read']> {
  const readings: NamespaceReading[] = [];
  let elapsedMs = 0;
  for (let at = 0; at < refs.length; at += MAX_NAMESPACE_REFS) {
    const read = await readInsideNamespaces(
      run,
      refs.slice(at, at + MAX_NAMESPACE_REFS),
      catalogue,
    );
    if (!read.ok) return read;
    readings.push(...read.readings);
    elapsedMs += read.elapsedMs;
  }
  return { ok: true, readings, elapsedMs };
}

/** The `namespaces:list` answer: each namespace with its fix and its findings before any read. */
export function namespacesViewFor(deps: HandlerDeps, listing: NamespaceListing): NamespacesView {
  const view = namespacesView(listing, deps.target.catalogue);
  return {
    ...view,
    namespaces: view.namespaces.map((entry) => ({
      ...entry,
      findings: willFailFindings(entry, null),
      canEnter: !entry.own && refOf(entry) !== null,
    })),
    insideAuthentication: deps.target.authentication === 'polkit' ? 'asks' : 'none',
  };
}
