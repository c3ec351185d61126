import { getConfig, type CatalogType, type LinguiConfigNormalized } from '@lingui/conf';
import { getCatalogs } from '@lingui/cli/api';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pseudoTextOf } from './pseudo-text.ts';

/** The repository root, where lingui.config.ts lives. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let config: LinguiConfigNormalized | undefined;

export function linguiConfig(): LinguiConfigNormalized {
  config ??= getConfig({ cwd: REPO_ROOT, configPath: path.join(REPO_ROOT, 'lingui.config.ts') });
  return config;
}

export function sourceLocale(): string {
  const locale = linguiConfig().sourceLocale;
  if (!locale) throw new Error('lingui.config.ts names no sourceLocale');
  return locale;
}

/**
 * A shipped locale's messages by id, as the build compiles them: a missing
 * translation falls back to English (the catalog test is what forbids that).
 */
export async function catalogMessages(locale: string): Promise<Record<string, string>> {
  const conf = linguiConfig();
  const [catalog] = await getCatalogs(conf);
  if (!catalog) throw new Error('lingui.config.ts names no catalog');
  const { messages } = await catalog.getTranslations(locale, {
    sourceLocale: sourceLocale(),
    fallbackLocales: conf.fallbackLocales || {},
  });
  return messages;
}

/** Messages compiled for the runtime (the form @lingui/core loads), each text segment mapped. */
export function compileMessages(
  messages: Readonly<Record<string, string>>,
  mapText?: (text: string) => string,
): Record<string, CompiledMessage> {
  const compiled: Record<string, CompiledMessage> = {};
  for (const id of Object.keys(messages).sort()) {
    compiled[id] = compileMessageOrThrow(messages[id] ?? '', mapText);
  }
  return compiled;
}

/**
 * A locale's catalog compiled for the runtime: a pseudo-locale's is the English one with
 * each text segment transformed (it has no PO file of its own).
 */
export async function compiledCatalog(locale: string): Promise<Record<string, CompiledMessage>> {
  const mapText = pseudoTextOf(locale);
  if (!mapText) return compileMessages(await catalogMessages(locale));
  return compileMessages(await catalogMessages(sourceLocale()), mapText);
}

/** The PO catalog of a locale as Lingui reads it (message, translation, obsolete, comments). */
export async function readCatalog(locale: string): Promise<CatalogType> {
  const [catalog] = await getCatalogs(linguiConfig());
  if (!catalog) throw new Error('lingui.config.ts names no catalog');
  return catalog.read(locale);
}

/**
 * Runs the real extractor over the sources into `dir` (as `npm run i18n:extract` would
 * write the English catalog) and returns the file it wrote.
 */
export async function extractSourceCatalogInto(dir: string): Promise<string> {
  const conf = linguiConfig();
  const [first] = conf.catalogs ?? [];
  if (!first) throw new Error('lingui.config.ts names no catalog');
  const into: LinguiConfigNormalized = {
    ...conf,
    catalogs: [{ ...first, path: path.join(dir, '{locale}', 'messages') }],
  };
  const [catalog] = await getCatalogs(into);
  if (!catalog) throw new Error('no catalog to extract into');
  const made = await catalog.make({
    clean: true,
    overwrite: false,
    locale: [sourceLocale()],
    orderBy: conf.orderBy,
  });
  if (made === false) throw new Error('the extractor failed (see its output above)');
  return catalog.getFilename(sourceLocale());
}
