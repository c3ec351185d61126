import type { StepRunner } from '../../electron/system/netns/namespace-step';
import { once } from 'node:events';
import type { Sandbox } from './sandbox';
import { runStepInSandbox } from './run-step';

/**
 * Network namespaces for the step's namespace operations to enter, all made inside a
 * sandbox: unnamed ones held by a process (`unshare --net sleep`), and `ip netns` names
 * once the sandbox's /run is its own. The pids and inodes are as the sandbox sees them
 * (its own /proc when it has a PID namespace), which is what the step run there sees.
 */
export interface HeldNamespace {
  readonly pid: number;
  readonly inode: number;
}

/**
 * Starts `count` processes, each in a namespace of its own, waits until each has left the
 * sandbox's namespace, prints "PID INODE" for each and "ready", and then waits for them:
 * the shell reaps them when they are stopped (an orphan would stay a zombie here).
 * With a FIFO as $3, each first waits for a line from it and then moves to a second new
 * namespace: its pid leads elsewhere than the inode printed.
 */
const HOLD = String.raw`
n=$1; t=$2; fifo=${'$'}{3:-}; own=$(stat -L -c %i /proc/$$/ns/net); pids=; i=0
while [ "$i" -lt "$n" ]; do
  if [ -n "$fifo" ]; then
    unshare --net sh -c 'read x < "$2"; exec unshare --net sleep "$1"' sh "$t" "$fifo" </dev/null >/dev/null 2>&1 &
  else
    unshare --net sleep "$t" </dev/null >/dev/null 2>&1 &
  fi
  pids="$pids $!"; i=$((i + 1))
done
for p in $pids; do
  k=0
  while :; do
    ino=$(stat -L -c %i "/proc/$p/ns/net" 2>/dev/null) || ino=
    [ -n "$ino" ] && [ "$ino" != "$own" ] && break
    k=$((k + 1)); [ "$k" -lt 1000 ] || { echo "no namespace for $p" >&2; exit 1; }
    sleep 0.01
  done
  echo "$p $ino"
done
echo ready
wait
`;

/** Namespaces held by processes of a holder shell; `release` stops them and the shell. */
export interface Holders {
  readonly held: readonly HeldNamespace[];
  release(): Promise<void>;
}

export async function holdNamespaces(
  sandbox: Sandbox,
  count: number,
  options: { readonly seconds?: number; readonly moveOn?: string } = {},
): Promise<Holders> {
  const args = [
    String(count),
    String(options.seconds ?? 600),
    ...(options.moveOn ? [options.moveOn] : []),
  ];
  const shell = sandbox.spawn('sh', ['-c', HOLD, 'sh', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  shell.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = once(shell, 'exit');
  await new Promise<void>((resolve, reject) => {
    shell.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (/(^|\n)ready\n/.test(out)) resolve();
    });
    shell.once('exit', (code) => reject(new Error(`holder shell exited ${code}: ${err}`)));
  });
  const held = out
    .split('\n')
    .filter((l) => /^\d+ \d+$/.test(l))
    .map((line) => {
      const [pid, inode] = line.split(' ').map(Number);
      return { pid: pid ?? 0, inode: inode ?? 0 };
    });
  return {
    held,
    release: async () => {
      if (shell.exitCode !== null || shell.signalCode !== null) return;
      sandbox.run(
        'kill',
        held.map((h) => String(h.pid)),
        { allowFailure: true },
      );
      await exited;
    },
  };
}

/** The inode of the namespace a pid is in now, or null when the process is gone. */
export function inodeOf(sandbox: Sandbox, pid: number): number | null {
  const r = sandbox.run('stat', ['-L', '-c', '%i', `/proc/${pid}/ns/net`], { allowFailure: true });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/**
 * Gives the sandbox a /run of its own (a tmpfs over the host's, in its mount namespace
 * only), so `ip netns add` makes /run/netns there and nowhere else.
 */
export function privateRun(sandbox: Sandbox): void {
  sandbox.run('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'tmpfs', '/run']);
}

/** `ip netns add` each name (the sandbox's /run must be private: privateRun). */
export function addNamed(sandbox: Sandbox, names: readonly string[]): Map<string, number> {
  const inodes = new Map<string, number>();
  for (const name of names) {
    sandbox.run('ip', ['netns', 'add', name]);
    inodes.set(name, Number(sandbox.run('stat', ['-L', '-c', '%i', `/run/netns/${name}`]).stdout));
  }
  return inodes;
}

/** `ip netns delete` each name that is still there. */
export function deleteNamed(sandbox: Sandbox, names: readonly string[]): void {
  for (const name of names) sandbox.run('ip', ['netns', 'delete', name], { allowFailure: true });
}

/** What a file reads inside a namespace, by `nsenter` through a pid or a name's file. */
export function catInside(sandbox: Sandbox, where: string, file: string): string {
  return sandbox.run('nsenter', [`--net=${where}`, 'cat', file], { allowFailure: true }).stdout;
}

/** The catalogue's two values inside a namespace (pid path or /run/netns/NAME), "v4 v6". */
export function valuesInside(sandbox: Sandbox, where: string): string {
  const v4 = catInside(sandbox, where, '/proc/sys/net/ipv4/ip_nonlocal_bind').trim();
  const v6 = catInside(sandbox, where, '/proc/sys/net/ipv6/ip_nonlocal_bind').trim();
  return `${v4} ${v6}`;
}

/** A StepRunner that runs the app's step as root in the sandbox (as the direct elevator does), counting runs. */
export interface CountingRunner {
  readonly run: StepRunner;
  runs(): number;
}

export function sandboxRunner(sandbox: Sandbox): CountingRunner {
  let runs = 0;
  return {
    runs: () => runs,
    run: async (args) => {
      runs += 1;
      const r = await runStepInSandbox(sandbox, args);
      return { kind: 'ran', exitCode: r.code, stdout: r.stdout, stderr: r.stderr };
    },
  };
}
