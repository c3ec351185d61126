import { createHash } from 'node:crypto';
import type { ApplyRequest, RuntimeValue } from '../../electron/contract';
import { applyInSandbox } from '../../test/harness/apply-child';
import type { Sandbox } from '../../test/harness/sandbox';
import { BENCH_USER, createBenchPolkitSandbox } from './bench-polkit-user';
import { median, round } from './stats';

const FILE = '90-nonlocal-bind.conf';
const PATH = `/etc/sysctl.d/${FILE}`;

function currentSha(sandbox: Sandbox): string | null {
  const r = sandbox.run('cat', [PATH], { allowFailure: true });
  return r.status === 0 ? createHash('sha256').update(r.stdout).digest('hex') : null;
}

function setRuntime(sandbox: Sandbox, v4: RuntimeValue, v6: RuntimeValue): void {
  sandbox.run('sh', [
    '-c',
    `echo ${v4} > /proc/sys/net/ipv4/ip_nonlocal_bind; echo ${v6} > /proc/sys/net/ipv6/ip_nonlocal_bind`,
  ]);
}

/** Every combination of changes the UI can send, each changing something so it really elevates. */
function combinations(): {
  label: string;
  prepare: (s: Sandbox) => void;
  request: (s: Sandbox) => ApplyRequest;
}[] {
  const out: ReturnType<typeof combinations> = [];
  const choices: (RuntimeValue | undefined)[] = [0, 1, undefined];
  for (const kind of ['runtime', 'persist'] as const) {
    for (const v4 of choices) {
      for (const v6 of choices) {
        if (v4 === undefined && v6 === undefined) continue;
        const values: ApplyRequest['values'] = {
          ...(v4 === undefined ? {} : { ipv4: v4 }),
          ...(v6 === undefined ? {} : { ipv6: v6 }),
        };
        out.push({
          label: `${kind} ipv4=${v4 ?? '-'} ipv6=${v6 ?? '-'}`,
          // Start from the opposite values so the Apply always has work to do.
          prepare: (s) => setRuntime(s, v4 === 1 ? 0 : 1, v6 === 1 ? 0 : 1),
          request: (s) => ({
            values,
            persistence:
              kind === 'runtime'
                ? { kind }
                : { kind, fileName: FILE, expectedSha256: currentSha(s) },
          }),
        });
      }
    }
  }
  for (const resetRuntime of [false, true]) {
    out.push({
      label: `unpersist resetRuntime=${resetRuntime}`,
      prepare: (s) => {
        s.writeText(PATH, 'net.ipv4.ip_nonlocal_bind = 1\nnet.ipv6.ip_nonlocal_bind = 1\n');
        setRuntime(s, 1, 1);
      },
      request: (s) => ({
        values: {},
        persistence: {
          kind: 'unpersist',
          fileName: FILE,
          expectedSha256: currentSha(s),
          resetRuntime,
        },
      }),
    });
  }
  return out;
}

/**
 * Apply through the real chain (sudo-prompt -> pkexec -> polkitd granting) in a
 * namespace, as a non-root user: time from the backend call to the values read back,
 * and polkit authorization checks per Apply for every combination of changes.
 */
export async function measureApply(runs: number) {
  const bench = await createBenchPolkitSandbox();
  const { sandbox } = bench;
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const value: RuntimeValue = i % 2 === 0 ? 1 : 0;
      const result = await applyInSandbox(
        sandbox,
        {
          values: { ipv4: value },
          persistence: { kind: 'persist', fileName: FILE, expectedSha256: currentSha(sandbox) },
        },
        BENCH_USER,
      );
      if (!result.applied) throw new Error(`apply failed: ${JSON.stringify(result)}`);
      times.push(result.ms);
    }
    const apply = {
      runs,
      medianMs: round(median(times), 1),
      minMs: round(Math.min(...times), 1),
      maxMs: round(Math.max(...times), 1),
    };
    const auth: { label: string; authorizations: number }[] = [];
    for (const combo of combinations()) {
      combo.prepare(sandbox);
      const before = bench.countAuthorizations();
      const result = await applyInSandbox(sandbox, combo.request(sandbox), BENCH_USER);
      if (!result.applied) throw new Error(`${combo.label}: ${JSON.stringify(result)}`);
      // polkitd writes its log line asynchronously to the answer.
      await new Promise((r) => setTimeout(r, 100));
      auth.push({ label: combo.label, authorizations: bench.countAuthorizations() - before });
    }
    return {
      apply,
      authorizations: {
        combinations: auth.length,
        allExactlyOne: auth.every((a) => a.authorizations === 1),
        perCombination: auth,
      },
    };
  } finally {
    await bench.dispose();
  }
}
