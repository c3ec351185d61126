import type { BootNote } from '../../contract/boot-note';
import { applyAsProcps } from './apply-procps';
import { applyAsSystemd } from './apply-systemd';
import { bytesToText } from './byte-text';
import { orderFiles, type OrderedFile, type SysctlSources } from './file-order';
import {
  hangingOutcome,
  unpredictableOutcome,
  withNotes,
  type KeyOutcome,
  type Unpredictable,
} from './key-outcome';
import type { BootKey } from './kernel-value';
import type { Engine } from './statement';
import { tokenizeSysctl, type TokenizedFile } from './tokenize';

const NOTHING: TokenizedFile = { lines: [], systemd: [], procps: [], systemdStop: null };

/**
 * Only a line naming a key's last component, or a pattern, can reach the keys: every
 * spelling of a key (dots or slashes, doubled or trailing separators) ends in that name.
 */
function concernsKeys(keys: readonly BootKey[]): (text: string) => boolean {
  const names = keys.map(({ key }) => key.split(/[./]/).filter(Boolean).pop() ?? key);
  return (text) => names.some((n) => text.includes(n)) || /[*?[]/.test(text);
}

/** What each engine leaves for each key, from the sources alone. */
export type BootPrediction = Readonly<Record<Engine, ReadonlyMap<string, KeyOutcome>>>;

/** How an engine's run ends, before any line is looked at. */
type RunFate =
  | {
      readonly kind: 'reads';
      readonly files: readonly OrderedFile[];
      readonly collated: readonly (readonly string[])[];
    }
  | { readonly kind: 'hangs'; readonly fifo: string }
  | { readonly kind: 'unknown'; readonly why: Unpredictable };

/**
 * Both engines read every file before they write anything (systemd fills its
 * hash map, procps its setting list), so a FIFO blocks the run in open() and
 * nothing at all is applied, whatever came before. Files are taken in the
 * engine's order: a device before it may never end (/dev/zero, /dev/urandom), so
 * what happens is unknown; a file whose content the app could not see (too large,
 * not readable) is read to its end by the engine, so a FIFO after it still
 * decides, and otherwise the run is unknown.
 */
function fateOf(sources: SysctlSources, engine: Engine): RunFate {
  const order = orderFiles(sources, engine);
  if (order.kind === 'unknown') return order;
  let unseen: Unpredictable | null = null;
  for (const f of order.files) {
    const entry = f.entry;
    if (entry.kind === 'skipped') unseen ??= { code: 'too-large', path: f.path };
    if (entry.kind !== 'unreadable') continue;
    if (entry.effect === 'hangs') return { kind: 'hangs', fifo: f.path };
    if (entry.effect === 'device')
      return { kind: 'unknown', why: { code: 'device', path: f.path } };
    if (entry.effect === 'not-readable') unseen ??= { code: 'not-readable', path: f.path };
  }
  return unseen
    ? { kind: 'unknown', why: unseen }
    : { kind: 'reads', files: order.files, collated: order.collated ?? [] };
}

function fateOutcomes(
  fate: RunFate,
  engine: Engine,
  keys: readonly BootKey[],
): Map<string, KeyOutcome> {
  const result = new Map<string, KeyOutcome>();
  for (const { key } of keys) {
    if (fate.kind === 'hangs') {
      result.set(key, hangingOutcome(fate.fifo, [{ code: 'fifo', engine, path: fate.fifo }]));
    } else if (fate.kind === 'unknown') {
      const note = {
        code: 'cannot-predict',
        engine,
        path: fate.why.path,
        why: fate.why.code,
      } as const;
      result.set(key, unpredictableOutcome(fate.why, [note]));
    }
  }
  return result;
}

/**
 * The boot model: the same snapshot, read the way each engine reads it.
 *
 * Pure: it works on a snapshot, never on paths, so this computer's files and a
 * node's files over SSH go through exactly the same code. Every behaviour it
 * follows is listed, with the engines' source lines, in docs/engines.md.
 */
export function predictBoot(sources: SysctlSources, keys: readonly BootKey[]): BootPrediction {
  const cache = new Map<OrderedFile['entry'], TokenizedFile>();
  const mayConcernKeys = concernsKeys(keys);
  const tokens = (file: OrderedFile): TokenizedFile | null => {
    if (file.entry.kind !== 'file') return null;
    let tokenized = cache.get(file.entry);
    if (!tokenized) {
      const text = bytesToText(file.entry.content);
      // Most vendor files name none of the keys and hold no pattern: skipping them keeps a
      // state read cheap.
      tokenized = mayConcernKeys(text) ? tokenizeSysctl(text) : NOTHING;
      cache.set(file.entry, tokenized);
    }
    return tokenized;
  };
  const systemdFate = fateOf(sources, 'systemd');
  const procpsFate = fateOf(sources, 'procps');
  const systemd =
    systemdFate.kind === 'reads'
      ? applyAsSystemd(systemdFate.files, tokens, keys)
      : fateOutcomes(systemdFate, 'systemd', keys);
  const procps =
    procpsFate.kind === 'reads'
      ? withCollationNotes(applyAsProcps(procpsFate.files, tokens, keys), procpsFate.collated)
      : fateOutcomes(procpsFate, 'procps', keys);
  const hidden =
    procpsFate.kind === 'reads'
      ? procpsFate.files.filter((f) => f.name.startsWith('.')).map((f) => f.path)
      : [];
  const credential = sources.credential;
  return {
    systemd: withCredentialNote(
      withHiddenNotes(systemd, procps, hidden, 'systemd'),
      credential?.passedIn ? credential.path : null,
    ),
    procps: withHiddenNotes(procps, procps, hidden, 'procps'),
  };
}

/**
 * What is there now but may not be at the next boot: a credential passed in at
 * this boot, and /run/sysctl.d, a tmpfs emptied at every boot (the model reads
 * what is there, as the engines would if they ran now).
 */
function withCredentialNote(
  outcomes: Map<string, KeyOutcome>,
  passedIn: string | null,
): Map<string, KeyOutcome> {
  for (const [key, outcome] of outcomes) {
    const notes: BootNote[] = [];
    if (passedIn && outcome.writes.some((w) => w.origin.path === passedIn)) {
      notes.push({ code: 'credential-passed-in', path: passedIn });
    }
    const run = outcome.winner?.origin.path;
    if (run?.startsWith('/run/sysctl.d/')) notes.push({ code: 'run-emptied', path: run });
    if (notes.length > 0) outcomes.set(key, withNotes(outcome, notes));
  }
  return outcomes;
}

/**
 * When two files one procps file name matched both write the key, which one
 * wins depends on the collation of the locale `sysctl --system` runs in: the value
 * is the one in C.UTF-8 (byte order), and the note says so.
 */
function withCollationNotes(
  outcomes: Map<string, KeyOutcome>,
  collated: readonly (readonly string[])[],
): Map<string, KeyOutcome> {
  if (collated.length === 0) return outcomes;
  for (const [key, outcome] of outcomes) {
    const writers = new Set(outcome.writes.map((w) => w.origin.path));
    const group = collated.find((g) => g.filter((p) => writers.has(p)).length > 1);
    if (!group) continue;
    outcomes.set(key, withNotes(outcome, [{ code: 'collation', paths: group }]));
  }
  return outcomes;
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
    const notes = [...paths].map((path): BootNote => ({ code: 'hidden', engine, path }));
    outcomes.set(key, withNotes(outcome, notes));
  }
  return outcomes;
}
