import { applyAsProcps } from './apply-procps';
import { applyAsSystemd } from './apply-systemd';
import { bytesToText } from './byte-text';
import { orderFiles, type OrderedFile, type SysctlSources } from './file-order';
import type { KeyOutcome } from './key-outcome';
import type { Engine } from './statement';
import { tokenizeSysctl, type TokenizedFile } from './tokenize';

const NOTHING: TokenizedFile = { lines: [], systemd: [], procps: [], systemdStop: null };

function mayConcernOurKeys(text: string): boolean {
  return text.includes('nonlocal_bind') || /[*?[]/.test(text);
}

/** What each engine leaves for each key, from the sources alone. */
export type BootPrediction = Readonly<Record<Engine, ReadonlyMap<string, KeyOutcome>>>;

/**
 * The boot model: the same snapshot, read the way each engine reads it.
 *
 * Pure: it works on a snapshot, never on paths, so this computer's files and a
 * node's files over SSH go through exactly the same code.
 */
export function predictBoot(sources: SysctlSources, keys: readonly string[]): BootPrediction {
  const cache = new Map<OrderedFile['entry'], TokenizedFile>();
  const tokens = (file: OrderedFile): TokenizedFile | null => {
    if (file.entry.kind !== 'file') return null;
    let tokenized = cache.get(file.entry);
    if (!tokenized) {
      const text = bytesToText(file.entry.content);
      // Only a key naming ip_nonlocal_bind or a pattern can reach our keys; most vendor
      // files have neither, and skipping them keeps a state read cheap.
      tokenized = mayConcernOurKeys(text) ? tokenizeSysctl(text) : NOTHING;
      cache.set(file.entry, tokenized);
    }
    return tokenized;
  };
  const procpsFiles = orderFiles(sources, 'procps');
  const systemd = applyAsSystemd(orderFiles(sources, 'systemd'), tokens, keys);
  const procps = applyAsProcps(procpsFiles, tokens, keys);
  const hidden = procpsFiles.filter((f) => f.name.startsWith('.')).map((f) => f.path);
  return {
    systemd: withHiddenNotes(systemd, procps, hidden, 'systemd'),
    procps: withHiddenNotes(procps, procps, hidden, 'procps'),
  };
}

/** Says so when a dot file sets the key: procps applies it, systemd-sysctl never reads it. */
function withHiddenNotes(
  outcomes: Map<string, KeyOutcome>,
  procps: ReadonlyMap<string, KeyOutcome>,
  hidden: readonly string[],
  engine: Engine,
): Map<string, KeyOutcome> {
  if (hidden.length === 0) return outcomes;
  for (const [key, outcome] of outcomes) {
    const paths = new Set(
      (procps.get(key)?.writes ?? []).map((w) => w.origin.path).filter((p) => hidden.includes(p)),
    );
    if (paths.size === 0) continue;
    const notes = [...paths].map((p) =>
      engine === 'systemd'
        ? `${p} is hidden (its name starts with a dot), so systemd-sysctl skips it`
        : `${p} is hidden (its name starts with a dot), yet sysctl --system applies it`,
    );
    outcomes.set(key, { ...outcome, notes: [...outcome.notes, ...notes] });
  }
  return outcomes;
}
