import type { CatalogType } from '@lingui/conf';
import { parse, type Token } from '@messageformat/parser';

/**
 * What a shipped translation must keep of its English message: every ICU argument
 * ({path}, {count, plural, …}), every <0>…</0> element of a <Trans>, and every
 * `code span` exactly (commands are never translated). Pure: the catalog test runs it.
 */
export interface CatalogProblem {
  readonly kind:
    | 'missing'
    | 'empty'
    | 'stale'
    | 'obsolete'
    | 'syntax'
    | 'placeholder'
    | 'select'
    | 'element'
    | 'code';
  readonly message: string;
  readonly detail?: string;
}

/** Every argument and choice of an ICU message, as `{name}` or `{name, select: keys}`. */
function walk(tokens: readonly Token[], found: { args: Set<string>; selects: Set<string> }) {
  for (const token of tokens) {
    if (token.type === 'argument' || token.type === 'function') found.args.add(token.arg);
    if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      found.args.add(token.arg);
      // A select's keys are values the code passes: never translated. Plural categories
      // differ by language, so only select keys are compared.
      if (token.type === 'select') {
        found.selects.add(
          `${token.arg}: ${token.cases
            .map((c) => c.key)
            .sort()
            .join(' ')}`,
        );
      }
      token.cases.forEach((c) => walk(c.tokens, found));
    }
  }
}

/** ICU argument names ({name}, {name, plural, …}), sorted; null when it does not parse. */
export function argumentNames(message: string): string[] | null {
  return icuShape(message)?.args ?? null;
}

function icuShape(message: string): { args: string[]; selects: string[] } | null {
  try {
    const found = { args: new Set<string>(), selects: new Set<string>() };
    walk(parse(message), found);
    return { args: [...found.args].sort(), selects: [...found.selects].sort() };
  } catch {
    return null;
  }
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
  const source = icuShape(english);
  const shape = icuShape(translation);
  if (!shape || !source) return [{ kind: 'syntax', message: english, detail: translation }];
  const missingArgs = source.args.filter((n) => !shape.args.includes(n));
  const extraArgs = shape.args.filter((n) => !source.args.includes(n));
  if (missingArgs.length > 0 || extraArgs.length > 0) {
    const detail = [
      ...missingArgs.map((n) => `lacks {${n}}`),
      ...extraArgs.map((n) => `adds {${n}}`),
    ];
    problems.push({ kind: 'placeholder', message: english, detail: detail.join(', ') });
  }
  if (!sameList(source.selects, shape.selects)) {
    problems.push({
      kind: 'select',
      message: english,
      detail: `select keys ${JSON.stringify(shape.selects)} instead of ${JSON.stringify(source.selects)}`,
    });
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
