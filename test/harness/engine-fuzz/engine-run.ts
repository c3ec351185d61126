import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PROC_FILES, type EngineRun } from './runner-protocol';

const ENV = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C.UTF-8',
  // Never to the host's journal, whatever sockets are visible.
  SYSTEMD_LOG_TARGET: 'console',
  SYSTEMD_LOG_LEVEL: 'err',
};

/** What the kernel shows for a task blocked opening a FIFO that has no writer (fs/pipe.c). */
const FIFO_WAIT = 'wait_for_partner';
/** How often the engine's state is looked at while it runs. */
const POLL_MS = 5;
/**
 * An engine reads a few small files and writes two values: milliseconds. This is
 * only the backstop for a run that neither ends nor blocks on a FIFO (the model
 * said it would not read a device forever, and was wrong): far above any real run,
 * even beside two busy loops, and it fails the tree rather than passing it.
 */
const RUN_BACKSTOP_MS = 30_000;
/** Memory a run may map: far above what either engine needs, far below the machine's. */
const ADDRESS_SPACE = String(1024 * 1024 * 1024);

function wchan(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Runs one real engine on the laid-out tree, as systemd-sysctl.service would
 * (with the sysctl.extra credential in $CREDENTIALS_DIRECTORY, as LoadCredential=
 * hands it over) or as `sysctl --system`, from both keys at 0. An engine that
 * blocks opening a FIFO is seen blocking (its wchan), killed, and reported hung:
 * at boot it would wait there until systemd's 90 s timeout kills it.
 */
export async function runEngine(
  engine: 'systemd' | 'procps',
  credentialDirectory: string | null,
): Promise<EngineRun> {
  for (const file of PROC_FILES) writeFileSync(file, '0\n');
  const command =
    engine === 'systemd' ? ['/lib/systemd/systemd-sysctl'] : ['/usr/sbin/sysctl', '--system'];
  const env =
    engine === 'systemd' && credentialDirectory
      ? { ...ENV, CREDENTIALS_DIRECTORY: credentialDirectory }
      : ENV;
  // prlimit execs the engine in its own process: the pid is the engine's.
  const child = spawn('prlimit', [`--as=${ADDRESS_SPACE}`, '--', ...command], {
    env,
    stdio: 'ignore',
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${engine}: could not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  let hung = false;
  for (;;) {
    const done = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), POLL_MS)),
    ]);
    if (done) break;
    if (wchan(pid) === FIFO_WAIT) {
      hung = true;
      child.kill('SIGKILL');
      await exited;
      break;
    }
    if (Date.now() - started > RUN_BACKSTOP_MS) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${engine} neither finished nor blocked on a FIFO`);
    }
  }
  const values = PROC_FILES.map((file) => Number(readFileSync(file, 'utf8').trim()));
  return { values, hung };
}
