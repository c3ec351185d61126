/**
 * The step's namespace operations, on the app's side: their arguments, built only from
 * checked values by the rules the step applies again (step/script-namespaces.ts;
 * docs/step-protocol.md, "Inside other network namespaces"). Pure: no process runs here.
 */
import net from 'node:net';
import type { SettingId } from '../../contract';
import type { BindTarget } from '../bind-test';
import { MAX_BIND_ADDRESSES } from '../nodes/node-bind-test';
import type { Catalogue } from '../settings';
import {
  MAX_INODE_DIGITS,
  MAX_NAMESPACE_NAME_LENGTH,
  MAX_NAMESPACE_REFS,
  MAX_PID_DIGITS,
} from '../step/script-namespaces';
import type { NamespaceRef } from './namespace-step-types';

export { MAX_NAMESPACE_REFS };

/** What is wrong with a request, before anything runs (technical: a bug guard, not words). */
export type NamespaceArgsProblem =
  | { readonly problem: 'no-namespaces' | 'too-many-namespaces' | 'no-values' }
  | { readonly problem: 'invalid-ref'; readonly index: number }
  | { readonly problem: 'unknown-setting' | 'invalid-value'; readonly id: string }
  | { readonly problem: 'no-addresses' | 'too-many-addresses' }
  | { readonly problem: 'invalid-address'; readonly index: number };

export type NamespaceArgs =
  | { readonly ok: true; readonly args: readonly string[] }
  | { readonly ok: false; readonly problem: NamespaceArgsProblem };

/** The characters of a name the step enters by (`ip netns` names use them; never a leading dot). */
const NAME = new RegExp(`^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,${MAX_NAMESPACE_NAME_LENGTH - 1}}$`);

/** A positive integer of at most `digits` digits. */
const positive = (n: number, digits: number) =>
  Number.isSafeInteger(n) && n > 0 && String(n).length <= digits;

/** `pid/PID/INODE` or `name/NAME/INODE` ('/' is the one character a name can never hold); null when invalid. */
export function refToken(ref: NamespaceRef): string | null {
  if (!positive(ref.inode, MAX_INODE_DIGITS)) return null;
  if (ref.via === 'pid')
    return positive(ref.pid, MAX_PID_DIGITS) ? `pid/${ref.pid}/${ref.inode}` : null;
  return NAME.test(ref.name) ? `name/${ref.name}/${ref.inode}` : null;
}

/** `v2 -- ns-read REF…`: 1 to 64 namespaces. */
export function readArgs(refs: readonly NamespaceRef[]): NamespaceArgs {
  if (refs.length === 0) return { ok: false, problem: { problem: 'no-namespaces' } };
  if (refs.length > MAX_NAMESPACE_REFS)
    return { ok: false, problem: { problem: 'too-many-namespaces' } };
  const tokens: string[] = [];
  for (const [index, ref] of refs.entries()) {
    const token = refToken(ref);
    if (token === null) return { ok: false, problem: { problem: 'invalid-ref', index } };
    tokens.push(token);
  }
  return { ok: true, args: ['v2', '--', 'ns-read', ...tokens] };
}

/** `v2 KEY=0|1… -- ns-set REF`: catalogue settings only, each 0 or 1, at least one. */
export function setArgs(
  ref: NamespaceRef,
  values: Readonly<Record<SettingId, 0 | 1>>,
  catalogue: Catalogue,
): NamespaceArgs {
  const token = refToken(ref);
  if (token === null) return { ok: false, problem: { problem: 'invalid-ref', index: 0 } };
  const settings: string[] = [];
  for (const [id, value] of Object.entries(values)) {
    const entry = catalogue.find((c) => c.id === id);
    if (!entry) return { ok: false, problem: { problem: 'unknown-setting', id } };
    if (value !== 0 && value !== 1) return { ok: false, problem: { problem: 'invalid-value', id } };
    settings.push(`${entry.key}=${value}`);
  }
  if (settings.length === 0) return { ok: false, problem: { problem: 'no-values' } };
  return { ok: true, args: ['v2', ...settings, '--', 'ns-set', token] };
}

/**
 * `v2 -- ns-bind REF ADDRESS…`: IP literals only (no zone), IPv6 with its ':' written '-'
 * (no token any elevation path passes may hold ':').
 */
export function bindArgs(ref: NamespaceRef, targets: readonly BindTarget[]): NamespaceArgs {
  const token = refToken(ref);
  if (token === null) return { ok: false, problem: { problem: 'invalid-ref', index: 0 } };
  if (targets.length === 0) return { ok: false, problem: { problem: 'no-addresses' } };
  if (targets.length > MAX_BIND_ADDRESSES)
    return { ok: false, problem: { problem: 'too-many-addresses' } };
  const addresses: string[] = [];
  for (const [index, t] of targets.entries()) {
    const family = net.isIP(t.address);
    if (family === 0 || !/^[0-9A-Fa-f.:]+$/.test(t.address) || t.address.length > 45)
      return { ok: false, problem: { problem: 'invalid-address', index } };
    addresses.push(family === 6 ? t.address.replaceAll(':', '-') : t.address);
  }
  return { ok: true, args: ['v2', '--', 'ns-bind', token, ...addresses] };
}
