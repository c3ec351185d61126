import net from 'node:net';
import type { NodeBindTestResult } from '../../contract';
import { runCapped, type CappedResult } from '../capped-run';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure } from './ssh-errors';
import { FIXED_SSH_OPTIONS, runSsh, type SshSettings } from './ssh-runner';
import type { LocalTarget } from '../target/local-target';
import type { NodeTarget } from '../target/node-target';

/** Most addresses one test binds. */
export const MAX_BIND_ADDRESSES = 64;

/**
 * The constant bind script: binds a TCP socket to each address (port 0, so no
 * port can be busy) with the first program the machine has, and closes it.
 * Binding only: nothing listens for long, nothing connects anywhere.
 * Output: `PROGRAM name|none`, then `RESULT <address> works|not-local|error <words>`.
 */
export const BIND_SCRIPT = String.raw`
LC_ALL=C; export LC_ALL
PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH
PY='import socket,sys,errno
a=sys.argv[1]
s=socket.socket(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind((a, 0)); print("works")
except OSError as e:
    print("not-local" if e.errno == errno.EADDRNOTAVAIL else "error " + str(e.strerror))'
PL='use Socket qw(:addrinfo SOCK_STREAM); use Errno;
my ($e, @r) = getaddrinfo($ARGV[0], 0, {flags => AI_NUMERICHOST, socktype => SOCK_STREAM});
if ($e) { print "error $e\n"; exit }
socket(my $s, $r[0]{family}, SOCK_STREAM, 0) or do { print "error $!\n"; exit };
if (bind($s, $r[0]{addr})) { print "works\n" } elsif ($!{EADDRNOTAVAIL}) { print "not-local\n" } else { print "error $!\n" }'
if command -v python3 >/dev/null 2>&1; then p=python3
elif command -v perl >/dev/null 2>&1 && perl -MSocket=getaddrinfo -e 1 2>/dev/null; then p=perl
else p=none; fi
echo "PROGRAM $p"
for a in "$@"; do
  case $p in
    python3) r=$(python3 -c "$PY" "$a" 2>&1 | head -c 300 | tr '\n' ' ') ;;
    perl) r=$(perl -e "$PL" "$a" 2>&1 | head -c 300 | tr '\n' ' ') ;;
    *) break ;;
  esac
  echo "RESULT $a $r"
done
`;

const INSTALL_HINT =
  'It has neither python3 nor perl, so nothing could bind a test socket. Install python3 (Debian/Ubuntu: apt install python3-minimal; RHEL: dnf install python3) and test again.';

/** Only literal IP addresses reach the script's argv (and the remote shell line). */
export function checkBindAddresses(addresses: readonly unknown[]): string[] | string {
  if (addresses.length === 0) return 'There are no addresses to test.';
  if (addresses.length > MAX_BIND_ADDRESSES)
    return `At most ${MAX_BIND_ADDRESSES} addresses can be tested at once.`;
  const out: string[] = [];
  for (const a of addresses) {
    if (typeof a !== 'string' || net.isIP(a) === 0 || !/^[0-9A-Fa-f.:]+$/.test(a))
      return `"${String(a).slice(0, 60)}" is not an IP address.`;
    out.push(a);
  }
  return [...new Set(out)];
}

function interpret(node: string, name: string, r: CappedResult): NodeBindTestResult | string {
  if (r.status === 255 || r.status === null || r.timedOut || r.overflow)
    return classifySshFailure(name, r.stderr).message;
  const all = r.stdout.toString('utf8').split('\n');
  // A login shell may print before the script (an echo in ~/.bashrc): the answer starts
  // at its PROGRAM line, and only RESULT lines after it count.
  const start = all.findIndex((l) => /^PROGRAM (python3|perl|none)$/.test(l));
  const lines = start < 0 ? [] : all.slice(start);
  const program = /^PROGRAM (python3|perl|none)$/.exec(lines[0] ?? '')?.[1];
  if (!program) return `${name}: the bind test gave an answer the app does not understand.`;
  if (program === 'none')
    return { node, program: null, results: [], note: `${name}: ${INSTALL_HINT}` };
  const results: NodeBindTestResult['results'][number][] = [];
  for (const line of lines.slice(1)) {
    const m = /^RESULT (\S+) (works|not-local|error)\s?(.*)$/.exec(line.trim());
    if (!m?.[1] || !m[2]) continue;
    const address = m[1];
    const family = net.isIP(address) === 6 ? 'IPv6' : 'IPv4';
    const outcome = m[2] as 'works' | 'not-local' | 'error';
    const message =
      outcome === 'works'
        ? `${address}: binding works on ${name}.`
        : outcome === 'not-local'
          ? `${address}: cannot bind on ${name}: the address is not there and ${family} non-local bind is off.`
          : `${address}: the test failed on ${name}: ${(m[3] ?? '').trim().slice(0, 200)}`;
    results.push({ address, family, outcome, message });
  }
  return {
    node,
    program,
    results,
    note: `${name}: tested with ${program}, binding only (port 0), nothing listens or connects.`,
  };
}

/** Binds each address on a node over SSH, in one round trip. */
export async function bindTestOnNode(
  settings: SshSettings,
  destination: Destination,
  addresses: readonly string[],
): Promise<NodeBindTestResult | string> {
  const r = await runSsh(
    settings,
    [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), 'sh', '-s', '--', ...addresses],
    BIND_SCRIPT,
    65536,
  );
  return interpret(destination.text, destination.text, r);
}

/** The same script on this computer, so both columns are tested the same way. */
async function bindTestHere(addresses: readonly string[]): Promise<NodeBindTestResult | string> {
  const r = await runCapped('/bin/sh', ['-s', '--', ...addresses], BIND_SCRIPT, {
    outputCap: 65536,
    timeoutMs: 15_000,
  });
  return interpret('local', 'this computer', r);
}

/** Binds each address on one target of the pair, with the same script wherever it is. */
export function bindTestAt(
  target: LocalTarget | NodeTarget,
  addresses: readonly string[],
): Promise<NodeBindTestResult | string> {
  return 'destination' in target
    ? bindTestOnNode(target.ssh, target.destination, addresses)
    : bindTestHere(addresses);
}
