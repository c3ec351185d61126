import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  GUIDE_LANGUAGES,
  guideCatalogPath,
  guideSourceStrings,
  languageArgument,
} from './guide-language';
import { readLangArgument } from '../../electron/shell/locale-request';
import { readPoFile, writePo, type PoEntry } from '../i18n/po-file';
import { GUIDE_TASKS } from './steps';
import { PAIR_TASK } from './steps-pair';

// Entry of `npm run i18n:extract-guide`: writes docs/i18n/guide.<lang>.po for every translated
// language from the guide's English words (scripts/docs/steps*.ts, guide-frame.ts and the demo
// scenarios' summaries). Translations of unchanged strings are kept; a new or changed string
// gets an empty msgstr for the translator, and a string the guide no longer has is dropped.
// The catalog test fails until every msgstr is filled.
// `--lang de` updates that language's catalog only (a translator's own file); none: all.
const chosen = languageArgument(process.argv.slice(2));
if (!chosen.ok) throw new Error(chosen.error);
const only = readLangArgument(process.argv.slice(2)).found ? chosen.language : null;
const sources = guideSourceStrings([...GUIDE_TASKS, PAIR_TASK]);
for (const language of GUIDE_LANGUAGES) {
  if (language === 'en' || (only !== null && language !== only)) continue;
  const file = guideCatalogPath(language);
  const kept = new Map<string, string>();
  if (existsSync(file)) {
    const read = readPoFile(file);
    if (!read.ok) throw new Error(read.error);
    for (const e of read.entries) if (!e.obsolete && e.id !== '') kept.set(e.id, e.text);
  }
  const entries: PoEntry[] = sources.map((e) => ({ ...e, text: kept.get(e.id) ?? '' }));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, writePo(language, entries));
  const empty = entries.filter((e) => e.text === '').length;
  process.stdout.write(`${file}: ${entries.length} strings, ${empty} to translate\n`);
}
