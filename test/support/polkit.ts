import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';

/**
 * The real elevation chain for tests: a system D-Bus, polkitd, test users and
 * one rules file that answers per user, so tests in parallel never rewrite rules.
 * Everything started or created here is recorded and undone by stopPolkit().
 */
export const POLKIT_USERS = {
  granted: 'nbtest-yes',
  refused: 'nbtest-no',
  needsAgent: 'nbtest-agent',
} as const;

const RULES_FILE = '/etc/polkit-1/rules.d/90-nonlocal-bind-tests.rules';
const STATE_FILE = '/tmp/nonlocal-bind-polkit-state.json';
const POLKITD = '/usr/lib/polkit-1/polkitd';
export const POLKITD_LOG = '/tmp/nonlocal-bind-polkitd.log';

const RULES = `// Written by the Nonlocal Bind test suite; removed when the run ends.
polkit.addRule(function (action, subject) {
  if (action.id !== "org.freedesktop.policykit.exec") return polkit.Result.NOT_HANDLED;
  // One line per authorization check, counted by the bench.
  polkit.log("nonlocal-bind-authorization " + subject.user);
  if (subject.user === "${POLKIT_USERS.granted}") return polkit.Result.YES;
  if (subject.user === "${POLKIT_USERS.refused}") return polkit.Result.NO;
  if (subject.user === "${POLKIT_USERS.needsAgent}") return polkit.Result.AUTH_ADMIN;
  return polkit.Result.NOT_HANDLED;
});
`;

interface StartedState {
  dbusPid: number | null;
  polkitdPid: number | null;
  createdUsers: string[];
}

function run(command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// Only processes in this process's own PID namespace: a sandbox's private polkitd
// (test/support/private-polkit.ts) is not the host's and must be neither found nor killed.
const HOST_PIDS = ['--ns', String(process.pid), '--nslist', 'pid'];

function pidOf(name: string): number | null {
  const r = run('pgrep', [...HOST_PIDS, '-x', name]);
  const first = r.stdout.trim().split('\n')[0];
  return r.status === 0 && first ? Number(first) : null;
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function answersWithin(check: () => boolean, ms: number): Promise<boolean> {
  try {
    await waitFor(check, 'an answer', ms);
    return true;
  } catch {
    return false;
  }
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

function busAnswers(): boolean {
  return (
    run('dbus-send', [
      '--system',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetId',
    ]).status === 0
  );
}

function polkitAnswers(): boolean {
  return (
    run('busctl', ['--system', 'status', 'org.freedesktop.PolicyKit1']).status === 0 ||
    run('dbus-send', [
      '--system',
      '--print-reply',
      '--dest=org.freedesktop.PolicyKit1',
      '/org/freedesktop/PolicyKit1/Authority',
      'org.freedesktop.DBus.Peer.Ping',
    ]).status === 0
  );
}

// Test runs, benches and other developers' runs on one machine share one polkit setup:
// each registers its pid here, and only the last one out tears the setup down.
const RUNS_DIR = '/tmp/nonlocal-bind-polkit-runs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function otherLiveRuns(): number[] {
  if (!existsSync(RUNS_DIR)) return [];
  return readdirSync(RUNS_DIR)
    .map(Number)
    .filter((pid) => {
      if (pid === process.pid) return false;
      if (isAlive(pid)) return true;
      rmSync(`${RUNS_DIR}/${pid}`, { force: true });
      return false;
    });
}

/** Starts what is missing of dbus + polkitd, creates users and the rules file. Idempotent. */
export async function startPolkit(): Promise<{ ownsPolkitd: boolean }> {
  mkdirSync(RUNS_DIR, { recursive: true });
  writeFileSync(`${RUNS_DIR}/${process.pid}`, '');
  if (otherLiveRuns().length > 0 && existsSync(STATE_FILE) && polkitAnswers()) {
    // Another run set everything up; make sure our rules are in place and share it.
    writeFileSync(RULES_FILE, RULES, { mode: 0o644 });
    await waitFor(() => polkitUsersExist(), 'the test users');
    return { ownsPolkitd: false };
  }
  const state: StartedState = { dbusPid: null, polkitdPid: null, createdUsers: [] };
  // A crashed run's users are still ours to remove when this run ends.
  state.createdUsers.push(...leftoverUsers());
  for (const tool of ['/usr/bin/pkexec', POLKITD, '/usr/bin/dbus-daemon']) {
    if (!existsSync(tool)) {
      throw new Error(
        `${tool} is missing: install the Debian packages pkexec polkitd dbus (see .ci/run)`,
      );
    }
  }
  // A run that was killed (or a machine image taken mid-run) leaves a socket file nobody
  // listens on; polkitd would then wait forever for a bus that is not there.
  if (!busAnswers()) {
    mkdirSync('/run/dbus', { recursive: true });
    rmSync('/run/dbus/system_bus_socket', { force: true });
    // A pid file left by an earlier run blocks the daemon although no bus is listening.
    rmSync('/run/dbus/pid', { force: true });
    run('pkill', [...HOST_PIDS, '-x', 'polkitd']);
    const r = run('dbus-daemon', ['--system', '--fork', '--print-pid']);
    if (r.status !== 0) throw new Error(`dbus-daemon failed: ${r.stderr}`);
    state.dbusPid = Number(r.stdout.trim());
    await waitFor(busAnswers, 'the system bus');
  }
  for (const user of Object.values(POLKIT_USERS)) {
    if (run('id', ['-u', user]).status !== 0) {
      const r = run('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', user]);
      if (r.status !== 0) throw new Error(`useradd ${user} failed: ${r.stderr}`);
      state.createdUsers.push(user);
    }
  }
  writeFileSync(RULES_FILE, RULES, { mode: 0o644 });
  // With a bus of our own, a polkitd that D-Bus activated meanwhile is ours too: replace it
  // with one whose log we keep.
  if (state.dbusPid !== null && run('pkill', [...HOST_PIDS, '-x', 'polkitd']).status === 0) {
    await waitFor(() => pidOf('polkitd') === null, 'the activated polkitd to exit');
  }
  // A polkitd that is running but not answering (attached to a bus that died) is replaced.
  if (pidOf('polkitd') !== null && !(await answersWithin(polkitAnswers, 3000))) {
    run('pkill', [...HOST_PIDS, '-x', 'polkitd']);
    await waitFor(() => pidOf('polkitd') === null, 'the unresponsive polkitd to exit');
  }
  if (pidOf('polkitd') === null) {
    // polkit.log() lines go to polkitd's stderr; the bench counts authorizations from them.
    const log = openSync(POLKITD_LOG, 'a');
    const child = spawn(POLKITD, [], { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    state.polkitdPid = child.pid ?? null;
  }
  writeFileSync(STATE_FILE, JSON.stringify(state));
  await waitFor(polkitAnswers, 'polkitd on the system bus', 20_000).catch((error: Error) => {
    throw new Error(`${error.message}; polkitd said:\n${tail(POLKITD_LOG)}`);
  });
  // polkitd reads rules asynchronously after a change; give it a moment to pick ours up.
  await new Promise((r) => setTimeout(r, 1500));
  return { ownsPolkitd: state.polkitdPid !== null };
}

function leftoverUsers(): string[] {
  try {
    const old = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Partial<StartedState>;
    return (old.createdUsers ?? []).filter((u) => run('id', ['-u', u]).status === 0);
  } catch {
    return [];
  }
}

function polkitUsersExist(): boolean {
  return Object.values(POLKIT_USERS).every((u) => run('id', ['-u', u]).status === 0);
}

/** Undoes exactly what startPolkit created or started, once no other run still needs it. */
export function stopPolkit(): void {
  rmSync(`${RUNS_DIR}/${process.pid}`, { force: true });
  if (otherLiveRuns().length > 0) return;
  // The last run out leaves nothing in /tmp.
  rmSync(RUNS_DIR, { recursive: true, force: true });
  rmSync(RULES_FILE, { force: true });
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StartedState;
  for (const pid of [state.polkitdPid, state.dbusPid]) {
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  if (state.dbusPid) {
    run('pkill', [...HOST_PIDS, '-x', 'polkitd']);
    rmSync('/run/dbus/system_bus_socket', { force: true });
    rmSync('/run/dbus/pid', { force: true });
  }
  for (const user of state.createdUsers) run('userdel', [user]);
  rmSync(STATE_FILE, { force: true });
}
