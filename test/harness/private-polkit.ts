import type { ChildProcess } from 'node:child_process';
import { asUserArgv, type Sandbox } from './sandbox';

/**
 * A polkit of the sandbox's own: a system D-Bus and polkitd running inside a sandbox
 * created with `pidNamespace: true`, for tests that install polkit actions.
 *
 * The host's polkitd reads actions from the host's /usr/share/polkit-1/actions, and a
 * test must not write there. Inside the sandbox's mount namespace:
 * - /run/dbus is a fresh tmpfs, so the system bus socket pkexec and polkitd use is one
 *   that only this sandbox sees (the host's bus and polkitd stay as they are);
 * - /usr/share/polkit-1/actions is a copy of the host's actions plus what the test
 *   installs, bind-mounted over the original;
 * - /usr/lib is an overlay whose upper layer is on the sandbox's tmpfs, so a helper can
 *   be installed at its real path under /usr/lib;
 * - rules and users go into the sandbox's /etc overlay.
 * dbus-daemon and polkitd are started inside the PID namespace, so the kernel ends them
 * with the sandbox; nothing is left on the host.
 */
export interface PrivatePolkit {
  /** polkitd's output, including the `polkit.log()` lines of the rules. */
  readLog(): string;
}

export interface InstalledFile {
  readonly path: string;
  readonly mode: number;
  readonly content: Buffer;
}

const SETUP = String.raw`
set -eu
s=$1
# A fresh /run/dbus: the system bus of this sandbox only. The mount point exists on any
# host with dbus installed; if it is missing, /run must be the sandbox's overlay.
if [ ! -d /run/dbus ]; then
  [ "$(findmnt -n -o FSTYPE /run)" = overlay ] || { echo "no /run/dbus and /run is the host's" >&2; exit 1; }
  mkdir /run/dbus
fi
mount -t tmpfs -o mode=0755 tmpfs /run/dbus
mkdir -p "$s/polkit-actions"
cp -a /usr/share/polkit-1/actions/. "$s/polkit-actions/"
mount --bind "$s/polkit-actions" /usr/share/polkit-1/actions
# /usr/lib as an overlay; a tmpfs the sandbox had over one of its subdirectories (sysctl.d)
# would be hidden by it, so it gets a fresh one again.
shadowed=$(findmnt -n -l -o TARGET | grep '^/usr/lib/' || true)
mkdir -p "$s/upper_usr_lib" "$s/work_usr_lib"
if ! mountpoint -q /usr/lib; then
  mount -t overlay overlay -o "lowerdir=/usr/lib,upperdir=$s/upper_usr_lib,workdir=$s/work_usr_lib" /usr/lib
fi
for d in $shadowed; do mount -t tmpfs -o mode=0755 tmpfs "$d"; done
`;

const START = String.raw`
set -eu
dbus-daemon --system --fork
exec /usr/lib/polkit-1/polkitd >> "$1" 2>&1
`;

/** Prepares the mounts, installs `files`, and starts dbus-daemon and polkitd. */
export async function startPrivatePolkit(
  sandbox: Sandbox,
  files: readonly InstalledFile[],
  rules: string,
): Promise<PrivatePolkit> {
  const s = sandbox.scratch;
  sandbox.run('sh', ['-c', SETUP, 'sh', s]);
  for (const file of files) {
    sandbox.run(
      'sh',
      [
        '-c',
        'mkdir -p "$(dirname "$1")" && cat > "$1" && chmod "$2" "$1"',
        'sh',
        file.path,
        file.mode.toString(8),
      ],
      { input: file.content },
    );
  }
  sandbox.writeText('/etc/polkit-1/rules.d/10-nonlocal-bind-action-test.rules', rules);
  const log = `${s}/polkitd.log`;
  const daemon: ChildProcess = sandbox.spawn('sh', ['-c', START, 'sh', log], {
    stdio: 'ignore',
    detached: true,
  });
  daemon.unref();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const probe = sandbox.run('busctl', ['--system', 'status', 'org.freedesktop.PolicyKit1'], {
      allowFailure: true,
      timeoutMs: 5000,
    });
    if (probe.status === 0) break;
    if (Date.now() > deadline) {
      throw new Error(`the sandbox's polkitd did not start: ${sandbox.readText(log)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { readLog: () => sandbox.readText(log) };
}

/** Adds a user with a password inside the sandbox's /etc overlay only. */
export function addUserWithPassword(sandbox: Sandbox, user: string, password: string): void {
  sandbox.run('useradd', ['--no-log-init', '--no-create-home', '--shell', '/bin/sh', user]);
  sandbox.run('chpasswd', [], { input: `${user}:${password}\n` });
}

/**
 * pkttyagent, polkit's text-mode agent, registered for one process and driven through a
 * pseudo-terminal (`script`): it shows polkit's real message for the action and reads the
 * password from that terminal, as a desktop agent would ask for it.
 */
export interface TtyAgent {
  /** Everything the agent printed so far (AGENT-REGISTERED once it is registered). */
  output(): string;
  /** Resolves when the output matches. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  type(line: string): void;
  stop(): void;
}

/**
 * `env` sets variables for pkttyagent alone (setpriv --reset-env clears the rest), e.g. a
 * LANG: polkitd words the action's message in the language the agent registers with.
 */
export function startTtyAgent(
  sandbox: Sandbox,
  user: string,
  subjectPid: number,
  options: { readonly env?: Readonly<Record<string, string>> } = {},
): TtyAgent {
  const assignments = Object.entries(options.env ?? {}).map(([name, value]) => {
    // The command is a shell line: names and values stay plain words.
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name) || !/^[A-Za-z0-9_.@:/-]*$/.test(value)) {
      throw new Error(`startTtyAgent: not a plain variable: ${name}=${value}`);
    }
    return `${name}=${value}`;
  });
  const envPrefix = assignments.length > 0 ? `env ${assignments.join(' ')} ` : '';
  const child = sandbox.spawn(
    'setpriv',
    [
      '--reuid',
      user,
      '--regid',
      user,
      '--init-groups',
      '--reset-env',
      'script',
      '--quiet',
      '--flush',
      '--return',
      '--command',
      // pkttyagent closes --notify-fd once registered: the pipe's reader then prints a
      // line, so the test knows when an Apply may start. Prompts go to /dev/tty (the pty).
      `${envPrefix}pkttyagent --process ${subjectPid} --notify-fd 3 3>&1 >/dev/tty | { cat >/dev/null; echo AGENT-REGISTERED; }`,
      '/dev/null',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return {
    output: () => text,
    waitFor: async (pattern, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > end) throw new Error(`pkttyagent never printed ${pattern}: ${text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    type: (line) => child.stdin?.write(`${line}\n`),
    stop: () => {
      child.stdin?.end();
      child.kill('SIGTERM');
    },
  };
}

/**
 * A shell as `user` that prints its pid, then waits for go() before it runs `script`
 * (`args` are its $1…): an agent registers for that pid first, and pkexec's subject is
 * its parent, so the script runs pkexec directly or execs the program that will.
 */
export interface PausedSubject {
  readonly pid: number;
  go(): void;
  /** What the script printed so far. */
  output(): { readonly stdout: string; readonly stderr: string };
  /** Its exit code once its output is complete (null if a signal ended it). */
  readonly closed: Promise<number | null>;
}

export async function startPausedSubject(
  sandbox: Sandbox,
  user: string,
  script: string,
  args: readonly string[],
): Promise<PausedSubject> {
  const [command = 'setpriv', ...prefix] = asUserArgv(user);
  const child = sandbox.spawn(
    command,
    [...prefix, 'sh', '-c', `echo "$$"; read go; ${script}`, 'sh', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], cwd: '/' },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /^(\d+)\n/.exec(stdout);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`subject ended early (${code}): ${stderr}`)));
  });
  return { pid, go: () => child.stdin?.end('go\n'), output: () => ({ stdout, stderr }), closed };
}
