/**
 * What the reader thread posts for a request, and the last answers both threads keep
 * (sysctl-read-answers.ts takes them on the main thread). Part of the reader thread's
 * code: calls only functions of this module (see sysctl-read-core.ts).
 */

/** Plain data equal by value; kept entries are the very objects, so mostly identity. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keys.every((k) => Object.hasOwn(recordB, k) && sameValue(recordA[k], recordB[k]));
}

/** The last answers, most recent last; both threads call this in the same order. */
export function rememberAnswer(last: Map<string, unknown>, key: string, value: unknown): void {
  last.delete(key);
  last.set(key, value);
  if (last.size > 16) last.delete(last.keys().next().value as string);
}

/**
 * What the thread posts for a request: `same` when a tree read equals the last answer
 * to the same request (which the main thread holds, sysctl-read-answers.ts), else the
 * value with its key. A single file (a runtime value in procfs) is always posted whole.
 */
export function answerToPost(
  last: Map<string, unknown>,
  request: {
    readonly kind: string;
    readonly plan?: { readonly root: string };
    readonly name?: string;
  },
  value: unknown,
): { value: unknown; key?: string } | { same: string } {
  if (request.kind === 'file' || !request.plan) return { value };
  const key = `${request.kind}:${request.plan.root}:${request.name ?? ''}`;
  const before = last.get(key);
  if (before !== undefined && sameValue(before, value)) {
    rememberAnswer(last, key, before);
    return { same: key };
  }
  rememberAnswer(last, key, value);
  return { value, key };
}

/** Every function the thread needs to post its answers. */
export const POST_FUNCTIONS = [sameValue, rememberAnswer, answerToPost] as const;
