import net from 'node:net';
import os from 'node:os';
import type { ApiError, ApiErrorData, BindTestResult } from '../contract';

export interface BindTarget {
  readonly address: string;
  readonly port: number;
  readonly family: 'IPv4' | 'IPv6';
}

export type BindTargetCheck =
  | { readonly ok: true; readonly target: BindTarget }
  | { readonly ok: false; readonly error: ApiError };

type AddressProblem = Extract<ApiErrorData, { from: 'addresses' }>['problem'];

const refused = (problem: AddressProblem, value?: string): BindTargetCheck => ({
  ok: false,
  error: {
    code: 'invalid-address',
    data: { from: 'addresses', code: 'invalid-address', problem, ...(value ? { value } : {}) },
  },
});

/** Checks the address and port typed into the bind test; never looks a name up. */
export function validateBindTarget(address: unknown, port: unknown): BindTargetCheck {
  if (typeof address !== 'string' || address.trim() === '') {
    return refused('empty');
  }
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const family = net.isIP(text);
  if (family === 0) {
    const hostName = /^[A-Za-z0-9.-]+$/.test(text) && /[A-Za-z]/.test(text);
    return refused(hostName ? 'host-name' : 'not-ip', text.slice(0, 60));
  }
  if (family === 6 && /^fe[89ab][0-9a-f]:/i.test(text) && !text.includes('%')) {
    return refused('no-zone');
  }
  let portNumber = 0;
  if (port !== undefined && port !== null && port !== '') {
    const n =
      typeof port === 'number'
        ? port
        : typeof port === 'string' && /^\d+$/.test(port.trim())
          ? Number(port)
          : Number.NaN;
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      return refused('bad-port');
    }
    portNumber = n;
  }
  return {
    ok: true,
    target: { address: text, port: portNumber, family: family === 4 ? 'IPv4' : 'IPv6' },
  };
}

/** One spelling per address, so `2001:0db8:0::77` matches the interface's `2001:db8::77`. */
export function canonicalAddress(address: string): string {
  const bare = address.split('%')[0] ?? '';
  // The WHATWG URL parser writes IPv6 in the RFC 5952 form; it never resolves names. Its
  // hostname keeps the brackets, which would hide "::1" from the loopback check.
  return net.isIP(bare) === 6
    ? new URL(`http://[${bare}]/`).hostname.slice(1, -1)
    : bare.toLowerCase();
}

/**
 * 127.0.0.0/8 and ::1: the kernel treats every loopback address as the machine's own, so
 * binding one never needs non-local bind.
 */
export function isLoopbackAddress(address: string): boolean {
  const wanted = canonicalAddress(address);
  return wanted === '::1' || (net.isIP(wanted) === 4 && wanted.startsWith('127.'));
}

/**
 * 0.0.0.0 and ::, the any-address: listening there means every address this computer has,
 * never a foreign one, so it never needs non-local bind.
 */
export function isAnyAddress(address: string): boolean {
  const wanted = canonicalAddress(address);
  return wanted === '0.0.0.0' || wanted === '::';
}

/**
 * Whether an address belongs to a computer holding `own` (its interface addresses):
 * loopback and the wildcard always do. Pure, so the demo decides with its simulated
 * addresses exactly as the real test does with the real ones.
 */
export function isLocalAddress(address: string, own: readonly string[]): boolean {
  if (isLoopbackAddress(address) || isAnyAddress(address)) return true;
  const wanted = canonicalAddress(address);
  return own.some((a) => canonicalAddress(a) === wanted);
}

/** This computer's interface addresses now, asked once per test or discovery. */
export function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((i) => (i === undefined ? [] : [i.address]));
}

function tryListen(target: BindTarget): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    // Listen only; close at once. Nothing ever connects or sends.
    server.listen({ host: target.address, port: target.port, exclusive: true }, () =>
      server.close(() => resolve(null)),
    );
  });
}

/** What every bind test result says about its target, real or simulated. */
export function bindResultBase(target: BindTarget, local: boolean | null) {
  return {
    address: target.address,
    port: target.port,
    family: target.family,
    assignedLocally: local,
    anyAddress: isAnyAddress(target.address),
    detail: '',
    via: 'listen' as BindTestResult['via'],
  };
}

/** Opens a listening TCP socket on the address, closes it, and says what happened, as data. */
export async function runBindTest(
  target: BindTarget,
  own: readonly string[] = interfaceAddresses(),
): Promise<BindTestResult> {
  const error = await tryListen(target);
  const base = bindResultBase(target, isLocalAddress(target.address, own));
  if (error === null) return { ...base, outcome: 'works' };
  switch (error.code) {
    case 'EADDRNOTAVAIL':
      return { ...base, outcome: 'not-local' };
    case 'EADDRINUSE':
      return { ...base, outcome: 'port-in-use' };
    default:
      // Ports below 1024 need root, which the test does not have: it cannot check them.
      return error.code === 'EACCES' && target.port > 0 && target.port < 1024
        ? { ...base, outcome: 'needs-root' }
        : { ...base, outcome: 'error', detail: `${error.code ?? ''} ${error.message}`.trim() };
  }
}
