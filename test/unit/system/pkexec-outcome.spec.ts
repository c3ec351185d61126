import { test, expect } from '@playwright/test';
import { classifyPkexecExit } from '../../../electron/system/pkexec-outcome';
import { SUDO_PROMPT_MESSAGES } from '../../../electron/system/elevation-errors';
import { STEP_EXIT } from '../../../electron/system/privileged-script';

test('the step’s own exit codes are the step’s, whatever it printed', () => {
  for (const code of Object.values(STEP_EXIT)) {
    expect(classifyPkexecExit(code, '', '')).toEqual({ kind: 'ran' });
  }
});

test('126 (dialog dismissed) and 127 (not authorized) are refusals', () => {
  expect(
    classifyPkexecExit(126, '', 'Error executing command as another user: Request dismissed\n'),
  ).toEqual({
    kind: 'not-elevated',
    message: SUDO_PROMPT_MESSAGES.permissionDenied,
  });
  expect(
    classifyPkexecExit(
      127,
      '',
      'Error executing command as another user: Not authorized\n\nThis incident has been reported.\n',
    ),
  ).toEqual({ kind: 'not-elevated', message: SUDO_PROMPT_MESSAGES.permissionDenied });
});

test('127 with no agent to ask: "no polkit agent"', () => {
  expect(
    classifyPkexecExit(
      127,
      '',
      'Error executing command as another user: No authentication agent found.\n',
    ),
  ).toEqual({ kind: 'not-elevated', message: SUDO_PROMPT_MESSAGES.noPolkitAgent });
});

test('126 or 127 after the step spoke are the step’s own', () => {
  expect(classifyPkexecExit(127, '', 'nonlocal-bind: something failed\n')).toEqual({ kind: 'ran' });
  expect(classifyPkexecExit(126, 'nonlocal-bind: applied\n', '')).toEqual({ kind: 'ran' });
});
