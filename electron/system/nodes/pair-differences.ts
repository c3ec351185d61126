import type { PairDifference } from '../../contract';
import { SETTINGS } from '../settings';
import { runningValue, type NodePrediction } from './predict-from-snapshot';

/** One node as the pair view compares it. */
export interface PairNode {
  readonly name: string;
  /** This computer (the renderer words its name). */
  readonly local?: boolean;
  readonly prediction: NodePrediction;
}

/**
 * The differences between nodes, as data, against the node the user compares to (the
 * reference): what each other node lacks now, and what it will lose or gain at the next
 * reboot under systemd-sysctl and under procps `sysctl --system`.
 */
export function findDifferences(
  reference: PairNode,
  others: readonly PairNode[],
): PairDifference[] {
  const found: PairDifference[] = [];
  for (const node of others) {
    for (const setting of SETTINGS) {
      const names = {
        node: node.name,
        reference: reference.name,
        referenceIsLocal: reference.local === true,
        family: setting.family,
      };
      const ref = reference.prediction;
      const their = node.prediction;
      const refNow = runningValue(ref, setting.id);
      const theirNow = runningValue(their, setting.id);
      if (refNow !== null && theirNow !== null && refNow !== theirNow)
        found.push({ kind: 'now', ...names, value: theirNow });
      const theirBoot = their.boot.settings.find((s) => s.id === setting.id);
      const refBoot = ref.boot.settings.find((s) => s.id === setting.id);
      if (!theirBoot || !refBoot) continue;
      // One difference per change: the engines are listed together when they agree.
      const changes = new Map<'lose' | 'without' | 'with', ('systemd' | 'procps')[]>();
      for (const engine of ['systemd', 'procps'] as const) {
        const theirs = theirBoot[engine].effective;
        if (theirs === refBoot[engine].effective) continue;
        const change = theirNow === 1 && theirs === 0 ? 'lose' : theirs === 0 ? 'without' : 'with';
        changes.set(change, [...(changes.get(change) ?? []), engine]);
      }
      for (const [change, engines] of changes)
        found.push({ kind: 'boot', ...names, change, engines });
    }
  }
  return found;
}
