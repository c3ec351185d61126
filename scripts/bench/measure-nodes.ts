// Reading the pair: two SSH nodes (real sshd in namespaces) and this computer, in one run.
import { readNodeAnswer } from '../../electron/system/nodes/read-node';
import { createHostContext } from '../../electron/system/system-context';
import { readLocalSnapshot } from '../../electron/system/target/local-target';
import { createSshNode, nodeDestination, type SshNode } from '../../test/harness/ssh-node';
import { median, round } from './stats';
import { errorWords } from '../../renderer/src/error-words';

async function readOnce(node: SshNode): Promise<number> {
  const d = { destination: nodeDestination(node.alias) };
  const started = performance.now();
  const read = await readNodeAnswer(node.settings, d.destination);
  if (!read.ok) throw new Error(errorWords(read.error));
  return performance.now() - started;
}

/** This computer as the pair view reads it: its target's reader, as the main view reads it. */
async function readLocal(): Promise<number> {
  const started = performance.now();
  await readLocalSnapshot(createHostContext());
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
      // What readAllMachines does for the pair view: every machine at once.
      const started = performance.now();
      await Promise.all([readLocal(), readOnce(a), readOnce(b)]);
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
