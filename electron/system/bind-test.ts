import net from 'node:net';
import os from 'node:os';
import type { BindTestResult } from '../contract';

export interface BindTarget {
  readonly address: string;
  readonly port: number;
  readonly family: 'IPv4' | 'IPv6';
}

export type BindTargetCheck =
  | { readonly ok: true; readonly target: BindTarget }
  | { readonly ok: false; readonly message: string };

/** Checks the address and port typed into the bind test; never looks a name up. */
export function validateBindTarget(address: unknown, port: unknown): BindTargetCheck {
  if (typeof address !== 'string' || address.trim() === '') {
    return { ok: false, message: 'Enter an IP address, for example 192.0.2.10 or 2001:db8::10.' };
  }
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const family = net.isIP(text);
  if (family === 0) {
    if (/^[A-Za-z0-9.-]+$/.test(text) && /[A-Za-z]/.test(text)) {
      return {
        ok: false,
        message: `"${text}" looks like a host name. Enter an IP address: the test never looks names up.`,
      };
    }
    return { ok: false, message: `"${text.slice(0, 60)}" is not an IPv4 or IPv6 address.` };
  }
  if (family === 6 && /^fe[89ab][0-9a-f]:/i.test(text) && !text.includes('%')) {
    return {
      ok: false,
      message: 'Link-local IPv6 addresses need a zone (the interface), for example fe80::1%eth0.',
    };
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
      return {
        ok: false,
        message: 'The port must be a whole number from 0 to 65535 (0 picks any free port).',
      };
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

/** 127.0.0.0/8 and ::1: the kernel treats every loopback address as this computer's own. */
function isLoopback(address: string): boolean {
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
  if (isLoopback(address) || isAnyAddress(address)) return true;
  const wanted = canonicalAddress(address);
  return own.some((a) => canonicalAddress(a) === wanted);
}

/** This computer's interface addresses now, asked once per test or discovery. */
export function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((i) => (i === undefined ? [] : [i.address]));
}

/** The bind test's words for a listen that worked: the any-address, an own address, or a foreign one. */
export function describeWorks(target: BindTarget, local: boolean): string {
  if (isAnyAddress(target.address))
    return "works: this is the any-address (all of this computer's addresses), which never needs non-local bind";
  return local
    ? "works: the address belongs to this computer, so the setting isn't needed for it"
    : `works: this computer does not hold the address yet, and ${target.family} non-local bind lets services listen on it anyway`;
}

/** The bind test's words for EADDRNOTAVAIL: a foreign address with the setting off. */
export function describeNotLocal(target: BindTarget): string {
  return `fails: this computer does not hold this address, and ${target.family} non-local bind is off; turn it on to let services listen here`;
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
export function bindResultBase(target: BindTarget, local: boolean) {
  return {
    address: target.address,
    port: target.port,
    family: target.family,
    assignedLocally: local,
    anyAddress: isAnyAddress(target.address),
  };
}

/** Opens a listening TCP socket on the address, closes it, and says what happened in words. */
export async function runBindTest(
  target: BindTarget,
  own: readonly string[] = interfaceAddresses(),
): Promise<BindTestResult> {
  const local = isLocalAddress(target.address, own);
  const error = await tryListen(target);
  const base = bindResultBase(target, local);
  if (error === null) {
    return {
      ...base,
      outcome: 'works',
      message: describeWorks(target, local),
    };
  }
  switch (error.code) {
    case 'EADDRNOTAVAIL':
      return {
        ...base,
        outcome: 'not-local',
        message: describeNotLocal(target),
      };
    case 'EADDRINUSE':
      return {
        ...base,
        outcome: 'port-in-use',
        message: 'port in use: another program already listens there',
      };
    case 'EACCES':
      return target.port > 0 && target.port < 1024
        ? {
            ...base,
            outcome: 'needs-root',
            message: "ports below 1024 need root; the test can't check them",
          }
        : { ...base, outcome: 'error', message: `the system refused: ${error.message}` };
    default:
      return {
        ...base,
        outcome: 'error',
        message: `fails: ${error.code ?? ''} ${error.message}`.trim(),
      };
  }
}
