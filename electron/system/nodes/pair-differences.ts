import { SETTINGS } from '../settings';
import { runningValue, type NodePrediction } from './predict-from-snapshot';

/** One node as the pair view compares it. */
export interface PairNode {
  readonly name: string;
  readonly prediction: NodePrediction;
}

/**
 * The differences between nodes, in words, against the node the user compares to
 * (the reference): what each other node lacks now, and what it will lose or gain at
 * the next reboot under systemd-sysctl and under procps `sysctl --system`.
 */
export function describeDifferences(reference: PairNode, others: readonly PairNode[]): string[] {
  const lines: string[] = [];
  for (const node of others) {
    for (const setting of SETTINGS) {
      const family = setting.family;
      const ref = reference.prediction;
      const their = node.prediction;
      const refNow = runningValue(ref, setting.id);
      const theirNow = runningValue(their, setting.id);
      if (refNow !== null && theirNow !== null && refNow !== theirNow) {
        lines.push(
          theirNow === 1
            ? `${node.name} has ${family} non-local bind on now; ${reference.name} has it off.`
            : `${node.name} has ${family} non-local bind off now; ${reference.name} has it on.`,
        );
      }
      const theirBoot = their.boot.settings.find((s) => s.id === setting.id);
      const refBoot = ref.boot.settings.find((s) => s.id === setting.id);
      if (!theirBoot || !refBoot) continue;
      // One sentence per difference: the engines are named only when they do not agree.
      const sentences = new Map<string, string[]>();
      for (const engine of ['systemd', 'procps'] as const) {
        const theirs = theirBoot[engine].effective;
        const mine = refBoot[engine].effective;
        if (theirs === mine) continue;
        const by = engine === 'systemd' ? 'systemd-sysctl' : 'sysctl --system';
        // "head|tail": the engine goes between them when only one engine differs.
        const sentence =
          theirNow === 1 && theirs === 0
            ? `${node.name} will lose ${family} non-local bind at the next reboot|`
            : theirs === 0
              ? `${node.name} will not have ${family} non-local bind after a reboot|; ${reference.name} will`
              : `${node.name} will have ${family} non-local bind after a reboot|; ${reference.name} will not`;
        sentences.set(sentence, [...(sentences.get(sentence) ?? []), by]);
      }
      for (const [sentence, engines] of sentences) {
        const [head, tail] = sentence.split('|');
        const which = engines.length === 2 ? '' : ` (${engines.join(', ')})`;
        lines.push(`${head ?? ''}${which}${tail ?? ''}.`);
      }
    }
  }
  return lines;
}
