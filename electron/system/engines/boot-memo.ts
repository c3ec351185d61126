import { predictBoot, type BootPrediction } from './boot-model';
import type { SysctlSources } from './file-order';
import type { BootKey } from './kernel-value';

/**
 * The boot model's last answers, reused when the same sources come again: a refresh of
 * an unchanged tree reads the same files, and the model is pure, so the same sources
 * and the same keys give the same prediction. "The same" is checked, never assumed:
 * every field the model reads is compared by value, file bytes included, and the keys
 * (the catalogue) by identity. A few answers are kept: this computer and the nodes of
 * the pair view are read together.
 */
interface Remembered {
  /** The very object given: a confirmed tree read hands back the same object (sysctl-read-here.ts). */
  readonly given: SysctlSources;
  readonly sources: SysctlSources;
  readonly keys: readonly BootKey[];
  readonly prediction: BootPrediction;
}

const KEPT = 4;
const remembered: Remembered[] = [];

/** Plain data equal by value: primitives, arrays, plain objects and bytes. */
function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOfA = Object.keys(a);
  if (keysOfA.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysOfA.every((k) => Object.hasOwn(recordB, k) && sameData(recordA[k], recordB[k]));
}

/** Only what the model reads: a snapshot's runtime values and kernel are no input. */
function inputsOf(sources: SysctlSources): SysctlSources {
  const { directories, sysctlConf, problems, unlisted, credential } = sources;
  return { directories, sysctlConf, problems, unlisted, credential };
}

/** predictBoot, answered from memory when these sources and keys were predicted lately. */
export function predictBootRemembered(
  sources: SysctlSources,
  keys: readonly BootKey[],
): BootPrediction {
  // Snapshots are never changed in place: the same object is the same sources.
  const latest = remembered[0];
  if (latest?.given === sources && latest.keys === keys) return latest.prediction;
  const inputs = inputsOf(sources);
  const at = remembered.findIndex((r) => r.keys === keys && sameData(r.sources, inputs));
  const found = at >= 0 ? remembered.splice(at, 1)[0] : undefined;
  const prediction = found?.prediction ?? predictBoot(inputs, keys);
  remembered.unshift({ given: sources, sources: inputs, keys, prediction });
  remembered.length = Math.min(remembered.length, KEPT);
  return prediction;
}
