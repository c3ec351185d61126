// Writes the desktop entry's words from the catalogs into electron-builder.yml.
// Usage: npx tsx scripts/packaging/sync-desktop-entry.ts (merge-outside-translations.ts
// runs it too). Safe to run again: the file changes only when the words did.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { desktopEntryFields, rewriteDesktopEntry } from './desktop-entry';
import { readOutsideCatalog } from './outside-catalog';
import { LOCALES_DIR } from './polkit-files';

const BUILDER_CONFIG = 'electron-builder.yml';

export async function syncDesktopEntry(
  configFile = BUILDER_CONFIG,
  localesDir = LOCALES_DIR,
): Promise<string> {
  const catalog = readOutsideCatalog(localesDir);
  if (!catalog.ok) return `not written: ${catalog.error}`;
  const before = readFileSync(configFile, 'utf8');
  const after = rewriteDesktopEntry(before, desktopEntryFields(catalog.catalog));
  if (!after.ok) return `not written: ${after.error}`;
  // Written as the project's Prettier writes YAML, so `npm run lint` stays clean.
  const options = (await prettier.resolveConfig(configFile)) ?? {};
  const text = await prettier.format(after.text, { ...options, filepath: configFile });
  if (text === before) return `${configFile}: the desktop entry is up to date`;
  writeFileSync(configFile, text);
  return `${configFile}: desktop entry written`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const outcome = await syncDesktopEntry();
  process.stdout.write(`${outcome}\n`);
  if (outcome.startsWith('not written')) process.exitCode = 1;
}
