import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseShellWords,
  readShellWords,
  SHELL_WORD_KEYS,
} from '../../../electron/shell/shell-words';

// Main reads dist/electron/shell-words.json once at start; whatever is there is checked
// like any input, and a bad file leaves Electron's own English labels (never a hang).

const words = (word: string) => Object.fromEntries(SHELL_WORD_KEYS.map((key) => [key, word]));

let dir: string;
test.beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nb-shell-words-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a language’s words are taken only when every key holds a short text', () => {
  const good = JSON.stringify({ de: words('Wort') });
  expect(parseShellWords(good, 'de')).toEqual({ ok: true, words: words('Wort') });
  expect(parseShellWords(good, 'fr')).toEqual({ ok: false, error: 'no-language' });
  // Inherited names are not languages.
  expect(parseShellWords(good, 'constructor')).toEqual({ ok: false, error: 'no-language' });
  const { 'menu.quit': _quit, ...lacking } = words('Wort');
  for (const bad of [
    '{',
    '[]',
    'null',
    JSON.stringify({ de: lacking }),
    JSON.stringify({ de: { ...words('Wort'), 'menu.quit': '' } }),
    JSON.stringify({ de: { ...words('Wort'), 'menu.quit': 42 } }),
    JSON.stringify({ de: words('x'.repeat(201)) }),
    JSON.stringify({ de: 'Wort' }),
  ]) {
    expect(parseShellWords(bad, 'de'), bad.slice(0, 60)).toEqual({ ok: false, error: 'malformed' });
  }
});

test('the file is read only when it is a regular file of sane size', () => {
  const file = path.join(dir, 'shell-words.json');
  expect(readShellWords(file, 'de')).toEqual({ ok: false, error: 'unreadable' });
  writeFileSync(file, JSON.stringify({ de: words('Wort') }));
  expect(readShellWords(file, 'de')).toEqual({ ok: true, words: words('Wort') });
  writeFileSync(file, ' '.repeat(256 * 1024 + 1));
  expect(readShellWords(file, 'de')).toEqual({ ok: false, error: 'malformed' });
  rmSync(file);
  // A named pipe with no writer would hang main's start if it were read plainly.
  expect(spawnSync('mkfifo', [file]).status).toBe(0);
  expect(readShellWords(file, 'de')).toEqual({ ok: false, error: 'unreadable' });
});
