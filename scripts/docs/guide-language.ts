import { existsSync } from 'node:fs';
import path from 'node:path';
import { setupI18n } from '@lingui/core';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { DEMO_SCENARIOS } from '../../electron/demo/scenarios';
import { readLangArgument } from '../../electron/shell/locale-request';
import { FRAME } from './guide-frame';
import { readPoFile, type PoEntry } from '../i18n/po-file';
import type { GuideTask } from './steps-kit';

/** The languages a guide is written in: English, the source, and the app's translations. */
export const GUIDE_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export function isGuideLanguage(value: string): value is GuideLanguage {
  return (GUIDE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * `--lang de` or `--lang=de` among a script's arguments, read as the app reads its own
 * (last one wins); English without one.
 */
export function languageArgument(
  argv: readonly string[],
): { ok: true; language: GuideLanguage } | { ok: false; error: string } {
  const argument = readLangArgument(argv);
  if (!argument.found) return { ok: true, language: 'en' };
  const given = argument.value;
  if (given && isGuideLanguage(given)) return { ok: true, language: given };
  return {
    ok: false,
    error: `--lang needs one of ${GUIDE_LANGUAGES.join(', ')}; got ${given ? `"${given}"` : 'nothing'}`,
  };
}

/** docs/i18n/guide.<lang>.po: the guide's words in one language. */
export const guideCatalogPath = (language: GuideLanguage) =>
  path.resolve('docs', 'i18n', `guide.${language}.po`);

/** The app's own catalog: the labels a guide step clicks are the ones the app shows. */
export const appCatalogPath = (language: GuideLanguage) =>
  path.resolve('renderer', 'locales', language, 'messages.po');

/** Every English string of the guide, in the guide's order, with a note on where it stands. */
export function guideSourceStrings(tasks: readonly GuideTask[]): PoEntry[] {
  const seen = new Set<string>();
  const out: PoEntry[] = [];
  const add = (id: string, note: string): void => {
    if (id === '' || seen.has(id)) return;
    seen.add(id);
    out.push({ id, text: '', notes: [note], obsolete: false });
  };
  for (const [key, text] of Object.entries(FRAME)) add(text, `frame: ${key}`);
  for (const task of tasks) {
    add(task.title, `${task.id}: title`);
    add(task.when, `${task.id}: when`);
    for (const step of task.steps) {
      add(step.title, `${task.id}/${step.id}: title`);
      add(step.say, `${task.id}/${step.id}: say (quoted phrases must be the app's own words)`);
    }
  }
  for (const s of DEMO_SCENARIOS) add(s.summary, `demo scenario ${s.name}: summary`);
  return out;
}

function readCatalog(file: string): Map<string, string> {
  const read = readPoFile(file);
  if (!read.ok) throw new Error(read.error);
  const map = new Map<string, string>();
  for (const e of read.entries)
    if (!e.obsolete && e.id !== '' && e.text !== '') map.set(e.id, e.text);
  return map;
}

/** The guide's English strings that the language's catalog does not translate yet. */
export function missingTranslations(
  language: GuideLanguage,
  tasks: readonly GuideTask[],
): string[] {
  if (language === 'en') return [];
  const file = guideCatalogPath(language);
  const have = existsSync(file) ? readCatalog(file) : new Map<string, string>();
  return guideSourceStrings(tasks)
    .filter((entry) => !have.has(entry.id))
    .map((entry) => `  ${entry.notes[0] ?? ''}: ${entry.id.slice(0, 80)}`);
}

export type Fill = Readonly<Record<string, string | number>>;

function fill(text: string, values: Fill): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * The app's labels in one language, formatted as the app formats them (ICU plurals and
 * placeholders through Lingui), looked up by their English message.
 */
const labelsByLanguage = new Map<string, (english: string, values?: Fill) => string>();

export function appLabels(language: GuideLanguage): (english: string, values?: Fill) => string {
  const known = labelsByLanguage.get(language);
  if (known) return known;
  const file = appCatalogPath(language);
  const read = readPoFile(file);
  if (!read.ok) throw new Error(read.error);
  const compiled: Record<string, CompiledMessage> = {};
  for (const e of read.entries) {
    // A message with a context is the same English for another use; the plain one is the label.
    if (e.obsolete || e.id === '' || e.text === '' || e.context !== undefined) continue;
    compiled[e.id] = compileMessageOrThrow(e.text);
  }
  const i18n = setupI18n({ locale: language, messages: { [language]: compiled } });
  const label = (english: string, values: Fill = {}): string => {
    if (!(english in compiled)) {
      throw new Error(`the app has no ${language} message "${english}" (${file})`);
    }
    return i18n._(english, values);
  };
  labelsByLanguage.set(language, label);
  return label;
}

/**
 * The guide's translator for one language: English passes through; any other language
 * answers from its catalog, and a string it lacks is an error, never English in a German
 * guide.
 */
export function guideWords(language: GuideLanguage) {
  const guide = language === 'en' ? null : readCatalog(guideCatalogPath(language));
  const tr = (english: string, values: Fill = {}): string => {
    const found = guide ? guide.get(english) : english;
    if (found === undefined)
      throw new Error(`no ${language} translation of the guide's "${english}"`);
    return fill(found, values);
  };
  return { language, tr };
}

export type GuideWords = ReturnType<typeof guideWords>;

/** The tasks with their words in the guide's language (actions and checks unchanged). */
export function translateTasks(tasks: readonly GuideTask[], words: GuideWords): GuideTask[] {
  return tasks.map((task) => ({
    ...task,
    title: words.tr(task.title),
    when: words.tr(task.when),
    steps: task.steps.map((step) => ({
      ...step,
      title: words.tr(step.title),
      say: words.tr(step.say),
    })),
  }));
}
