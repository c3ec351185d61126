import { test, expect } from '@playwright/test';
import { ESLint } from 'eslint';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/i18n/catalog-source.ts';

// The lint rule that keeps every word a message: planted user-visible text fails, in a
// component and in a words module; technical strings and messages pass.

const RULE = 'lingui/no-unlocalized-strings';

async function ruleHits(relativePath: string, code: string): Promise<number> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const filePath = path.join(REPO_ROOT, relativePath);
  expect(await eslint.isPathIgnored(filePath), `${relativePath} is linted`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath });
  // A file ESLint cannot parse gets no rule run at all: zero hits would mean nothing.
  const fatal = (result?.messages ?? []).filter((m) => m.fatal);
  expect(
    fatal.map((m) => m.message),
    `${relativePath} parses`,
  ).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).length;
}

test('text in JSX and sentences in a words module outside a message fail', async () => {
  test.setTimeout(120_000); // ESLint loads the whole flat config and its plugins
  expect(
    await ruleHits(
      'renderer/src/components/planted-note.tsx',
      'export const Note = () => <p className="note">The setting is on.</p>;\n',
    ),
  ).toBe(1);
  expect(
    await ruleHits(
      'renderer/src/words/planted-words.ts',
      "export function planted(): string {\n  return 'Done.';\n}\nexport const title = (): string => `Could not read ${'x'}`;\n",
    ),
  ).toBe(2);
  expect(
    await ruleHits(
      'renderer/src/components/planted-button.tsx',
      'export const B = () => <button aria-label="Close the panel" type="button">x</button>;\n',
    ),
  ).toBe(1);
});

test('messages and technical strings pass', async () => {
  test.setTimeout(120_000);
  const code = [
    "import { t } from '@lingui/core/macro';",
    "import { Trans } from '@lingui/react/macro';",
    "const sysctlSystem = '`sysctl --system`';",
    "const path = '/etc/sysctl.d/99-nonlocal-bind.conf';",
    "const engine = 'Docker Compose';",
    "const command = 'ip netns exec web sysctl net.ipv4.ip_nonlocal_bind';",
    'export const Ok = () => (',
    '  <p className="note warning" data-testid="ok" id="ok-note" role="note">',
    '    <Trans>Read {path} with {sysctlSystem} in {engine}: {command}</Trans>',
    '  </p>',
    ');',
    'export const word = (): string => t`The setting is on.`;',
    "export const kind = (on: boolean): 'on' | 'off' => (on ? 'on' : 'off');",
    '',
  ].join('\n');
  expect(await ruleHits('renderer/src/components/planted-ok.tsx', code)).toBe(0);
});
