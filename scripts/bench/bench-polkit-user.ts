import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * A polkit user of the bench's own, whose every authorization check polkitd logs
 * under a marker no test uses. Counting those lines gives the authentications per
 * Apply even while the test suite's polkitd serves other runs in parallel.
 */
export const BENCH_USER = 'nbbench-yes';
const RULES_FILE = '/etc/polkit-1/rules.d/89-nonlocal-bind-bench.rules';
const MARKER = 'nonlocal-bind-bench-authorization';

const RULES = `// Written by Nonlocal Bind's bench; removed when it ends.
polkit.addRule(function (action, subject) {
  if (subject.user !== "${BENCH_USER}") return polkit.Result.NOT_HANDLED;
  if (action.id !== "org.freedesktop.policykit.exec") return polkit.Result.NOT_HANDLED;
  polkit.log("${MARKER} " + action.id);
  return polkit.Result.YES;
});
`;

export interface BenchPolkitUser {
  readonly uid: number;
  /** Authorization checks so far, or null when polkitd's log is out of reach. */
  countAuthorizations(): number | null;
  /** Why countAuthorizations() is null. */
  readonly logProblem: string | null;
  dispose(): void;
}

function polkitdLog(): { path: string } | { problem: string } {
  const r = spawnSync('pgrep', ['-x', 'polkitd'], { encoding: 'utf8' });
  const pid = r.stdout.trim().split('\n')[0];
  if (r.status !== 0 || !pid) return { problem: 'no polkitd is running' };
  try {
    // polkit.log() writes to polkitd's stderr; readable when it is a plain file.
    const target = readlinkSync(`/proc/${pid}/fd/2`);
    if (existsSync(target) && statSync(target).isFile()) return { path: target };
    return { problem: `polkitd's stderr is ${target}, not a file the bench can read` };
  } catch (error) {
    return { problem: `cannot see polkitd's stderr: ${String(error)}` };
  }
}

/** Creates the user and its rule (polkitd must already run); dispose() removes both. */
export async function createBenchPolkitUser(): Promise<BenchPolkitUser> {
  let created = false;
  if (spawnSync('id', ['-u', BENCH_USER]).status !== 0) {
    const r = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/bin/sh', BENCH_USER],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`useradd ${BENCH_USER} failed: ${r.stderr}`);
    created = true;
  }
  writeFileSync(RULES_FILE, RULES, { mode: 0o644 });
  // polkitd picks up changed rules asynchronously, within about a second.
  await new Promise((r) => setTimeout(r, 1500));
  const uid = Number(spawnSync('id', ['-u', BENCH_USER], { encoding: 'utf8' }).stdout.trim());
  const log = polkitdLog();
  return {
    uid,
    logProblem: 'problem' in log ? log.problem : null,
    countAuthorizations: () =>
      'path' in log
        ? readFileSync(log.path, 'utf8')
            .split('\n')
            .filter((l) => l.includes(MARKER)).length
        : null,
    dispose: () => {
      rmSync(RULES_FILE, { force: true });
      if (created) spawnSync('userdel', [BENCH_USER]);
    },
  };
}
