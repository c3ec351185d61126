import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { localeReportLine } from '../../../electron/system/diagnostics-locale';
import { decideLocaleRequest } from '../../../electron/shell/locale-request';

// The README's "Languages" section says what the code does.
const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(
  readme.indexOf('## Languages\n'),
  readme.indexOf('## Other scripts\n'),
);

test('the README tells how to choose the language, and that the report stays English', () => {
  expect(section.length).toBeGreaterThan(100);
  for (const said of [
    'npm start -- --lang de',
    'LANGUAGE=fr npm start',
    'npm run preview -- --demo fresh --lang es',
    'The diagnostics report stays in English on purpose',
    '[Deutsch](docs/guide.de.md)',
    '[Français](docs/guide.fr.md)',
    '[Español](docs/guide.es.md)',
  ]) {
    expect(section, said).toContain(said);
  }
  // The example line is the one the report writes.
  expect(section).toContain(
    localeReportLine({
      requested: ['de-DE', 'de'],
      source: 'LANGUAGE',
      shown: 'de',
      fellBack: false,
    }),
  );
});

test('the README’s order of precedence is the code’s', () => {
  const argv = ['electron', '.'];
  // --lang wins over LANGUAGE, which wins over the system.
  expect(
    decideLocaleRequest([...argv, '--lang', 'de'], { LANGUAGE: 'fr', LANG: 'es_ES' }, ['es']),
  ).toMatchObject({ request: { requested: ['de'] } });
  expect(decideLocaleRequest(argv, { LANGUAGE: 'fr', LANG: 'es_ES' }, ['es'])).toMatchObject({
    request: { requested: ['fr'] },
  });
  // LC_ALL=C means English; with no locale variable at all LANGUAGE still counts.
  expect(decideLocaleRequest(argv, { LANGUAGE: 'fr', LC_ALL: 'C' }, ['es'])).toMatchObject({
    request: { requested: [] },
  });
  expect(decideLocaleRequest(argv, { LANGUAGE: 'fr_CA:fr' }, ['es'])).toMatchObject({
    request: { requested: ['fr-CA', 'fr'] },
  });
  expect(section).toContain('`--lang` wins over `LANGUAGE`, which wins over the system');
  expect(section).toContain('`LC_ALL=C` means English');
});
