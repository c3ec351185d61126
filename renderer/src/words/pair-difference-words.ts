import type { PairDifference } from '../../../electron/contract';

const ENGINE_NAMES = { systemd: 'systemd-sysctl', procps: 'sysctl --system' } as const;

/** How one machine differs from the reference, in one sentence; engines named when they differ. */
export function pairDifferenceWords(d: PairDifference): string {
  const setting = `${d.family} non-local bind`;
  if (d.kind === 'now')
    return d.value === 1
      ? `${d.node} has ${setting} on now; ${d.reference} has it off.`
      : `${d.node} has ${setting} off now; ${d.reference} has it on.`;
  const which =
    d.engines.length === 2 ? '' : ` (${d.engines.map((e) => ENGINE_NAMES[e]).join(', ')})`;
  switch (d.change) {
    case 'lose':
      return `${d.node} will lose ${setting} at the next boot${which}.`;
    case 'without':
      return `${d.node} will not have ${setting} at boot${which}; ${d.reference} will.`;
    case 'with':
      return `${d.node} will have ${setting} at boot${which}; ${d.reference} will not.`;
    default:
      return unworded(d.change);
  }
}

function unworded(change: never): never {
  throw new Error(`no words for a pair difference ${String(change)}`);
}
