import net from 'node:net';
import type { BindTestResult, Envelope } from '../../contract';
import { bindResultBase, type BindTarget } from '../bind-test';
import type { CappedResult } from '../capped-run';
import { destinationArgs, type Destination } from './destination';
import { classifySshFailure, nodeError } from './ssh-errors';
import { FIXED_SSH_OPTIONS, runSsh, type SshSettings } from './ssh-runner';

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

/** Only literal IP addresses reach the script's argv (and the remote shell line); port 0. */
export function checkBindAddresses(addresses: readonly unknown[]): Envelope<BindTarget[]> {
  const refused = (problem: 'none' | 'too-many' | 'not-ip', more = {}): Envelope<BindTarget[]> => ({
    ok: false,
    error: {
      code: 'invalid-address',
      data: { from: 'addresses', code: 'invalid-address', problem, ...more },
    },
  });
  if (addresses.length === 0) return refused('none');
  if (addresses.length > MAX_BIND_ADDRESSES)
    return refused('too-many', { limit: MAX_BIND_ADDRESSES });
  const out = new Map<string, BindTarget>();
  for (const a of addresses) {
    if (typeof a !== 'string' || net.isIP(a) === 0 || !/^[0-9A-Fa-f.:]+$/.test(a))
      return refused('not-ip', { value: String(a).slice(0, 60) });
    out.set(a, { address: a, port: 0, family: net.isIP(a) === 6 ? 'IPv6' : 'IPv4' });
  }
  return { ok: true, value: [...out.values()] };
}

type Outcome = BindTestResult['outcome'];

/** What the script answered, as data; the node's name only for its failure's words. */
function interpret(
  node: string,
  targets: readonly BindTarget[],
  r: CappedResult,
): Envelope<BindTestResult[]> {
  if (r.status === 255 || r.status === null || r.timedOut || r.overflow)
    return { ok: false, error: classifySshFailure(node, r.stderr).error };
  const all = r.stdout.toString('utf8').split('\n');
  // A login shell may print before the script (an echo in ~/.bashrc): the answer starts
  // at its PROGRAM line, and only RESULT lines after it count.
  const start = all.findIndex((l) => /^PROGRAM (python3|perl|none)$/.test(l));
  const lines = start < 0 ? [] : all.slice(start);
  const program = /^PROGRAM (python3|perl|none)$/.exec(lines[0] ?? '')?.[1];
  if (!program) return { ok: false, error: nodeError('malformed', node, { stage: 'bind-test' }) };
  // Whether the node holds the address is not asked there: assignedLocally stays null.
  const base = (t: BindTarget) => bindResultBase(t, null);
  if (program === 'none')
    return {
      ok: true,
      value: targets.map((t) => ({ ...base(t), via: null, outcome: 'no-program' })),
    };
  const via = program === 'perl' ? 'perl' : 'python3';
  const results: BindTestResult[] = [];
  for (const line of lines.slice(1)) {
    const m = /^RESULT (\S+) (works|not-local|error)\s?(.*)$/.exec(line.trim());
    const target = targets.find((t) => t.address === m?.[1]);
    if (!m?.[2] || !target) continue;
    const outcome = m[2] as Outcome;
    const detail = outcome === 'error' ? (m[3] ?? '').trim().slice(0, 200) : '';
    results.push({ ...base(target), via, outcome, detail });
  }
  return { ok: true, value: results };
}

/** Binds each address on a node over SSH, in one round trip. */
export async function bindTestOnNode(
  settings: SshSettings,
  destination: Destination,
  targets: readonly BindTarget[],
): Promise<Envelope<BindTestResult[]>> {
  const addresses = targets.map((t) => t.address);
  const r = await runSsh(
    settings,
    [...FIXED_SSH_OPTIONS, ...destinationArgs(destination), 'sh', '-s', '--', ...addresses],
    BIND_SCRIPT,
    65536,
  );
  return interpret(destination.text, targets, r);
}
