import type { ApiError, CandidateProblem } from '../../contract';

export type { CandidateProblem };

/** Longer than any real name: the rest of a hostile one is cut, not echoed. */
const MAX_SHOWN = 80;

/** A path as a node named it, printable and short enough for a sentence. */
export function shownPath(path: string): string {
  // Control characters would garble the sentence; a name has no business holding one.
  const printable = path.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  const chars = [...printable];
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : printable;
}

/** The problem with its paths made printable and short: they came from the node. */
function shortened(p: CandidateProblem): CandidateProblem {
  if (p.code === 'would-hide')
    return { ...p, path: shownPath(p.path), hidden: shownPath(p.hidden) };
  if (p.code === 'step-refuses') return { ...p, path: p.path === null ? null : shownPath(p.path) };
  return { ...p, path: shownPath(p.path) };
}

/** The machine cannot be made alike by any file the app may write: which, and why each. */
export function cannotPersistError(name: string, problems: readonly CandidateProblem[]): ApiError {
  const code = 'cannot-persist';
  return { code, data: { from: 'machine', code, name, problems: problems.map(shortened) } };
}
