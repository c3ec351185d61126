import { createServer } from 'node:net';
import {
  detectFamily,
  isAssignedLocally,
  isLinkLocalIpv6,
  listLocalAddresses,
  type IpFamily,
} from './ip-address';

export interface BindTarget {
  readonly address: string;
  readonly port: number;
  readonly family: IpFamily;
  readonly zone?: string;
}

export type BindTargetCheck =
  | { readonly ok: true; readonly target: BindTarget }
  | { readonly ok: false; readonly error: string };

export type BindOutcome = 'works' | 'not-local' | 'port-in-use' | 'needs-root' | 'error';

export interface BindTestResult {
  readonly outcome: BindOutcome;
  readonly message: string;
  readonly assignedLocally: boolean;
  readonly family: IpFamily;
}

export const BIND_WORDS = {
  hostname: 'Enter an IP address, not a host name: the test never looks names up',
  linkLocalZone: 'Link-local IPv6 addresses need a zone, e.g. fe80::1%eth0',
  port: 'The port must be a whole number from 0 to 65535 (0 means any free port)',
  works: 'works',
  portInUse: 'port in use',
  needsRoot: "ports below 1024 need root; the test can't check them",
  alreadyLocal: "address is already on this computer; the setting isn't needed for it",
} as const;

export function describeNotLocal(family: IpFamily): string {
  return `fails: this address isn't on this computer; turn on ${family} non-local bind`;
}

// Letters, digits, dots and dashes with at least one letter: what a host name looks like.
const HOSTNAME = /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i;
// Interface names (eth0, enp3s0, br-1.10) or numeric scope ids.
const ZONE = /^[A-Za-z0-9_.:-]{1,15}$/;

/** Checks an address and port typed by the user; every rejection says what to fix. */
export function validateBindTarget(address: unknown, port: unknown): BindTargetCheck {
  if (typeof address !== 'string' || address.trim() === '')
    return { ok: false, error: 'Enter an IP address (IPv4 or IPv6)' };
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const percent = text.indexOf('%');
  const zone = percent >= 0 ? text.slice(percent + 1) : undefined;
  const bare = percent >= 0 ? text.slice(0, percent) : text;
  const family = detectFamily(bare);
  if (family === null) {
    if (HOSTNAME.test(bare)) return { ok: false, error: BIND_WORDS.hostname };
    return { ok: false, error: `"${bare.slice(0, 60)}" is not an IPv4 or IPv6 address` };
  }
  if (zone !== undefined) {
    if (family === 'IPv4') return { ok: false, error: 'IPv4 addresses take no zone (%…)' };
    if (!ZONE.test(zone))
      return { ok: false, error: 'The zone after % must be an interface name, e.g. eth0' };
  } else if (isLinkLocalIpv6(bare)) {
    return { ok: false, error: BIND_WORDS.linkLocalZone };
  }
  const checkedPort = checkPort(port);
  if (checkedPort === null) return { ok: false, error: BIND_WORDS.port };
  const target: BindTarget =
    zone === undefined
      ? { address: bare, port: checkedPort, family }
      : { address: bare, port: checkedPort, family, zone };
  return { ok: true, target };
}

function checkPort(port: unknown): number | null {
  if (port === undefined || port === null || port === '') return 0;
  const value =
    typeof port === 'number'
      ? port
      : typeof port === 'string' && /^\d{1,5}$/.test(port.trim())
        ? Number(port)
        : NaN;
  return Number.isInteger(value) && value >= 0 && value <= 65535 ? value : null;
}

/**
 * Opens a listening TCP socket on the target and closes it at once.
 *
 * Listening is the exact step HAProxy, Nginx and Keepalived's services fail at, and it
 * sends nothing: no connect, no packet leaves the host.
 */
export async function runBindTest(
  target: BindTarget,
  localAddresses: ReadonlySet<string> = listLocalAddresses(),
): Promise<BindTestResult> {
  const assignedLocally = isAssignedLocally(target.address, localAddresses);
  const host = target.zone === undefined ? target.address : `${target.address}%${target.zone}`;
  const failure = await listenOnce(host, target.port);
  const [outcome, words] = describeFailure(failure, target);
  const message = assignedLocally ? `${words}; ${BIND_WORDS.alreadyLocal}` : words;
  return { outcome, message, assignedLocally, family: target.family };
}

function describeFailure(
  failure: NodeJS.ErrnoException | null,
  target: BindTarget,
): [BindOutcome, string] {
  if (failure === null) return ['works', BIND_WORDS.works];
  switch (failure.code) {
    case 'EADDRNOTAVAIL':
      return ['not-local', describeNotLocal(target.family)];
    case 'EADDRINUSE':
      return ['port-in-use', BIND_WORDS.portInUse];
    case 'EACCES':
      if (target.port > 0 && target.port < 1024) return ['needs-root', BIND_WORDS.needsRoot];
      return ['error', `fails: permission denied (${failure.message})`];
    default:
      return ['error', `fails: ${failure.code ?? 'error'} (${failure.message})`];
  }
}

function listenOnce(host: string, port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve(null));
    });
  });
}
