import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { SYSCTL_DIRECTORIES } from '../../electron/system/sysctl-sources';

/**
 * A throw-away network + mount namespace holding copies of everything the app reads.
 *
 * A holder process (`unshare --net --mount`) keeps the namespaces alive; anything
 * the test wants to run inside is started with `nsenter` into them. Every sysctl
 * source directory is shadowed by a tmpfs (directories the host lacks are created
 * inside an overlay, so nothing is created on the host), and /etc is an overlay
 * whose sysctl.conf starts empty, so neither the host's kernel values nor its
 * files can be touched.
 */
export interface Sandbox {
  /** The process whose namespaces `run` and `spawn` enter. */
  readonly pid: number;
  /**
   * A tmpfs mounted inside the sandbox only (its mount point's name is on the host's /tmp,
   * removed by dispose): room for files that must not show up anywhere else.
   */
  readonly scratch: string;
  /** Runs a command inside, waits, returns output. Throws on non-zero exit unless allowFailure. */
  run(command: string, args?: readonly string[], options?: RunOptions): RunResult;
  /** Starts a long-running process inside. */
  spawn(command: string, args?: readonly string[], options?: SpawnOptions): ChildProcess;
  /** Argument vector prefix that enters the namespaces (for tools that take an executable). */
  readonly enterArgs: readonly string[];
  readText(file: string): string;
  writeText(file: string, content: string): void;
  dispose(): Promise<void>;
}

export interface RunOptions {
  readonly input?: string | Buffer;
  readonly allowFailure?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly cwd?: string;
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Directories systemd-sysctl and procps read: the app's own list, so the sandbox shadows each.
export { SYSCTL_DIRECTORIES };

const SETUP_SCRIPT = String.raw`
set -e
mount --make-rprivate /
scratch=$(mktemp -d /tmp/nb-sandbox-scratch.XXXXXX)
mount -t tmpfs -o mode=0755 tmpfs "$scratch"
shadow_dir() {
  real=$(readlink -f "$1" 2>/dev/null || echo "$1")
  if [ ! -d "$real" ]; then
    parent=$(dirname "$real")
    [ -d "$parent" ] || return 0
    # The host lacks this directory: overlay its parent so it is created in here only.
    tag=$(echo "$parent" | tr / _)
    if [ ! -d "$scratch/upper$tag" ]; then
      mkdir -p "$scratch/upper$tag" "$scratch/work$tag"
      mkdir -p "$scratch/orig$tag"
      mount --bind "$parent" "$scratch/orig$tag"
      mount -t overlay overlay -o "lowerdir=$parent,upperdir=$scratch/upper$tag,workdir=$scratch/work$tag" "$parent"
      # Unix sockets cannot be reached through overlayfs: bind the system bus back for pkexec.
      if [ -d "$scratch/orig$tag/dbus" ]; then mount --bind "$scratch/orig$tag/dbus" "$parent/dbus"; fi
    fi
    mkdir -p "$real"
  fi
  mountpoint -q "$real" && [ "$real" != "$1" ] && return 0
  mount -t tmpfs -o mode=0755 tmpfs "$real"
}
mkdir -p "$scratch/upper_etc" "$scratch/work_etc"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$scratch/upper_etc,workdir=$scratch/work_etc" /etc
for d in ${SYSCTL_DIRECTORIES.join(' ')}; do shadow_dir "$d"; done
# The privileged step's lock directory, private to this sandbox (the host's /run stays as it is).
shadow_dir /run/nonlocal-bind
# /etc/sysctl.conf: an empty copy in an overlay of /etc (not a bind mount, so the app can
# replace it by rename as it would on a real system).
: > /etc/sysctl.conf
ip link set lo up
echo "ready $scratch"
exec sleep 2147483647
`;

function nsenterArgs(pid: number, pidNamespace: boolean): string[] {
  return [
    'nsenter',
    `--target=${pid}`,
    '--net',
    '--mount',
    ...(pidNamespace ? ['--pid'] : []),
    '--',
  ];
}

export interface SandboxOptions {
  /**
   * Also a PID namespace with its own /proc, whose every process the kernel kills when
   * the sandbox ends: for daemons a test starts inside (a private polkitd), which then
   * cannot outlive it.
   */
  readonly pidNamespace?: boolean;
}

/**
 * The argument vector prefix that runs a command as `user` (name or uid) with their groups
 * and a clean environment: how tests act as an unprivileged caller inside a sandbox.
 */
export function asUserArgv(user: string): string[] {
  return ['setpriv', '--reuid', user, '--regid', user, '--init-groups', '--reset-env'];
}

/** Creates the namespaces and waits until they are set up. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const pidNamespace = options.pidNamespace ?? false;
  const holder = spawn(
    'unshare',
    [
      '--net',
      '--mount',
      '--propagation',
      'private',
      // --kill-child: killing unshare (dispose) kills the namespace's init, and with it
      // everything inside.
      ...(pidNamespace ? ['--pid', '--fork', '--kill-child', '--mount-proc'] : []),
      'sh',
      '-c',
      SETUP_SCRIPT,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  holder.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The scratch directory's name lives on the host's /tmp (its content is a tmpfs inside).
  const scratch = await new Promise<string>((resolve, reject) => {
    let out = '';
    holder.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)\n/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    holder.once('exit', (code) => reject(new Error(`sandbox setup failed (${code}): ${stderr}`)));
  });
  if (holder.pid === undefined) throw new Error('sandbox holder has no pid');
  // With a PID namespace the namespaces to enter are those of unshare's child, its init.
  const pid = pidNamespace ? childOf(holder.pid) : holder.pid;
  const enter = nsenterArgs(pid, pidNamespace);

  const run: Sandbox['run'] = (command, args = [], options = {}) => {
    const result = spawnSync(enter[0] as string, [...enter.slice(1), command, ...args], {
      input: options.input,
      env: options.env ?? process.env,
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 60_000,
      encoding: 'utf8',
    });
    const status = result.status ?? -1;
    if (status !== 0 && !options.allowFailure) {
      throw new Error(
        `sandbox: ${command} ${args.join(' ')} exited ${status}: ${result.stderr}${result.error ? String(result.error) : ''}`,
      );
    }
    return { status, stdout: result.stdout, stderr: result.stderr };
  };

  return {
    pid,
    scratch,
    enterArgs: enter,
    run,
    spawn: (command, args = [], options = {}) =>
      spawn(enter[0] as string, [...enter.slice(1), command, ...args], options),
    readText: (file) => run('cat', [file]).stdout,
    writeText: (file, content) => {
      run('sh', ['-c', 'cat > "$1"', 'sh', file], { input: content });
    },
    dispose: async () => {
      if (holder.exitCode === null && holder.signalCode === null) {
        holder.kill('SIGKILL');
        await once(holder, 'exit');
      }
      await rmdir(scratch).catch(() => undefined);
    },
  };
}

/** The one child of a process (unshare --fork's), read from /proc. */
function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  const child = Number(children[0]);
  if (children.length !== 1 || !Number.isInteger(child) || child <= 0) {
    throw new Error(`expected one child of ${pid}, found "${children.join(' ')}"`);
  }
  return child;
}
