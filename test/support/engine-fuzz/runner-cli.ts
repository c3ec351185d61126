// Child entry, run inside a sandbox's namespaces only: lays each tree read from stdin
// (one JSON line per tree) onto the real sysctl paths, predicts with the app's own
// reader and boot model, runs both real engines, and prints one JSON line per tree.
import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createInterface } from 'node:readline';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import {
  readSysctlSources,
  SYSCTL_CONF,
  SYSCTL_DIRECTORIES,
} from '../../../electron/system/sysctl-sources';
import type { LaidEntry } from './fuzz-render';
import { assertThrowawayNamespace } from './namespace-guard';
import { KEYS, PROC_FILES, type RunnerJob, type RunnerResult } from './runner-protocol';

assertThrowawayNamespace();

function clear(): void {
  const seen = new Set<string>();
  for (const dir of SYSCTL_DIRECTORIES) {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    for (const name of readdirSync(real))
      rmSync(`${real}/${name}`, { recursive: true, force: true });
  }
  if (lstatSync(SYSCTL_CONF, { throwIfNoEntry: false })) rmSync(SYSCTL_CONF, { recursive: true });
}

function layOut(entries: readonly LaidEntry[]): void {
  for (const entry of entries) {
    if (entry.kind === 'file') writeFileSync(entry.path, Buffer.from(entry.base64, 'base64'));
    else if (entry.kind === 'link') symlinkSync(entry.target, entry.path);
    else mkdirSync(entry.path);
  }
}

const ENV = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C.UTF-8',
  // Never to the host's journal, whatever sockets are visible.
  SYSTEMD_LOG_TARGET: 'console',
  SYSTEMD_LOG_LEVEL: 'err',
};

function runEngine(engine: 'systemd' | 'procps'): number[] {
  for (const file of PROC_FILES) writeFileSync(file, '0\n');
  const [command, ...args] =
    engine === 'systemd' ? ['/lib/systemd/systemd-sysctl'] : ['/usr/sbin/sysctl', '--system'];
  const run = spawnSync(command as string, args, { env: ENV, timeout: 20_000, stdio: 'ignore' });
  if (run.error) throw run.error;
  return PROC_FILES.map((file) => Number(readFileSync(file, 'utf8').trim()));
}

async function handle(job: RunnerJob): Promise<RunnerResult> {
  clear();
  layOut(job.entries);
  const sources = await readSysctlSources({ fsRoot: '/', platform: 'linux' });
  const prediction = predictBoot(sources, KEYS);
  const predicted = (engine: 'systemd' | 'procps') =>
    KEYS.map((key) => {
      const outcome = prediction[engine].get(key);
      const winner = outcome?.winner?.origin ?? null;
      return { stored: outcome?.stored ?? null, winner };
    });
  return {
    id: job.id,
    predicted: { systemd: predicted('systemd'), procps: predicted('procps') },
    actual: { systemd: runEngine('systemd'), procps: runEngine('procps') },
  };
}

const lines = createInterface({ input: process.stdin });
for await (const text of lines) {
  if (text.trim() === '') continue;
  const job = JSON.parse(text) as RunnerJob;
  try {
    process.stdout.write(`${JSON.stringify(await handle(job))}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id: job.id, error: String(error) })}\n`);
  }
}
clear();
