// Child entry, run inside a sandbox's namespaces only: lays each tree read from stdin
// (one JSON line per tree) onto the real sysctl paths, predicts with the app's own
// reader and boot model, runs both real engines, and prints one JSON line per tree.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createInterface } from 'node:readline';
import { predictBoot } from '../../../electron/system/engines/boot-model';
import { bootKeys } from '../boot-keys';
import { CREDENTIAL_DIRECTORIES } from '../../../electron/system/sysctl-credential';
import {
  readSysctlSources,
  SYSCTL_CONF,
  SYSCTL_DIRECTORIES,
} from '../../../electron/system/sysctl-sources';
import type { SysctlSources } from '../../../electron/system/engines/file-order';
import { runEngine } from './engine-run';
import type { LaidEntry } from './fuzz-render';
import { CREDENTIAL_PATH } from './fuzz-names';
import { assertThrowawayNamespace } from './namespace-guard';
import { KEYS, type PredictedKey, type RunnerJob, type RunnerResult } from './runner-protocol';

assertThrowawayNamespace();

const CREDSTORE = CREDENTIAL_PATH.slice(0, CREDENTIAL_PATH.lastIndexOf('/'));
// Only /etc/credstore is private here (/etc is an overlay): a credential anywhere else
// would come from the host and be read by the model but not handed to the engine.
for (const { dir } of CREDENTIAL_DIRECTORIES) {
  if (dir !== CREDSTORE && existsSync(dir)) throw new Error(`refusing to run: ${dir} exists`);
}

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
    for (const name of readdirSync(real, { encoding: 'buffer' }))
      rmSync(Buffer.concat([Buffer.from(`${real}/`), name]), { recursive: true, force: true });
  }
  if (lstatSync(SYSCTL_CONF, { throwIfNoEntry: false })) rmSync(SYSCTL_CONF, { recursive: true });
  rmSync(CREDSTORE, { recursive: true, force: true });
}

const bytePath = (text: string) => Buffer.from(text, 'latin1');

function layOut(entries: readonly LaidEntry[]): void {
  for (const entry of entries) {
    const path = bytePath(entry.path);
    if (entry.path.startsWith(`${CREDSTORE}/`)) mkdirSync(CREDSTORE, { recursive: true });
    if (entry.kind === 'file') writeFileSync(path, Buffer.from(entry.base64, 'base64'));
    else if (entry.kind === 'link') symlinkSync(bytePath(entry.target), path);
    else if (entry.kind === 'dir') mkdirSync(path);
    else {
      // mkfifo(1) takes its name as text; the name may not be UTF-8, so rename by bytes.
      const scratch = `${entry.path.slice(0, entry.path.lastIndexOf('/'))}/.nb-fifo`;
      if (spawnSync('mkfifo', [scratch]).status !== 0) throw new Error(`mkfifo ${scratch} failed`);
      renameSync(scratch, path);
    }
  }
}

/** The model's path (UTF-8, U+FFFD for names that are not) as the tree's byte text. */
function byteTextPaths(sources: SysctlSources): (path: string) => string {
  const raw = new Map<string, string>();
  for (const d of sources.directories) {
    for (const e of d.entries)
      if (e.rawName) raw.set(`${d.dir}/${e.name}`, `${d.dir}/${e.rawName}`);
  }
  return (path) => raw.get(path) ?? Buffer.from(path, 'utf8').toString('latin1');
}

async function handle(job: RunnerJob): Promise<RunnerResult> {
  clear();
  layOut(job.entries);
  const sources = await readSysctlSources({ fsRoot: '/', platform: 'linux' });
  const prediction = predictBoot(sources, bootKeys(...KEYS));
  const toBytes = byteTextPaths(sources);
  const predicted = (engine: 'systemd' | 'procps'): PredictedKey[] =>
    KEYS.map((key) => {
      const outcome = prediction[engine].get(key);
      const winner = outcome?.winner?.origin ?? null;
      return {
        stored: outcome?.stored ?? null,
        winner: winner ? { path: toBytes(winner.path), line: winner.line } : null,
        unpredictable: outcome?.unpredictable?.code ?? null,
        hangs: (outcome?.hangsOn ?? null) !== null,
      };
    });
  const p = { systemd: predicted('systemd'), procps: predicted('procps') };
  // An engine the model cannot predict for any key is not run: it may be reading a
  // device forever. The comparison then checks that the tree gives cause for that.
  const run = async (engine: 'systemd' | 'procps') =>
    p[engine].every((k) => k.unpredictable !== null)
      ? null
      : runEngine(engine, existsSync(CREDENTIAL_PATH) ? CREDSTORE : null);
  return {
    id: job.id,
    predicted: p,
    actual: { systemd: await run('systemd'), procps: await run('procps') },
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
