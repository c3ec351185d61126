// Part of `npm run build`: writes what the app shows outside its window.
// - dist/polkit/: the named polkit action's policy (with its translations) and helper,
//   from which electron-builder's deb and rpm targets install them (the `fpm` mappings in
//   electron-builder.yml). The modes set here are the installed modes.
// - dist/electron/shell-words.json: the About panel's and menu bar's words for main.
// The words come from renderer/src/outside-messages.ts and the renderer's PO catalogs.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHELL_WORDS_FILE } from '../../electron/shell/shell-words';
import { readOutsideCatalog } from './outside-catalog';
import { actionWordsOf, LOCALES_DIR, polkitPackageFiles, vendorOf } from './polkit-files';
import { shellWordsFile } from './shell-words-file';

const catalog = readOutsideCatalog(LOCALES_DIR);
if (!catalog.ok) {
  process.stderr.write(`The words outside the window: ${catalog.error}\n`);
  process.exit(1);
}
// Untranslated words are shown in English; the catalog test names them, the build only counts.
if (catalog.catalog.missing.length > 0) {
  process.stdout.write(
    `Outside the window, ${catalog.catalog.missing.length} translations are missing and show English (npm run i18n:extract, then npx tsx scripts/packaging/merge-outside-translations.ts fills in the first translations).\n`,
  );
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0];
// The catalogs read above, not a second time.
for (const file of polkitPackageFiles(vendorOf(pkg), actionWordsOf(catalog.catalog))) {
  mkdirSync(path.dirname(file.source), { recursive: true });
  writeFileSync(file.source, file.content);
  // writeFileSync's mode applies only to a new file, and then through the umask.
  chmodSync(file.source, file.mode);
}
// A fresh checkout (the mutation runner's worktree) has no dist/electron yet.
mkdirSync(path.join('dist', 'electron'), { recursive: true });
writeFileSync(
  path.join('dist', 'electron', SHELL_WORDS_FILE),
  `${JSON.stringify(shellWordsFile(catalog.catalog), null, 2)}\n`,
);
