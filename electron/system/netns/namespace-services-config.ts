import net from 'node:net';
import path from 'node:path';
import { canonicalAddress } from '../bind-test';
import { VIP_PROGRAMS } from '../vip-programs';
import type { LoadBalancerProgram } from './netns-types';
import type { LocalAddresses } from './namespace-services-proc';

/**
 * Where a load balancer reads its configuration, as it does: the `-f`/`-c` argument of its
 * command line, else the program's default path; and whether an address is local in its
 * namespace. Pure. The arguments are the process's own (hostile): a path over 4 KiB, with
 * control characters, or relative without a base is refused, never guessed.
 */

/** At most this many `-f` files are read (HAProxy takes several). */
export const MAX_CONFIG_ARGUMENTS = 16;

export type ConfigPaths =
  | { readonly ok: true; readonly paths: readonly string[]; readonly fromArguments: boolean }
  | { readonly ok: false; readonly reason: 'relative-path' | 'bad-argument' | 'not-parsed' };

/** nginx rewrites its master's command line to one string: "nginx: master process ARGS". */
function nginxArguments(args: readonly string[]): readonly string[] {
  const first = args[0] ?? '';
  const master = /^nginx: master process (.*)$/.exec(first);
  if (master) return (master[1] ?? '').split(' ').filter((a) => a !== '');
  return args;
}

/** The values of an option in its separate (`-f X`) and joined (`-fX`, `--use-file=X`) forms. */
function optionValues(
  args: readonly string[],
  short: string,
  long: string | null,
): (string | null)[] {
  const values: (string | null)[] = [];
  for (let i = 1; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    if (arg === short || (long !== null && arg === long)) {
      values.push(args[i + 1] ?? null);
      i += 1;
    } else if (long !== null && arg.startsWith(`${long}=`)) values.push(arg.slice(long.length + 1));
    else if (arg.startsWith(short) && arg.length > short.length && short.length === 2) {
      values.push(arg.slice(2));
    }
  }
  return values;
}

const usable = (p: string | null): p is string =>
  p !== null &&
  p.length > 0 &&
  p.length <= 4096 &&
  ![...p].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * The options naming each program's configuration file, and the one a relative path is
 * relative to (HAProxy's -C directory, nginx's -p prefix), if that is absolute.
 */
const OPTIONS = {
  haproxy: { file: '-f', long: null, relativeTo: '-C' },
  nginx: { file: '-c', long: null, relativeTo: '-p' },
  keepalived: { file: '-f', long: '--use-file', relativeTo: null },
} as const;

/** The configuration paths a load balancer started with `args` reads, inside its root. */
export function configPaths(program: LoadBalancerProgram, args: readonly string[]): ConfigPaths {
  if (program === 'envoy') return { ok: false, reason: 'not-parsed' };
  const own = program === 'nginx' ? nginxArguments(args) : args;
  const { file, long, relativeTo } = OPTIONS[program];
  const given = optionValues(own, file, long);
  if (given.length === 0)
    return { ok: true, paths: [VIP_PROGRAMS[program].config], fromArguments: false };
  const base = relativeTo === null ? undefined : optionValues(own, relativeTo, null).at(-1);
  const paths: string[] = [];
  for (const value of given.slice(0, MAX_CONFIG_ARGUMENTS)) {
    if (!usable(value)) return { ok: false, reason: 'bad-argument' };
    if (value.startsWith('/')) paths.push(path.posix.normalize(value));
    else if (base !== undefined && usable(base) && base.startsWith('/')) {
      paths.push(path.posix.join(base, value));
    } else return { ok: false, reason: 'relative-path' };
  }
  return { ok: true, paths, fromArguments: true };
}

function ipv4Number(address: string): number | null {
  if (net.isIPv4(address) === false) return null;
  return address.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** 32 hex digits (if_inet6) as an address `net` and the URL parser understand. */
function hexToIpv6(hex: string): string {
  return (hex.match(/.{4}/g) ?? []).join(':');
}

/** Whether `address` is local in the namespace whose local addresses are `locals`. */
export function isLocalThere(address: string, locals: LocalAddresses): boolean {
  if (!locals.ok) return false;
  const v4 = ipv4Number(address);
  if (v4 !== null) {
    return locals.v4.some(([prefix, length]) => {
      const size = 2 ** (32 - length);
      return Math.floor(v4 / size) === Math.floor(prefix / size);
    });
  }
  if (net.isIPv6(address.split('%')[0] ?? '') === false) return false;
  const v6 = canonicalAddress(address);
  return locals.v6.some((hex) => canonicalAddress(hexToIpv6(hex)) === v6);
}
