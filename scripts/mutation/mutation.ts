/** Shared by the mutation catalogue's parts: what one mutation is, and where it applies. */
export interface Edit {
  readonly find: string;
  readonly replace: string;
}

export interface Mutation {
  readonly id: string;
  /** The net taken out, in words. */
  readonly net: string;
  readonly file: string;
  readonly edits: readonly Edit[];
  /** The spec files that should catch it (kept short: each mutation runs them). */
  readonly specs: readonly string[];
}

/** The step's generator (privilegedScript), by concern. */
export const SCRIPT = 'electron/system/step/script.ts';
export const CHECK = 'electron/system/step/script-check.ts';
export const PIECES = 'electron/system/step/script-settings.ts';
export const RECOVERY = 'electron/system/step/script-recovery.ts';
export const ARGS = 'test/system/step-nets-arguments.spec.ts';
export const PROCFS = 'test/system/step-nets-procfs.spec.ts';
export const DURABLE = 'test/system/step-nets-durability.spec.ts';
export const LOCK_SEEN = 'test/system/step-lock-seen.spec.ts';
export const UNIT = 'test/unit/system/safety-nets.spec.ts';

/** A mutation of one of the step's files: each pair is [anchor, replacement]. */
export const stepIn =
  (file: string) =>
  (id: string, net: string, specs: readonly string[], ...edits: [string, string][]): Mutation => ({
    id,
    net,
    file,
    edits: edits.map(([find, replace]) => ({ find, replace })),
    specs,
  });

/** A mutation of the step's main template. */
export const step = stepIn(SCRIPT);
