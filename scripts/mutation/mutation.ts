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

export const SCRIPT = 'electron/system/privileged-script.ts';
export const ARGS = 'test/system/step-nets-arguments.spec.ts';
export const PROCFS = 'test/system/step-nets-procfs.spec.ts';
export const DURABLE = 'test/system/step-nets-durability.spec.ts';
export const UNIT = 'test/unit/system/safety-nets.spec.ts';

/** A mutation of the step: each pair is [anchor, replacement]. */
export const step = (
  id: string,
  net: string,
  specs: readonly string[],
  ...edits: [string, string][]
): Mutation => ({
  id,
  net,
  file: SCRIPT,
  edits: edits.map(([find, replace]) => ({ find, replace })),
  specs,
});
