import { bundleForChild } from '../../test/harness/bundle';
import { asUserArgv } from '../../test/harness/sandbox';
import { holdNamespaces } from '../../test/harness/netns-holders';
import { BENCH_USER, createBenchPolkitSandbox } from './bench-polkit-user';
import { median, round } from './stats';

/** Issue 18's goal: reading inside 20 namespaces, one authentication, <= 3x a single Apply. */
export const NETNS_READ_GOALS = { namespaces: 20, ratio: 3, authorizations: 1 } as const;

/**
 * Reading inside 20 namespaces against one runtime-only Apply (the cheaper Apply, so the
 * stricter comparison), both through the real chain the app takes as a user: the elevator
 * it chooses (sudo-prompt, pkexec, a polkitd of the sandbox's own granting), each timed from
 * the backend call to its checked answer, alternating so both see the same load. The
 * authorizations per read are counted from polkitd's log, as for the Apply.
 */
export async function measureNamespaceRead(runs: number) {
  const bench = await createBenchPolkitSandbox();
  const { sandbox } = bench;
  const holders = await holdNamespaces(sandbox, NETNS_READ_GOALS.namespaces);
  try {
    const refs = holders.held.map((h) => ({ via: 'pid', pid: h.pid, inode: h.inode }));
    const child = await bundleForChild('scripts/bench/netns-read-child.ts');
    const argv = [...asUserArgv(BENCH_USER), process.execPath, child, JSON.stringify(refs)];
    const [command, ...args] = argv;
    // One warm-up pair (first pkexec, the bundle loaded from disk), then the timed ones.
    const run = (n: number) => {
      const r = sandbox.run(command as string, [...args, String(n)], {
        allowFailure: true,
        // Each pair is two polkit round trips, ~0.1 s here; a loaded machine gets 10 s each.
        timeoutMs: 20_000 * (n + 1),
        cwd: '/',
      });
      if (r.status !== 0) throw new Error(`netns read child failed (${r.status}): ${r.stderr}`);
      return JSON.parse(r.stdout) as { apply: number[]; read: number[] };
    };
    run(1);
    const before = bench.countAuthorizations();
    const timed = run(runs);
    // polkitd writes its log line asynchronously to the answer.
    await new Promise((r) => setTimeout(r, 200));
    const authorizationsPerRead = (bench.countAuthorizations() - before) / runs - 1;
    const applyMs = round(median(timed.apply), 1);
    const readMs = round(median(timed.read), 1);
    const ratio = round(readMs / applyMs, 2);
    return {
      runs,
      namespaces: refs.length,
      readMedianMs: readMs,
      readMaxMs: round(Math.max(...timed.read), 1),
      applyMedianMs: applyMs,
      ratio,
      authorizationsPerRead,
      met:
        ratio <= NETNS_READ_GOALS.ratio &&
        authorizationsPerRead === NETNS_READ_GOALS.authorizations,
    };
  } finally {
    await holders.release();
    await bench.dispose();
  }
}

type Measured = Awaited<ReturnType<typeof measureNamespaceRead>> | { readonly notMeasured: string };

/** Its entry in bench/results.json. */
export function namespaceReadResult(m: Measured) {
  const { namespaces, authorizations, ratio } = NETNS_READ_GOALS;
  return {
    goal: `${namespaces} read inside: ${authorizations} authorization, <= ${ratio}x one Apply`,
    ...m,
  };
}

/** Its row in the printed table. */
export function namespaceReadRow(m: Measured): [string, string, string, string] {
  return [
    'read inside 20 network namespaces / one Apply (polkit)',
    'notMeasured' in m
      ? `not measured: ${m.notMeasured}`
      : `${m.ratio}x: ${m.readMedianMs} ms (max ${m.readMaxMs}) vs ${m.applyMedianMs} ms (runtime-only Apply); ${m.authorizationsPerRead} authorization a read`,
    '<= 3x, 1 authorization',
    'notMeasured' in m ? '' : m.met ? 'met' : 'MISSED',
  ];
}
