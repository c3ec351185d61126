// Reading the pair: two SSH nodes (real sshd in namespaces) and this computer, in one run.
import { readNode } from '../../electron/system/nodes/read-node';
import { readRuntimeValues } from '../../electron/system/runtime';
import { readSysctlSources } from '../../electron/system/sysctl-sources';
import { createHostContext } from '../../electron/system/system-context';
import { createSshNode, nodeDestination, type SshNode } from '../../test/support/ssh-node';
import { median, round } from './stats';

async function readOnce(node: SshNode): Promise<number> {
  const d = { destination: nodeDestination(node.alias) };
  const started = performance.now();
  const read = await readNode(node.settings, d.destination);
  if (!read.ok) throw new Error(read.message);
  return performance.now() - started;
}

async function readLocal(): Promise<number> {
  const ctx = createHostContext();
  const started = performance.now();
  await Promise.all([readSysctlSources(ctx), readRuntimeValues(ctx)]);
  return performance.now() - started;
}

/** Per run: each node alone, this computer alone, then all three at once as the pair view reads them. */
export async function measureNodeReads(runs: number) {
  const a = await createSshNode();
  const b = await createSshNode();
  try {
    a.trustHostKey();
    b.trustHostKey();
    const nodeA: number[] = [];
    const nodeB: number[] = [];
    const local: number[] = [];
    const pair: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      nodeA.push(await readOnce(a));
      nodeB.push(await readOnce(b));
      local.push(await readLocal());
      const started = performance.now();
      await Promise.all([readOnce(a), readOnce(b), readLocal()]);
      pair.push(performance.now() - started);
    }
    const budget = median(nodeA) + median(nodeB) + median(local);
    return {
      runs,
      nodeAMedianMs: round(median(nodeA)),
      nodeBMedianMs: round(median(nodeB)),
      localMedianMs: round(median(local)),
      pairViewMedianMs: round(median(pair)),
      budgetMs: round(budget),
      met: median(pair) <= budget,
    };
  } finally {
    await a.dispose();
    await b.dispose();
  }
}
