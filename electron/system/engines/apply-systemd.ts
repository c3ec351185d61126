import type { BootNote } from '../../contract/boot-note';
import type { OrderedFile } from './file-order';
import type { BootKey } from './kernel-value';
import {
  isGlobKey,
  keyComponents,
  systemdGlobMatches,
  systemdNamesKey,
  systemdNormalize,
} from './key-path';
import { makeWrite, settle, type KeyOutcome, type KeyWrite, type Origin } from './key-outcome';
import type { TokenizedFile } from './tokenize';

interface Entry {
  readonly value: string | null;
  readonly glob: boolean;
  /** The line that set this value last (a repeat of the same value keeps the entry's place). */
  origin: Origin;
}

/**
 * systemd-sysctl (252, src/sysctl/sysctl.c): every file fills one ordered hash
 * map keyed by the normalised key. A key seen again with the same value keeps
 * its place; with another value (or as a negation, value NULL) it is removed and
 * added at the end. apply_all() then walks the map once: a negation writes
 * nothing, so "-key" with no "=" after "key = 1" means the key is not set at all;
 * a plain key is written once, with its last value only; a glob entry writes
 * every match that has no plain entry of its own (even a negation), in map order.
 */
export function applyAsSystemd(
  files: readonly OrderedFile[],
  tokens: (file: OrderedFile) => TokenizedFile | null,
  keys: readonly BootKey[],
): Map<string, KeyOutcome> {
  const map = new Map<string, Entry>();
  const stops: BootNote[] = [];
  for (const file of files) {
    const tokenized = tokens(file);
    if (!tokenized) continue;
    if (tokenized.systemdStop) {
      stops.push({ code: 'systemd-stops', path: file.path, line: tokenized.systemdStop.line });
    }
    for (const st of tokenized.systemd) {
      const key = systemdNormalize(st.key);
      const origin = { path: file.path, line: st.line };
      const existing = map.get(key);
      if (existing && existing.value === st.value) {
        existing.origin = origin;
        continue;
      }
      map.delete(key);
      map.set(key, { value: st.value, glob: isGlobKey(key), origin });
    }
  }
  const result = new Map<string, KeyOutcome>();
  for (const { key: dotted, range } of keys) {
    const components = keyComponents(dotted);
    const own = components.join('/');
    const writes: KeyWrite[] = [];
    const patterns: KeyOutcome['patterns'][number][] = [];
    for (const [key, entry] of map) {
      if (entry.value === null) continue;
      if (entry.glob) {
        if (!systemdGlobMatches(key, components)) continue;
        patterns.push({ origin: entry.origin, value: entry.value });
        if (!map.has(own)) writes.push(makeWrite(entry.origin, entry.value, key, range));
      } else if (systemdNamesKey(key, components)) {
        writes.push(makeWrite(entry.origin, entry.value, null, range));
      }
    }
    const notes = [...stops];
    const entry = map.get(own);
    const negation = entry && entry.value === null ? entry : null;
    if (negation) {
      notes.push({ code: 'negation', path: negation.origin.path, line: negation.origin.line });
    }
    result.set(dotted, settle(writes, patterns, notes, negation?.origin ?? null));
  }
  return result;
}
