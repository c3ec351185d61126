import type { CatalogType } from '@lingui/conf';

/**
 * What a shipped translation must keep of its English message: every ICU argument
 * ({path}, {count, plural, …}), every <0>…</0> element of a <Trans>, and every
 * `code span` exactly (commands are never translated). Pure: the catalog test runs it.
 */
export interface CatalogProblem {
  readonly kind: 'missing' | 'empty' | 'stale' | 'obsolete' | 'placeholder' | 'element' | 'code';
  readonly message: string;
  readonly detail?: string;
}

/** ICU argument names: {name}, {name, plural, …}, {name, select, …}. */
export function argumentNames(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z_$][\w$]*)\s*(?:,|\})/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}

/** <0>, </0>, <1/> … as a sorted multiset. */
export function elementTags(message: string): string[] {
  return [...message.matchAll(/<\/?\d+\s*\/?>/g)].map((m) => m[0].replace(/\s/g, '')).sort();
}

/** The `…` spans, in order of appearance. */
export function codeSpans(message: string): string[] {
  return [...message.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Problems of one translation of one English message (none when it is complete and safe). */
export function translationProblems(english: string, translation: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (translation.trim() === '') return [{ kind: 'empty', message: english }];
  const missingArgs = argumentNames(english).filter((n) => !argumentNames(translation).includes(n));
  const extraArgs = argumentNames(translation).filter((n) => !argumentNames(english).includes(n));
  if (missingArgs.length > 0 || extraArgs.length > 0) {
    const detail = [
      ...missingArgs.map((n) => `lacks {${n}}`),
      ...extraArgs.map((n) => `adds {${n}}`),
    ];
    problems.push({ kind: 'placeholder', message: english, detail: detail.join(', ') });
  }
  if (!sameList(elementTags(english), elementTags(translation))) {
    problems.push({ kind: 'element', message: english, detail: translation });
  }
  const englishCode = [...codeSpans(english)].sort();
  const translatedCode = [...codeSpans(translation)].sort();
  if (!sameList(englishCode, translatedCode)) {
    problems.push({
      kind: 'code',
      message: english,
      detail: `code spans ${JSON.stringify(translatedCode)} instead of ${JSON.stringify(englishCode)}`,
    });
  }
  return problems;
}

/** Everything wrong with a shipped catalog, measured against the English (source) catalog. */
export function catalogProblems(source: CatalogType, shipped: CatalogType): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const [id, entry] of Object.entries(source)) {
    if (entry.obsolete) continue;
    const english = entry.message ?? id;
    const translated = shipped[id];
    if (!translated || translated.obsolete) {
      problems.push({ kind: 'missing', message: english });
      continue;
    }
    problems.push(...translationProblems(english, translated.translation ?? ''));
  }
  for (const [id, entry] of Object.entries(shipped)) {
    const english = entry.message ?? id;
    if (entry.obsolete) problems.push({ kind: 'obsolete', message: english });
    else if (!source[id] || source[id]?.obsolete)
      problems.push({ kind: 'stale', message: english });
  }
  return problems;
}

/** A short report: counts per kind, then the first few of each. */
export function describeProblems(locale: string, problems: readonly CatalogProblem[]): string {
  const kinds = [...new Set(problems.map((p) => p.kind))];
  return kinds
    .map((kind) => {
      const of = problems.filter((p) => p.kind === kind);
      const first = of
        .slice(0, 5)
        .map((p) => `    ${JSON.stringify(p.message)}${p.detail ? `: ${p.detail}` : ''}`);
      return [`${locale}: ${of.length} ${kind}`, ...first].join('\n');
    })
    .join('\n');
}
