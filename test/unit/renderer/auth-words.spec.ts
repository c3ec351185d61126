import { test, expect } from '@playwright/test';
import type { AppState, PasswordPrompt } from '../../../electron/contract';
import { describeAuth } from '../../../renderer/src/auth-words';

const systemWith = (passwordPrompt: PasswordPrompt): AppState =>
  ({ passwordPrompt, otherApplyRunning: false }) as AppState;

test('the hint beside Apply promises a password only where one can be asked', () => {
  expect(describeAuth(systemWith('asks'), false)).toBe(
    'Asks for your password once. Ctrl+Enter applies.',
  );
  expect(describeAuth(systemWith('root'), false)).toBe(
    'Running as administrator: no password is asked. Ctrl+Enter applies.',
  );
  for (const prompt of ['no-pkexec', 'no-agent'] as const) {
    const words = describeAuth(systemWith(prompt), false);
    expect(words).not.toContain('Asks for your password');
    expect(words).toContain('the commands to run instead appear here');
  }
  expect(describeAuth(systemWith('no-pkexec'), true)).toBe('Applying…');
  expect(describeAuth(systemWith('asks'), true)).toContain('Waiting for your password');
});
