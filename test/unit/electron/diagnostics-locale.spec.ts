import { test, expect } from '@playwright/test';
import { API_PATH_PREFIX, API_TOKEN_HEADER } from '../../../electron/contract';
import { createBackend } from '../../../electron/handlers/create-backend';
import { findDemoScenario } from '../../../electron/demo/scenarios';
import { previewLocale } from '../../../electron/preview/preview-locale';
import { startPreviewServer } from '../../../electron/preview/server';
import { localeReportLine } from '../../../electron/system/diagnostics-locale';

// The diagnostics report stays English (support reads and searches it) and names the
// language the user's window shows, and what asked for it.

test('the line names the UI language, what was asked for and by what', () => {
  expect(
    localeReportLine({
      requested: ['de-DE', 'de'],
      source: 'LANGUAGE',
      shown: 'de',
      fellBack: false,
    }),
  ).toBe('UI language: de (asked for de-DE, de by the LANGUAGE variable)');
  expect(
    localeReportLine({ requested: ['ja-JP'], source: 'system', shown: 'en', fellBack: true }),
  ).toBe("UI language: en (asked for ja-JP by the system's languages, no catalog for any of them)");
  expect(localeReportLine(null)).toBe(
    'UI language: not known yet (the window has not asked for its words)',
  );
  // However long the list, the line stays one short line.
  const many = Array.from({ length: 40 }, (_, i) => `x${'y'.repeat(60)}${i}`);
  const line = localeReportLine({
    requested: many,
    source: 'browser',
    shown: 'en',
    fellBack: true,
  });
  expect(line.length).toBeLessThan(400);
  expect(line).toContain(', …');
});

test('the preview reports the languages its page’s browser asks for, and only its page’s', async () => {
  const scenario = findDemoScenario('enabled');
  if (!scenario) throw new Error('scenario missing');
  // Wired as serve.ts wires it.
  const locale = previewLocale(null);
  const backend = await createBackend({
    target: { kind: 'demo', scenario },
    version: '1.0.0',
    uiLocale: locale.report,
  });
  const server = await startPreviewServer({
    port: 0,
    table: backend.table,
    staticDir: '/nonexistent',
    pageLanguages: locale.pageAsked,
  });
  const call = (headers: Record<string, string>) =>
    fetch(`${server.origin}${API_PATH_PREFIX}diagnostics:get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  try {
    // A stranger without the token cannot set the line.
    expect((await call({ 'accept-language': 'fr' })).status).toBe(403);
    expect(locale.report()).toBeNull();
    const answer = await call({
      [API_TOKEN_HEADER]: server.token,
      'accept-language': 'es-MX,es;q=0.9,en;q=0.8',
    });
    const body = (await answer.json()) as { ok: boolean; value: { text: string } };
    expect(body.ok).toBe(true);
    expect(body.value.text).toContain(
      "\nUI language: es (asked for es-MX, es, en by the browser's languages)\n",
    );
    // The rest stays English.
    expect(body.value.text).toMatch(/^Nonlocal Bind diagnostics\n/);
    // The next request of the page changes the line: it is read when the report is gathered.
    const next = (await (
      await call({ [API_TOKEN_HEADER]: server.token, 'accept-language': 'ja' })
    ).json()) as { value: { text: string } };
    expect(next.value.text).toContain(
      "\nUI language: en (asked for ja by the browser's languages, no catalog for any of them)\n",
    );
  } finally {
    await server.close();
    backend.dispose();
  }
});

test('with --lang the preview reports its list, whatever the page’s browser asks for', () => {
  const locale = previewLocale(['de-CH', 'de']);
  locale.pageAsked('fr');
  expect(locale.report()).toEqual({
    requested: ['de-CH', 'de'],
    source: 'argument',
    shown: 'de',
    fellBack: false,
  });
});

test('a diagnostics report without a transport’s language says it is not known', async () => {
  const scenario = findDemoScenario('enabled');
  if (!scenario) throw new Error('scenario missing');
  const backend = await createBackend({ target: { kind: 'demo', scenario }, version: '1.0.0' });
  try {
    const answer = await backend.table['diagnostics:get'](null);
    expect(answer.ok && answer.value.text).toContain(
      '\nUI language: not known yet (the window has not asked for its words)\n',
    );
  } finally {
    backend.dispose();
  }
});
